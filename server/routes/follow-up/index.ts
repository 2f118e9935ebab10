import type { FastifyPluginAsync } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { loadFollowUpRecords, recordExtension, recordResult } from '../../../db/repositories/follow-up'
import { listMeetings } from '../../../db/repositories/meetings'
import { vietnamDate } from '../../../shared/calendar/working-days'
import { fail, ok, type Result, appError } from '../../../shared/errors'
import { extendSchema, extendedDueDate, followUpItems, publicFollowUpItem, followUpStatus, resultSchema, type FollowUpItem, type FollowUpStatus } from '../../../shared/followup'
import type { FastifyRequest } from 'fastify'
import { followUpReadUnit, mayReportFollowUp, seesConfidentialPetitioners } from '../../../shared/access/policy'
import { sendError, sendResult } from '../../http-errors'
import { audit } from '../../auth/audit'
import { errors } from '../meetings/schemas'

// Follow-up of the commitments made in the room, per meeting and across meetings. The secretary
// records results and extensions; a unit lead sees only its own unit's items (confidential ones by
// number only) and reports their results itself.
const itemParams = z.strictObject({ meetingId: z.uuid(), petitionNo: z.coerce.number().int().min(1) })
const resultInFuture = 'Ngày có kết quả không được sau hôm nay.'
const item = z.looseObject({ meetingId: z.string(), petitionNo: z.int(), status: z.string(), effectiveDueDate: z.string() })

const followUpRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>()

  async function itemsOf(meetingId: string): Promise<Result<(FollowUpItem & { status: FollowUpStatus })[]>> {
    const state = await app.meetingLog.state(meetingId)
    if (!state) return fail('MEETING_NOT_FOUND')
    const { calendar } = await app.office.context()
    const today = vietnamDate(new Date())
    const items = followUpItems(state, await loadFollowUpRecords(app.db, meetingId))
    return ok(items.map((i) => ({ ...i, status: followUpStatus(i, today, calendar) })))
  }

  app.get(
    '/api/meetings/:meetingId/follow-ups',
    { config: { action: 'followups:read' }, schema: { params: z.strictObject({ meetingId: z.uuid() }), response: { 200: z.object({ items: z.array(item) }), ...errors } } },
    async (req, reply) => {
      const items = await itemsOf(req.params.meetingId)
      if (!items.ok) return sendError(reply, items.error)
      const unit = followUpReadUnit(req.principal)
      // A unit lead gets its own unit's items; everyone but the secretary and the chair sees a
      // confidential petition by its number only, as on every list beyond them.
      const mine = unit !== null ? items.data.filter((i) => i.unitId === unit) : items.data
      const full = seesConfidentialPetitioners(req.principal)
      return { items: mine.map((i) => (full ? { ...i } : { ...publicFollowUpItem(i), status: i.status })) }
    },
  )

  // Across meetings: what every unit still owes. Items carry no petitioner, and a confidential
  // petition appears by its number only: its subject alone can point to who filed it.
  app.get('/api/follow-ups', { config: { action: 'followups:read' }, schema: { response: { 200: z.object({ items: z.array(item) }) } } }, async (req) => {
    const unit = followUpReadUnit(req.principal)
    const all = []
    for (const m of await listMeetings(app.db, 1000)) {
      const items = await itemsOf(m.meetingId)
      if (!items.ok) continue
      all.push(...items.data.filter((i) => unit === null || i.unitId === unit).map((i) => ({ ...publicFollowUpItem(i), status: i.status })))
    }
    return { items: all.sort((a, b) => (a.effectiveDueDate < b.effectiveDueDate ? -1 : 1)) }
  })

  /**
   * The item `req`'s caller records something against, as it stands now. A unit lead may only touch
   * its own unit's items (a secretary, any).
   */
  async function itemToChange(req: FastifyRequest, meetingId: string, petitionNo: number): Promise<Result<FollowUpItem & { status: FollowUpStatus }>> {
    const items = await itemsOf(meetingId)
    if (!items.ok) return items
    const found = items.data.find((i) => i.petitionNo === petitionNo)
    if (!found) return fail('NOT_FOUND', `Kiến nghị số ${petitionNo} không có cam kết trả lời cần theo dõi.`)
    const unit = followUpReadUnit(req.principal)
    if (unit !== null && found.unitId !== unit) return fail('FORBIDDEN', 'Kiến nghị này không giao cho đơn vị của bạn.')
    return ok(unit !== null ? { ...publicFollowUpItem(found), status: found.status } : { ...found })
  }

  app.post(
    '/api/meetings/:meetingId/follow-ups/:petitionNo/extend',
    { config: { action: 'followups:extend' }, schema: { params: itemParams, body: extendSchema, response: { 200: item, ...errors } } },
    async (req, reply) => {
      const { meetingId, petitionNo } = req.params
      const item = await itemToChange(req, meetingId, petitionNo)
      if (!item.ok) return sendError(reply, item.error)
      const found = item.data
      if (found.record.extendedDueDate) return sendError(reply, appError('ALREADY_EXTENDED'))
      const state = (await app.meetingLog.state(meetingId))!
      // Counted from the day the notice was issued, as the notice states; before that, from the meeting.
      const from = state.notice?.date || state.details.meetingDate || vietnamDate(new Date())
      const { calendar, rules } = await app.office.context()
      const due = extendedDueDate(found, state.details.level, from, calendar, rules)
      if (!(await recordExtension(app.db, meetingId, petitionNo, due, req.body.reason))) return sendError(reply, appError('ALREADY_EXTENDED'))
      await audit(app.db, req, 'follow-up-extended', `Kiến nghị số ${petitionNo}, hội nghị «${state.title}»: hạn mới ${due}`)
      return sendResult(reply, await itemToChange(req, meetingId, petitionNo))
    },
  )

  app.post(
    '/api/meetings/:meetingId/follow-ups/:petitionNo/result',
    { config: { action: 'followups:report' }, schema: { params: itemParams, body: resultSchema, response: { 200: item, ...errors } } },
    async (req, reply) => {
      const { meetingId, petitionNo } = req.params
      // A result is recorded once it came: its date is not in the future.
      if (req.body.date > vietnamDate(new Date())) return sendError(reply, appError('VALIDATION_FAILED', resultInFuture, { date: resultInFuture }))
      const item = await itemToChange(req, meetingId, petitionNo)
      if (!item.ok) return sendError(reply, item.error)
      const found = item.data
      // Reading more (oversight, chair) never widens what a unit lead may change.
      if (!mayReportFollowUp(req.principal, found.unitId)) return sendError(reply, appError('FORBIDDEN', 'Kiến nghị này không giao cho đơn vị của bạn.'))
      if (found.record.result) return sendError(reply, appError('RESULT_ALREADY_RECORDED'))
      if (!(await recordResult(app.db, meetingId, petitionNo, req.body))) return sendError(reply, appError('RESULT_ALREADY_RECORDED'))
      await audit(app.db, req, 'follow-up-result', `Kiến nghị số ${petitionNo} (${found.unitName}), hội nghị «${found.meetingTitle}»`)
      return sendResult(reply, await itemToChange(req, meetingId, petitionNo))
    },
  )
}

export default followUpRoutes

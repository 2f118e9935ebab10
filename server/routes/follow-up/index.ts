import type { FastifyPluginAsync } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { listDocumentVersions } from '../../../db/repositories/documents'
import { loadFollowUpRecords, recordExtension, recordResult } from '../../../db/repositories/follow-up'
import { listMeetings } from '../../../db/repositories/meetings'
import { vietnamDate } from '../../../shared/calendar/working-days'
import { fail, ok, type Result, appError } from '../../../shared/errors'
import { extendSchema, extendedDueDate, followUpItems, publicFollowUpItem, followUpStatus, resultSchema, type FollowUpItem, type FollowUpStatus } from '../../../shared/followup'
import { authorizeFor } from '../../access'
import { sendError, sendResult } from '../../http-errors'
import { errors, keyHeaders } from '../meetings/schemas'

// Follow-up of the commitments made in the room, per meeting and across meetings. Units report
// their results here (for now through the secretary; unit accounts come with issue 5).
const itemParams = z.strictObject({ meetingId: z.uuid(), petitionNo: z.coerce.number().int().min(1) })
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
    { schema: { params: z.strictObject({ meetingId: z.uuid() }), headers: keyHeaders, response: { 200: z.object({ items: z.array(item) }), ...errors } } },
    async (req, reply) => {
      const role = await authorizeFor(app.db, req.params.meetingId, req.headers['x-meeting-key'], ['secretary', 'chair'])
      if (!role.ok) return sendError(reply, role.error)
      const items = await itemsOf(req.params.meetingId)
      return items.ok ? { items: items.data.map((i) => ({ ...i })) } : sendError(reply, items.error)
    },
  )

  // Across meetings: what every unit still owes. Items carry no petitioner, and a confidential
  // petition appears by its number only: its subject alone can point to who filed it.
  app.get('/api/follow-ups', { schema: { response: { 200: z.object({ items: z.array(item) }) } } }, async () => {
    const all = []
    for (const m of await listMeetings(app.db, 1000)) {
      const items = await itemsOf(m.meetingId)
      if (items.ok) all.push(...items.data.map((i) => ({ ...publicFollowUpItem(i), status: i.status })))
    }
    return { items: all.sort((a, b) => (a.effectiveDueDate < b.effectiveDueDate ? -1 : 1)) }
  })

  /** The item a secretary records something against, as it stands now. */
  async function itemToChange(meetingId: string, petitionNo: number, key: string | undefined): Promise<Result<FollowUpItem & { status: FollowUpStatus }>> {
    const role = await authorizeFor(app.db, meetingId, key, ['secretary'])
    if (!role.ok) return role
    const items = await itemsOf(meetingId)
    if (!items.ok) return items
    const found = items.data.find((i) => i.petitionNo === petitionNo)
    return found ? ok({ ...found }) : fail('NOT_FOUND', `Kiến nghị số ${petitionNo} không có cam kết trả lời cần theo dõi.`)
  }

  app.post(
    '/api/meetings/:meetingId/follow-ups/:petitionNo/extend',
    { schema: { params: itemParams, headers: keyHeaders, body: extendSchema, response: { 200: item, ...errors } } },
    async (req, reply) => {
      const { meetingId, petitionNo } = req.params
      const item = await itemToChange(meetingId, petitionNo, req.headers['x-meeting-key'])
      if (!item.ok) return sendError(reply, item.error)
      const found = item.data
      if (found.record.extendedDueDate) return sendError(reply, appError('ALREADY_EXTENDED'))
      const state = (await app.meetingLog.state(meetingId))!
      // Counted from the issued notice when there is one, else from the meeting day.
      const notice = (await listDocumentVersions(app.db, meetingId, 'notice')).find((v) => v.version === 1)
      const from = notice?.document.date || state.details.meetingDate || vietnamDate(new Date())
      const { calendar, rules } = await app.office.context()
      await recordExtension(app.db, meetingId, petitionNo, extendedDueDate(found, state.details.level, from, calendar, rules), req.body.reason)
      return sendResult(reply, await itemToChange(meetingId, petitionNo, req.headers['x-meeting-key']))
    },
  )

  app.post(
    '/api/meetings/:meetingId/follow-ups/:petitionNo/result',
    { schema: { params: itemParams, headers: keyHeaders, body: resultSchema, response: { 200: item, ...errors } } },
    async (req, reply) => {
      const { meetingId, petitionNo } = req.params
      const item = await itemToChange(meetingId, petitionNo, req.headers['x-meeting-key'])
      if (!item.ok) return sendError(reply, item.error)
      const found = item.data
      if (found.record.result) return sendError(reply, appError('RESULT_ALREADY_RECORDED'))
      await recordResult(app.db, meetingId, petitionNo, req.body)
      return sendResult(reply, await itemToChange(meetingId, petitionNo, req.headers['x-meeting-key']))
    },
  )
}

export default followUpRoutes

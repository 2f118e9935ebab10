import { randomUUID } from 'node:crypto'
import type { FastifyPluginAsync } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { deleteCalendarDay, listCalendarDays, listCalendarYears, upsertCalendarDay } from '../../../db/repositories/calendar'
import { isoDate } from '../../../shared/meeting/commands'
import { optionalText } from '../../../shared/text'
import { parseDate } from '../../../shared/calendar/working-days'
import {
  deleteOfficial,
  deleteUnit,
  insertOfficial,
  insertUnit,
  loadDirectory,
  unitExists,
  updateOfficial,
  updateUnit,
} from '../../../db/repositories/directory'
import { officialInputSchema, unitInputSchema } from '../../../shared/directory'
import { loadDeadlineRules, saveDeadlineRules } from '../../../db/repositories/documents'
import { deadlineRuleSetSchema } from '../../../shared/meeting/rules'
import { appError } from '../../../shared/errors'
import { sendError } from '../../http-errors'
import { errors } from '../meetings/schemas'
import calendarYearRoutes, { calendarYearStatus } from './calendar-years'

// The office's directory of units and officials (who may be assigned to answer) and its holiday
// calendar. Anyone signed in (or a paired tablet) reads them; only an administrator edits them.
// Meetings keep copies of the names they used, so edits never change a record.
const idParams = z.strictObject({ id: z.uuid() })
const unit = z.object({ id: z.string(), name: z.string() })
const official = z.object({ id: z.string(), name: z.string(), title: z.string(), unitId: z.string().nullable() })
const directory = z.object({ units: z.array(unit), officials: z.array(official) })

const officeRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>()
  const changed = () => app.office.invalidate()

  app.get('/api/directory', { config: { action: 'office:read' }, schema: { response: { 200: directory } } }, async () => loadDirectory(app.db))

  app.post('/api/directory/units', { config: { action: 'office:write' }, schema: { body: unitInputSchema, response: { 201: unit, ...errors } } }, async (req, reply) => {
    const created = { id: randomUUID(), name: req.body.name }
    await insertUnit(app.db, created)
    changed()
    return reply.code(201).send(created)
  })

  app.put('/api/directory/units/:id', { config: { action: 'office:write' }, schema: { params: idParams, body: unitInputSchema, response: { 200: unit, ...errors } } }, async (req, reply) => {
    const updated = { id: req.params.id, name: req.body.name }
    if (!(await updateUnit(app.db, updated))) return sendError(reply, appError('UNIT_NOT_FOUND'))
    changed()
    return updated
  })

  app.delete('/api/directory/units/:id', { config: { action: 'office:write' }, schema: { params: idParams, response: { 204: z.null(), ...errors } } }, async (req, reply) => {
    if (!(await deleteUnit(app.db, req.params.id))) return sendError(reply, appError('UNIT_NOT_FOUND'))
    changed()
    return reply.code(204).send(null)
  })

  app.post('/api/directory/officials', { config: { action: 'office:write' }, schema: { body: officialInputSchema, response: { 201: official, ...errors } } }, async (req, reply) => {
    if (req.body.unitId && !(await unitExists(app.db, req.body.unitId))) {
      return sendError(reply, appError('UNIT_NOT_FOUND'))
    }
    const created = { id: randomUUID(), ...req.body }
    await insertOfficial(app.db, created)
    changed()
    return reply.code(201).send(created)
  })

  app.put(
    '/api/directory/officials/:id',
    { config: { action: 'office:write' }, schema: { params: idParams, body: officialInputSchema, response: { 200: official, ...errors } } },
    async (req, reply) => {
      if (req.body.unitId && !(await unitExists(app.db, req.body.unitId))) {
        return sendError(reply, appError('UNIT_NOT_FOUND'))
      }
      const updated = { id: req.params.id, ...req.body }
      if (!(await updateOfficial(app.db, updated))) return sendError(reply, appError('OFFICIAL_NOT_FOUND'))
      changed()
      return updated
    },
  )

  app.delete('/api/directory/officials/:id', { config: { action: 'office:write' }, schema: { params: idParams, response: { 204: z.null(), ...errors } } }, async (req, reply) => {
    if (!(await deleteOfficial(app.db, req.params.id))) return sendError(reply, appError('OFFICIAL_NOT_FOUND'))
    changed()
    return reply.code(204).send(null)
  })

  // The office's deadline sets (working days per level), used for every deadline decided afterwards.
  app.get('/api/office/deadlines', { config: { action: 'office:read' }, schema: { response: { 200: deadlineRuleSetSchema } } }, async () => loadDeadlineRules(app.db))
  app.put('/api/office/deadlines', { config: { action: 'office:write' }, schema: { body: deadlineRuleSetSchema, response: { 200: deadlineRuleSetSchema, ...errors } } }, async (req) => {
    await saveDeadlineRules(app.db, req.body)
    changed()
    return req.body
  })

  // The days, and each year an administrator loaded or confirmed (a year not listed is unconfirmed).
  app.get(
    '/api/calendar',
    {
      config: { action: 'office:read' },
      schema: { response: { 200: z.object({ days: z.array(z.object({ day: z.string(), kind: z.string(), note: z.string() })), years: z.array(calendarYearStatus) }) } },
    },
    async () => {
      const [days, years] = await Promise.all([listCalendarDays(app.db), listCalendarYears(app.db)])
      return { days, years }
    },
  )
  await app.register(calendarYearRoutes)

  // The calendar is data the administrator keeps each year: Tết and the swaps the government sets.
  const dayParams = z.strictObject({ day: isoDate })
  const dayBody = z.strictObject({ kind: z.enum(['day_off', 'working_day']), note: optionalText(200) })
  app.put('/api/calendar/:day', { config: { action: 'office:write' }, schema: { params: dayParams, body: dayBody, response: { 200: z.object({ day: z.string(), kind: z.string(), note: z.string() }), ...errors } } }, async (req, reply) => {
    const weekday = parseDate(req.params.day).getUTCDay()
    const weekend = weekday === 0 || weekday === 6
    // A weekday is already a working day and a weekend day already a day off: say so.
    if (weekend !== (req.body.kind === 'working_day')) {
      return reply.code(400).send({
        ok: false,
        error: { code: 'VALIDATION_FAILED', message: weekend ? 'Thứ Bảy, Chủ nhật đã là ngày nghỉ; chỉ có thể đánh dấu là ngày làm bù.' : 'Ngày thường đã là ngày làm việc; chỉ có thể đánh dấu là ngày nghỉ.' },
      })
    }
    const day = { day: req.params.day, ...req.body }
    await upsertCalendarDay(app.db, day)
    changed()
    return day
  })
  app.delete('/api/calendar/:day', { config: { action: 'office:write' }, schema: { params: dayParams, response: { 204: z.null(), ...errors } } }, async (req, reply) => {
    if (!(await deleteCalendarDay(app.db, req.params.day))) return sendError(reply, { code: 'NOT_FOUND', message: 'Ngày này không có trong lịch nghỉ.' })
    changed()
    return reply.code(204).send(null)
  })
}

export default officeRoutes

import type { FastifyPluginAsync } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { officialInputSchema, unitInputSchema } from '../../../shared/directory'
import { officeProfileSchema } from '../../../shared/documents/schema'
import { isoDate } from '../../../shared/meeting/commands'
import { deadlineRuleSetSchema } from '../../../shared/meeting/rules'
import { optionalText } from '../../../shared/text'
import { auditorOf } from '../../auth/audit'
import { sendResult } from '../../http-errors'
import { DirectoryService } from '../../office/directory-service'
import { OfficeSettingsService } from '../../office/office-settings-service'
import { errors } from '../meetings/schemas'
import calendarYearRoutes, { calendarYearStatus } from './calendar-years'

// The office's own data: its directory of units and officials (who may be assigned to answer), its
// header and document settings, its deadline sets and its holiday calendar. Anyone signed in (or a
// paired tablet) reads them; only an administrator edits them. HTTP only: the workflow and the audit
// row of each change are in server/office/directory-service.ts and office-settings-service.ts.
const idParams = z.strictObject({ id: z.uuid() })
const unit = z.object({ id: z.string(), name: z.string() })
const official = z.object({ id: z.string(), name: z.string(), title: z.string(), unitId: z.string().nullable() })
const directory = z.object({ units: z.array(unit), officials: z.array(official) })
const calendarDay = z.object({ day: z.string(), kind: z.string(), note: z.string() })

const officeRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>()
  const read = { action: 'office:read' } as const
  const write = { action: 'office:write' } as const
  const directoryService = new DirectoryService(app.db, app.office)
  const settings = new OfficeSettingsService(app.db, app.office)

  app.get('/api/directory', { config: read, schema: { response: { 200: directory } } }, async () => directoryService.read())

  app.post('/api/directory/units', { config: write, schema: { body: unitInputSchema, response: { 201: unit, ...errors } } }, async (req, reply) =>
    sendResult(reply, await directoryService.addUnit(req.body, auditorOf(req)), 201),
  )
  app.put('/api/directory/units/:id', { config: write, schema: { params: idParams, body: unitInputSchema, response: { 200: unit, ...errors } } }, async (req, reply) =>
    sendResult(reply, await directoryService.renameUnit(req.params.id, req.body, auditorOf(req))),
  )
  app.delete('/api/directory/units/:id', { config: write, schema: { params: idParams, response: { 204: z.null(), ...errors } } }, async (req, reply) =>
    sendResult(reply, await directoryService.removeUnit(req.params.id, auditorOf(req)), 204),
  )

  app.post('/api/directory/officials', { config: write, schema: { body: officialInputSchema, response: { 201: official, ...errors } } }, async (req, reply) =>
    sendResult(reply, await directoryService.addOfficial(req.body, auditorOf(req)), 201),
  )
  app.put('/api/directory/officials/:id', { config: write, schema: { params: idParams, body: officialInputSchema, response: { 200: official, ...errors } } }, async (req, reply) =>
    sendResult(reply, await directoryService.updateOfficial(req.params.id, req.body, auditorOf(req))),
  )
  app.delete('/api/directory/officials/:id', { config: write, schema: { params: idParams, response: { 204: z.null(), ...errors } } }, async (req, reply) =>
    sendResult(reply, await directoryService.removeOfficial(req.params.id, auditorOf(req)), 204),
  )

  // The office profile printed in document headers, with its document settings.
  app.get('/api/office', { config: read, schema: { response: { 200: officeProfileSchema } } }, async () => settings.profile())
  app.put('/api/office', { config: write, schema: { body: officeProfileSchema, response: { 200: officeProfileSchema, ...errors } } }, async (req, reply) =>
    sendResult(reply, await settings.saveProfile(req.body, auditorOf(req))),
  )

  // The office's deadline sets (working days per level), used for every deadline decided afterwards.
  app.get('/api/office/deadlines', { config: read, schema: { response: { 200: deadlineRuleSetSchema } } }, async () => settings.deadlineRules())
  app.put('/api/office/deadlines', { config: write, schema: { body: deadlineRuleSetSchema, response: { 200: deadlineRuleSetSchema, ...errors } } }, async (req, reply) =>
    sendResult(reply, await settings.saveDeadlineRules(req.body, auditorOf(req))),
  )

  // The days, and each year an administrator loaded or confirmed (a year not listed is unconfirmed).
  app.get('/api/calendar', { config: read, schema: { response: { 200: z.object({ days: z.array(calendarDay), years: z.array(calendarYearStatus) }) } } }, async () => settings.calendar())
  await app.register(calendarYearRoutes, { settings })

  // The calendar is data the administrator keeps each year: Tết and the swaps the government sets.
  const dayParams = z.strictObject({ day: isoDate })
  const dayBody = z.strictObject({ kind: z.enum(['day_off', 'working_day']), note: optionalText(200) })
  app.put('/api/calendar/:day', { config: write, schema: { params: dayParams, body: dayBody, response: { 200: calendarDay, ...errors } } }, async (req, reply) =>
    sendResult(reply, await settings.setCalendarDay({ day: req.params.day, ...req.body }, auditorOf(req))),
  )
  app.delete('/api/calendar/:day', { config: write, schema: { params: dayParams, response: { 204: z.null(), ...errors } } }, async (req, reply) =>
    sendResult(reply, await settings.removeCalendarDay(req.params.day, auditorOf(req)), 204),
  )
}

export default officeRoutes

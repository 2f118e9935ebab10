import type { FastifyPluginAsync } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { earliestDate, latestDate } from '../../../shared/calendar/working-days'
import { auditorOf } from '../../auth/audit'
import { sendResult } from '../../http-errors'
import { scheduleSourceSchema } from '../../office/calendar-import'
import type { OfficeSettingsService } from '../../office/office-settings-service'
import { errors } from '../meetings/schemas'

// A year of the holiday calendar at a time: load the government's schedule in one step (a pasted
// list, a .csv or an .ics file) after seeing a preview, and confirm the year against the official
// announcement. The administrator's, like every office change; the preview writes nothing.
const firstYear = Number(earliestDate.slice(0, 4))
const lastYear = Number(latestDate.slice(0, 4))
const yearMessage = `Năm phải là số có 4 chữ số, từ ${firstYear} đến ${lastYear}.`
export const calendarYearParams = z.strictObject({
  year: z
    .string()
    .regex(/^\d{4}$/, yearMessage)
    .transform(Number)
    .pipe(z.int().min(firstYear, yearMessage).max(lastYear, yearMessage)),
})

const day = z.object({ day: z.string(), kind: z.enum(['day_off', 'working_day']), note: z.string() })
const notice = z.object({ at: z.int(), source: z.string(), message: z.string() })
const changes = z.object({
  added: z.array(day),
  removed: z.array(day),
  changed: z.array(z.object({ day: z.string(), before: day, after: day })),
  unchanged: z.int(),
})
export const calendarYearStatus = z.object({
  year: z.int(),
  confirmedAt: z.string().nullable(),
  confirmedBy: z.string().nullable(),
  loadedAt: z.string().nullable(),
  loadedBy: z.string().nullable(),
})
const preview = z.object({
  year: z.int(),
  days: z.array(day.extend({ source: z.string() })),
  skipped: z.array(notice),
  problems: z.array(notice),
  changes,
  status: calendarYearStatus,
})
const applied = z.object({ year: z.int(), days: z.array(day), changes, status: calendarYearStatus })

const calendarYearRoutes: FastifyPluginAsync<{ settings: OfficeSettingsService }> = async (fastify, { settings }) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>()

  // What loading this text would do. Lines that are wrong are part of the answer, each with its
  // message, so the administrator sees every problem at once next to the days that were read.
  app.post(
    '/api/calendar/years/:year/preview',
    { config: { action: 'office:write' }, schema: { params: calendarYearParams, body: scheduleSourceSchema, response: { 200: preview, ...errors } } },
    async (req) => settings.previewCalendarYear(req.params.year, req.body),
  )

  app.put(
    '/api/calendar/years/:year',
    {
      config: { action: 'office:write' },
      schema: { params: calendarYearParams, body: scheduleSourceSchema.extend({ confirm: z.boolean().default(false) }), response: { 200: applied, ...errors } },
    },
    async (req, reply) => {
      const { confirm, ...source } = req.body
      return sendResult(reply, await settings.loadCalendarYear(req.params.year, source, confirm, auditorOf(req)))
    },
  )

  app.put(
    '/api/calendar/years/:year/confirmation',
    { config: { action: 'office:write' }, schema: { params: calendarYearParams, body: z.strictObject({ confirmed: z.boolean() }), response: { 200: calendarYearStatus, ...errors } } },
    async (req, reply) => sendResult(reply, await settings.confirmCalendarYear(req.params.year, req.body.confirmed, auditorOf(req))),
  )
}

export default calendarYearRoutes

import type { FastifyPluginAsync } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { optionalText } from '../../../shared/text'
import { loadOfficeProfile } from '../../../db/repositories/documents'
import { loadFollowUpRecords } from '../../../db/repositories/follow-up'
import { listMeetings } from '../../../db/repositories/meetings'
import { vietnamDate } from '../../../shared/calendar/working-days'
import { administrativeDocumentSchema } from '../../../shared/documents/schema'
import { buildResultsReport, reportDocument, reportQuerySchema, type ReportMeeting } from '../../../shared/report'
import { errors } from '../meetings/schemas'
import { sendDocument } from '../documents'

// The half-year / yearly results report: figures as JSON for the page and its charts, and the same
// figures as an administrative document. Figures only (no petitioner); read by the secretary, the
// chair, oversight and the administrator (reports:read).
const reportsRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>()

  async function build(from: string, to: string) {
    const meetings: ReportMeeting[] = []
    for (const m of await listMeetings(app.db, 10_000)) {
      const state = await app.meetingLog.state(m.meetingId)
      if (state) meetings.push({ state, followUps: await loadFollowUpRecords(app.db, m.meetingId) })
    }
    const { calendar } = await app.office.context()
    return buildResultsReport(meetings, from, to, vietnamDate(new Date()), calendar)
  }

  app.get('/api/reports/results', { config: { action: 'reports:read' }, schema: { querystring: reportQuerySchema, response: { 200: z.looseObject({ from: z.string(), to: z.string() }), ...errors } } }, async (req) => ({
    ...(await build(req.query.from, req.query.to)),
  }))

  const documentQuery = reportQuerySchema.extend({ signer: optionalText(120), position: optionalText(100) })
  async function document(q: z.output<typeof documentQuery>) {
    const report = await build(q.from, q.to)
    const office = await loadOfficeProfile(app.db)
    return reportDocument(report, office, vietnamDate(new Date()), { authority: '', position: q.position || 'THỦ TRƯỞNG CƠ QUAN', name: q.signer })
  }

  app.get('/api/reports/results/document', { config: { action: 'reports:read' }, schema: { querystring: documentQuery, response: { 200: administrativeDocumentSchema, ...errors } } }, async (req) =>
    document(req.query),
  )
  app.get('/api/reports/results/document/:format', { config: { action: 'reports:read' }, schema: { params: z.strictObject({ format: z.enum(['docx', 'print']) }), querystring: documentQuery } }, async (req, reply) =>
    sendDocument(reply, await document(req.query), req.params.format, `${req.query.from}-${req.query.to}`),
  )
}

export default reportsRoutes

import type { FastifyPluginAsync, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { administrativeDocumentSchema } from '../../../shared/documents/schema'
import { reportQuerySchema } from '../../../shared/report'
import { isoDate } from '../../../shared/meeting/commands'
import { optionalText, requiredText } from '../../../shared/text'
import { actorOf } from '../../auth/principal'
import { ReportDocumentService } from '../../documents/report-documents'
import { ReportService } from '../../reports/report-service'
import { sendError, sendResult } from '../../http-errors'
import { errors } from '../meetings/schemas'
import { sendDocument } from '../documents'

// The half-year / yearly results report: figures as JSON for the page and its charts, and the report
// as a document, drafted from the figures, edited, finalised and issued like the minutes. Figures
// only (no petitioner); read by the secretary, the chair, oversight and the administrator
// (reports:read), written by the secretary (documents:write).
const period = z.strictObject({ from: isoDate, to: isoDate })
const versionParams = period.extend({ version: z.coerce.number().int().min(1) })
const formatParams = period.extend({ format: z.enum(['docx', 'print']) })
const versionMeta = z.object({ version: z.int(), note: z.string(), savedBy: z.string(), savedAt: z.string() })
const issuedMeta = z.object({ number: z.int(), symbol: z.string(), date: z.string(), issuedBy: z.string(), issuedAt: z.string() })

const reportsRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>()
  const reports = new ReportService(app.db, app.office)
  const service = new ReportDocumentService(app.db, reports)
  const base = '/api/reports/:from/:to'

  app.get('/api/reports/results', { config: { action: 'reports:read' }, schema: { querystring: reportQuerySchema, response: { 200: z.looseObject({ from: z.string(), to: z.string() }), ...errors } } }, async (req) => ({
    ...(await reports.figures(req.query.from, req.query.to)).report,
  }))

  app.get(
    `${base}/document`,
    {
      config: { action: 'reports:read' },
      schema: {
        params: period,
        response: {
          200: z.object({
            kind: z.string(),
            draft: administrativeDocumentSchema,
            draftSaved: z.object({ savedAt: z.string(), savedBy: z.string() }).nullable(),
            versions: z.array(versionMeta.extend({ issued: issuedMeta.nullable() })),
            dueDate: z.null(),
            overdue: z.boolean(),
            issuedOn: z.string().nullable(),
            issuedLate: z.boolean(),
            noticeDueDate: z.null(),
            noticeWorkingDays: z.int(),
            register: z.object({ type: z.string(), year: z.int(), suggestedNumber: z.int() }),
            protectedInDraft: z.object({ names: z.array(z.string()), places: z.array(z.string()) }),
          }),
          ...errors,
        },
      },
    },
    async (req, reply) => sendResult(reply, await service.view(req.params.from, req.params.to)),
  )

  app.put(
    `${base}/document/draft`,
    { config: { action: 'documents:write' }, schema: { params: period, body: z.strictObject({ document: administrativeDocumentSchema }), response: { 200: z.object({ ok: z.literal(true) }), ...errors } } },
    async (req, reply) => {
      const saved = await service.saveDraft(req.params.from, req.params.to, req.body.document, savedBy(req))
      return saved.ok ? { ok: true as const } : sendError(reply, saved.error)
    },
  )

  app.post(
    `${base}/document/draft/regenerate`,
    { config: { action: 'documents:write' }, schema: { params: period, response: { 200: z.object({ ok: z.literal(true) }), ...errors } } },
    async (req) => {
      await service.regenerate(req.params.from, req.params.to)
      return { ok: true as const }
    },
  )

  app.post(
    `${base}/document/finalize`,
    { config: { action: 'documents:write' }, schema: { params: period, body: z.strictObject({ number: optionalText(20).optional(), note: optionalText(1000) }), response: { 201: z.object({ version: z.int() }), ...errors } } },
    async (req, reply) => sendResult(reply, await service.finalize(req.params.from, req.params.to, req.body, savedBy(req)), 201),
  )

  app.post(
    `${base}/document/versions/:version/issue`,
    {
      config: { action: 'documents:write' },
      schema: {
        params: versionParams,
        body: z.strictObject({
          commandId: z.uuid(),
          number: z.int().min(1).max(99_999),
          date: isoDate,
          signature: z.strictObject({ authority: optionalText(100), position: requiredText(100), name: optionalText(120) }).optional(),
          placesAcknowledged: z.array(requiredText(200)).max(20).optional(),
        }),
        response: { 201: issuedMeta.extend({ version: z.int() }), ...errors },
      },
    },
    async (req, reply) => {
      const issued = await service.issue(req.params.from, req.params.to, req.params.version, req.body, savedBy(req))
      if (!issued.ok) return sendError(reply, issued.error)
      const i = issued.data
      return reply.code(201).send({ version: i.version, number: i.number, symbol: i.symbol, date: i.date, issuedBy: i.issuedBy, issuedAt: i.issuedAt })
    },
  )

  app.get(
    `${base}/document/versions/:version`,
    { config: { action: 'reports:read' }, schema: { params: versionParams, response: { 200: versionMeta.extend({ document: administrativeDocumentSchema }), ...errors } } },
    async (req, reply) => sendResult(reply, await service.version(req.params.from, req.params.to, req.params.version)),
  )

  app.get(`${base}/document/draft/:format`, { config: { action: 'reports:read' }, schema: { params: formatParams } }, async (req, reply) => {
    const view = await service.view(req.params.from, req.params.to)
    if (!view.ok) return sendError(reply, view.error)
    return sendDocument(reply, view.data.draft, req.params.format, `du-thao-${req.params.from}-${req.params.to}`)
  })

  app.get(`${base}/document/versions/:version/:format`, { config: { action: 'reports:read' }, schema: { params: versionParams.extend({ format: z.enum(['docx', 'print']) }) } }, async (req, reply) => {
    const found = await service.version(req.params.from, req.params.to, req.params.version)
    if (!found.ok) return sendError(reply, found.error)
    return sendDocument(reply, found.data.document, req.params.format, `v${req.params.version}`)
  })

  app.get(`${base}/document/issued/:version/:format`, { config: { action: 'reports:read' }, schema: { params: versionParams.extend({ format: z.enum(['docx', 'print']) }) } }, async (req, reply) => {
    const found = await service.issued(req.params.from, req.params.to, req.params.version)
    if (!found.ok) return sendError(reply, found.error)
    return sendDocument(reply, found.data.document, req.params.format, `so-${found.data.number}-${found.data.year}`)
  })
}

/** Who saved a version, as the version history shows it. */
const savedBy = (req: FastifyRequest): string => actorOf(req.principal)?.name ?? 'Không rõ'

export default reportsRoutes

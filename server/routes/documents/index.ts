import type { FastifyPluginAsync } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { administrativeDocumentSchema, finalizeSchema } from '../../../shared/documents/schema'
import type { Action } from '../../../shared/access/policy'
import { actorOf } from '../../auth/principal'
import { DocumentService } from '../../documents/document-service'
import { renderDocx } from '../../documents/docx'
import { printPageCsp, renderPrintHtml } from '../../documents/html'
import type { AdministrativeDocument } from '../../../shared/documents/model'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { sendError, sendResult } from '../../http-errors'
import { errors } from '../meetings/schemas'
import { isoDate } from '../../../shared/meeting/commands'
import { optionalText, requiredText } from '../../../shared/text'

// Each meeting's minutes and conclusion notice (the office profile in their headers is under routes/office):
// read by the secretary, the chair and oversight, edited, finalised and issued by the secretary. An
// issued notice is published: anyone may read it (it never names a confidential petitioner).
const kindParams = z.strictObject({ meetingId: z.uuid(), kind: z.enum(['minutes', 'notice']) })
const versionParams = kindParams.extend({ version: z.coerce.number().int().min(1) })
const versionMeta = z.object({ version: z.int(), note: z.string(), savedBy: z.string(), savedAt: z.string() })
const issuedMeta = z.object({ number: z.int(), symbol: z.string(), date: z.string(), issuedBy: z.string(), issuedAt: z.string() })
const documentView = z.object({
  kind: z.string(),
  draft: administrativeDocumentSchema,
  draftSaved: z.object({ savedAt: z.string(), savedBy: z.string() }).nullable(),
  versions: z.array(versionMeta.extend({ issued: issuedMeta.nullable() })),
  dueDate: z.string().nullable(),
  overdue: z.boolean(),
  issuedOn: z.string().nullable(),
  issuedLate: z.boolean(),
  noticeDueDate: z.string().nullable(),
  noticeWorkingDays: z.int(),
  register: z.object({ type: z.string(), year: z.int(), suggestedNumber: z.int() }),
  protectedInDraft: z.object({ names: z.array(z.string()), places: z.array(z.string()) }),
})

const documentsRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>()
  const service = new DocumentService(app.db, app.meetingLog, app.office)
  app.decorate('documents', service)

  app.get(
    '/api/meetings/:meetingId/documents/:kind',
    { config: { action: 'documents:read' }, schema: { params: kindParams, response: { 200: documentView, ...errors } } },
    async (req, reply) => {
      return sendResult(reply, await service.view(req.params.meetingId, req.params.kind))
    },
  )

  app.put(
    '/api/meetings/:meetingId/documents/:kind/draft',
    {
      config: { action: 'documents:write' },
      schema: { params: kindParams, body: z.strictObject({ document: administrativeDocumentSchema }), response: { 200: z.object({ ok: z.literal(true) }), ...errors } },
    },
    async (req, reply) => {
      const saved = await service.saveDraft(req.params.meetingId, req.params.kind, req.body.document, savedBy(req))
      return saved.ok ? { ok: true as const } : sendError(reply, saved.error)
    },
  )

  app.post(
    '/api/meetings/:meetingId/documents/:kind/draft/regenerate',
    { config: { action: 'documents:write' }, schema: { params: kindParams, response: { 200: z.object({ ok: z.literal(true) }), ...errors } } },
    async (req, reply) => {
      const done = await service.regenerate(req.params.meetingId, req.params.kind)
      return done.ok ? { ok: true as const } : sendError(reply, done.error)
    },
  )

  app.post(
    '/api/meetings/:meetingId/documents/:kind/finalize',
    { config: { action: 'documents:write' }, schema: { params: kindParams, body: finalizeSchema, response: { 201: z.object({ version: z.int() }), ...errors } } },
    async (req, reply) => {
      return sendResult(reply, await service.finalize(req.params.meetingId, req.params.kind, req.body, savedBy(req)), 201)
    },
  )

  app.post(
    '/api/meetings/:meetingId/documents/:kind/versions/:version/issue',
    {
      config: { action: 'documents:write' },
      schema: { params: versionParams, body: issueSchema, response: { 201: issuedMeta.extend({ version: z.int() }), ...errors } },
    },
    async (req, reply) => {
      const { meetingId, kind, version } = req.params
      const issued = await service.issue(meetingId, kind, version, req.body, savedBy(req), actorOf(req.principal, req.ip))
      if (!issued.ok) return sendError(reply, issued.error)
      const i = issued.data
      return reply.code(201).send({ version: i.version, number: i.number, symbol: i.symbol, date: i.date, issuedBy: i.issuedBy, issuedAt: i.issuedAt })
    },
  )

  // Downloads and print pages: a link sends the session cookie, so the same rules hold.
  const formatParams = z.strictObject({ meetingId: z.uuid(), kind: z.enum(['minutes', 'notice']), format: z.enum(['docx', 'print']) })

  app.get('/api/meetings/:meetingId/documents/:kind/draft/:format', { config: { action: 'documents:read' }, schema: { params: formatParams } }, async (req, reply) => {
    const view = await service.view(req.params.meetingId, req.params.kind)
    if (!view.ok) return sendError(reply, view.error)
    return sendDocument(reply, view.data.draft, req.params.format, 'du-thao')
  })

  app.get(
    '/api/meetings/:meetingId/documents/:kind/versions/:version/:format',
    { config: { action: 'documents:read' }, schema: { params: formatParams.extend({ version: z.coerce.number().int().min(1) }) } },
    async (req, reply) => {
      const found = await service.version(req.params.meetingId, req.params.kind, req.params.version)
      if (!found.ok) return sendError(reply, found.error)
      return sendDocument(reply, found.data.document, req.params.format, `v${req.params.version}`)
    },
  )

  app.get(
    '/api/meetings/:meetingId/documents/:kind/versions/:version',
    { config: { action: 'documents:read' }, schema: { params: versionParams, response: { 200: versionMeta.extend({ document: administrativeDocumentSchema }), ...errors } } },
    async (req, reply) => {
      return sendResult(reply, await service.version(req.params.meetingId, req.params.kind, req.params.version))
    },
  )

  // A version as issued: the notice is published (anyone may read it), the minutes are not.
  app.get(
    '/api/meetings/:meetingId/documents/:kind/issued/:version/:format',
    { config: { action: 'documents:published', actionFor: issuedAction }, schema: { params: formatParams.extend({ version: z.coerce.number().int().min(1) }) } },
    async (req, reply) => {
      const found = await service.issued(req.params.meetingId, req.params.kind, req.params.version)
      if (!found.ok) return sendError(reply, found.error)
      const i = found.data
      return sendDocument(reply, i.document, req.params.format, `so-${i.number}-${i.year}`)
    },
  )
}

const issueSchema = z.strictObject({
  commandId: z.uuid(),
  number: z.int().min(1).max(99_999),
  date: isoDate,
  signature: z.strictObject({ authority: optionalText(100), position: requiredText(100), name: optionalText(120) }).optional(),
  placesAcknowledged: z.array(requiredText(200)).max(20).optional(),
})

/** Who saved a version, as the version history shows it. */
const savedBy = (req: FastifyRequest): string => actorOf(req.principal)?.name ?? 'Không rõ'

/** An issued notice is published; the minutes stay with those who may read documents. */
const issuedAction = (params: Record<string, string>): Action => (params.kind === 'notice' ? 'documents:published' : 'documents:read')

/** "bien-ban-v2.docx": ASCII file names survive every browser and mail client. */
function fileName(doc: AdministrativeDocument, label: string): string {
  const base = { minutes: 'bien-ban', notice: 'thong-bao-ket-luan', report: 'bao-cao-ket-qua' }[doc.kind]
  return `${base}-${label}`
}

/** Sends a document as .docx (a download) or as the print page (opened in a tab). */
export async function sendDocument(reply: FastifyReply, doc: AdministrativeDocument, format: 'docx' | 'print', label: string) {
  if (format === 'print') {
    const html = renderPrintHtml(doc)
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').header('content-security-policy', printPageCsp(html)).send(html)
  }
  const buffer = await renderDocx(doc)
  return reply
    .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
    .header('content-disposition', `attachment; filename="${fileName(doc, label)}.docx"`)
    .send(buffer)
}

declare module 'fastify' {
  interface FastifyInstance {
    documents: DocumentService
  }
}

export default documentsRoutes

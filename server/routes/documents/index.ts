import type { FastifyPluginAsync } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { loadOfficeProfile, saveOfficeProfile } from '../../../db/repositories/documents'
import { administrativeDocumentSchema, finalizeSchema, officeProfileSchema } from '../../../shared/documents/schema'
import { authorizeFor } from '../../access'
import { DocumentService } from '../../documents/document-service'
import { renderDocx } from '../../documents/docx'
import { printPageCsp, renderPrintHtml } from '../../documents/html'
import type { AdministrativeDocument } from '../../../shared/documents/model'
import type { FastifyReply } from 'fastify'
import { sendError, sendResult } from '../../http-errors'
import { errors, keyHeaders } from '../meetings/schemas'

// The office profile printed in document headers, and each meeting's minutes and conclusion notice:
// read by the secretary and the chair, edited and finalised by the secretary.
const kindParams = z.strictObject({ meetingId: z.uuid(), kind: z.enum(['minutes', 'notice']) })
const versionParams = kindParams.extend({ version: z.coerce.number().int().min(1) })
const readers = ['secretary', 'chair'] as const
const writers = ['secretary'] as const
const versionMeta = z.object({ version: z.int(), note: z.string(), savedBy: z.string(), savedAt: z.string() })
const documentView = z.object({
  kind: z.string(),
  draft: administrativeDocumentSchema,
  draftSaved: z.object({ savedAt: z.string(), savedBy: z.string() }).nullable(),
  versions: z.array(versionMeta),
  dueDate: z.string().nullable(),
  overdue: z.boolean(),
  noticeDueDate: z.string().nullable(),
  noticeWorkingDays: z.int(),
})

const documentsRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>()
  const service = new DocumentService(app.db, app.meetingLog, app.office)
  app.decorate('documents', service)

  app.get('/api/office', { schema: { response: { 200: officeProfileSchema } } }, async () => loadOfficeProfile(app.db))
  app.put('/api/office', { schema: { body: officeProfileSchema, response: { 200: officeProfileSchema, ...errors } } }, async (req) => {
    await saveOfficeProfile(app.db, req.body)
    return req.body
  })

  app.get(
    '/api/meetings/:meetingId/documents/:kind',
    { schema: { params: kindParams, headers: keyHeaders, response: { 200: documentView, ...errors } } },
    async (req, reply) => {
      const role = await authorizeFor(app.db, req.params.meetingId, req.headers['x-meeting-key'], readers)
      if (!role.ok) return sendError(reply, role.error)
      return sendResult(reply, await service.view(req.params.meetingId, req.params.kind))
    },
  )

  app.put(
    '/api/meetings/:meetingId/documents/:kind/draft',
    { schema: { params: kindParams, headers: keyHeaders, body: z.strictObject({ document: administrativeDocumentSchema }), response: { 200: z.object({ ok: z.literal(true) }), ...errors } } },
    async (req, reply) => {
      const role = await authorizeFor(app.db, req.params.meetingId, req.headers['x-meeting-key'], writers)
      if (!role.ok) return sendError(reply, role.error)
      const saved = await service.saveDraft(req.params.meetingId, req.params.kind, req.body.document, role.data)
      return saved.ok ? { ok: true as const } : sendError(reply, saved.error)
    },
  )

  app.post(
    '/api/meetings/:meetingId/documents/:kind/draft/regenerate',
    { schema: { params: kindParams, headers: keyHeaders, response: { 200: z.object({ ok: z.literal(true) }), ...errors } } },
    async (req, reply) => {
      const role = await authorizeFor(app.db, req.params.meetingId, req.headers['x-meeting-key'], writers)
      if (!role.ok) return sendError(reply, role.error)
      const done = await service.regenerate(req.params.meetingId, req.params.kind)
      return done.ok ? { ok: true as const } : sendError(reply, done.error)
    },
  )

  app.post(
    '/api/meetings/:meetingId/documents/:kind/finalize',
    { schema: { params: kindParams, headers: keyHeaders, body: finalizeSchema, response: { 201: z.object({ version: z.int() }), ...errors } } },
    async (req, reply) => {
      const role = await authorizeFor(app.db, req.params.meetingId, req.headers['x-meeting-key'], writers)
      if (!role.ok) return sendError(reply, role.error)
      return sendResult(reply, await service.finalize(req.params.meetingId, req.params.kind, req.body, role.data), 201)
    },
  )

  // Downloads and print pages. A link cannot send headers, so these also take the key as ?key=.
  const formatParams = z.strictObject({ meetingId: z.uuid(), kind: z.enum(['minutes', 'notice']), format: z.enum(['docx', 'print']) })
  const keyQuery = z.strictObject({ key: z.string().max(200).optional() })
  const keyOf = (req: { headers: Record<string, unknown>; query: { key?: string | undefined } }) => (req.headers['x-meeting-key'] as string | undefined) ?? req.query.key

  app.get('/api/meetings/:meetingId/documents/:kind/draft/:format', { schema: { params: formatParams, querystring: keyQuery } }, async (req, reply) => {
    const role = await authorizeFor(app.db, req.params.meetingId, keyOf(req), readers)
    if (!role.ok) return sendError(reply, role.error)
    const view = await service.view(req.params.meetingId, req.params.kind)
    if (!view.ok) return sendError(reply, view.error)
    return sendDocument(reply, view.data.draft, req.params.format, 'du-thao')
  })

  app.get(
    '/api/meetings/:meetingId/documents/:kind/versions/:version/:format',
    { schema: { params: formatParams.extend({ version: z.coerce.number().int().min(1) }), querystring: keyQuery } },
    async (req, reply) => {
      const allowed = req.params.kind === 'notice' ? (['secretary', 'chair', 'projector', 'attendee'] as const) : readers
      const role = await authorizeFor(app.db, req.params.meetingId, keyOf(req), allowed)
      if (!role.ok) return sendError(reply, role.error)
      const found = await service.version(req.params.meetingId, req.params.kind, req.params.version)
      if (!found.ok) return sendError(reply, found.error)
      return sendDocument(reply, found.data.document, req.params.format, `v${req.params.version}`)
    },
  )

  app.get(
    '/api/meetings/:meetingId/documents/:kind/versions/:version',
    { schema: { params: versionParams, headers: keyHeaders, response: { 200: versionMeta.extend({ document: administrativeDocumentSchema }), ...errors } } },
    async (req, reply) => {
      // A finalised notice is published; the minutes stay with the secretary and the chair.
      const allowed = req.params.kind === 'notice' ? (['secretary', 'chair', 'projector', 'attendee'] as const) : readers
      const role = await authorizeFor(app.db, req.params.meetingId, req.headers['x-meeting-key'], allowed)
      if (!role.ok) return sendError(reply, role.error)
      return sendResult(reply, await service.version(req.params.meetingId, req.params.kind, req.params.version))
    },
  )
}

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

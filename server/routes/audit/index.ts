import type { FastifyPluginAsync } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { AuditTrail } from '../../audit/audit-trail'
import { sendError } from '../../http-errors'
import { errors } from '../meetings/schemas'

const actor = z.object({ kind: z.enum(['user', 'device']), id: z.string(), name: z.string(), address: z.string().optional() }).nullable()
const subject = z
  .object({
    petition: z.object({ no: z.int(), title: z.string(), withheld: z.boolean() }).optional(),
    speaker: z.object({ no: z.int(), name: z.string().nullable() }).optional(),
  })
  .nullable()
const meetingEntry = z.object({ seq: z.int(), type: z.string(), at: z.string(), role: z.string().nullable(), actor, subject })
const officeEntry = z.object({ id: z.int(), at: z.string(), action: z.string(), actor: z.string().nullable(), detail: z.string(), address: z.string().nullable() })

// The audit trails, read-only: HTTP only; what each reader sees is server/audit/audit-trail.ts.
const auditRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>()
  const config = { action: 'audit:read' } as const
  const trail = new AuditTrail(app.db, app.meetingLog)

  app.get(
    '/api/meetings/:meetingId/audit',
    { config, schema: { params: z.strictObject({ meetingId: z.uuid() }), response: { 200: z.object({ entries: z.array(meetingEntry) }), ...errors } } },
    async (req, reply) => {
      const entries = await trail.meeting(req.params.meetingId, req.principal)
      return entries.ok ? { entries: entries.data } : sendError(reply, entries.error)
    },
  )

  app.get('/api/audit', { config, schema: { response: { 200: z.object({ entries: z.array(officeEntry) }) } } }, async () => ({ entries: await trail.office() }))
}

export default auditRoutes

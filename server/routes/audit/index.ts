import type { FastifyPluginAsync } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { listAudit } from '../../../db/repositories/audit'
import { readMeetingAudit } from '../../../db/repositories/events'
import { seesConfidentialPetitioners } from '../../../shared/access/policy'
import { appError } from '../../../shared/errors'
import { auditSubject } from '../../../shared/meeting/audit-subject'
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

// For Ban Thanh tra nhân dân: who did what, when, from which device — read-only.
const auditRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>()
  const config = { action: 'audit:read' } as const

  app.get(
    '/api/meetings/:meetingId/audit',
    { config, schema: { params: z.strictObject({ meetingId: z.uuid() }), response: { 200: z.object({ entries: z.array(meetingEntry) }), ...errors } } },
    async (req, reply) => {
      const state = await app.meetingLog.state(req.params.meetingId)
      if (!state) return sendError(reply, appError('MEETING_NOT_FOUND'))
      // Each entry names its petition or speaker as this reader may see them (a confidential
      // petition by number and field for the oversight board).
      const full = seesConfidentialPetitioners(req.principal)
      const entries = await readMeetingAudit(app.db, req.params.meetingId)
      return { entries: entries.map(({ payload, ...e }) => ({ ...e, subject: auditSubject(payload, state, full) })) }
    },
  )

  app.get('/api/audit', { config, schema: { response: { 200: z.object({ entries: z.array(officeEntry) }) } } }, async () => ({
    entries: await listAudit(app.db),
  }))
}

export default auditRoutes

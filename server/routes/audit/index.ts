import type { FastifyPluginAsync } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { listAudit } from '../../../db/repositories/audit'
import { readMeetingAudit } from '../../../db/repositories/events'
import { appError } from '../../../shared/errors'
import { sendError } from '../../http-errors'
import { errors } from '../meetings/schemas'

const actor = z.object({ kind: z.enum(['user', 'device']), id: z.string(), name: z.string(), address: z.string().optional() }).nullable()
const meetingEntry = z.object({ seq: z.int(), type: z.string(), at: z.string(), role: z.string().nullable(), actor })
const officeEntry = z.object({ id: z.int(), at: z.string(), action: z.string(), actor: z.string().nullable(), detail: z.string(), address: z.string().nullable() })

// For Ban Thanh tra nhân dân: who did what, when, from which device — read-only.
const auditRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>()
  const config = { action: 'audit:read' } as const

  app.get(
    '/api/meetings/:meetingId/audit',
    { config, schema: { params: z.strictObject({ meetingId: z.uuid() }), response: { 200: z.object({ entries: z.array(meetingEntry) }), ...errors } } },
    async (req, reply) => {
      if (!(await app.meetingLog.state(req.params.meetingId))) return sendError(reply, appError('MEETING_NOT_FOUND'))
      return { entries: await readMeetingAudit(app.db, req.params.meetingId) }
    },
  )

  app.get('/api/audit', { config, schema: { response: { 200: z.object({ entries: z.array(officeEntry) }) } } }, async () => ({
    entries: await listAudit(app.db),
  }))
}

export default auditRoutes

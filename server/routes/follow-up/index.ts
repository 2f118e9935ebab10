import type { FastifyPluginAsync } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { extendSchema, resultSchema } from '../../../shared/followup'
import { sendError, sendResult } from '../../http-errors'
import { FollowUpService, followUpCaller } from '../../follow-up/follow-up-service'
import { errors } from '../meetings/schemas'

// Follow-up of the commitments made in the room, per meeting and across meetings (HTTP only: the
// workflow is in FollowUpService). The secretary records results and extensions; a unit lead sees
// only its own unit's items (confidential ones by number only) and reports their results itself.
const meetingParams = z.strictObject({ meetingId: z.uuid() })
const itemParams = meetingParams.extend({ petitionNo: z.coerce.number().int().min(1) })
const item = z.looseObject({ meetingId: z.string(), petitionNo: z.int(), status: z.string(), effectiveDueDate: z.string() })

const followUpRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>()
  const service = new FollowUpService(app.db, app.meetingLog, app.office)

  app.get(
    '/api/meetings/:meetingId/follow-ups',
    { config: { action: 'followups:read' }, schema: { params: meetingParams, response: { 200: z.object({ items: z.array(item) }), ...errors } } },
    async (req, reply) => {
      const items = await service.ofMeeting(req.params.meetingId, followUpCaller(req.principal))
      return items.ok ? { items: items.data.map((i) => ({ ...i })) } : sendError(reply, items.error)
    },
  )

  app.get('/api/follow-ups', { config: { action: 'followups:read' }, schema: { response: { 200: z.object({ items: z.array(item) }) } } }, async (req) => ({
    items: (await service.acrossMeetings(followUpCaller(req.principal))).map((i) => ({ ...i })),
  }))

  app.post(
    '/api/meetings/:meetingId/follow-ups/:petitionNo/extend',
    { config: { action: 'followups:extend' }, schema: { params: itemParams, body: extendSchema, response: { 200: item, ...errors } } },
    async (req, reply) => sendResult(reply, await service.extend(req.params.meetingId, req.params.petitionNo, req.body, followUpCaller(req.principal, req.ip))),
  )

  app.post(
    '/api/meetings/:meetingId/follow-ups/:petitionNo/result',
    { config: { action: 'followups:report' }, schema: { params: itemParams, body: resultSchema, response: { 200: item, ...errors } } },
    async (req, reply) => sendResult(reply, await service.reportResult(req.params.meetingId, req.params.petitionNo, req.body, followUpCaller(req.principal, req.ip))),
  )
}

export default followUpRoutes

import type { FastifyPluginAsync } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { DeviceRecord } from '../../../db/repositories/devices'
import { pairingRequestSchema, pairSchema, type PairedDevice } from '../../../shared/access/accounts'
import { auditorOf } from '../../auth/audit'
import { deviceRoom } from '../../auth/principal'
import { disconnectRooms } from '../../auth/sessions'
import { PairingService } from '../../devices/pairing-service'
import { sendError, sendResult } from '../../http-errors'
import { errors } from '../meetings/schemas'

const device = z.object({
  id: z.string(),
  meetingId: z.string(),
  role: z.string(),
  label: z.string(),
  pairedFrom: z.string().nullable(),
  pairedAt: z.string(),
  expiresAt: z.string(),
  revokedAt: z.string().nullable(),
  connected: z.boolean(),
})
const meetingParams = z.strictObject({ meetingId: z.uuid() })

// Pairing the hall's devices: HTTP only; the workflow is server/devices/pairing-service.ts.
const devicesRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>()
  const manage = { action: 'devices:manage' } as const
  const pairing = new PairingService(app.db, (rooms) => disconnectRooms(app, rooms))

  // Whether a device is connected now is known only to this process's sockets.
  const isConnected = (id: string) => (app.io.sockets.adapter.rooms.get(deviceRoom(id))?.size ?? 0) > 0
  const withStatus = (d: DeviceRecord): PairedDevice => ({ ...d, connected: isConnected(d.id) })

  app.post(
    '/api/meetings/:meetingId/pairings',
    {
      config: manage,
      schema: {
        params: meetingParams,
        body: pairingRequestSchema,
        response: { 201: z.object({ code: z.string(), link: z.string(), role: z.string(), expiresAt: z.string() }), ...errors },
      },
    },
    async (req, reply) => sendResult(reply, await pairing.issueCode(req.params.meetingId, req.body.role, auditorOf(req)), 201),
  )

  app.post(
    '/api/pair',
    { config: { action: 'devices:pair' }, schema: { body: pairSchema, response: { 201: z.object({ token: z.string(), device }), ...errors } } },
    async (req, reply) => {
      const paired = await pairing.pair(req.body, req.ip)
      if (!paired.ok) return sendError(reply, paired.error)
      return reply.code(201).send({ token: paired.data.token, device: { ...paired.data.device, connected: false } })
    },
  )

  app.get(
    '/api/meetings/:meetingId/devices',
    { config: manage, schema: { params: meetingParams, response: { 200: z.object({ devices: z.array(device) }), ...errors } } },
    async (req) => ({ devices: (await pairing.list(req.params.meetingId)).map(withStatus) }),
  )

  app.delete(
    '/api/meetings/:meetingId/devices/:deviceId',
    { config: manage, schema: { params: z.strictObject({ meetingId: z.uuid(), deviceId: z.uuid() }), response: { 204: z.null(), ...errors } } },
    async (req, reply) => {
      const revoked = await pairing.revoke(req.params.meetingId, req.params.deviceId, auditorOf(req))
      return revoked.ok ? reply.code(204).send(null) : sendError(reply, revoked.error)
    },
  )
}

export default devicesRoutes

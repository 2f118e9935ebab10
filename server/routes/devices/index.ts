import { randomUUID } from 'node:crypto'
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  closeOpenCodes,
  consumePairingCode,
  countPairingFailuresSince,
  insertDevice,
  insertPairingCode,
  listDevices,
  openCodeExists,
  recordPairingFailure,
  revokeDevice,
  type DeviceRecord,
} from '../../../db/repositories/devices'
import { pairingLinkPattern, pairingRequestSchema, pairSchema, type PairableRole, type PairedDevice } from '../../../shared/access/accounts'
import { appError } from '../../../shared/errors'
import { roleLabels } from '../../../shared/roles'
import { audit } from '../../auth/audit'
import { DEVICE_MS, later, PAIRING_CODE_MS, PAIRING_FAILURE_LIMIT, PAIRING_FAILURE_WINDOW_MS } from '../../auth/lifetimes'
import { deviceRoom } from '../../auth/principal'
import { hashToken, newPairingCode, newToken } from '../../auth/secrets'
import { disconnectRooms } from '../../auth/sessions'
import { sendError } from '../../http-errors'
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

const defaultLabel: Record<PairableRole, string> = { chair: 'Máy tính bảng của Chủ trì', projector: 'Màn hình chiếu hội trường' }

// Pairing the hall's devices: the secretary asks for a short code, the chair's tablet or the
// projector enters it (or scans its QR code) and receives a token for that meeting and role only.
const devicesRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>()
  const manage = { action: 'devices:manage' } as const

  /** The meeting as the audit trail names it: its title, which a person recognises, then its id. */
  const meetingName = async (meetingId: string) => `«${(await app.meetingLog.state(meetingId))?.title ?? ''}» (${meetingId})`
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
    async (req, reply) => {
      const { meetingId } = req.params
      if (!(await app.meetingLog.state(meetingId))) return sendError(reply, appError('MEETING_NOT_FOUND'))
      const now = new Date()
      const at = now.toISOString()
      // A code on screen stands for one device: asking again replaces it.
      await closeOpenCodes(app.db, meetingId, req.body.role, at)
      let code = newPairingCode()
      // Two open codes must never be equal, or one device could take the other's meeting.
      while (await openCodeExists(app.db, hashToken(code), at)) code = newPairingCode()
      const expiresAt = later(now, PAIRING_CODE_MS)
      const createdBy = req.principal.kind === 'user' ? req.principal.user.id : null
      // The QR code carries a long secret of its own: scanning pairs even while typed codes are paused.
      const link = newToken()
      await insertPairingCode(app.db, { id: randomUUID(), meetingId, role: req.body.role, codeHash: hashToken(code), linkHash: hashToken(link), createdBy, createdAt: at, expiresAt })
      await audit(app.db, req, 'pairing-code-issued', `${roleLabels[req.body.role]} — hội nghị ${await meetingName(meetingId)}`)
      return reply.code(201).send({ code, link, role: req.body.role, expiresAt })
    },
  )

  app.post(
    '/api/pair',
    { config: { action: 'devices:pair' }, schema: { body: pairSchema, response: { 201: z.object({ token: z.string(), device }), ...errors } } },
    async (req, reply) => {
      const now = new Date()
      const at = now.toISOString()
      if (pairingLinkPattern.test(req.body.code)) {
        // A QR link: 256 bits, not worth counting guesses against (the per-address limit still holds).
        const linked = await consumePairingCode(app.db, { linkHash: hashToken(req.body.code) }, at)
        if (!linked) return sendError(reply, appError('PAIRING_CODE_INVALID'))
        return paired(req, reply, linked, req.body.label, now)
      }
      const since = new Date(now.getTime() - PAIRING_FAILURE_WINDOW_MS).toISOString()
      if ((await countPairingFailuresSince(app.db, since)) >= PAIRING_FAILURE_LIMIT) return sendError(reply, appError('PAIRING_PAUSED'))
      const code = await consumePairingCode(app.db, { codeHash: hashToken(req.body.code) }, at)
      if (!code) {
        await recordPairingFailure(app.db, at, req.ip)
        if ((await countPairingFailuresSince(app.db, since)) === PAIRING_FAILURE_LIMIT) {
          await audit(app.db, req, 'pairing-paused', `${PAIRING_FAILURE_LIMIT} mã ghép sai trong ${PAIRING_FAILURE_WINDOW_MS / 60_000} phút: tạm ngừng ghép bằng mã số, mã QR vẫn dùng được`)
        }
        return sendError(reply, appError('PAIRING_CODE_INVALID'))
      }
      return paired(req, reply, code, req.body.label, now)
    },
  )

  /** The code was good: the device gets its token for that meeting and role. */
  async function paired(
    req: FastifyRequest,
    reply: FastifyReply,
    code: { meetingId: string; role: PairableRole; createdBy: string | null },
    label: string | undefined,
    now: Date,
  ) {
    const token = newToken()
    const record: DeviceRecord = {
      id: randomUUID(),
      meetingId: code.meetingId,
      role: code.role,
      label: label || defaultLabel[code.role],
      pairedFrom: req.ip,
      pairedAt: now.toISOString(),
      expiresAt: later(now, DEVICE_MS),
      revokedAt: null,
    }
    await insertDevice(app.db, { ...record, tokenHash: hashToken(token), pairedBy: code.createdBy })
    await audit(app.db, req, 'device-paired', `${record.label} (${roleLabels[record.role]}) — hội nghị ${await meetingName(record.meetingId)}`, {
      id: code.createdBy,
      name: `Thiết bị: ${record.label}`,
    })
    return reply.code(201).send({ token, device: { ...record, connected: false } })
  }

  app.get(
    '/api/meetings/:meetingId/devices',
    { config: manage, schema: { params: meetingParams, response: { 200: z.object({ devices: z.array(device) }), ...errors } } },
    async (req) => ({ devices: (await listDevices(app.db, req.params.meetingId)).map(withStatus) }),
  )

  app.delete(
    '/api/meetings/:meetingId/devices/:deviceId',
    { config: manage, schema: { params: z.strictObject({ meetingId: z.uuid(), deviceId: z.uuid() }), response: { 204: z.null(), ...errors } } },
    async (req, reply) => {
      const revoked = await revokeDevice(app.db, req.params.meetingId, req.params.deviceId, new Date().toISOString())
      if (!revoked) return sendError(reply, appError('NOT_FOUND', 'Không tìm thấy thiết bị trong hội nghị này.'))
      await disconnectRooms(app, [deviceRoom(revoked.id)])
      await audit(app.db, req, 'device-revoked', `${revoked.label} (${roleLabels[revoked.role]}) — hội nghị ${await meetingName(revoked.meetingId)}`)
      return reply.code(204).send(null)
    },
  )
}

export default devicesRoutes

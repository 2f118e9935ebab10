import type { FastifyReply, FastifyRequest, FastifyInstance } from 'fastify'
import { insertSession, notifyRevoked, touchSignIn, type UserRecord } from '../../db/repositories/accounts'
import type { SessionInfo } from '../../shared/access/accounts'
import { later, SESSION_IDLE_MS, SESSION_MAX_MS } from './lifetimes'
import { hashToken, newToken } from './secrets'
import { disconnectRevoked } from '../realtime/credentials'

/** Opens a session for `user`: stores its hash, sets the cookie, answers the session body. */
export async function openSession(app: FastifyInstance, req: FastifyRequest, reply: FastifyReply, user: UserRecord): Promise<SessionInfo> {
  const now = new Date()
  const token = newToken()
  const csrfToken = newToken()
  const expiresAt = later(now, SESSION_IDLE_MS)
  await insertSession(app.db, { id: hashToken(token), userId: user.id, csrfToken, createdAt: now.toISOString(), expiresAt, address: req.ip })
  await touchSignIn(app.db, user.id, now.toISOString())
  // The browser keeps the cookie until the week's cap; the server ends it sooner when idle.
  app.setSessionCookie(reply, req, token, later(now, SESSION_MAX_MS))
  const { id, username, displayName, roles, unitId } = user
  return { user: { id, username, displayName, roles, unitId }, csrfToken, setupRequired: false }
}

/** The channel on which server processes tell each other to drop a revoked session's sockets. */
export const ACCESS_CHANNEL = 'hnd_access_revoked'

/** Ends the sockets of revoked sessions or devices, here and in the other processes: services call it after commit. */
export type DisconnectRooms = (rooms: string[]) => Promise<void>

/**
 * Disconnects every socket of these sessions or devices: here at once, and in the other server
 * processes (PostgreSQL) through NOTIFY. Called after the revocation is committed, so a socket that
 * reconnects is refused by the handshake.
 */
export async function disconnectRooms(app: FastifyInstance, rooms: string[]): Promise<void> {
  disconnectRevoked(app.io, rooms)
  if (rooms.length) await notifyRevoked(app.db, ACCESS_CHANNEL, rooms)
}

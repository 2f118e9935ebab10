import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import { findDeviceById } from '../../db/repositories/devices'
import { principalRoom, sessionPrincipal } from '../auth/principal'
import { SESSION_IDLE_MS, SESSION_RENEW_EVERY_MS } from '../auth/lifetimes'
import type { CredentialGuard } from '../../db/repositories/append'
import type { Principal } from '../../shared/access/policy'
import type { RealtimeServer, RealtimeSocket } from './types'

// The longest setTimeout Node accepts (about 24.8 days); credentials here live hours.
const MAX_TIMER_MS = 2 ** 31 - 1

/**
 * Keeps a socket no longer than its credentials: it joins its session's or device's room (revoking
 * one disconnects every socket in it), and when the known expiry comes it asks again — a session in
 * use has been renewed meanwhile and the socket stays; an expired pairing or an idle session ends it.
 */
export function watchCredentials(socket: RealtimeSocket, db: Kysely<Database>): void {
  const room = principalRoom(socket.data.principal)
  if (room) {
    void socket.join(room)
    // A revocation committed between the handshake and this join emptied the room before the
    // socket was in it: this process remembers the rooms it emptied lately, so no query is needed
    // (a hall of screens reconnecting after a restart would otherwise ask once each).
    if (revokedSince(room, socket.data.verifiedAt ?? 0)) socket.disconnect(true)
  }
  let timer: NodeJS.Timeout | null = null
  const schedule = () => {
    const { expiresAt } = socket.data
    if (expiresAt === null || !socket.connected) return
    timer = setTimeout(() => {
      credentialsHold(socket, db)
        .then((held) => (held ? schedule() : socket.disconnect(true)))
        .catch(() => socket.disconnect(true))
    }, Math.min(Math.max(expiresAt - Date.now(), 0), MAX_TIMER_MS))
  }
  schedule()
  socket.on('disconnect', () => {
    if (timer) clearTimeout(timer)
  })
}

/**
 * Whether the socket's credentials still hold, asked of the database (one lookup by key) rather
 * than trusted from memory: a revocation whose broadcast this process missed (another process, a
 * lost NOTIFY) still stops the next command. A person's session is renewed while in use; a device's
 * pairing is not.
 */
async function credentialsHold(socket: RealtimeSocket, db: Kysely<Database>): Promise<boolean> {
  const { principal } = socket.data
  const now = new Date()
  if (principal.kind === 'anonymous') return true
  if (principal.kind === 'device') {
    const device = await findDeviceById(db, principal.deviceId)
    return device !== null && device.revokedAt === null && Date.parse(device.expiresAt) > now.getTime()
  }
  const again = await sessionPrincipal(db, principal.sessionId, now)
  socket.data.expiresAt = again.principal.kind === 'user' ? Date.parse(again.principal.expiresAt) : 0
  if (again.principal.kind === 'user') socket.data.verifiedAt = now.getTime()
  return again.principal.kind === 'user'
}

/** How long a read (a sync, a status) trusts the last time the database said the credentials hold. */
const READ_TRUST_MS = 10_000

/**
 * Whether the socket's credentials hold, asking the database only when it matters. A command
 * needs no question: the statement that writes its events checks the session or device itself
 * (`credentialGuard`). A read trusts an answer a few seconds old (the handshake's, for the sync
 * that follows it). Asked anyway: past the known expiry, and when a session in use is due for
 * renewal (about every half hour), which the lookup performs.
 */
export async function credentialsStillHold(socket: RealtimeSocket, db: Kysely<Database>, use: 'command' | 'read'): Promise<boolean> {
  const { principal, expiresAt } = socket.data
  if (principal.kind === 'anonymous') return true
  const now = Date.now()
  const pastExpiry = expiresAt !== null && now >= expiresAt
  const renewalDue = principal.kind === 'user' && expiresAt !== null && now + SESSION_IDLE_MS - expiresAt >= SESSION_RENEW_EVERY_MS
  const fresh = use === 'command' || now - (socket.data.verifiedAt ?? 0) < READ_TRUST_MS
  if (!pastExpiry && !renewalDue && fresh) return true
  return credentialsHold(socket, db)
}

/** What the meeting log checks in the statement that writes a command's events. */
export function credentialGuard(principal: Principal): CredentialGuard {
  if (principal.kind === 'user') return { kind: 'session', id: principal.sessionId }
  if (principal.kind === 'device') return { kind: 'device', id: principal.deviceId }
  return null
}

/** Rooms (sessions, devices) emptied by a revocation lately, and when. */
const revokedRooms = new Map<string, number>()
/** Far longer than a handshake takes to reach its join. */
const REMEMBER_REVOKED_MS = 60_000

/**
 * Disconnects every socket of these revoked sessions or devices in this process, and remembers
 * the rooms for a minute: a socket whose handshake read the credentials just before the
 * revocation, and which joins its room just after, is closed at its join.
 */
export function disconnectRevoked(io: RealtimeServer, rooms: readonly string[]): void {
  const now = Date.now()
  for (const [room, at] of revokedRooms) if (now - at > REMEMBER_REVOKED_MS) revokedRooms.delete(room)
  for (const room of rooms) {
    revokedRooms.set(room, now)
    io.in(room).disconnectSockets(true)
  }
}

function revokedSince(room: string, since: number): boolean {
  const at = revokedRooms.get(room)
  return at !== undefined && at >= since
}

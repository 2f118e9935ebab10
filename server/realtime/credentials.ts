import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import { findDeviceById } from '../../db/repositories/devices'
import { principalRoom, sessionPrincipal } from '../auth/principal'
import type { RealtimeSocket } from './types'

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
    // socket was in it: ask once more now that it is.
    credentialsHold(socket, db)
      .then((held) => held || socket.disconnect(true))
      .catch(() => socket.disconnect(true))
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
export async function credentialsHold(socket: RealtimeSocket, db: Kysely<Database>): Promise<boolean> {
  const { principal } = socket.data
  const now = new Date()
  if (principal.kind === 'anonymous') return true
  if (principal.kind === 'device') {
    const device = await findDeviceById(db, principal.deviceId)
    return device !== null && device.revokedAt === null && Date.parse(device.expiresAt) > now.getTime()
  }
  const again = await sessionPrincipal(db, principal.sessionId, now)
  socket.data.expiresAt = again.principal.kind === 'user' ? Date.parse(again.principal.expiresAt) : 0
  return again.principal.kind === 'user'
}

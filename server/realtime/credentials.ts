import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import { principalRoom, sessionPrincipal } from '../auth/principal'
import { SESSION_RENEW_EVERY_MS } from '../auth/lifetimes'
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
  if (room) void socket.join(room)
  let timer: NodeJS.Timeout | null = null
  const schedule = () => {
    const { expiresAt } = socket.data
    if (expiresAt === null || !socket.connected) return
    timer = setTimeout(() => {
      credentialsHold(socket, db, { force: true })
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
 * Whether the socket's credentials still hold. A person's socket renews its session while in use
 * (at most every SESSION_RENEW_EVERY_MS, or when `force`d at the known expiry), which also notices a
 * session ended elsewhere; a device's pairing is never renewed.
 */
export async function credentialsHold(socket: RealtimeSocket, db: Kysely<Database>, options: { force?: boolean } = {}): Promise<boolean> {
  const { principal, expiresAt } = socket.data
  if (expiresAt === null) return true
  const now = Date.now()
  if (principal.kind === 'user' && (options.force || now - socket.data.checkedAt >= SESSION_RENEW_EVERY_MS)) {
    socket.data.checkedAt = now
    const again = await sessionPrincipal(db, principal.sessionId, new Date(now))
    socket.data.expiresAt = again.principal.kind === 'user' ? Date.parse(again.principal.expiresAt) : 0
  }
  return now < (socket.data.expiresAt ?? 0)
}

import { principalRoom } from '../auth/principal'
import type { RealtimeSocket } from './types'

// The longest setTimeout Node accepts (about 24.8 days); credentials here live hours.
const MAX_TIMER_MS = 2 ** 31 - 1

/**
 * Keeps a socket no longer than its credentials: it joins its session's or device's room (revoking
 * one disconnects every socket in it) and is disconnected when the session or pairing expires.
 */
export function watchCredentials(socket: RealtimeSocket): void {
  const room = principalRoom(socket.data.principal)
  if (room) void socket.join(room)
  const { expiresAt } = socket.data
  if (expiresAt === null) return
  const timer = setTimeout(() => socket.disconnect(true), Math.min(Math.max(expiresAt - Date.now(), 0), MAX_TIMER_MS))
  socket.on('disconnect', () => clearTimeout(timer))
}

/** True while the socket's credentials are still within their lifetime. */
export const credentialsValid = (socket: RealtimeSocket, now = Date.now()): boolean =>
  socket.data.expiresAt === null || now < socket.data.expiresAt

import type { FastifyInstance } from 'fastify'
import { notifyRevoked } from '../../db/repositories/accounts'
import { disconnectRevoked } from '../realtime/credentials'

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

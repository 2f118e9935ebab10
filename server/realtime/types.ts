import type { Server, Socket } from 'socket.io'
import type { Principal } from '../../shared/access/policy'
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/protocol'
import type { Role } from '../../shared/roles'

export interface SocketData {
  meetingId: string
  role: Role
  principal: Principal
  /** When the session or device token behind this socket stops being valid (ms), or null for anyone. */
  expiresAt: number | null
  /** The device's address (through a trusted proxy, its own), named in the audit trail. */
  address: string
  /** When the database last said the session or device holds (ms): the handshake, or a later check. */
  verifiedAt?: number
}

export type RealtimeServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>
export type RealtimeSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>

import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import { appError, type AppError } from '../../shared/errors'
import { handshakeSchema, PROTOCOL_VERSION } from '../../shared/protocol'
import { parseWith } from '../../shared/validation'
import { authorize } from '../access'
import type { RealtimeServer } from './types'

class HandshakeRefused extends Error {
  constructor(readonly data: AppError) {
    super(data.message)
  }
}

// Fastify hooks do not run for /socket.io/ requests, so the handshake is checked here, before the
// socket joins anything. A refused client receives connect_error with err.data = { code, message }.
export function installHandshake(io: RealtimeServer, db: Kysely<Database>): void {
  io.use(async (socket, next) => {
    try {
      const parsed = parseWith(handshakeSchema, socket.handshake.auth)
      if (!parsed.ok) return next(new HandshakeRefused(parsed.error))
      if (parsed.data.protocol !== PROTOCOL_VERSION) return next(new HandshakeRefused(appError('PROTOCOL_MISMATCH')))
      const access = await authorize(db, parsed.data)
      if (!access.ok) return next(new HandshakeRefused(access.error))
      socket.data = { meetingId: parsed.data.meetingId, role: access.data }
      next()
    } catch (err) {
      console.error('[realtime] handshake failed:', err)
      next(new HandshakeRefused(appError('INTERNAL')))
    }
  })
}

import type { FastifyInstance } from 'fastify'
import { findMeeting } from '../../db/repositories/meetings'
import { meetingRoleFor, refusalFor } from '../../shared/access/policy'
import { appError, type AppError } from '../../shared/errors'
import { handshakeSchema, PROTOCOL_VERSION } from '../../shared/protocol'
import { parseWith } from '../../shared/validation'
import { authenticate, SESSION_COOKIE, sameOrigin } from '../auth/principal'
import { addressResolver } from '../auth/address'
import type { RealtimeServer } from './types'
import { unexpectedFailure } from '../http-errors'

class HandshakeRefused extends Error {
  constructor(readonly data: AppError) {
    super(data.message)
  }
}

// Meetings are never deleted, so one that exists is remembered: a hall full of screens
// reconnecting after a restart does not send a query each to learn it.
const knownMeetings = new Set<string>()

// Fastify hooks do not run for /socket.io/ requests, so the handshake is checked here, before the
// socket joins anything: who is connecting (the session cookie, or a paired device's token), whether
// that principal may open this screen of this meeting (shared/access/policy.ts), and that a browser
// is not being used from another site's page (Origin). A refused client receives connect_error with
// err.data = { code, message }.
export function installHandshake(io: RealtimeServer, app: FastifyInstance, trustProxy: boolean | string): void {
  const clientAddress = addressResolver(trustProxy)
  // Socket.IO ignores what a middleware returns: every path below calls next, failures included.
  // eslint-disable-next-line @typescript-eslint/no-misused-promises
  io.use(async (socket, next) => {
    try {
      const parsed = parseWith(handshakeSchema, socket.handshake.auth)
      if (!parsed.ok) return next(new HandshakeRefused(parsed.error))
      const { protocol, meetingId, role, deviceToken } = parsed.data
      if (protocol !== PROTOCOL_VERSION) return next(new HandshakeRefused(appError('PROTOCOL_MISMATCH')))
      if (!sameOrigin(socket.handshake.headers.origin, socket.handshake.headers.host)) return next(new HandshakeRefused(appError('FORBIDDEN')))

      const cookies = app.parseCookie(socket.handshake.headers.cookie ?? '')
      // Taken before the lookup: a revocation committed while it runs is later than this.
      const verifiedAt = Date.now()
      const authenticated = await authenticate(app.db, { deviceToken, sessionToken: cookies[SESSION_COOKIE] })
      if (!authenticated.ok) return next(new HandshakeRefused(authenticated.error))
      const { principal } = authenticated.data

      if (!knownMeetings.has(meetingId)) {
        if (!(await findMeeting(app.db, meetingId))) return next(new HandshakeRefused(appError('MEETING_NOT_FOUND')))
        knownMeetings.add(meetingId)
      }
      const granted = meetingRoleFor(principal, meetingId, role)
      if (!granted) return next(new HandshakeRefused(refusalFor(principal)))
      const expiresAt = principal.kind === 'anonymous' ? null : Date.parse(principal.expiresAt)
      socket.data = { meetingId, role: granted, principal, expiresAt, address: clientAddress(socket.request), verifiedAt }
      next()
    } catch (err) {
      const failure = unexpectedFailure(err)
      console.error('[realtime] handshake failed:', err instanceof Error ? err.message : err)
      next(new HandshakeRefused(failure))
    }
  })
}

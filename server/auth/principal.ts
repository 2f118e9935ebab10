import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import { extendSession, findLiveSession } from '../../db/repositories/accounts'
import { renewedExpiry } from './lifetimes'
import { findDeviceByToken } from '../../db/repositories/devices'
import type { AuditActor } from '../../shared/access/accounts'
import { anonymous, type Principal } from '../../shared/access/policy'
import { fail, ok, type Result } from '../../shared/errors'
import { hashToken } from './secrets'

export const SESSION_COOKIE = 'hnd_session'

export interface Credentials {
  /** The session cookie's value. */
  sessionToken?: string | undefined
  /** A paired device's token (Authorization: Bearer, or the socket handshake). */
  deviceToken?: string | undefined
}

export interface Authenticated {
  principal: Principal
  /** The session's CSRF token, for cookie-authenticated writes. */
  csrfToken: string | null
}

/**
 * Who presents these credentials. A device token that is unknown, revoked or expired is refused
 * (the device must pair again, and should say so); a stale session cookie is simply anonymous.
 */
export async function authenticate(db: Kysely<Database>, credentials: Credentials, now = new Date()): Promise<Result<Authenticated>> {
  const at = now.toISOString()
  if (credentials.deviceToken) {
    const device = await findDeviceByToken(db, hashToken(credentials.deviceToken))
    if (!device || device.revokedAt || device.expiresAt <= at) return fail('DEVICE_REVOKED')
    const { id: deviceId, meetingId, role, label, expiresAt } = device
    return ok({ principal: { kind: 'device', deviceId, meetingId, role, label, expiresAt }, csrfToken: null })
  }
  if (credentials.sessionToken) return ok(await sessionPrincipal(db, hashToken(credentials.sessionToken), now))
  return ok({ principal: anonymous, csrfToken: null })
}

/**
 * The person behind a session (by its stored id), renewing it while it is in use; anonymous once it
 * is revoked or expired. Also what a socket asks when its session's known expiry comes.
 */
export async function sessionPrincipal(db: Kysely<Database>, sessionId: string, now = new Date()): Promise<Authenticated> {
  const session = await findLiveSession(db, sessionId, now.toISOString())
  if (!session) return { principal: anonymous, csrfToken: null }
  const renewed = renewedExpiry(session, now)
  if (renewed) await extendSession(db, session.sessionId, renewed)
  const { id, username, displayName, roles, unitId } = session.user
  return {
    principal: { kind: 'user', user: { id, username, displayName, roles, unitId }, sessionId: session.sessionId, expiresAt: renewed ?? session.expiresAt },
    csrfToken: session.csrfToken,
  }
}

/** Who to name in the record for what a principal did, and from which address when known. */
export function actorOf(principal: Principal, address?: string): AuditActor | null {
  const from = address ? { address } : {}
  if (principal.kind === 'user') return { kind: 'user', id: principal.user.id, name: `${principal.user.displayName} (${principal.user.username})`, ...from }
  if (principal.kind === 'device') return { kind: 'device', id: principal.deviceId, name: principal.label, ...from }
  return null
}

/** The Socket.IO room every socket of one session or one device joins: revoking empties it. */
export const principalRoom = (principal: Principal): string | null =>
  principal.kind === 'user' ? `session:${principal.sessionId}` : principal.kind === 'device' ? `device:${principal.deviceId}` : null
export const sessionRoom = (sessionId: string) => `session:${sessionId}`
export const deviceRoom = (deviceId: string) => `device:${deviceId}`

/** True when `origin` (a browser's Origin header) names the host the request came to. */
export function sameOrigin(origin: string | undefined, host: string | undefined): boolean {
  if (!origin) return true
  try {
    return new URL(origin).host === host
  } catch {
    return false
  }
}

import type { Kysely } from 'kysely'
import {
  anyPasswordSet,
  consumePasswordToken,
  findUserById,
  findUserByUsername,
  insertSession,
  revokeSession,
  revokeUserSessions,
  setPasswordHash,
  touchSignIn,
  type UserRecord,
} from '../../db/repositories/accounts'
import type { Executor } from '../../db/repositories/executor'
import type { Database } from '../../db/schema'
import type { SessionInfo } from '../../shared/access/accounts'
import type { Principal } from '../../shared/access/policy'
import { fail, ok, type Result } from '../../shared/errors'
import { inTransaction } from '../in-transaction'
import { recordBy, type Auditor } from './audit'
import { later, SESSION_IDLE_MS, SESSION_MAX_MS } from './lifetimes'
import { sessionRoom } from './principal'
import { hashPassword, hashToken, newToken, verifyPassword } from './secrets'
import type { DisconnectRooms } from './sessions'

/** A session just opened: the body the browser receives, and the cookie the route sets. */
export interface OpenedSession {
  session: SessionInfo
  /** The cookie's secret, and until when the browser keeps it (the server ends it sooner when idle). */
  cookie: { token: string; expiresAt: string }
}

const accountName = (user: { displayName: string; username: string }) => `${user.displayName} (${user.username})`
/** Named as the account itself: nobody is signed in yet when a password is used or set. */
const asAccount = (user: UserRecord, address: string | null): Auditor => ({ userId: user.id, name: accountName(user), address })

/** Stores a new session's hash and the time of sign-in, inside the caller's transaction. */
async function openSession(trx: Executor, user: UserRecord, address: string | null): Promise<OpenedSession> {
  const now = new Date()
  const token = newToken()
  const csrfToken = newToken()
  await insertSession(trx, { id: hashToken(token), userId: user.id, csrfToken, createdAt: now.toISOString(), expiresAt: later(now, SESSION_IDLE_MS), address })
  await touchSignIn(trx, user.id, now.toISOString())
  const { id, username, displayName, roles, unitId } = user
  // The browser keeps the cookie until the week's cap; the server ends it sooner when idle.
  return { session: { user: { id, username, displayName, roles, unitId }, csrfToken, setupRequired: false }, cookie: { token, expiresAt: later(now, SESSION_MAX_MS) } }
}

/**
 * Signing in and out, setting a password with a one-time link, changing one's own password. Each
 * step's writes (the session, the password, the sessions it ends) and its audit row are one
 * transaction; sockets of ended sessions close after commit. Passwords are hashed (scrypt, slow)
 * before the transaction opens, so no lock waits on them.
 */
export class SessionService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly disconnect: DisconnectRooms,
  ) {}

  /** Who the caller is; for nobody, whether the first administrator still has to set a password. */
  async current(principal: Principal, csrfToken: string | null): Promise<SessionInfo> {
    if (principal.kind === 'user') return { user: principal.user, csrfToken, setupRequired: false }
    return { user: null, csrfToken: null, setupRequired: !(await anyPasswordSet(this.db)) }
  }

  async signIn(username: string, password: string, by: Auditor): Promise<Result<OpenedSession>> {
    const user = await findUserByUsername(this.db, username)
    // verifyPassword runs scrypt even for an unknown name, so the answer's timing tells nothing.
    const valid = await verifyPassword(password, user?.passwordHash ?? null)
    if (!user || !valid || !user.active) {
      // The name is kept only when it is an account's: what someone typed that matches no account
      // may be a password typed into the wrong box, and the audit trail is read by others.
      await recordBy(this.db, by, 'sign-in-failed', user ? `Tên đăng nhập: ${user.username}` : 'Tên đăng nhập không có trong hệ thống')
      return fail('INVALID_CREDENTIALS')
    }
    return inTransaction(this.db, async (trx) => {
      const opened = await openSession(trx, user, by.address)
      await recordBy(trx, asAccount(user, by.address), 'sign-in', '')
      return ok(opened)
    })
  }

  async signOut(principal: Principal, by: Auditor): Promise<void> {
    if (principal.kind !== 'user') return
    await inTransaction(this.db, async (trx) => {
      await revokeSession(trx, principal.sessionId, new Date().toISOString())
      await recordBy(trx, by, 'sign-out', '')
      return ok(null)
    })
    await this.disconnect([sessionRoom(principal.sessionId)])
  }

  /**
   * A one-time link (first run, a new account, a reset): sets the password and signs in. Every
   * other session of the account ends: whoever held the old password is out. A link refused (used,
   * expired, or its account locked) changes nothing.
   */
  async setPassword(token: string, password: string, by: Auditor): Promise<Result<OpenedSession>> {
    const hash = await hashPassword(password)
    const done = await inTransaction(this.db, async (trx): Promise<Result<OpenedSession & { ended: string[] }>> => {
      const now = new Date().toISOString()
      const userId = await consumePasswordToken(trx, hashToken(token), now)
      const user = userId ? await findUserById(trx, userId) : null
      if (!user || !user.active) return fail('TOKEN_INVALID')
      await setPasswordHash(trx, user.id, hash)
      const ended = await revokeUserSessions(trx, user.id, now)
      await recordBy(trx, asAccount(user, by.address), 'password-set', '')
      return ok({ ...(await openSession(trx, user, by.address)), ended })
    })
    if (!done.ok) return done
    const { ended, ...opened } = done.data
    await this.disconnect(ended.map(sessionRoom))
    return ok(opened)
  }

  /** Only with the current password. The other sessions end (a stolen one does not survive); this one goes on. */
  async changePassword(principal: Principal, currentPassword: string, newPassword: string, by: Auditor): Promise<Result<null>> {
    if (principal.kind !== 'user') return fail('UNAUTHENTICATED')
    const user = await findUserById(this.db, principal.user.id)
    if (!user || !(await verifyPassword(currentPassword, user.passwordHash))) return fail('WRONG_PASSWORD')
    const hash = await hashPassword(newPassword)
    const done = await inTransaction(this.db, async (trx) => {
      await setPasswordHash(trx, user.id, hash)
      const ended = await revokeUserSessions(trx, user.id, new Date().toISOString(), principal.sessionId)
      await recordBy(trx, by, 'password-changed', '')
      return ok(ended)
    })
    if (!done.ok) return done
    await this.disconnect(done.data.map(sessionRoom))
    return ok(null)
  }
}

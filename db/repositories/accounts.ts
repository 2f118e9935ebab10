import { sql } from 'kysely'
import type { OfficeRole, UserAccount } from '../../shared/access/accounts'
import { officeRoles } from '../../shared/access/accounts'
import { type Executor, toIso } from './executor'

// Accounts, their sessions and their one-time password links. Tokens are stored as hashes only.

export interface UserRecord extends UserAccount {
  passwordHash: string | null
}

interface UserRow {
  id: string
  username: string
  display_name: string
  password_hash: string | null
  roles: unknown
  unit_id: string | null
  active: boolean
  created_at: Date
  last_sign_in_at: Date | null
}

const userColumns = ['id', 'username', 'display_name', 'password_hash', 'roles', 'unit_id', 'active', 'created_at', 'last_sign_in_at'] as const

function parseRoles(value: unknown): OfficeRole[] {
  const list = typeof value === 'string' ? (JSON.parse(value) as unknown) : value
  return Array.isArray(list) ? officeRoles.filter((r) => list.includes(r)) : []
}

function toUser(r: UserRow): UserRecord {
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    roles: parseRoles(r.roles),
    unitId: r.unit_id,
    active: r.active,
    createdAt: toIso(r.created_at),
    lastSignInAt: r.last_sign_in_at ? toIso(r.last_sign_in_at) : null,
    passwordSet: r.password_hash !== null,
    passwordHash: r.password_hash,
  }
}

export async function insertUser(
  db: Executor,
  u: { id: string; username: string; displayName: string; roles: OfficeRole[]; unitId: string | null; createdAt: string },
): Promise<void> {
  await db
    .insertInto('users')
    .values({ id: u.id, username: u.username, display_name: u.displayName, roles: JSON.stringify(u.roles), unit_id: u.unitId, created_at: u.createdAt })
    .execute()
}

export async function updateUser(
  db: Executor,
  id: string,
  u: { displayName: string; roles: OfficeRole[]; unitId: string | null; active: boolean },
): Promise<void> {
  await db
    .updateTable('users')
    .set({ display_name: u.displayName, roles: JSON.stringify(u.roles), unit_id: u.unitId, active: u.active })
    .where('id', '=', id)
    .execute()
}

export async function findUserById(db: Executor, id: string): Promise<UserRecord | null> {
  const row = await db.selectFrom('users').select(userColumns).where('id', '=', id).executeTakeFirst()
  return row ? toUser(row) : null
}

export async function findUserByUsername(db: Executor, username: string): Promise<UserRecord | null> {
  const row = await db.selectFrom('users').select(userColumns).where('username', '=', username).executeTakeFirst()
  return row ? toUser(row) : null
}

export async function listUsers(db: Executor): Promise<UserRecord[]> {
  const rows = await db.selectFrom('users').select(userColumns).orderBy('username').execute()
  return rows.map(toUser)
}

export async function countUsers(db: Executor): Promise<number> {
  const row = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  return Number(row.n)
}

/** True once some account can sign in: until then the server offers the first-run setup link. */
export async function anyPasswordSet(db: Executor): Promise<boolean> {
  const row = await db.selectFrom('users').select('id').where('password_hash', 'is not', null).limit(1).executeTakeFirst()
  return row !== undefined
}

/**
 * Locks the active administrators' rows until the transaction ends and answers their ids: two
 * administrators demoting each other at once are served one after the other, so one stays.
 */
export async function lockActiveAdmins(trx: Executor): Promise<string[]> {
  const rows = await trx
    .selectFrom('users')
    .select('id')
    .where('active', '=', true)
    .where(sql<boolean>`roles @> '["admin"]'::jsonb`)
    .forUpdate()
    .execute()
  return rows.map((r) => r.id)
}

export async function setPasswordHash(db: Executor, userId: string, hash: string): Promise<void> {
  await db.updateTable('users').set({ password_hash: hash }).where('id', '=', userId).execute()
}

export async function touchSignIn(db: Executor, userId: string, at: string): Promise<void> {
  await db.updateTable('users').set({ last_sign_in_at: at }).where('id', '=', userId).execute()
}

// — sessions —

export async function insertSession(
  db: Executor,
  s: { id: string; userId: string; csrfToken: string; createdAt: string; expiresAt: string; address: string | null },
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({ id: s.id, user_id: s.userId, csrf_token: s.csrfToken, created_at: s.createdAt, expires_at: s.expiresAt, address: s.address })
    .execute()
}

export interface LiveSession {
  sessionId: string
  csrfToken: string
  createdAt: string
  expiresAt: string
  user: UserRecord
}

/** A session that is neither revoked nor expired, of an active account. */
export async function findLiveSession(db: Executor, id: string, now: string): Promise<LiveSession | null> {
  const row = await db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select(['s.id as session_id', 's.csrf_token', 's.created_at as session_created_at', 's.expires_at'])
    .select(userColumns.map((c) => `u.${c}` as const))
    .where('s.id', '=', id)
    .where('s.revoked_at', 'is', null)
    .where('s.expires_at', '>', new Date(now))
    .where('u.active', '=', true)
    .executeTakeFirst()
  if (!row) return null
  return {
    sessionId: row.session_id,
    csrfToken: row.csrf_token,
    createdAt: toIso(row.session_created_at),
    expiresAt: toIso(row.expires_at),
    user: toUser(row),
  }
}

/** Moves a live session's expiry (renewal while in use); a revoked session stays revoked. */
export async function extendSession(db: Executor, id: string, expiresAt: string): Promise<void> {
  await db.updateTable('sessions').set({ expires_at: expiresAt }).where('id', '=', id).where('revoked_at', 'is', null).execute()
}

export async function revokeSession(db: Executor, id: string, at: string): Promise<void> {
  await db.updateTable('sessions').set({ revoked_at: at }).where('id', '=', id).where('revoked_at', 'is', null).execute()
}

/** Revokes every live session of an account (except `keep`); answers the ids revoked. */
export async function revokeUserSessions(db: Executor, userId: string, at: string, keep?: string): Promise<string[]> {
  let q = db.updateTable('sessions').set({ revoked_at: at }).where('user_id', '=', userId).where('revoked_at', 'is', null)
  if (keep) q = q.where('id', '!=', keep)
  const rows = await q.returning('id').execute()
  return rows.map((r) => r.id)
}

// — one-time password links —

export async function insertPasswordToken(db: Executor, t: { id: string; userId: string; createdAt: string; expiresAt: string }): Promise<void> {
  await db.insertInto('password_tokens').values({ id: t.id, user_id: t.userId, created_at: t.createdAt, expires_at: t.expiresAt }).execute()
}

/**
 * The same link again, valid anew: a token chosen in advance (HND_SETUP_TOKEN) is the same on every
 * start, so its row is renewed rather than inserted twice. Only ever for the same account.
 */
export async function renewPasswordToken(db: Executor, t: { id: string; userId: string; createdAt: string; expiresAt: string }): Promise<void> {
  await db
    .insertInto('password_tokens')
    .values({ id: t.id, user_id: t.userId, created_at: t.createdAt, expires_at: t.expiresAt })
    .onConflict((oc) =>
      oc
        .column('id')
        .doUpdateSet({ expires_at: t.expiresAt, used_at: null })
        .where('password_tokens.user_id', '=', t.userId),
    )
    .execute()
}

/** Voids an account's unused links: a new link replaces the old one. */
export async function voidPasswordTokens(db: Executor, userId: string, at: string): Promise<void> {
  await db.updateTable('password_tokens').set({ used_at: at }).where('user_id', '=', userId).where('used_at', 'is', null).execute()
}

/** Marks the link used and answers its account, if it was still valid: one use, even when raced. */
export async function consumePasswordToken(db: Executor, id: string, now: string): Promise<string | null> {
  const row = await db
    .updateTable('password_tokens')
    .set({ used_at: now })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .where('expires_at', '>', new Date(now))
    .returning('user_id')
    .executeTakeFirst()
  return row?.user_id ?? null
}

/** Tells every server process that the sockets of these sessions or devices must close. */
export async function notifyRevoked(db: Executor, channel: string, rooms: string[]): Promise<void> {
  for (const room of rooms) await sql`select pg_notify(${channel}, ${room})`.execute(db)
}

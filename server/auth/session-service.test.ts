import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import type { DatabaseHandle } from '../../db/connect'
import { findUserById, insertUser, updateUser } from '../../db/repositories/accounts'
import { listAudit } from '../../db/repositories/audit'
import { openPrivateDatabase } from '../../tests/fixtures/database'
import type { Auditor } from './audit'
import { issuePasswordLink } from './password-links'
import { SessionService } from './session-service'

// Sessions and passwords against a real database of its own (rows are counted): a password set, a
// session opened and the sessions ended land with their audit row, or nothing lands.
describe('session service', () => {
  let handle: DatabaseHandle
  let sessions: SessionService
  const disconnected: string[][] = []
  const browser: Auditor = { userId: null, name: null, address: '10.0.0.30' }

  const count = async (table: 'sessions' | 'office_audit') => Number((await sql<{ n: string }>`select count(*) as n from ${sql.table(table)}`.execute(handle.db)).rows[0]!.n)
  const counts = async () => ({ sessions: await count('sessions'), audit: await count('office_audit') })
  const usedLinks = async (userId: string) =>
    Number((await sql<{ n: string }>`select count(*) as n from password_tokens where user_id = ${userId} and used_at is not null`.execute(handle.db)).rows[0]!.n)

  async function newAccount(username: string) {
    const id = randomUUID()
    await insertUser(handle.db, { id, username, displayName: `Người dùng ${username}`, roles: ['secretary'], unitId: null, createdAt: new Date().toISOString() })
    return { id, link: await issuePasswordLink(handle.db, id) }
  }

  beforeAll(async () => {
    handle = await openPrivateDatabase()
    sessions = new SessionService(handle.db, async (rooms) => void disconnected.push(rooms))
  })
  afterAll(async () => {
    await handle.close()
  })

  it('sets a password with a link, opening a session, with one audit row named after the account', async () => {
    const { id, link } = await newAccount('vi.thi.e')
    const before = await counts()
    const opened = await sessions.setPassword(link.setupToken, 'một mật khẩu dài đủ', browser)
    expect(opened).toMatchObject({ ok: true, data: { session: { user: { id, username: 'vi.thi.e' } }, cookie: { token: expect.any(String) } } })
    expect(await counts()).toEqual({ sessions: before.sessions + 1, audit: before.audit + 1 })
    expect((await listAudit(handle.db, 1))[0]).toMatchObject({ action: 'password-set', actor: 'Người dùng vi.thi.e (vi.thi.e)', address: '10.0.0.30' })
    expect((await findUserById(handle.db, id))?.passwordSet).toBe(true)

    // Used once: the same link again changes nothing.
    const after = await counts()
    expect(await sessions.setPassword(link.setupToken, 'một mật khẩu khác nữa', browser)).toMatchObject({ ok: false, error: { code: 'TOKEN_INVALID' } })
    expect(await counts()).toEqual(after)
  })

  it('refuses the link of a locked account and leaves the link unused for when it is unlocked', async () => {
    const { id, link } = await newAccount('vi.thi.g')
    await updateUser(handle.db, id, { displayName: 'Người dùng vi.thi.g', roles: ['secretary'], unitId: null, active: false })
    const before = await counts()
    expect(await sessions.setPassword(link.setupToken, 'một mật khẩu dài đủ', browser)).toMatchObject({ ok: false, error: { code: 'TOKEN_INVALID' } })
    expect(await counts()).toEqual(before)
    expect(await usedLinks(id)).toBe(0)
    expect((await findUserById(handle.db, id))?.passwordSet).toBe(false)
  })

  it('signs in with the session and its audit row; a wrong password writes only the failed attempt', async () => {
    const before = await counts()
    expect(await sessions.signIn('vi.thi.e', 'sai mật khẩu', browser)).toMatchObject({ ok: false, error: { code: 'INVALID_CREDENTIALS' } })
    expect(await counts()).toEqual({ ...before, audit: before.audit + 1 })
    expect((await listAudit(handle.db, 1))[0]).toMatchObject({ action: 'sign-in-failed', detail: 'Tên đăng nhập: vi.thi.e' })

    const signedIn = await sessions.signIn('vi.thi.e', 'một mật khẩu dài đủ', browser)
    expect(signedIn).toMatchObject({ ok: true })
    expect(await counts()).toEqual({ sessions: before.sessions + 1, audit: before.audit + 2 })
    expect((await listAudit(handle.db, 1))[0]).toMatchObject({ action: 'sign-in', actor: 'Người dùng vi.thi.e (vi.thi.e)' })
  })

  it('opens no session when the audit row cannot be written', async () => {
    await sql`create function refuse_audit() returns trigger language plpgsql as $$ begin raise exception 'audit refused'; end $$`.execute(handle.db)
    await sql`create trigger refuse_audit before insert on office_audit for each row when (new.action = 'sign-in') execute function refuse_audit()`.execute(handle.db)
    const before = await counts()
    try {
      await expect(sessions.signIn('vi.thi.e', 'một mật khẩu dài đủ', browser)).rejects.toThrow(/audit refused/)
    } finally {
      await sql`drop trigger refuse_audit on office_audit`.execute(handle.db)
      await sql`drop function refuse_audit()`.execute(handle.db)
    }
    expect(await counts()).toEqual(before)
  })
})

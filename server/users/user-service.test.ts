import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'kysely'
import type { DatabaseHandle } from '../../db/connect'
import { listAudit } from '../../db/repositories/audit'
import { insertUnit } from '../../db/repositories/directory'
import { createAccount } from '../../tests/fixtures/accounts'
import { openPrivateDatabase } from '../../tests/fixtures/database'
import type { Auditor } from '../auth/audit'
import { UserService } from './user-service'

// The account workflow against a real database of its own (rows are counted): each change lands with
// its password link, its ended sessions and its audit row, or nothing lands at all.
describe('user service', () => {
  let handle: DatabaseHandle
  let users: UserService
  const disconnected: string[][] = []
  const admin: Auditor = { userId: null, name: 'Quản trị viên thử', address: '10.0.0.9' }

  const count = async (table: 'users' | 'password_tokens' | 'office_audit' | 'sessions') =>
    Number((await sql<{ n: string }>`select count(*) as n from ${sql.table(table)}`.execute(handle.db)).rows[0]!.n)
  const counts = async () => ({ users: await count('users'), links: await count('password_tokens'), audit: await count('office_audit'), sessions: await count('sessions') })
  const liveSessions = async (userId: string) =>
    Number((await sql<{ n: string }>`select count(*) as n from sessions where user_id = ${userId} and revoked_at is null`.execute(handle.db)).rows[0]!.n)

  beforeAll(async () => {
    handle = await openPrivateDatabase()
    users = new UserService(handle.db, async (rooms) => void disconnected.push(rooms))
    // The office's one administrator.
    admin.userId = (await createAccount(handle.db, ['admin'])).user.id
  })
  afterAll(async () => {
    await handle.close()
  })

  it('creates an account with its one-time link and its audit row together', async () => {
    const before = await counts()
    const created = await users.create({ username: 'lo.van.a', displayName: 'Lò Văn A', roles: ['secretary'], unitId: null }, admin)
    expect(created).toMatchObject({ ok: true, data: { user: { username: 'lo.van.a', passwordSet: false, active: true } } })
    expect(await counts()).toEqual({ ...before, users: before.users + 1, links: before.links + 1, audit: before.audit + 1 })
    expect((await listAudit(handle.db, 1))[0]).toMatchObject({ action: 'user-created', actor: 'Quản trị viên thử', address: '10.0.0.9', detail: 'Lò Văn A (lo.van.a): Thư ký hội nghị' })
  })

  it('refuses a taken name or an unknown unit and writes nothing', async () => {
    const before = await counts()
    expect(await users.create({ username: 'lo.van.a', displayName: 'Người khác', roles: ['chair'], unitId: null }, admin)).toMatchObject({ ok: false, error: { code: 'USERNAME_TAKEN' } })
    const unknownUnit = await users.create({ username: 'lo.van.b', displayName: 'Lò Văn B', roles: ['unit_lead'], unitId: crypto.randomUUID() }, admin)
    expect(unknownUnit).toMatchObject({ ok: false, error: { code: 'UNIT_NOT_FOUND' } })
    expect(await counts()).toEqual(before)
  })

  it('keeps no account and no link when its audit row cannot be written', async () => {
    // The audit table refuses every row for a moment: the account and its link must go with it.
    await sql`create function refuse_audit() returns trigger language plpgsql as $$ begin raise exception 'audit refused'; end $$`.execute(handle.db)
    await sql`create trigger refuse_audit before insert on office_audit for each row execute function refuse_audit()`.execute(handle.db)
    const before = await counts()
    try {
      await expect(users.create({ username: 'lo.van.c', displayName: 'Lò Văn C', roles: ['secretary'], unitId: null }, admin)).rejects.toThrow(/audit refused/)
    } finally {
      await sql`drop trigger refuse_audit on office_audit`.execute(handle.db)
      await sql`drop function refuse_audit()`.execute(handle.db)
    }
    expect(await counts()).toEqual(before)
  })

  it('locks an account, ending its sessions with the audit row, and closes their sockets after commit', async () => {
    const unitId = crypto.randomUUID()
    await insertUnit(handle.db, { id: unitId, name: 'Phòng Tư pháp' })
    const lead = await createAccount(handle.db, ['unit_lead'], { unitId, displayName: 'Cầm Thị D' })
    const before = await counts()
    const updated = await users.update(lead.user.id, { displayName: 'Cầm Thị D', roles: ['unit_lead'], unitId, active: false }, admin)
    expect(updated).toMatchObject({ ok: true, data: { user: { active: false, unitId } } })
    expect(await counts()).toEqual({ ...before, audit: before.audit + 1 })
    expect(await liveSessions(lead.user.id)).toBe(0)
    expect(disconnected.at(-1)).toHaveLength(1)
    expect((await listAudit(handle.db, 1))[0]).toMatchObject({ action: 'user-updated', detail: `Cầm Thị D (${lead.user.username}): Lãnh đạo đơn vị, đã khóa` })
  })

  it('never demotes the last administrator, and changes nothing when it refuses', async () => {
    const before = await counts()
    const closedBefore = disconnected.length
    const refused = await users.update(admin.userId!, { displayName: 'Quản trị', roles: ['secretary'], unitId: null, active: true }, admin)
    expect(refused).toMatchObject({ ok: false, error: { code: 'LAST_ADMIN' } })
    expect(await counts()).toEqual(before)
    expect(await liveSessions(admin.userId!)).toBe(1)
    expect(disconnected.length).toBe(closedBefore)
  })

  it('issues a new link, signs the account out everywhere and records it, or refuses an unknown account', async () => {
    const person = await createAccount(handle.db, ['chair'])
    const before = await counts()
    expect((await users.resetPassword(person.user.id, admin)).ok).toBe(true)
    expect(await counts()).toEqual({ ...before, links: before.links + 1, audit: before.audit + 1 })
    expect(await liveSessions(person.user.id)).toBe(0)
    expect((await listAudit(handle.db, 1))[0]).toMatchObject({ action: 'password-link-issued', detail: `${person.user.displayName} (${person.user.username})` })

    const after = await counts()
    expect(await users.resetPassword(crypto.randomUUID(), admin)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await counts()).toEqual(after)
  })
})

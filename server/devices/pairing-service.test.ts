import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { randomUUID } from 'node:crypto'
import { sql, type Kysely } from 'kysely'
import type { DatabaseHandle } from '../../db/connect'
import { isUniqueViolation } from '../../db/errors'
import { listAudit } from '../../db/repositories/audit'
import { insertPairingCode } from '../../db/repositories/devices'
import { insertMeeting } from '../../db/repositories/meetings'
import type { Database } from '../../db/schema'
import { backendName, openPrivateDatabase, openTestDatabase } from '../../tests/fixtures/database'
import type { Auditor } from '../auth/audit'
import { PairingService } from './pairing-service'

const secretary: Auditor = { userId: null, name: 'Quàng Thị Thu (thu.qt)', address: '10.0.0.5' }

async function newMeeting(db: Kysely<Database>, title = 'Hội nghị đối thoại quý IV'): Promise<string> {
  const meetingId = randomUUID()
  await insertMeeting(db, { meetingId, title, venue: 'Hội trường UBND xã', createdAt: new Date().toISOString() })
  return meetingId
}

const openCodes = async (db: Kysely<Database>, meetingId: string) =>
  Number((await sql<{ n: string }>`select count(*) as n from pairing_codes where meeting_id = ${meetingId} and closed_at is null`.execute(db)).rows[0]!.n)

// Pairing against a real database of its own (rows are counted): each step lands with its audit row,
// or nothing lands.
describe('pairing service', () => {
  let handle: DatabaseHandle
  let pairing: PairingService
  let meetingId: string
  const disconnected: string[][] = []

  const count = async (table: 'pairing_codes' | 'devices' | 'office_audit' | 'pairing_failures') =>
    Number((await sql<{ n: string }>`select count(*) as n from ${sql.table(table)}`.execute(handle.db)).rows[0]!.n)
  const counts = async () => ({ codes: await count('pairing_codes'), devices: await count('devices'), audit: await count('office_audit'), failures: await count('pairing_failures') })

  beforeAll(async () => {
    handle = await openPrivateDatabase()
    pairing = new PairingService(handle.db, async (rooms) => void disconnected.push(rooms))
    meetingId = await newMeeting(handle.db)
  })
  afterAll(async () => {
    await handle.close()
  })

  it('issues a code with its audit row, naming the meeting, and refuses an unknown meeting with nothing written', async () => {
    const before = await counts()
    const issued = await pairing.issueCode(meetingId, 'projector', secretary)
    expect(issued).toMatchObject({ ok: true, data: { role: 'projector', code: expect.stringMatching(/^\d{6}$/) } })
    expect(await counts()).toEqual({ ...before, codes: before.codes + 1, audit: before.audit + 1 })
    expect((await listAudit(handle.db, 1))[0]).toMatchObject({
      action: 'pairing-code-issued',
      actor: secretary.name,
      detail: `Màn hình chiếu — hội nghị «Hội nghị đối thoại quý IV» (${meetingId})`,
    })

    const after = await counts()
    expect(await pairing.issueCode(randomUUID(), 'chair', secretary)).toMatchObject({ ok: false, error: { code: 'MEETING_NOT_FOUND' } })
    expect(await counts()).toEqual(after)
  })

  it('pairs a device with its audit row; a wrong code writes no device and no audit row, only the count of wrong guesses', async () => {
    const issued = await pairing.issueCode(meetingId, 'chair', secretary)
    if (!issued.ok) throw new Error(issued.error.message)
    const before = await counts()
    const wrong = issued.data.code === '000000' ? '000001' : '000000'
    expect(await pairing.pair({ code: wrong }, '10.0.0.7')).toMatchObject({ ok: false, error: { code: 'PAIRING_CODE_INVALID' } })
    expect(await counts()).toEqual({ ...before, failures: before.failures + 1 })

    const paired = await pairing.pair({ code: issued.data.code, label: 'Máy tính bảng số 2' }, '10.0.0.8')
    expect(paired).toMatchObject({ ok: true, data: { device: { meetingId, role: 'chair', label: 'Máy tính bảng số 2', pairedFrom: '10.0.0.8' } } })
    expect(await counts()).toEqual({ ...before, failures: before.failures + 1, devices: before.devices + 1, audit: before.audit + 1 })
    expect((await listAudit(handle.db, 1))[0]).toMatchObject({ action: 'device-paired', actor: 'Thiết bị: Máy tính bảng số 2', address: '10.0.0.8' })
  })

  it('leaves the code unused and no device when the audit row cannot be written', async () => {
    const issued = await pairing.issueCode(meetingId, 'projector', secretary)
    if (!issued.ok) throw new Error(issued.error.message)
    await sql`create function refuse_audit() returns trigger language plpgsql as $$ begin raise exception 'audit refused'; end $$`.execute(handle.db)
    await sql`create trigger refuse_audit before insert on office_audit for each row execute function refuse_audit()`.execute(handle.db)
    const before = await counts()
    try {
      await expect(pairing.pair({ code: issued.data.link }, '10.0.0.8')).rejects.toThrow(/audit refused/)
    } finally {
      await sql`drop trigger refuse_audit on office_audit`.execute(handle.db)
      await sql`drop function refuse_audit()`.execute(handle.db)
    }
    expect(await counts()).toEqual(before)
    // The code is still the one on screen: the device can try again.
    expect(await pairing.pair({ code: issued.data.code }, '10.0.0.8')).toMatchObject({ ok: true })
  })

  it('revokes a device with its audit row and closes its sockets after commit; an unknown device changes nothing', async () => {
    const issued = await pairing.issueCode(meetingId, 'projector', secretary)
    if (!issued.ok) throw new Error(issued.error.message)
    const paired = await pairing.pair({ code: issued.data.code }, '10.0.0.9')
    if (!paired.ok) throw new Error(paired.error.message)
    const before = await counts()
    expect(await pairing.revoke(meetingId, paired.data.device.id, secretary)).toMatchObject({ ok: true, data: { id: paired.data.device.id, revokedAt: expect.any(String) } })
    expect(await counts()).toEqual({ ...before, audit: before.audit + 1 })
    expect(disconnected.at(-1)).toEqual([`device:${paired.data.device.id}`])

    const closed = disconnected.length
    expect(await pairing.revoke(meetingId, randomUUID(), secretary)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    // Another meeting's device is not this meeting's to revoke.
    expect(await pairing.revoke(await newMeeting(handle.db), paired.data.device.id, secretary)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await counts()).toEqual({ ...before, audit: before.audit + 1 })
    expect(disconnected.length).toBe(closed)
  })
})

// Two secretaries (or one double click) asking for a code at the same moment. On PostgreSQL
// (DATABASE_URL) the requests really overlap, on separate connections; the embedded database takes
// them in turn. Either way one code is left open, and it is the one that pairs.
describe(`pairing codes asked for at once (${backendName})`, () => {
  let handle: DatabaseHandle
  let pairing: PairingService

  beforeAll(async () => {
    handle = await openTestDatabase()
    pairing = new PairingService(handle.db, async () => {})
  })
  afterAll(async () => {
    await handle.close()
  })

  it('leaves exactly one open code, and only that one pairs', async () => {
    const meetingId = await newMeeting(handle.db)
    const issued = await Promise.all(Array.from({ length: 6 }, () => pairing.issueCode(meetingId, 'chair', secretary)))
    expect(issued.every((r) => r.ok)).toBe(true)
    expect(await openCodes(handle.db, meetingId)).toBe(1)

    // By each code's QR link: wrong six-digit codes would count against the whole office's limit.
    const outcomes = []
    for (const r of issued) if (r.ok) outcomes.push((await pairing.pair({ code: r.data.link }, '10.0.0.20')).ok)
    expect(outcomes.filter(Boolean)).toHaveLength(1)
    expect(await openCodes(handle.db, meetingId)).toBe(0)
  })

  it('is a rule of the database too: a second open code for the same meeting and role is refused', async () => {
    const meetingId = await newMeeting(handle.db)
    const code = (n: number) => ({
      id: randomUUID(),
      meetingId,
      role: 'projector' as const,
      codeHash: `hash-${randomUUID()}-${n}`,
      linkHash: `link-${randomUUID()}-${n}`,
      createdBy: null,
      createdAt: new Date().toISOString(),
      expiresAt: new Date(Date.now() + 60_000).toISOString(),
    })
    await insertPairingCode(handle.db, code(1))
    const second = await insertPairingCode(handle.db, code(2)).then(() => null, (err: unknown) => err)
    expect(isUniqueViolation(second, 'pairing_codes_one_open')).toBe(true)
    expect(await openCodes(handle.db, meetingId)).toBe(1)
  })
})

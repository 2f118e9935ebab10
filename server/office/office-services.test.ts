import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import type { DatabaseHandle } from '../../db/connect'
import { listAudit } from '../../db/repositories/audit'
import { deadlineRules } from '../../shared/meeting/rules'
import { communeOffice } from '../../tests/fixtures/offices'
import { openPrivateDatabase } from '../../tests/fixtures/database'
import type { Auditor } from '../auth/audit'
import { DirectoryService } from './directory-service'
import { OfficeData } from './office-data'
import { OfficeSettingsService } from './office-settings-service'

// The office's own data against a real database of its own (rows are counted): every change lands
// with its audit row, a refusal lands nothing, and decisions see the change at once.
describe('office services', () => {
  let handle: DatabaseHandle
  let office: OfficeData
  let directory: DirectoryService
  let settings: OfficeSettingsService
  const admin: Auditor = { userId: null, name: 'Quản trị viên thử (qtv)', address: '10.0.0.2' }

  const count = async (table: 'directory_units' | 'directory_officials' | 'calendar_days' | 'office_audit') =>
    Number((await sql<{ n: string }>`select count(*) as n from ${sql.table(table)}`.execute(handle.db)).rows[0]!.n)
  const counts = async () => ({
    units: await count('directory_units'),
    officials: await count('directory_officials'),
    days: await count('calendar_days'),
    audit: await count('office_audit'),
  })
  const lastAudit = async () => (await listAudit(handle.db, 1))[0]

  beforeAll(async () => {
    handle = await openPrivateDatabase()
    // A cache that would keep its copy for an hour: only the services' invalidation refreshes it.
    office = new OfficeData(handle.db, 3_600_000)
    directory = new DirectoryService(handle.db, office)
    settings = new OfficeSettingsService(handle.db, office)
  })
  afterAll(async () => {
    await handle.close()
  })

  it('adds, renames and removes a unit, each with its audit row naming it, and decisions see each change at once', async () => {
    await office.context()
    const before = await counts()
    const added = await directory.addUnit({ name: 'Phòng Tài nguyên và Môi trường' }, admin)
    if (!added.ok) throw new Error(added.error.message)
    expect(await counts()).toEqual({ ...before, units: before.units + 1, audit: before.audit + 1 })
    expect(await lastAudit()).toMatchObject({ action: 'office-changed', actor: admin.name, address: '10.0.0.2', detail: 'Thêm đơn vị «Phòng Tài nguyên và Môi trường»' })
    expect((await office.context()).directory.units.map((u) => u.name)).toContain('Phòng Tài nguyên và Môi trường')

    expect(await directory.renameUnit(added.data.id, { name: 'Phòng Nông nghiệp và Môi trường' }, admin)).toMatchObject({ ok: true })
    expect((await office.context()).directory.units.map((u) => u.name)).toContain('Phòng Nông nghiệp và Môi trường')
    expect(await directory.removeUnit(added.data.id, admin)).toMatchObject({ ok: true })
    expect(await lastAudit()).toMatchObject({ detail: 'Xóa đơn vị «Phòng Nông nghiệp và Môi trường» khỏi danh bạ' })
    expect((await office.context()).directory.units.some((u) => u.id === added.data.id)).toBe(false)
    expect(await counts()).toEqual({ ...before, audit: before.audit + 3 })
  })

  it('refuses an official in an unknown unit, or an unknown official or unit, and writes nothing', async () => {
    const before = await counts()
    expect(await directory.addOfficial({ name: 'Lò Văn Minh', title: 'Trưởng phòng', unitId: randomUUID() }, admin)).toMatchObject({ ok: false, error: { code: 'UNIT_NOT_FOUND' } })
    expect(await directory.updateOfficial(randomUUID(), { name: 'Lò Văn Minh', title: '', unitId: null }, admin)).toMatchObject({ ok: false, error: { code: 'OFFICIAL_NOT_FOUND' } })
    expect(await directory.removeOfficial(randomUUID(), admin)).toMatchObject({ ok: false, error: { code: 'OFFICIAL_NOT_FOUND' } })
    expect(await directory.renameUnit(randomUUID(), { name: 'Không có' }, admin)).toMatchObject({ ok: false, error: { code: 'UNIT_NOT_FOUND' } })
    expect(await directory.removeUnit(randomUUID(), admin)).toMatchObject({ ok: false, error: { code: 'UNIT_NOT_FOUND' } })
    expect(await counts()).toEqual(before)
  })

  it('keeps no official when the audit row cannot be written', async () => {
    await sql`create function refuse_audit() returns trigger language plpgsql as $$ begin raise exception 'audit refused'; end $$`.execute(handle.db)
    await sql`create trigger refuse_audit before insert on office_audit for each row execute function refuse_audit()`.execute(handle.db)
    const before = await counts()
    try {
      await expect(directory.addOfficial({ name: 'Hà Thị Lan', title: 'Phó Chủ tịch UBND xã', unitId: null }, admin)).rejects.toThrow(/audit refused/)
    } finally {
      await sql`drop trigger refuse_audit on office_audit`.execute(handle.db)
      await sql`drop function refuse_audit()`.execute(handle.db)
    }
    expect(await counts()).toEqual(before)
    expect((await directory.read()).officials.some((o) => o.name === 'Hà Thị Lan')).toBe(false)
  })

  it('marks a day off with its audit row, refuses a day that would change nothing, and removes it', async () => {
    const before = await counts()
    // 2088-09-02 is a Thursday: a weekday can become a day off, not a working day.
    expect(await settings.setCalendarDay({ day: '2088-09-02', kind: 'working_day', note: '' }, admin)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', message: 'Ngày thường đã là ngày làm việc; chỉ có thể đánh dấu là ngày nghỉ.' },
    })
    expect(await settings.setCalendarDay({ day: '2088-09-04', kind: 'day_off', note: '' }, admin)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } })
    expect(await counts()).toEqual(before)

    expect(await settings.setCalendarDay({ day: '2088-09-02', kind: 'day_off', note: 'Quốc khánh' }, admin)).toMatchObject({ ok: true })
    expect(await counts()).toEqual({ ...before, days: before.days + 1, audit: before.audit + 1 })
    expect(await lastAudit()).toMatchObject({ detail: 'Lịch ngày 2088-09-02: nghỉ (Quốc khánh)' })
    expect((await office.context()).calendar.daysOff).toContain('2088-09-02')

    expect(await settings.removeCalendarDay('2088-09-02', admin)).toMatchObject({ ok: true })
    expect(await settings.removeCalendarDay('2088-09-02', admin)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await counts()).toEqual({ ...before, audit: before.audit + 2 })
    expect((await office.context()).calendar.daysOff).not.toContain('2088-09-02')
  })

  it('saves the deadline sets and the office profile, each with its audit row', async () => {
    const before = await counts()
    const rules = { ...deadlineRules, commune: { noticeWorkingDays: 6, resultWorkingDays: 12, extendedResultWorkingDays: 25 } }
    expect(await settings.saveDeadlineRules(rules, admin)).toMatchObject({ ok: true })
    expect(await lastAudit()).toMatchObject({ detail: 'Sửa thời hạn giải quyết (ngày làm việc)' })
    expect((await office.context()).rules.commune.resultWorkingDays).toBe(12)

    expect(await settings.saveProfile(communeOffice, admin)).toMatchObject({ ok: true })
    expect(await lastAudit()).toMatchObject({ detail: 'Sửa thông tin cơ quan in trên văn bản' })
    expect((await settings.profile()).issuingBody).toBe(communeOffice.issuingBody)
    expect(await counts()).toEqual({ ...before, audit: before.audit + 2 })
  })

  it('loads a calendar year with one audit row, and a refused load writes nothing', async () => {
    const before = await counts()
    const refused = await settings.loadCalendarYear(2089, { format: 'list', text: 'không phải một ngày' }, false, admin)
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } })
    expect(await counts()).toEqual(before)

    const loaded = await settings.loadCalendarYear(2089, { format: 'list', text: '02/09/2089 Quốc khánh' }, true, admin)
    expect(loaded).toMatchObject({ ok: true, data: { status: { year: 2089, confirmedBy: admin.name, loadedBy: admin.name } } })
    expect(await counts()).toEqual({ ...before, days: before.days + 1, audit: before.audit + 1 })
    expect((await office.context()).confirmedYears).toContain(2089)
  })
})

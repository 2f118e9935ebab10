import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../../db/connect'
import { listAudit } from '../../../db/repositories/audit'
import { listCalendarDays, loadCalendar } from '../../../db/repositories/calendar'
import { addWorkingDays } from '../../../shared/calendar/working-days'
import { deadlineCalendarWarning } from '../../../shared/calendar/confirmation'
import { officeAccounts, type OfficeAccounts } from '../../../tests/fixtures/accounts'
import { backendName } from '../../../tests/fixtures/database'
import { buildTestApp } from '../../../tests/fixtures/app'
import type { buildApp } from '../../app'

type Day = { day: string; kind: string; note: string }
type Status = { year: number; confirmedAt: string | null; confirmedBy: string | null; loadedAt: string | null; loadedBy: string | null }

describe('the 2026 calendar as seeded', () => {
  let handle: DatabaseHandle
  let app: Awaited<ReturnType<typeof buildApp>>
  let people: OfficeAccounts
  beforeAll(async () => {
    // A fresh office: what the migrations alone give, whatever other suites did to a shared one.
    ;({ app, handle } = await buildTestApp({ database: 'private' }))
    people = await officeAccounts(handle.db)
  })
  afterAll(async () => {
    await app.close()
    await handle.close()
  })

  it('has the New Year swap: Friday 02/01 off, Saturday 10/01 worked; and no year is confirmed by the seed', async () => {
    const calendar = (await app.inject({ url: '/api/calendar', headers: people.chair.headers })).json() as { days: Day[]; years: Status[] }
    const kindOf = (day: string) => calendar.days.find((d) => d.day === day)?.kind
    expect(kindOf('2026-01-01')).toBe('day_off')
    expect(kindOf('2026-01-02')).toBe('day_off')
    expect(kindOf('2026-01-10')).toBe('working_day')
    expect(['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-04-27'].map(kindOf)).toEqual(Array(6).fill('day_off'))
    expect(calendar.years.filter((y) => y.confirmedAt !== null)).toEqual([])
    expect((await app.office.context()).confirmedYears).toEqual([])
  })

  it('has National Day 2026 as agreed: Tuesday 01/09 and Wednesday 02/09 off, Monday 31/08 swapped with Saturday 22/08', async () => {
    const days = (await listCalendarDays(handle.db)).filter((d) => d.day >= '2026-08-22' && d.day <= '2026-09-02')
    expect(days.map((d) => [d.day, d.kind])).toEqual([
      ['2026-08-22', 'working_day'],
      ['2026-08-31', 'day_off'],
      ['2026-09-01', 'day_off'],
      ['2026-09-02', 'day_off'],
    ])
    const calendar = await loadCalendar(handle.db)
    // A 5-working-day notice after a meeting on Friday 28/08: the weekend and Mon 31 – Wed 02 are
    // off, so the count runs Thu 03, Fri 04, Mon 07, Tue 08, Wed 09.
    expect(addWorkingDays('2026-08-28', 5, calendar)).toBe('2026-09-09')
    // Saturday 22/08 is worked: one working day after Friday 21/08 is that Saturday.
    expect(addWorkingDays('2026-08-21', 1, calendar)).toBe('2026-08-22')
  })

  it('counts deadlines over the swap: 5 working days after Wednesday 31/12/2025 end on Friday 09/01/2026, the 6th is Saturday 10/01', async () => {
    const calendar = await loadCalendar(handle.db)
    // Thu 01/01 and Fri 02/01 off, the weekend, then Mon 05 … Fri 09; Saturday 10/01 is worked.
    expect(addWorkingDays('2025-12-31', 5, calendar)).toBe('2026-01-09')
    expect(addWorkingDays('2025-12-31', 6, calendar)).toBe('2026-01-10')
    expect(addWorkingDays('2025-12-31', 7, calendar)).toBe('2026-01-12')
    const { confirmedYears } = await app.office.context()
    expect(deadlineCalendarWarning('2025-12-31', '2026-01-09', confirmedYears)).toBe(
      'Hạn này tính theo lịch nghỉ năm 2026 chưa được xác nhận; kiểm tra lại khi có thông báo chính thức.',
    )
  })

  it('refuses Friday 02/01/2026 as a due date and accepts the worked Saturday 10/01', async () => {
    const admin = people.admin.headers
    const unit = (await app.inject({ method: 'POST', url: '/api/directory/units', headers: admin, payload: { name: 'Phòng Nội vụ' } })).json() as { id: string }
    const secretary = people.secretary.headers
    const { meetingId } = (await app.inject({ method: 'POST', url: '/api/meetings', headers: secretary, payload: { title: 'Đối thoại cuối năm', meetingDate: '2025-12-31', level: 'office' } })).json()
    const run = (type: string, fields: object) => app.inject({ method: 'POST', url: `/api/meetings/${meetingId}/commands`, headers: secretary, payload: { type, commandId: randomUUID(), ...fields } })
    await run('petition:record', { origin: 'registered', title: 'Chế độ trực Tết' })
    const friday = await run('petition:commit-written-answer', { petitionNo: 1, unitId: unit.id, dueDate: '2026-01-02' })
    expect(friday.json().error.code).toBe('DUE_DATE_DAY_OFF')
    expect(friday.json().error.message).toContain('05/01/2026')
    const saturday = await run('petition:commit-written-answer', { petitionNo: 1, unitId: unit.id, dueDate: '2026-01-10' })
    expect(saturday.statusCode).toBe(200)
    expect(saturday.json().events.at(-1).payload.commitment.dueDate).toBe('2026-01-10')
  })
})

// Loading a whole year. On a shared PostgreSQL other suites run at the same time: this one works on
// years nobody else uses (2093 has 2026's weekdays), and sets each year's state before it asserts.
describe(`loading a year's schedule on ${backendName}`, () => {
  let handle: DatabaseHandle
  let app: Awaited<ReturnType<typeof buildApp>>
  let people: OfficeAccounts
  beforeAll(async () => {
    ;({ app, handle } = await buildTestApp())
    people = await officeAccounts(handle.db)
  })
  afterAll(async () => {
    await app.close()
    await handle.close()
  })

  const calendar = async () => (await app.inject({ url: '/api/calendar', headers: people.admin.headers })).json() as { days: Day[]; years: Status[] }
  const daysOf = async (year: number) => (await calendar()).days.filter((d) => d.day.startsWith(`${year}-`))
  const statusOf = async (year: number) => (await calendar()).years.find((y) => y.year === year) ?? null
  const preview = (year: number, payload: object, headers = people.admin.headers) =>
    app.inject({ method: 'POST', url: `/api/calendar/years/${year}/preview`, headers, payload })
  const apply = (year: number, payload: object, headers = people.admin.headers) => app.inject({ method: 'PUT', url: `/api/calendar/years/${year}`, headers, payload })
  const confirm = (year: number, confirmed: boolean, headers = people.admin.headers) =>
    app.inject({ method: 'PUT', url: `/api/calendar/years/${year}/confirmation`, headers, payload: { confirmed } })
  /** This suite's administrator's rows in the office audit trail. */
  const auditOf = async () => (await listAudit(handle.db, 5000)).filter((e) => e.actor?.includes(people.admin.user.username))

  const list2093 = [
    '01/01/2093 Tết Dương lịch',
    '02/01/2093 - 04/01/2093 nghỉ Tết Dương lịch',
    '2093-01-10 làm bù cho thứ Sáu 02/01',
    'từ ngày 14/02/2093 đến hết ngày 22/02/2093 nghỉ Tết Nguyên đán',
    '30/04/2093 Ngày Chiến thắng',
    '01/05/2093 Quốc tế Lao động',
  ].join('\n')

  it('previews a pasted list: the days to store, the weekend days left out, and what changes', async () => {
    // Stored before: one day the list keeps with another note, one it drops.
    await apply(2093, { format: 'list', text: '01/01/2093 Tết\n02/09/2093 Quốc khánh' })
    const before = await daysOf(2093)
    const response = await preview(2093, { format: 'list', text: list2093 })
    expect(response.statusCode).toBe(200)
    const body = response.json()
    expect(body.problems).toEqual([])
    expect(body.days.map((d: Day) => `${d.day} ${d.kind}`)).toEqual([
      '2093-01-01 day_off',
      '2093-01-02 day_off',
      '2093-01-10 working_day',
      '2093-02-16 day_off',
      '2093-02-17 day_off',
      '2093-02-18 day_off',
      '2093-02-19 day_off',
      '2093-02-20 day_off',
      '2093-04-30 day_off',
      '2093-05-01 day_off',
    ])
    expect(body.skipped.map((s: { message: string }) => s.message)).toEqual([
      'Dòng 2: bỏ qua 2 ngày thứ Bảy, Chủ nhật đã là ngày nghỉ (03/01/2093, 04/01/2093).',
      'Dòng 4: bỏ qua 4 ngày thứ Bảy, Chủ nhật đã là ngày nghỉ (14/02/2093, 15/02/2093, 21/02/2093, 22/02/2093).',
    ])
    expect(body.changes.added).toHaveLength(9)
    expect(body.changes.changed).toEqual([
      { day: '2093-01-01', before: { day: '2093-01-01', kind: 'day_off', note: 'Tết' }, after: { day: '2093-01-01', kind: 'day_off', note: 'Tết Dương lịch' } },
    ])
    expect(body.changes.removed).toEqual([{ day: '2093-09-02', kind: 'day_off', note: 'Quốc khánh' }])
    // A preview writes nothing.
    expect(await daysOf(2093)).toEqual(before)
  })

  it('names each bad line in Vietnamese, and refuses to load a list with any of them: nothing is written', async () => {
    await apply(2093, { format: 'list', text: list2093, confirm: true })
    const before = { days: await daysOf(2093), status: await statusOf(2093), audit: (await auditOf()).length }
    const text = ['01/01/2093 Tết Dương lịch', '05/01/2093 làm bù', '31/02/2093 nghỉ', '01/01/2094 Tết năm sau', 'nghỉ lễ', '22/02/2093 - 14/02/2093 Tết'].join('\n')
    const previewed = (await preview(2093, { format: 'list', text })).json()
    expect(previewed.problems.map((p: { message: string }) => p.message)).toEqual([
      'Dòng 2: Thứ Hai 05/01/2093 là ngày thường, đã là ngày làm việc; chỉ thứ Bảy, Chủ nhật mới ghi là làm bù. Ngày thường ghi trong lịch là ngày nghỉ.',
      'Dòng 3: ngày 31/02/2093 không có trong lịch.',
      'Dòng 4: ngày 01/01/2094 không thuộc năm 2093 (đang nạp lịch năm 2093).',
      'Dòng 5: không đọc được ngày ở đầu dòng «nghỉ lễ». Viết ngày trước, ví dụ «01/01/2026 Tết Dương lịch» hoặc «14/02/2026 - 22/02/2026 nghỉ Tết».',
      'Dòng 6: khoảng ngày ngược chiều (22/02/2093 đến 14/02/2093); ghi ngày đầu trước.',
    ])
    expect(previewed.days.map((d: Day) => d.day)).toEqual(['2093-01-01'])

    const refused = await apply(2093, { format: 'list', text, confirm: true })
    expect(refused.statusCode).toBe(400)
    const error = refused.json().error
    expect(error.code).toBe('VALIDATION_FAILED')
    expect(error.message).toMatch(/^Chưa nạp lịch năm 2093: 5 dòng cần sửa\. Dòng 2:/)
    expect(error.fields['text.3']).toBe('Dòng 3: ngày 31/02/2093 không có trong lịch.')
    expect(Object.keys(error.fields)).toEqual(['text.2', 'text.3', 'text.4', 'text.5', 'text.6'])
    expect({ days: await daysOf(2093), status: await statusOf(2093), audit: (await auditOf()).length }).toEqual(before)

    // A broken file, likewise.
    const brokenIcs = await apply(2093, { format: 'ics', text: 'BEGIN:VCALENDAR\nthis is not a calendar' })
    expect(brokenIcs.json().error.fields).toEqual({ text: expect.stringContaining('Tệp .ics không đọc được') })
    const brokenCsv = await apply(2093, { format: 'csv', text: 'Ngày;Ghi chú\n"01/01/2093;Tết' })
    expect(brokenCsv.json().error.fields.text).toMatch(/^Tệp CSV bị hỏng/)
    const empty = await apply(2093, { format: 'list', text: '\n# chỉ có ghi chú\n' })
    expect(empty.json().error.fields).toEqual({ text: 'Danh sách không có ngày nghỉ hay ngày làm bù nào của năm 2093 để lưu.' })
    expect({ days: await daysOf(2093), status: await statusOf(2093), audit: (await auditOf()).length }).toEqual(before)
  })

  it('loads the year in one step, replacing its days, confirmed when the administrator says so, with one audit row', async () => {
    await apply(2093, { format: 'list', text: '01/01/2093 Tết\n02/09/2093 Quốc khánh\n03/09/2093 Quốc khánh' })
    await confirm(2093, false)
    const auditBefore = (await auditOf()).length
    const loaded = await apply(2093, { format: 'list', text: list2093, confirm: true })
    expect(loaded.statusCode).toBe(200)
    const body = loaded.json()
    expect(body.status.confirmedBy).toContain(people.admin.user.username)
    expect(body.changes.removed.map((d: Day) => d.day)).toEqual(['2093-09-02', '2093-09-03'])
    const stored = await daysOf(2093)
    expect(stored.map((d) => d.day)).toEqual(body.days.map((d: Day) => d.day))
    expect(stored.find((d) => d.day === '2093-01-10')).toEqual({ day: '2093-01-10', kind: 'working_day', note: 'làm bù cho thứ Sáu 02/01' })
    expect((await statusOf(2093))?.confirmedAt).not.toBeNull()
    expect((await app.office.context()).confirmedYears).toContain(2093)

    const audit = (await auditOf()).slice(0, (await auditOf()).length - auditBefore)
    expect(audit.map((e) => e.detail)).toEqual([
      'Nạp lịch nghỉ năm 2093 (dán danh sách): 9 ngày nghỉ, 1 ngày làm bù; thêm 9, bỏ 2, sửa 1; đã xác nhận theo thông báo chính thức',
    ])

    // Other days loaded without confirming: the year is no longer confirmed.
    const changed = await apply(2093, { format: 'list', text: `${list2093}\n02/09/2093 Quốc khánh` })
    expect(changed.json().status.confirmedAt).toBeNull()
    expect((await app.office.context()).confirmedYears).not.toContain(2093)
  })

  it('confirms a year as it stands, or withdraws it; a year with no days cannot be confirmed', async () => {
    await apply(2093, { format: 'list', text: list2093 })
    const confirmed = await confirm(2093, true)
    expect(confirmed.statusCode).toBe(200)
    expect(confirmed.json()).toMatchObject({ year: 2093, confirmedBy: expect.stringContaining(people.admin.user.username) })
    expect((await statusOf(2093))?.confirmedAt).not.toBeNull()
    expect((await auditOf())[0]?.detail).toBe('Xác nhận lịch nghỉ năm 2093 theo thông báo chính thức')
    // Loading the same days again keeps the confirmation.
    expect((await apply(2093, { format: 'list', text: list2093 })).json().status.confirmedAt).not.toBeNull()

    const withdrawn = await confirm(2093, false)
    expect(withdrawn.json()).toMatchObject({ year: 2093, confirmedAt: null, confirmedBy: null })
    expect((await auditOf())[0]?.detail).toBe('Bỏ xác nhận lịch nghỉ năm 2093')

    const emptyYear = await confirm(2097, true)
    expect(emptyYear.statusCode).toBe(400)
    expect(emptyYear.json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: 'Lịch năm 2097 chưa có ngày nghỉ lễ nào; hãy nạp lịch năm này theo thông báo chính thức trước khi xác nhận.',
    })
    expect(await statusOf(2097)).toBeNull()
  })

  it('reads a .csv saved from Excel (semicolons, a header, a range in one cell) and an .ics export', async () => {
    const csv = '\ufeffNgày;Loại;Ghi chú\n01/01/2094;nghỉ;Tết Dương lịch\n"15/02/2094 - 19/02/2094";nghỉ;"Tết Nguyên đán, nghỉ 5 ngày"\n09/01/2094;làm bù;Làm bù\n'
    const fromCsv = (await preview(2094, { format: 'csv', text: csv })).json()
    expect(fromCsv.problems).toEqual([])
    expect(fromCsv.days.map((d: Day & { source: string }) => `${d.day} ${d.kind} ${d.note} (${d.source})`)).toEqual([
      '2094-01-01 day_off Tết Dương lịch (Dòng 2)',
      '2094-01-09 working_day Làm bù (Dòng 4)',
      '2094-02-15 day_off Tết Nguyên đán, nghỉ 5 ngày (Dòng 3)',
      '2094-02-16 day_off Tết Nguyên đán, nghỉ 5 ngày (Dòng 3)',
      '2094-02-17 day_off Tết Nguyên đán, nghỉ 5 ngày (Dòng 3)',
      '2094-02-18 day_off Tết Nguyên đán, nghỉ 5 ngày (Dòng 3)',
      '2094-02-19 day_off Tết Nguyên đán, nghỉ 5 ngày (Dòng 3)',
    ])

    const ics = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Văn phòng//Lịch nghỉ//VI',
      'BEGIN:VEVENT',
      'UID:a@test',
      'DTSTART;VALUE=DATE:20940101',
      'SUMMARY:Tết Dương lịch',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:b@test',
      'DTSTART;VALUE=DATE:20900430',
      'RRULE:FREQ=YEARLY',
      'SUMMARY:Ngày Chiến thắng',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:c@test',
      'DTSTART;VALUE=DATE:20950101',
      'SUMMARY:Tết năm sau',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n')
    const loaded = await apply(2094, { format: 'ics', text: ics })
    expect(loaded.statusCode).toBe(200)
    expect(loaded.json().days).toEqual([
      { day: '2094-01-01', kind: 'day_off', note: 'Tết Dương lịch' },
      { day: '2094-04-30', kind: 'day_off', note: 'Ngày Chiến thắng' },
    ])
    expect((await auditOf())[0]?.detail).toMatch(/^Nạp lịch nghỉ năm 2094 \(tệp \.ics\): 2 ngày nghỉ, 0 ngày làm bù/)
  })

  it('is for the administrator: others are refused and change nothing; a bad year or body is refused in Vietnamese', async () => {
    const before = await daysOf(2093)
    const payload = { format: 'list', text: '05/01/2093 nghỉ' }
    for (const [headers, status] of [
      [{}, 401],
      [people.secretary.headers, 403],
      [people.chair.headers, 403],
      [people.oversight.headers, 403],
      [people.unitLead.headers, 403],
    ] as const) {
      expect((await preview(2093, payload, headers)).statusCode).toBe(status)
      expect((await apply(2093, { ...payload, confirm: true }, headers)).statusCode).toBe(status)
      expect((await confirm(2093, true, headers)).statusCode).toBe(status)
    }
    expect(await daysOf(2093)).toEqual(before)

    for (const year of ['1999', '2100', 'abcd', '20931']) {
      const refused = await preview(Number.isNaN(Number(year)) ? (year as unknown as number) : Number(year), payload)
      expect(refused.statusCode).toBe(400)
      expect(refused.json().error.fields.year).toBe('Năm phải là số có 4 chữ số, từ 2000 đến 2099.')
    }
    const badFormat = await preview(2093, { format: 'xlsx', text: '' })
    expect(badFormat.json().error).toMatchObject({ code: 'VALIDATION_FAILED', fields: { format: 'Giá trị không được chấp nhận.' } })
    const nul = await apply(2093, { format: 'list', text: '05/01/2093 nghỉ\u0000' })
    expect(nul.json().error.code).toBe('VALIDATION_FAILED')
    expect(await daysOf(2093)).toEqual(before)
  })
})

import { randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../../db/connect'
import { backendName } from '../../../tests/fixtures/database'
import { buildTestApp } from '../../../tests/fixtures/app'
import { officeAccounts, type OfficeAccounts } from '../../../tests/fixtures/accounts'
import type { AdministrativeDocument } from '../../../shared/documents/model'
import { addWorkingDays } from '../../../shared/calendar/working-days'
import type { buildApp } from '../../app'

// Issuing is a step of its own: a finalised version gets a number from the office's register and a
// date, and only then is a notice published. The number is never used twice, the date cannot precede
// the meeting, the deadlines that count from the issue are fixed by it, and a published notice never
// names a confidential petitioner.
describe(`issuing documents on ${backendName}`, () => {
  let handle: DatabaseHandle
  let app: Awaited<ReturnType<typeof buildApp>>
  let people: OfficeAccounts
  let unitId: string
  beforeAll(async () => {
    ;({ app, handle } = await buildTestApp())
    people = await officeAccounts(handle.db)
    unitId = (await app.inject({ method: 'POST', url: '/api/directory/units', headers: people.admin.headers, payload: { name: `Phòng Kinh tế ${randomUUID().slice(0, 4)}` } })).json().id
  })
  afterAll(async () => {
    await app.close()
    await handle.close()
  })

  const get = (url: string, headers: Record<string, string> = people.secretary.headers) => app.inject({ url, headers })
  const post = (url: string, payload: object, headers: Record<string, string> = people.secretary.headers) => app.inject({ method: 'POST', url, headers, payload })

  /** A closed commune meeting on Friday 19/06/2026 with one commitment by the rules' period, its minutes and notice finalised. */
  async function closedMeeting(extra: (run: (type: string, fields: object) => Promise<unknown>) => Promise<void> = async () => {}) {
    const { meetingId } = (await post('/api/meetings', { title: 'Hội nghị đối thoại với Nhân dân', meetingDate: '2026-06-19', level: 'commune', chairName: 'Lò Văn Hùng' })).json()
    const run = (type: string, fields: object) => post(`/api/meetings/${meetingId}/commands`, { type, commandId: randomUUID(), ...fields })
    await run('petition:record', { origin: 'registered', title: 'Cấp giấy chứng nhận đất bản Mòn', field: 'Đất đai' })
    await run('petition:commit-written-answer', { petitionNo: 1, unitId })
    await extra(run)
    await run('meeting:set-phase', { phase: 'closed' })
    await post(`/api/meetings/${meetingId}/documents/minutes/finalize`, { note: '' })
    await post(`/api/meetings/${meetingId}/documents/notice/finalize`, { note: '' })
    const base = `/api/meetings/${meetingId}/documents/notice`
    return { meetingId, base, suggested: async () => (await get(base)).json().register.suggestedNumber as number }
  }

  it('fixes the deadline that counts from the issue, states it in the issued text, and follow-up tracks the same date', async () => {
    const { meetingId, base, suggested } = await closedMeeting()
    const before = (await get(`/api/meetings/${meetingId}/follow-ups`)).json().items[0]
    expect(before).toMatchObject({ dueDate: '2026-07-21', provisional: true }) // an estimate: 7 + 15 working days
    const number = await suggested()
    const issued = await post(`${base}/versions/1/issue`, { commandId: randomUUID(), number, date: '2026-06-23' })
    expect(issued.statusCode).toBe(201)
    const calendar = { daysOff: [], workingWeekendDays: [] }
    const due = addWorkingDays('2026-06-23', 15, calendar) // the seeded calendar has no holiday in between
    const after = (await get(`/api/meetings/${meetingId}/follow-ups`)).json().items[0]
    expect(after).toMatchObject({ dueDate: due, provisional: false })
    const printed = (await app.inject({ url: `${base}/issued/1/print` })).body
    const dueVi = due.split('-').reverse().join('/')
    expect(printed).toContain(`hạn chậm nhất ngày ${dueVi} (15 ngày làm việc kể từ ngày ban hành Thông báo này)`)
    expect(printed).toContain(`Số: ${number}/TB-`)
    // The meeting's record says the notice was issued, by whom.
    const events = (await get(`/api/meetings/${meetingId}/events`)).json().events as { type: string; payload: { number?: string } }[]
    expect(events.at(-1)).toMatchObject({ type: 'notice.issued', payload: { number: String(number), date: '2026-06-23' } })
    // An issued document never changes, not even in the database.
    await expect(sql`update document_issues set date = '2026-06-24' where meeting_id = ${meetingId}`.execute(handle.db)).rejects.toThrow(/cannot change/)
  })

  it('gives a retried issue its first answer, and issues a version only once', async () => {
    const { base, suggested } = await closedMeeting()
    const request = { commandId: randomUUID(), number: await suggested(), date: '2026-06-24' }
    const first = await post(`${base}/versions/1/issue`, request)
    const again = await post(`${base}/versions/1/issue`, request)
    expect(again.statusCode).toBe(201)
    expect(again.json()).toEqual(first.json())
    const other = await post(`${base}/versions/1/issue`, { ...request, commandId: randomUUID(), number: request.number + 50 })
    expect({ status: other.statusCode, code: other.json().error.code }).toEqual({ status: 409, code: 'ALREADY_ISSUED' })
  })

  it('takes numbers from the register: suggested, per type and year, never used twice', async () => {
    const a = await closedMeeting()
    const b = await closedMeeting()
    const number = await a.suggested()
    expect(await b.suggested()).toBe(number)
    expect((await post(`${a.base}/versions/1/issue`, { commandId: randomUUID(), number, date: '2026-06-25' })).statusCode).toBe(201)
    expect(await b.suggested()).toBe(number + 1)
    const taken = await post(`${b.base}/versions/1/issue`, { commandId: randomUUID(), number, date: '2026-06-26' })
    expect({ status: taken.statusCode, code: taken.json().error.code }).toEqual({ status: 409, code: 'NUMBER_TAKEN' })
    expect(taken.json().error.fields.number).toMatch(new RegExp(`^Số ${number}/TB-.* năm 2026 đã được dùng .*Số tiếp theo còn trống: ${number + 1}\\.$`))
    // Nothing of the refused issue was written: not the register, not the meeting's record.
    expect((await get(b.base)).json().versions[0].issued).toBeNull()
    // The minutes have a register of their own (BB): the same number is free there.
    await post(`/api/meetings/${a.meetingId}/documents/minutes/finalize`, { note: '' }).catch(() => undefined)
    const minutesNumber = (await get(`/api/meetings/${a.meetingId}/documents/minutes`)).json().register
    expect(minutesNumber.type).toBe('BB')
  })

  it('refuses an issue date before the meeting or after today, and a malformed request, writing nothing', async () => {
    const { base, suggested } = await closedMeeting()
    const number = await suggested()
    for (const [date, message] of [
      ['2026-06-18', /không được trước ngày hội nghị \(19\/06\/2026\)/],
      ['2099-01-01', /không được sau hôm nay/],
    ] as const) {
      const res = await post(`${base}/versions/1/issue`, { commandId: randomUUID(), number, date })
      expect({ status: res.statusCode, code: res.json().error.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' })
      expect(res.json().error.fields.date).toMatch(message)
    }
    for (const bad of [{ number: 0 }, { number: 1.5 }, { date: '2026-02-30' }, { commandId: 'x' }]) {
      const res = await post(`${base}/versions/1/issue`, { commandId: randomUUID(), number, date: '2026-06-24', ...bad })
      expect(res.statusCode).toBe(400)
    }
    expect((await post(`${base}/versions/9/issue`, { commandId: randomUUID(), number, date: '2026-06-24' })).statusCode).toBe(404)
    expect((await get(base)).json()).toMatchObject({ issuedOn: null, versions: [{ issued: null }] })
    // Only the secretary issues.
    for (const person of [people.chair, people.oversight]) {
      expect((await post(`${base}/versions/1/issue`, { commandId: randomUUID(), number, date: '2026-06-24' }, person.headers)).statusCode).toBe(403)
    }
  })

  it('refuses to publish a notice that names a confidential petitioner, says which names, and issues it once they are removed', async () => {
    const secret = 'Lò Thị Kín'
    const { meetingId, base, suggested } = await closedMeeting(async (run) => {
      await run('petition:record', { origin: 'registered', title: 'Tố cáo', petitionerName: secret, petitionerAddress: 'Bản Hua Mường', confidential: true })
      // The chair's answer to another petition names her.
      await run('petition:record', { origin: 'registered', title: 'Đường bản Hua Mường' })
      await run('petition:record-answer', { petitionNo: 3, summary: `Bà ${secret} ở bản Hua Mường đã được mời làm việc` })
      await run('petition:record-answer', { petitionNo: 2 })
    })
    const view = (await get(base)).json()
    expect(view.protectedInDraft).toEqual({ names: [secret], places: ['Bản Hua Mường'] })
    const number = await suggested()
    const refused = await post(`${base}/versions/1/issue`, { commandId: randomUUID(), number, date: '2026-06-24' })
    expect({ status: refused.statusCode, code: refused.json().error.code }).toEqual({ status: 422, code: 'CONFIDENTIAL_NAMES' })
    expect(refused.json().error.message).toContain(`tên «${secret}»`)
    expect((await app.inject({ url: `${base}/issued/1/print` })).statusCode).toBe(404) // nothing published
    // The secretary removes the names, finalises version 2, and issues it.
    const draft = view.draft as AdministrativeDocument
    const cleaned = { ...draft, body: draft.body.map((b) => ('text' in b ? { ...b, text: b.text.replace(`Bà ${secret} ở bản Hua Mường`, 'Người kiến nghị') } : b)) }
    expect((await app.inject({ method: 'PUT', url: `${base}/draft`, headers: people.secretary.headers, payload: { document: cleaned } })).statusCode).toBe(200)
    // The village is still there, in the road petition's subject: there for another reason, which the
    // secretary must say; a name cannot be waved through that way.
    expect((await get(base)).json().protectedInDraft).toEqual({ names: [], places: ['Bản Hua Mường'] })
    await post(`${base}/finalize`, { note: 'Bỏ thông tin người kiến nghị giữ bí mật' })
    const place = await post(`${base}/versions/2/issue`, { commandId: randomUUID(), number, date: '2026-06-24' })
    expect(place.json().error).toMatchObject({ code: 'CONFIDENTIAL_NAMES', fields: { names: '', places: 'Bản Hua Mường' } })
    const named = await post(`${base}/versions/1/issue`, { commandId: randomUUID(), number, date: '2026-06-24', placesAcknowledged: ['Bản Hua Mường', secret] })
    expect(named.json().error.code).toBe('CONFIDENTIAL_NAMES')
    expect((await post(`${base}/versions/2/issue`, { commandId: randomUUID(), number, date: '2026-06-24', placesAcknowledged: ['Bản Hua Mường'] })).statusCode).toBe(201)
    const published = (await app.inject({ url: `/api/meetings/${meetingId}/documents/notice/issued/2/print` })).body
    expect(published).not.toContain(secret)
  })
})

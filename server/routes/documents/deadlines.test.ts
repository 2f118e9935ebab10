import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../../db/connect'
import { officeAccounts, type OfficeAccounts } from '../../../tests/fixtures/accounts'
import { buildTestApp } from '../../../tests/fixtures/app'
import type { buildApp } from '../../app'

// An office-wide setting: this suite runs on its own embedded database, never on the PostgreSQL
// the other suites share in parallel (changing it there would move their deadlines mid-run).
describe('the office’s own deadline sets', () => {
  let handle: DatabaseHandle
  let app: Awaited<ReturnType<typeof buildApp>>
  let people: OfficeAccounts
  beforeAll(async () => {
    ;({ app, handle } = await buildTestApp({ database: 'private' }))
    people = await officeAccounts(handle.db)
  })
  afterAll(async () => {
    await app.close()
    await handle.close()
  })

  it('are the provincial rules until set, then used for new commitments and the notice deadline', async () => {
    const provincial = {
      office: { noticeWorkingDays: 5, resultWorkingDays: 7, extendedResultWorkingDays: 15 },
      commune: { noticeWorkingDays: 7, resultWorkingDays: 15, extendedResultWorkingDays: 30 },
    }
    const deadlines = (headers: Record<string, string>) => app.inject({ url: '/api/office/deadlines', headers })
    expect((await deadlines(people.secretary.headers)).json()).toEqual(provincial)
    const admin = people.admin.headers
    const bad = await app.inject({
      method: 'PUT',
      url: '/api/office/deadlines',
      headers: admin,
      payload: { office: { noticeWorkingDays: 5, resultWorkingDays: 10, extendedResultWorkingDays: 7 }, commune: { noticeWorkingDays: 7, resultWorkingDays: 15, extendedResultWorkingDays: 30 } },
    })
    expect(bad.json().error.fields).toEqual({ 'office.extendedResultWorkingDays': 'Thời hạn gia hạn phải không ngắn hơn thời hạn báo cáo kết quả.' })
    const own = { office: { noticeWorkingDays: 3, resultWorkingDays: 5, extendedResultWorkingDays: 10 }, commune: { noticeWorkingDays: 7, resultWorkingDays: 15, extendedResultWorkingDays: 30 } }
    // An office-wide setting: the administrator's, not the secretary's nor anyone outside.
    for (const [headers, status] of [
      [{}, 401],
      [people.secretary.headers, 403],
      [people.chair.headers, 403],
    ] as const) {
      expect((await app.inject({ method: 'PUT', url: '/api/office/deadlines', headers, payload: own })).statusCode).toBe(status)
    }
    expect((await deadlines(people.chair.headers)).json()).toEqual(provincial)
    expect((await deadlines({})).statusCode).toBe(401)
    expect((await app.inject({ method: 'PUT', url: '/api/office/deadlines', headers: admin, payload: own })).statusCode).toBe(200)
    expect((await deadlines(people.unitLead.headers)).json()).toEqual(own)

    const unit = (await app.inject({ method: 'POST', url: '/api/directory/units', headers: admin, payload: { name: 'Phòng Kinh tế' } })).json()
    const secretary = people.secretary.headers
    const { meetingId } = (await app.inject({ method: 'POST', url: '/api/meetings', headers: secretary, payload: { title: 'Đối thoại', meetingDate: '2026-06-19', level: 'office' } })).json()
    const run = (type: string, fields: object) =>
      app.inject({ method: 'POST', url: `/api/meetings/${meetingId}/commands`, headers: secretary, payload: { type, commandId: randomUUID(), ...fields } })
    await run('petition:record', { origin: 'registered', title: 'A' })
    const committed = (await run('petition:commit-written-answer', { petitionNo: 1, unitId: unit.id })).json()
    expect(committed.events.at(-1).payload.commitment.dueDate).toBe('2026-07-01') // 3 + 5 working days after Friday 19/06
    await run('meeting:set-phase', { phase: 'closed' })
    await app.inject({ method: 'POST', url: `/api/meetings/${meetingId}/documents/minutes/finalize`, headers: secretary, payload: { note: '' } })
    const notice = (await app.inject({ url: `/api/meetings/${meetingId}/documents/notice`, headers: secretary })).json()
    expect(notice.dueDate).toBe('2026-06-24') // 3 working days
    expect(JSON.stringify(notice.draft)).toContain('(5 ngày làm việc kể từ ngày ban hành Thông báo này)') // the office's own result period
  })
})

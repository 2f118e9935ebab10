import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../../db/connect'
import { openDatabase } from '../../../db/connect'
import { migrateToLatest } from '../../../db/migrate'
import { buildApp } from '../../app'

// An office-wide setting: this suite runs on its own embedded database, never on the PostgreSQL
// the other suites share in parallel (changing it there would move their deadlines mid-run).
describe('the office’s own deadline sets', () => {
  let handle: DatabaseHandle
  let app: Awaited<ReturnType<typeof buildApp>>
  beforeAll(async () => {
    handle = await openDatabase({})
    await migrateToLatest(handle.db)
    app = await buildApp({ db: handle.db, clientDir: '/nonexistent' })
  })
  afterAll(async () => {
    await app.close()
    await handle.close()
  })

  it('are the provincial rules until set, then used for new commitments and the notice deadline', async () => {
    expect((await app.inject({ url: '/api/office/deadlines' })).json()).toEqual({
      office: { noticeWorkingDays: 5, resultWorkingDays: 7, extendedResultWorkingDays: 15 },
      commune: { noticeWorkingDays: 7, resultWorkingDays: 15, extendedResultWorkingDays: 30 },
    })
    const bad = await app.inject({
      method: 'PUT',
      url: '/api/office/deadlines',
      payload: { office: { noticeWorkingDays: 5, resultWorkingDays: 10, extendedResultWorkingDays: 7 }, commune: { noticeWorkingDays: 7, resultWorkingDays: 15, extendedResultWorkingDays: 30 } },
    })
    expect(bad.json().error.fields).toEqual({ 'office.extendedResultWorkingDays': 'Thời hạn gia hạn phải không ngắn hơn thời hạn báo cáo kết quả.' })
    const own = { office: { noticeWorkingDays: 3, resultWorkingDays: 5, extendedResultWorkingDays: 10 }, commune: { noticeWorkingDays: 7, resultWorkingDays: 15, extendedResultWorkingDays: 30 } }
    expect((await app.inject({ method: 'PUT', url: '/api/office/deadlines', payload: own })).statusCode).toBe(200)

    const unit = (await app.inject({ method: 'POST', url: '/api/directory/units', payload: { name: 'Phòng Kinh tế' } })).json()
    const { meetingId, keys } = (await app.inject({ method: 'POST', url: '/api/meetings', payload: { title: 'Đối thoại', meetingDate: '2026-06-19', level: 'office' } })).json()
    const run = (type: string, fields: object) =>
      app.inject({ method: 'POST', url: `/api/meetings/${meetingId}/commands`, headers: { 'x-meeting-key': keys.secretary }, payload: { type, commandId: randomUUID(), ...fields } })
    await run('petition:record', { origin: 'registered', title: 'A' })
    const committed = (await run('petition:commit-written-answer', { petitionNo: 1, unitId: unit.id })).json()
    expect(committed.events.at(-1).payload.commitment.dueDate).toBe('2026-07-01') // 3 + 5 working days after Friday 19/06
    await run('meeting:set-phase', { phase: 'closed' })
    await app.inject({ method: 'POST', url: `/api/meetings/${meetingId}/documents/minutes/finalize`, headers: { 'x-meeting-key': keys.secretary }, payload: { note: '' } })
    const notice = (await app.inject({ url: `/api/meetings/${meetingId}/documents/notice`, headers: { 'x-meeting-key': keys.secretary } })).json()
    expect(notice.dueDate).toBe('2026-06-24') // 3 working days
    expect(JSON.stringify(notice.draft)).toContain('trong thời hạn 5 ngày làm việc')
  })
})

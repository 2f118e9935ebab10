import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../../db/connect'
import { backendName, openTestDatabase } from '../../../tests/fixtures/database'
import { buildApp } from '../../app'

describe(`follow-up on ${backendName}`, () => {
  let handle: DatabaseHandle
  let app: Awaited<ReturnType<typeof buildApp>>
  beforeAll(async () => {
    handle = await openTestDatabase()
    app = await buildApp({ db: handle.db, clientDir: '/nonexistent' })
  })
  afterAll(async () => {
    await app.close()
    await handle.close()
  })

  async function meetingWithCommitment() {
    const unit = (await app.inject({ method: 'POST', url: '/api/directory/units', payload: { name: `Phòng Kinh tế ${randomUUID().slice(0, 4)}` } })).json()
    const created = await app.inject({ method: 'POST', url: '/api/meetings', payload: { title: 'Đối thoại', meetingDate: '2026-06-19', level: 'commune' } })
    const { meetingId, keys } = created.json() as { meetingId: string; keys: { secretary: string; chair: string } }
    const run = (type: string, fields: object) =>
      app.inject({ method: 'POST', url: `/api/meetings/${meetingId}/commands`, headers: { 'x-meeting-key': keys.secretary }, payload: { type, commandId: randomUUID(), ...fields } })
    await run('petition:record', { origin: 'registered', title: 'Cấp sổ đỏ chậm', field: 'Đất đai', petitionerName: 'Người Giấu', confidential: true })
    await run('petition:record', { origin: 'registered', title: 'Đường', field: 'Giao thông' })
    await run('petition:commit-written-answer', { petitionNo: 1, unitId: unit.id, dueDate: '2026-07-10' })
    await run('petition:record-answer', { petitionNo: 2 })
    return { meetingId, keys, unitName: unit.name as string }
  }

  it('lists each commitment with its unit, deadline and status, here and across meetings, without petitioners', async () => {
    const { meetingId, keys, unitName } = await meetingWithCommitment()
    const mine = await app.inject({ url: `/api/meetings/${meetingId}/follow-ups`, headers: { 'x-meeting-key': keys.chair } })
    expect(mine.json().items).toEqual([expect.objectContaining({ petitionNo: 1, unitName, dueDate: '2026-07-10', status: 'overdue' })])
    const all = await app.inject({ url: '/api/follow-ups' })
    expect(all.json().items.some((i: { meetingId: string }) => i.meetingId === meetingId)).toBe(true)
    expect(all.body).not.toContain('Người Giấu')
    expect(all.body).not.toContain('Cấp sổ đỏ chậm') // a confidential petition's subject
    expect(all.json().items.find((i: { meetingId: string }) => i.meetingId === meetingId).petitionTitle).toBe('Kiến nghị số 1 (bảo mật)')
    expect(mine.json().items[0].petitionTitle).toBe('Cấp sổ đỏ chậm') // the chair and secretary see it
    expect((await app.inject({ url: `/api/meetings/${meetingId}/follow-ups` })).statusCode).toBe(403)
  })

  it('extends once with a reason to the longer period, then records the result as on time or late', async () => {
    const { meetingId, keys } = await meetingWithCommitment()
    const url = `/api/meetings/${meetingId}/follow-ups/1`
    const headers = { 'x-meeting-key': keys.secretary }
    expect((await app.inject({ method: 'POST', url: `${url}/extend`, headers, payload: { reason: '' } })).statusCode).toBe(400)
    const extended = await app.inject({ method: 'POST', url: `${url}/extend`, headers, payload: { reason: 'Cần đo đạc lại thực địa' } })
    expect(extended.json()).toMatchObject({ effectiveDueDate: '2026-07-31', record: { extensionReason: 'Cần đo đạc lại thực địa' } })
    expect((await app.inject({ method: 'POST', url: `${url}/extend`, headers, payload: { reason: 'Lần nữa' } })).json().error.code).toBe('ALREADY_EXTENDED')
    const done = await app.inject({ method: 'POST', url: `${url}/result`, headers, payload: { text: 'Đã cấp giấy chứng nhận', date: '2026-07-20', petitionerAnswered: true } })
    expect(done.json()).toMatchObject({ status: 'done_on_time', record: { result: { petitionerAnswered: true } } })
    expect((await app.inject({ method: 'POST', url: `${url}/result`, headers, payload: { text: 'x', date: '2026-07-21', petitionerAnswered: true } })).json().error.code).toBe(
      'RESULT_ALREADY_RECORDED',
    )
    expect((await app.inject({ method: 'POST', url: `/api/meetings/${meetingId}/follow-ups/2/result`, headers, payload: { text: 'x', date: '2026-07-21', petitionerAnswered: true } })).statusCode).toBe(404)
  })
})

describe(`results report on ${backendName}`, () => {
  let handle: DatabaseHandle
  let app: Awaited<ReturnType<typeof buildApp>>
  beforeAll(async () => {
    handle = await openTestDatabase()
    app = await buildApp({ db: handle.db, clientDir: '/nonexistent' })
  })
  afterAll(async () => {
    await app.close()
    await handle.close()
  })

  it('reports a held conference of the period, as figures and as a document', async () => {
    // The period's figures before and after this meeting: what it adds is exactly its own, even on a
    // database other suites (or earlier runs) share.
    const period = '/api/reports/results?from=2019-03-01&to=2019-03-31'
    const before = (await app.inject({ url: period })).json()
    const created = await app.inject({ method: 'POST', url: '/api/meetings', payload: { title: 'Đối thoại', meetingDate: '2019-03-12', audience: 'staff', form: 'ad_hoc' } })
    const { meetingId, keys } = created.json() as { meetingId: string; keys: { secretary: string } }
    const run = (type: string, fields: object) =>
      app.inject({ method: 'POST', url: `/api/meetings/${meetingId}/commands`, headers: { 'x-meeting-key': keys.secretary }, payload: { type, commandId: randomUUID(), ...fields } })
    await run('petition:record', { origin: 'added', title: 'Nước sạch', field: 'Môi trường' })
    await run('petition:record-answer', { petitionNo: 1 })
    await run('meeting:set-phase', { phase: 'closed' })
    const r = (await app.inject({ url: period })).json()
    const added = (path: (x: typeof r) => number) => path(r) - path(before)
    expect({
      total: added((x) => x.conferences.total),
      staff: added((x) => x.conferences.byAudience.staff),
      adHoc: added((x) => x.conferences.byForm.ad_hoc),
    }).toEqual({ total: 1, staff: 1, adHoc: 1 })
    expect({ received: added((x) => x.totals.received), added: added((x) => x.totals.added), answered: added((x) => x.totals.answered) }).toEqual({
      received: 1,
      added: 1,
      answered: 1,
    })
    const doc = (await app.inject({ url: '/api/reports/results/document?from=2019-03-01&to=2019-03-31&signer=Lò Văn Hùng' })).json()
    expect(doc).toMatchObject({ kind: 'report', title: 'BÁO CÁO', signatures: [{ name: 'Lò Văn Hùng' }] })
    expect((await app.inject({ url: '/api/reports/results?from=2019-03-01&to=31/03/2019' })).statusCode).toBe(400)
  })
})

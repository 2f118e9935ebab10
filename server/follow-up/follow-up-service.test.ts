import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../db/connect'
import { readEvents, readMeetingAudit } from '../../db/repositories/events'
import { findMeeting } from '../../db/repositories/meetings'
import { loadMeetingSummary } from '../../db/repositories/meeting-projection'
import { fold } from '../../shared/meeting/evolve'
import { emptyMeetingState } from '../../shared/meeting/model'
import { redactState } from '../../shared/meeting/redact'
import { meetingSummary } from '../../shared/report'
import type { AppendedBatch } from '../meetings/meeting-log'
import { backendName, openTestDatabase } from '../../tests/fixtures/database'
import { createAccount, officeAccounts, type OfficeAccounts } from '../../tests/fixtures/accounts'
import { buildApp } from '../app'

// Follow-up through the real app and database: an extension and a result are events of the
// meeting's log (its audit names who recorded them), a retried report is applied once, a refused one
// leaves the log and the projection as they were and announces nothing, and the projection the
// reports and lists read is what folding the log gives.
describe(`follow-up in the meeting log on ${backendName}`, () => {
  let handle: DatabaseHandle
  let app: Awaited<ReturnType<typeof buildApp>>
  let people: OfficeAccounts
  const announced: AppendedBatch[] = []
  beforeAll(async () => {
    handle = await openTestDatabase()
    app = await buildApp({ db: handle.db, clientDir: '/nonexistent' })
    people = await officeAccounts(handle.db)
    app.meetingLog.on('appended', (b) => announced.push(b))
  })
  afterAll(async () => {
    await app.close()
    await handle.close()
  })

  const secretary = () => people.secretary.headers

  /** A closed meeting with petition 1 (confidential) committed to a unit in writing, petition 2 answered. */
  async function closedMeeting() {
    const unit = (await app.inject({ method: 'POST', url: '/api/directory/units', headers: people.admin.headers, payload: { name: `Phòng Tài nguyên ${randomUUID().slice(0, 4)}` } })).json() as { id: string }
    const { meetingId } = (await app.inject({ method: 'POST', url: '/api/meetings', headers: secretary(), payload: { title: 'Đối thoại quý II', meetingDate: '2026-06-19', level: 'commune' } })).json() as { meetingId: string }
    const run = async (type: string, fields: object) => {
      const res = await app.inject({ method: 'POST', url: `/api/meetings/${meetingId}/commands`, headers: secretary(), payload: { type, commandId: randomUUID(), ...fields } })
      expect(res.statusCode, `${type}: ${res.body}`).toBeLessThan(300)
    }
    await run('petition:record', { origin: 'registered', title: 'Lấn chiếm đất rừng', field: 'Đất đai', petitionerName: 'Người Giấu Tên', confidential: true })
    await run('petition:record', { origin: 'added', title: 'Đèn đường', field: 'Giao thông' })
    await run('petition:commit-written-answer', { petitionNo: 1, unitId: unit.id, dueDate: '2026-07-10' })
    await run('petition:record-answer', { petitionNo: 2 })
    await run('meeting:set-phase', { phase: 'closed' })
    return { meetingId, unitId: unit.id, base: `/api/meetings/${meetingId}/follow-ups/1` }
  }

  const refolded = async (meetingId: string) => fold(emptyMeetingState(meetingId), await readEvents(handle.db, meetingId, 0))
  const lastSeq = async (meetingId: string) => (await findMeeting(handle.db, meetingId))!.lastSeq

  it('records an extension and a result after the meeting closed as events, named in its audit with who recorded them', async () => {
    const { meetingId, unitId, base } = await closedMeeting()
    const lead = await createAccount(handle.db, ['unit_lead'], { unitId })
    const extended = await app.inject({ method: 'POST', url: `${base}/extend`, headers: secretary(), payload: { reason: 'Cần đo đạc lại thực địa' } })
    expect(extended.json()).toMatchObject({ effectiveDueDate: '2026-07-31', record: { extendedDueDate: '2026-07-31', extensionReason: 'Cần đo đạc lại thực địa' } })
    const reported = await app.inject({ method: 'POST', url: `${base}/result`, headers: lead.headers, payload: { text: 'Đã thu hồi phần đất lấn chiếm', date: '2026-07-20', petitionerAnswered: true } })
    expect(reported.json()).toMatchObject({ status: 'done_on_time', record: { result: { text: 'Đã thu hồi phần đất lấn chiếm', date: '2026-07-20' } } })

    const events = (await readEvents(handle.db, meetingId, 0)).slice(-2)
    expect(events.map((e) => [e.type, e.payload, e.actorRole])).toEqual([
      ['follow-up.extended', { petitionNo: 1, dueDate: '2026-07-31', reason: 'Cần đo đạc lại thực địa' }, 'secretary'],
      ['follow-up.result-recorded', { petitionNo: 1, result: { text: 'Đã thu hồi phần đất lấn chiếm', date: '2026-07-20', petitionerAnswered: true } }, null],
    ])
    const audit = (await readMeetingAudit(handle.db, meetingId)).slice(-2)
    expect(audit.map((e) => [e.type, e.actor?.name])).toEqual([
      ['follow-up.extended', `${people.secretary.user.displayName} (${people.secretary.user.username})`],
      ['follow-up.result-recorded', `${lead.user.displayName} (${lead.user.username})`],
    ])
    // The oversight board reads the entries with the confidential petition by its number only.
    const overseen = (await app.inject({ url: `/api/meetings/${meetingId}/audit`, headers: people.oversight.headers })).json().entries.slice(-2)
    expect(overseen.map((e: { subject: unknown }) => e.subject)).toEqual([
      { petition: { no: 1, title: 'Kiến nghị số 1 (bảo mật, lĩnh vực Đất đai)', withheld: true } },
      { petition: { no: 1, title: 'Kiến nghị số 1 (bảo mật, lĩnh vực Đất đai)', withheld: true } },
    ])
    // Public screens receive that it was extended and answered, not the words of a confidential one.
    const hall = redactState(await refolded(meetingId)).petitions[0]!.writtenAnswer!
    expect([hall.extension, hall.result]).toEqual([
      { dueDate: '2026-07-31', reason: '' },
      { text: '', date: '2026-07-20', petitionerAnswered: true },
    ])
  })

  it('applies a retried report once and answers the retry with the item as it stands', async () => {
    const { meetingId, base } = await closedMeeting()
    const commandId = randomUUID()
    const payload = { commandId, text: 'Đã trả lời bằng văn bản', date: '2026-07-08', petitionerAnswered: false }
    const first = await app.inject({ method: 'POST', url: `${base}/result`, headers: secretary(), payload })
    const before = await lastSeq(meetingId)
    const again = await app.inject({ method: 'POST', url: `${base}/result`, headers: secretary(), payload })
    expect([first.statusCode, again.statusCode]).toEqual([200, 200])
    expect(again.json()).toEqual(first.json())
    expect(await lastSeq(meetingId)).toBe(before)
    expect((await readEvents(handle.db, meetingId, 0)).filter((e) => e.type === 'follow-up.result-recorded')).toHaveLength(1)
    // The same id for another report is a mistake, not a retry.
    const reused = await app.inject({ method: 'POST', url: `${base}/result`, headers: secretary(), payload: { ...payload, text: 'Khác' } })
    expect(reused.json().error.code).toBe('COMMAND_ID_REUSED')
    // An extension retried with its id is applied once too.
    const extend = { commandId: randomUUID(), reason: 'Chờ ý kiến Sở' }
    const e1 = await app.inject({ method: 'POST', url: `${base}/extend`, headers: secretary(), payload: extend })
    const e2 = await app.inject({ method: 'POST', url: `${base}/extend`, headers: secretary(), payload: extend })
    expect([e1.statusCode, e2.statusCode, e2.json().record.extendedDueDate]).toEqual([200, 200, '2026-07-31'])
    expect((await readEvents(handle.db, meetingId, 0)).filter((e) => e.type === 'follow-up.extended')).toHaveLength(1)
  })

  it('refuses a report that may not be recorded: nothing is written to the log or the projection, nothing announced', async () => {
    const { meetingId, base } = await closedMeeting()
    const otherUnit = (await app.inject({ method: 'POST', url: '/api/directory/units', headers: people.admin.headers, payload: { name: `Phòng Y tế ${randomUUID().slice(0, 4)}` } })).json() as { id: string }
    const otherLead = await createAccount(handle.db, ['unit_lead'], { unitId: otherUnit.id })
    const seq = await lastSeq(meetingId)
    const projected = await loadMeetingSummary(handle.db, meetingId)
    const heard = announced.filter((b) => b.meetingId === meetingId).length
    const result = { text: 'Đã xử lý', date: '2026-07-01', petitionerAnswered: true }
    for (const [headers, payload, code] of [
      [secretary(), { ...result, date: '2099-01-01' }, 'VALIDATION_FAILED'],
      [secretary(), { ...result, commandId: randomUUID(), date: '2099-01-01' }, 'VALIDATION_FAILED'],
      [otherLead.headers, result, 'FORBIDDEN'],
      [otherLead.headers, { ...result, commandId: randomUUID() }, 'FORBIDDEN'],
    ] as const) {
      const res = await app.inject({ method: 'POST', url: `${base}/result`, headers, payload })
      expect(res.json().error.code).toBe(code)
    }
    const answered = await app.inject({ method: 'POST', url: `/api/meetings/${meetingId}/follow-ups/2/result`, headers: secretary(), payload: result })
    expect(answered.json().error.code).toBe('NOT_FOUND') // answered in the room: nothing to follow up
    await new Promise((resolve) => setImmediate(resolve))
    expect(await lastSeq(meetingId)).toBe(seq)
    expect(await loadMeetingSummary(handle.db, meetingId)).toEqual(projected)
    expect(announced.filter((b) => b.meetingId === meetingId)).toHaveLength(heard)
  })

  it('keeps the projection equal to what folding the log gives: after commands, after follow-up', async () => {
    const { meetingId, base } = await closedMeeting()
    expect(await loadMeetingSummary(handle.db, meetingId)).toEqual(meetingSummary(await refolded(meetingId)))
    await app.inject({ method: 'POST', url: `${base}/extend`, headers: secretary(), payload: { reason: 'Cần xác minh' } })
    await app.inject({ method: 'POST', url: `${base}/result`, headers: secretary(), payload: { text: 'Xong', date: '2026-07-30', petitionerAnswered: true } })
    const summary = await loadMeetingSummary(handle.db, meetingId)
    expect(summary).toEqual(meetingSummary(await refolded(meetingId)))
    // Kept as lists beyond the secretary show it: the confidential petition by its number only.
    expect(summary!.followUps.map((i) => [i.petitionTitle, i.effectiveDueDate, i.record.result?.date])).toEqual([['Kiến nghị số 1 (bảo mật, lĩnh vực Đất đai)', '2026-07-31', '2026-07-30']])
    expect(JSON.stringify(summary)).not.toContain('Lấn chiếm')
    // The list across meetings and the results report read it.
    const across = (await app.inject({ url: '/api/follow-ups', headers: secretary() })).json().items as { meetingId: string; status: string }[]
    expect(across.filter((i) => i.meetingId === meetingId).map((i) => i.status)).toEqual(['done_on_time'])
    // So does the meetings list: each meeting's date and phase without folding its log.
    const listed = (await app.inject({ url: '/api/meetings', headers: secretary() })).json().meetings as { meetingId: string; meetingDate: string; phase: string }[]
    expect(listed.find((m) => m.meetingId === meetingId)).toMatchObject({ meetingDate: '2026-06-19', phase: 'closed' })
  })
})

import { describe, expect, it } from 'vitest'
import { emptyCalendar } from '../calendar/working-days'
import { decideFollowUpExtension, decideFollowUpResult } from './decide-follow-up'
import { fold } from './evolve'
import { emptyMeetingState } from './model'
import { redactEvent, redactState } from './redact'
import { deadlineRules } from './rules'
import { command, DomainHarness, MEETING_ID, testDirectory } from './test-helpers'

const [kinhTe, vanHoa] = testDirectory.units.map((u) => u.id) as [string, string]
const ctx = { at: '2026-08-03T02:00:00Z', calendar: emptyCalendar, rules: deadlineRules }
const result = (date: string, text = 'Đã trả lời bằng văn bản') => ({ text, date, petitionerAnswered: true })

/** Closed (commune, Friday 19/06/2026): petition 1 committed to Phòng Kinh tế by 10/07, petition 2 answered in the room. */
function closedMeeting() {
  const m = new DomainHarness()
  m.must(command('petition:record', { origin: 'registered', title: 'Tranh chấp ranh giới đất', petitionerName: 'Lò Văn Kín', confidential: false }))
  m.must(command('petition:record', { origin: 'registered', title: 'Đường' }))
  m.must(command('petition:commit-written-answer', { petitionNo: 1, unitId: kinhTe, dueDate: '2026-07-10' }))
  m.must(command('petition:record-answer', { petitionNo: 2 }))
  m.must(command('meeting:set-phase', { phase: 'closed' }))
  return m
}

describe('follow-up decisions', () => {
  it('extends once, after the meeting closed, to the rules\' longer period from the meeting day (no notice yet)', () => {
    const m = closedMeeting()
    const extended = m.record(decideFollowUpExtension(m.state, { petitionNo: 1, unitId: null, reason: 'Cần đo đạc' }, ctx))
    expect(extended).toEqual([{ type: 'follow-up.extended', payload: { petitionNo: 1, dueDate: '2026-07-31', reason: 'Cần đo đạc' } }])
    expect(m.state.petitions[0]!.writtenAnswer).toMatchObject({ dueDate: '2026-07-10', extension: { dueDate: '2026-07-31', reason: 'Cần đo đạc' } })
    expect(decideFollowUpExtension(m.state, { petitionNo: 1, unitId: null, reason: 'Lần nữa' }, ctx)).toMatchObject({ ok: false, error: { code: 'ALREADY_EXTENDED' } })
  })

  it('records a result once, not dated after today, only on an item of the reporting unit', () => {
    const m = closedMeeting()
    expect(decideFollowUpResult(m.state, { petitionNo: 1, unitId: null, result: result('2026-08-04') }, ctx)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', fields: { date: expect.any(String) } } })
    expect(decideFollowUpResult(m.state, { petitionNo: 1, unitId: vanHoa, result: result('2026-07-09') }, ctx)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(decideFollowUpResult(m.state, { petitionNo: 2, unitId: null, result: result('2026-07-09') }, ctx)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    m.record(decideFollowUpResult(m.state, { petitionNo: 1, unitId: kinhTe, result: result('2026-07-09') }, ctx))
    expect(m.state.petitions[0]!.writtenAnswer!.result).toEqual(result('2026-07-09'))
    expect(decideFollowUpResult(m.state, { petitionNo: 1, unitId: null, result: result('2026-07-10') }, ctx)).toMatchObject({ ok: false, error: { code: 'RESULT_ALREADY_RECORDED' } })
  })

  it('belongs to the commitment: a petition reopened and committed anew starts without extension or result', () => {
    const m = new DomainHarness()
    m.must(command('petition:record', { origin: 'registered', title: 'A' }))
    m.must(command('petition:commit-written-answer', { petitionNo: 1, unitId: kinhTe, dueDate: '2026-07-10' }))
    m.record(decideFollowUpExtension(m.state, { petitionNo: 1, unitId: null, reason: 'x' }, ctx))
    m.must(command('petition:reopen', { petitionNo: 1 }))
    m.must(command('petition:commit-written-answer', { petitionNo: 1, unitId: vanHoa, dueDate: '2026-07-15' }))
    expect(m.state.petitions[0]!.writtenAnswer).toEqual(expect.not.objectContaining({ extension: expect.anything() }))
  })

  it('keeps a confidential petition\'s reason and result off public screens, also when it is made confidential later', () => {
    const m = closedMeeting()
    m.record(decideFollowUpExtension(m.state, { petitionNo: 1, unitId: null, reason: 'Xác minh lời khai của Lò Văn Kín' }, ctx))
    m.record(decideFollowUpResult(m.state, { petitionNo: 1, unitId: null, result: result('2026-07-30', 'Đã gặp ông Lò Văn Kín') }, ctx))
    // Public: the words stay, the petition is not confidential.
    expect(JSON.stringify(redactState(m.state))).toContain('Đã gặp ông Lò Văn Kín')
    // Made confidential afterwards (an edit is part of the record: the rules are the petition's).
    const confidential = { ...m.state, petitions: m.state.petitions.map((p) => (p.no === 1 ? { ...p, confidential: true } : p)) }
    const view = redactState(confidential)
    expect(JSON.stringify(view)).not.toContain('Lò Văn Kín')
    expect(view.petitions[0]!.writtenAnswer).toMatchObject({ extension: { dueDate: '2026-07-31', reason: '' }, result: { date: '2026-07-30', text: '' } })
    // Folding the events redacted one by one against that state gives the redacted state.
    const log = m.log.map((e) => (e.type === 'petition.recorded' && e.payload.petition.no === 1 ? { ...e, payload: { petition: { ...e.payload.petition, confidential: true } } } : e))
    const folded = fold(emptyMeetingState(MEETING_ID), log.map((e) => redactEvent(e, confidential)))
    expect(folded.petitions[0]!.writtenAnswer).toEqual(view.petitions[0]!.writtenAnswer)
    expect(JSON.stringify(folded)).not.toContain('Lò Văn Kín')
  })
})

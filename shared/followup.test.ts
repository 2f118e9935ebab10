import { describe, expect, it } from 'vitest'
import { emptyCalendar } from './calendar/working-days'
import { command, DomainHarness, testDirectory } from './meeting/test-helpers'
import { decideNoticeIssue } from './documents/issue'
import { emptyFollowUpRecord, extendedDueDate, followUpItems, followUpStatus, publicFollowUpItem, type FollowUpItem } from './followup'

function itemDue(dueDate: string, record = emptyFollowUpRecord): FollowUpItem {
  return { meetingId: 'm', meetingTitle: '', petitionNo: 1, petitionTitle: '', confidential: false, field: '', unitId: 'u-kinh-te', unitName: 'Phòng Kinh tế', form: 'in_writing', dueDate, provisional: false, effectiveDueDate: record.extendedDueDate ?? dueDate, record }
}

describe('follow-up', () => {
  it('turns every written-answer commitment into an item with its unit and deadline', () => {
    const m = new DomainHarness()
    m.must(command('petition:record', { origin: 'registered', title: 'A' }))
    m.must(command('petition:record', { origin: 'registered', title: 'B' }))
    m.must(command('petition:commit-written-answer', { petitionNo: 2, unitId: testDirectory.units[0]!.id, dueDate: '2026-07-10' }))
    m.must(command('petition:record-answer', { petitionNo: 1 }))
    expect(followUpItems(m.state)).toEqual([
      expect.objectContaining({ petitionNo: 2, petitionTitle: 'B', unitId: testDirectory.units[0]!.id, unitName: 'Phòng Kinh tế', dueDate: '2026-07-10', effectiveDueDate: '2026-07-10' }),
    ])
  })

  it('is due on the one date the notice states: chosen in the room, or the rules\' period counted from the day the notice is issued', () => {
    const m = new DomainHarness() // commune, meeting Friday 19/06/2026
    m.must(command('petition:record', { origin: 'registered', title: 'A' }))
    m.must(command('petition:record', { origin: 'registered', title: 'B' }))
    m.must(command('petition:commit-written-answer', { petitionNo: 1, unitId: testDirectory.units[0]!.id }))
    m.must(command('petition:commit-written-answer', { petitionNo: 2, unitId: testDirectory.units[0]!.id, dueDate: '2026-07-31' }))
    // Until the notice is issued, the rule's deadline is an estimate from the latest day it may be issued.
    expect(followUpItems(m.state).map((i) => [i.dueDate, i.provisional])).toEqual([
      ['2026-07-21', true], // 7 + 15 working days after the meeting
      ['2026-07-31', false],
    ])
    // Issued early, on Tuesday 23/06: 15 working days from then. The chosen date stays.
    m.record(decideNoticeIssue(m.state, { number: '5', symbol: 'TB-UBND', date: '2026-06-23' }, emptyCalendar))
    expect(followUpItems(m.state).map((i) => [i.dueDate, i.provisional])).toEqual([
      ['2026-07-14', false], // 15 working days after Tuesday 23/06
      ['2026-07-31', false],
    ])
    // A corrected notice issued later moves nothing: deadlines count from the first issue.
    m.record(decideNoticeIssue(m.state, { number: '9', symbol: 'TB-UBND', date: '2026-06-30' }, emptyCalendar))
    expect(m.state.notice).toEqual({ number: '5', symbol: 'TB-UBND', date: '2026-06-23' })
    expect(followUpItems(m.state)[0]!.dueDate).toBe('2026-07-14')
  })

  it('is on track, due soon (2 working days or fewer), or overdue', () => {
    const item = itemDue('2026-07-10') // a Friday
    expect(followUpStatus(item, '2026-07-06', emptyCalendar)).toBe('on_track') // Mon: 4 working days left
    expect(followUpStatus(item, '2026-07-08', emptyCalendar)).toBe('due_soon') // Wed: 2 left
    expect(followUpStatus(item, '2026-07-10', emptyCalendar)).toBe('due_soon') // the day itself
    expect(followUpStatus(item, '2026-07-11', emptyCalendar)).toBe('overdue')
  })

  it('is done on time or late by the date of the result, against the extended deadline when extended', () => {
    const result = (date: string) => ({ text: 'Đã trả lời bằng văn bản', date, petitionerAnswered: true })
    expect(followUpStatus(itemDue('2026-07-10', { ...emptyFollowUpRecord, result: result('2026-07-10') }), '2026-08-01', emptyCalendar)).toBe('done_on_time')
    expect(followUpStatus(itemDue('2026-07-10', { ...emptyFollowUpRecord, result: result('2026-07-13') }), '2026-08-01', emptyCalendar)).toBe('done_late')
    const extended = { extendedDueDate: '2026-07-31', extensionReason: 'Cần xác minh thực địa', result: result('2026-07-20') }
    expect(followUpStatus(itemDue('2026-07-10', extended), '2026-08-01', emptyCalendar)).toBe('done_on_time')
  })

  it('extends to the longer period of the rules (commune: 30 working days), never earlier', () => {
    expect(extendedDueDate(itemDue('2026-07-10'), 'commune', '2026-06-19', emptyCalendar)).toBe('2026-07-31')
    expect(extendedDueDate(itemDue('2026-07-10'), 'office', '2026-06-19', emptyCalendar)).toBe('2026-07-10') // 15 days ends 10/07 too
  })

  it('shows a confidential petition by its number only in lists beyond the secretary and chair, still under its unit', () => {
    const confidential = { ...itemDue('2026-07-10'), petitionNo: 4, petitionTitle: 'Tố cáo cán bộ địa chính', confidential: true }
    expect(publicFollowUpItem(confidential)).toEqual({ ...confidential, petitionTitle: 'Kiến nghị số 4 (bảo mật)' })
    const open = { ...itemDue('2026-07-10'), petitionTitle: 'Đường vào bản' }
    expect(publicFollowUpItem(open)).toEqual(open)
  })
})

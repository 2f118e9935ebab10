import { describe, expect, it } from 'vitest'
import { canExtend, canRecord, countByStatus, deadlineDistance, defaultFilter, filterFollowUps, followUpCalendarWarning, matchesStatus, rowKey, unitsOf, wasExtended, type FollowUpRow } from './followup'

function row(petitionNo: number, patch: Partial<FollowUpRow> = {}): FollowUpRow {
  return {
    meetingId: 'm1',
    meetingTitle: 'Hội nghị A',
    petitionNo,
    petitionTitle: `Kiến nghị ${petitionNo}`,
    confidential: false,
    field: 'Đất đai',
    unitId: 'u1',
    unitName: 'Phòng Kinh tế',
    form: 'in_writing',
    dueDate: '2026-07-01',
    provisional: false,
    effectiveDueDate: '2026-07-01',
    record: { extendedDueDate: null, extensionReason: '', result: null },
    status: 'on_track',
    ...patch,
  }
}

const rows = [
  row(1, { effectiveDueDate: '2026-07-10', dueDate: '2026-07-10', status: 'due_soon' }),
  row(2, { effectiveDueDate: '2026-06-30', unitName: 'Ủy ban MTTQ', status: 'overdue' }),
  row(3, { effectiveDueDate: '2026-08-15', status: 'done_on_time', record: { extendedDueDate: null, extensionReason: '', result: { text: 'Xong', date: '2026-08-01', petitionerAnswered: true } } }),
  row(1, { meetingId: 'm2', meetingTitle: 'Hội nghị B', effectiveDueDate: '2026-07-10', unitName: 'Công an xã', status: 'done_late' }),
]

describe('follow-up filters', () => {
  it('keeps everything by default, sorted by the deadline in force, then meeting, then number', () => {
    expect(filterFollowUps(rows, defaultFilter).map(rowKey)).toEqual(['m1#2', 'm1#1', 'm2#1', 'm1#3'])
  })
  it('sorts the latest deadline first on request', () => {
    expect(filterFollowUps(rows, { ...defaultFilter, sort: 'due_desc' }).map(rowKey)).toEqual(['m1#3', 'm1#1', 'm2#1', 'm1#2'])
  })
  it('filters by one status, or by every open one', () => {
    expect(filterFollowUps(rows, { ...defaultFilter, status: 'overdue' }).map(rowKey)).toEqual(['m1#2'])
    expect(filterFollowUps(rows, { ...defaultFilter, status: 'open' }).map(rowKey)).toEqual(['m1#2', 'm1#1'])
    expect(matchesStatus('done_late', 'open')).toBe(false)
    expect(matchesStatus('due_soon', 'all')).toBe(true)
  })
  it('filters by unit and status together', () => {
    expect(filterFollowUps(rows, { ...defaultFilter, unit: 'Phòng Kinh tế' }).map(rowKey)).toEqual(['m1#1', 'm1#3'])
    expect(filterFollowUps(rows, { ...defaultFilter, unit: 'Phòng Kinh tế', status: 'done_on_time' }).map(rowKey)).toEqual(['m1#3'])
    expect(filterFollowUps(rows, { ...defaultFilter, unit: 'Không có' })).toEqual([])
  })
  it('does not reorder the list it was given', () => {
    const before = rows.map(rowKey)
    filterFollowUps(rows, defaultFilter)
    expect(rows.map(rowKey)).toEqual(before)
  })
  it('lists the units in Vietnamese order and counts statuses', () => {
    expect(unitsOf(rows)).toEqual(['Công an xã', 'Phòng Kinh tế', 'Ủy ban MTTQ'])
    expect(countByStatus(rows)).toEqual({ on_track: 0, due_soon: 1, overdue: 1, done_on_time: 1, done_late: 1, open: 2 })
  })
  it('says what can still be done with an item', () => {
    const extended = row(5, { dueDate: '2026-07-01', effectiveDueDate: '2026-07-22', record: { extendedDueDate: '2026-07-22', extensionReason: 'Cần xác minh', result: null } })
    expect(wasExtended(extended)).toBe(true)
    expect(wasExtended(rows[0]!)).toBe(false)
    expect(canExtend(extended)).toBe(false)
    expect(canExtend(rows[0]!)).toBe(true)
    expect(canExtend(rows[2]!)).toBe(false)
    expect(canRecord(rows[2]!)).toBe(false)
    expect(canRecord(extended)).toBe(true)
  })
})

describe('time left', () => {
  const calendar = { daysOff: ['2026-07-02'], workingWeekendDays: [] }
  it('counts working days left or past the deadline in force, only while open', () => {
    // Monday 29/06 → Friday 03/07, Thursday 02/07 being a day off: 30/06, 01/07, 03/07.
    expect(deadlineDistance(row(1, { effectiveDueDate: '2026-07-03' }), '2026-06-29', calendar)).toEqual({ left: 3 })
    expect(deadlineDistance(row(1, { effectiveDueDate: '2026-07-03' }), '2026-07-03', calendar)).toEqual({ left: 0 })
    expect(deadlineDistance(row(1, { effectiveDueDate: '2026-07-03', status: 'overdue' }), '2026-07-07', calendar)).toEqual({ late: 2 })
    // A weekend after the deadline still reads as late.
    expect(deadlineDistance(row(1, { effectiveDueDate: '2026-07-03', status: 'overdue' }), '2026-07-04', calendar)).toEqual({ late: 1 })
    expect(deadlineDistance(rows[2]!, '2026-07-01', calendar)).toBeNull()
  })
})

describe('the unconfirmed-calendar warning on a row', () => {
  it('names the unconfirmed years its deadline and the days counted to it depend on', () => {
    const open = row(1, { dueDate: '2027-01-12', effectiveDueDate: '2027-01-12' })
    expect(followUpCalendarWarning(open, '2026-12-21', [2026])).toBe(
      'Hạn này tính theo lịch nghỉ năm 2027 chưa được xác nhận; kiểm tra lại khi có thông báo chính thức.',
    )
    expect(followUpCalendarWarning(open, '2026-12-21', [])).toMatch(/năm 2026 và 2027 chưa được xác nhận/)
    expect(followUpCalendarWarning(open, '2026-12-21', [2026, 2027])).toBeNull()
  })
  it('covers an extension into another year, and leaves today out once the result is in', () => {
    const extended = row(1, { dueDate: '2026-12-28', effectiveDueDate: '2027-01-18', status: 'overdue' })
    expect(followUpCalendarWarning(extended, '2027-01-20', [2026])).toMatch(/năm 2027 chưa/)
    const done = row(1, { dueDate: '2026-07-01', effectiveDueDate: '2026-07-01', status: 'done_on_time' })
    expect(followUpCalendarWarning(done, '2027-03-01', [2026])).toBeNull()
  })
})

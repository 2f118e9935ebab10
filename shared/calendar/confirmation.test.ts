import { describe, expect, it } from 'vitest'
import { confirmedYearsOf, deadlineCalendarWarning, unconfirmedCalendarWarning, unconfirmedYears, yearsBetween, yearsCounted } from './confirmation'

describe('which years a deadline depends on', () => {
  it('are the years of the days counted: after the start, up to the due date', () => {
    expect(yearsCounted('2026-06-19', '2026-07-01')).toEqual([2026])
    expect(yearsCounted('2026-12-20', '2027-01-12')).toEqual([2026, 2027])
    // A meeting on New Year's Eve: counting starts on 01/01, so only the new year matters.
    expect(yearsCounted('2026-12-31', '2027-01-20')).toEqual([2027])
    expect(yearsCounted('2025-11-03', '2028-01-03')).toEqual([2025, 2026, 2027, 2028])
  })
  it('are the due date’s own year for a date that was chosen, not counted', () => {
    expect(yearsCounted(null, '2027-01-04')).toEqual([2027])
    expect(yearsCounted('2027-01-04', '2027-01-04')).toEqual([2027])
  })
  it('are none for what is not a date within 2000–2099', () => {
    expect(yearsCounted(null, '')).toEqual([])
    expect(yearsCounted(null, '2027-02-30')).toEqual([])
    expect(yearsCounted(null, '2100-01-01')).toEqual([])
    expect(yearsBetween('2026-01-01', 'x')).toEqual([])
    expect(yearsBetween('2027-05-01', '2026-05-01')).toEqual([2026, 2027])
  })
})

describe('the unconfirmed-calendar warning', () => {
  it('names the unconfirmed year', () => {
    expect(deadlineCalendarWarning('2026-12-20', '2027-01-12', [2026])).toBe(
      'Hạn này tính theo lịch nghỉ năm 2027 chưa được xác nhận; kiểm tra lại khi có thông báo chính thức.',
    )
  })
  it('names every unconfirmed year, in order', () => {
    expect(deadlineCalendarWarning('2026-12-20', '2027-01-12', [])).toBe(
      'Hạn này tính theo lịch nghỉ năm 2026 và 2027 chưa được xác nhận; kiểm tra lại khi có thông báo chính thức.',
    )
    expect(unconfirmedCalendarWarning([2026, 2027, 2028])).toBe(
      'Hạn này tính theo lịch nghỉ năm 2026, 2027 và 2028 chưa được xác nhận; kiểm tra lại khi có thông báo chính thức.',
    )
  })
  it('is absent when every year counted was confirmed', () => {
    expect(deadlineCalendarWarning('2026-12-20', '2027-01-12', [2026, 2027])).toBeNull()
    expect(deadlineCalendarWarning(null, '2026-07-01', [2026])).toBeNull()
    expect(unconfirmedYears([2027, 2026, 2027], [2026])).toEqual([2027])
  })
  it('takes the confirmed years from the stored years', () => {
    const stored = [
      { year: 2027, confirmedAt: null, confirmedBy: null, loadedAt: '2026-12-01T00:00:00.000Z', loadedBy: 'A' },
      { year: 2026, confirmedAt: '2026-01-05T02:00:00.000Z', confirmedBy: 'Quản trị (admin)', loadedAt: null, loadedBy: null },
    ]
    expect(confirmedYearsOf(stored)).toEqual([2026])
  })
})

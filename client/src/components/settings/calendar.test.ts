import { describe, expect, it } from 'vitest'
import { calendarYears, countKinds, daysInYear, formatOfFile, instantVi, kindFor, weekdayName, yearStatusOf } from './calendar'

const days = [
  { day: '2026-02-17', kind: 'day_off', note: 'Tết Nguyên đán' },
  { day: '2025-09-02', kind: 'day_off', note: 'Quốc khánh' },
  { day: '2026-01-01', kind: 'day_off', note: 'Tết Dương lịch' },
  { day: '2026-02-07', kind: 'working_day', note: 'Làm bù' },
]

describe('holiday calendar', () => {
  it('names the weekday', () => {
    expect(weekdayName('2026-02-17')).toBe('Thứ Ba')
    expect(weekdayName('2026-02-07')).toBe('Thứ Bảy')
    expect(weekdayName('2026-02-08')).toBe('Chủ nhật')
    expect(weekdayName('2026-02-30')).toBe('')
  })
  it('says what a day can be marked as', () => {
    expect(kindFor('2026-02-17')).toBe('day_off')
    expect(kindFor('2026-02-07')).toBe('working_day')
    expect(kindFor('2026-02-08')).toBe('working_day')
    expect(kindFor('')).toBeNull()
  })
  it('lists a year in date order', () => {
    expect(daysInYear(days, 2026).map((d) => d.day)).toEqual(['2026-01-01', '2026-02-07', '2026-02-17'])
    expect(daysInYear(days, 2024)).toEqual([])
  })
  it('offers the years with data, this year and the next', () => {
    expect(calendarYears(days, 2026)).toEqual([2025, 2026, 2027])
    expect(calendarYears([], 2030)).toEqual([2030, 2031])
  })
  it('counts days off and working days', () => {
    expect(countKinds(daysInYear(days, 2026))).toEqual({ dayOff: 2, workingDay: 1 })
  })
  it('offers the years an administrator loaded or confirmed too', () => {
    expect(calendarYears([], 2026, [{ year: 2028, confirmedAt: null, confirmedBy: null, loadedAt: '2026-12-01T00:00:00Z', loadedBy: 'A' }])).toEqual([2026, 2027, 2028])
  })
  it('says a year nobody confirmed is unconfirmed', () => {
    const confirmed = { year: 2026, confirmedAt: '2026-01-05T02:30:00.000Z', confirmedBy: 'Quản trị (admin)', loadedAt: null, loadedBy: null }
    expect(yearStatusOf([confirmed], 2026)).toBe(confirmed)
    expect(yearStatusOf([confirmed], 2027)).toEqual({ year: 2027, confirmedAt: null, confirmedBy: null, loadedAt: null, loadedBy: null })
    expect(instantVi(confirmed.confirmedAt)).toBe('05/01/2026 09:30')
  })
  it('reads a file by its name', () => {
    expect(['lich-2026.csv', 'Lịch nghỉ.ICS', 'ds.txt', 'lich.xlsx', 'lich'].map(formatOfFile)).toEqual(['csv', 'ics', 'list', null, null])
  })
})

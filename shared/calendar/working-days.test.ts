import { describe, expect, it } from 'vitest'
import { vietnamDate, addDays, addWorkingDays, emptyCalendar, isWithinDateRange, isWorkingDay, maxWorkingDays, nextWorkingDayOnOrAfter, parseDate, workingDaysBetween, type HolidayCalendar } from './working-days'

// A calendar written for these tests: Tết 2026 as the government set it for civil servants
// (Saturday 14/02 to Sunday 22/02), and an invented swap to test làm bù.
const tet2026: HolidayCalendar = {
  daysOff: ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-04-27'],
  workingWeekendDays: ['2026-01-10'],
}

describe('working days', () => {
  it('skips Saturdays and Sundays', () => {
    expect(addWorkingDays('2026-01-02', 1, emptyCalendar)).toBe('2026-01-05') // Fri → Mon
    expect(addWorkingDays('2026-01-05', 5, emptyCalendar)).toBe('2026-01-12') // Mon → next Mon
    expect(addWorkingDays('2026-01-03', 1, emptyCalendar)).toBe('2026-01-05') // from a Saturday
  })

  it('counts from the day after the event: 5 working days from a Friday meeting is the next Friday', () => {
    expect(addWorkingDays('2025-12-19', 5, emptyCalendar)).toBe('2025-12-26')
    expect(addWorkingDays('2025-12-19', 0, emptyCalendar)).toBe('2025-12-19')
  })

  it('skips the Tết week', () => {
    expect(addWorkingDays('2026-02-12', 1, tet2026)).toBe('2026-02-13')
    expect(addWorkingDays('2026-02-13', 1, tet2026)).toBe('2026-02-23') // Fri before Tết → Mon after
    expect(addWorkingDays('2026-02-11', 5, tet2026)).toBe('2026-02-25')
    expect(workingDaysBetween('2026-02-13', '2026-02-22', tet2026)).toBe(0)
  })

  it('counts a Saturday worked in exchange (làm bù)', () => {
    expect(isWorkingDay('2026-01-10', tet2026)).toBe(true)
    expect(addWorkingDays('2026-01-09', 1, tet2026)).toBe('2026-01-10')
    expect(addWorkingDays('2026-01-09', 1, emptyCalendar)).toBe('2026-01-12')
  })

  it('moves a deadline that falls on a day off to the next working day', () => {
    expect(nextWorkingDayOnOrAfter('2026-02-14', tet2026)).toBe('2026-02-23')
    expect(nextWorkingDayOnOrAfter('2026-04-26', tet2026)).toBe('2026-04-28') // Sunday, then a compensatory Monday
    expect(nextWorkingDayOnOrAfter('2026-04-28', tet2026)).toBe('2026-04-28')
  })

  it('crosses month and year ends', () => {
    expect(addWorkingDays('2025-12-31', 2, emptyCalendar)).toBe('2026-01-02')
    expect(addWorkingDays('2024-02-28', 1, emptyCalendar)).toBe('2024-02-29') // leap year
  })

  it('refuses impossible dates and negative counts', () => {
    expect(() => parseDate('2026-02-30')).toThrow(RangeError)
    expect(() => parseDate('20/12/2025')).toThrow(RangeError)
    expect(() => addWorkingDays('2026-01-05', -1, emptyCalendar)).toThrow(RangeError)
  })

  it('counts working days between two dates exactly as a day-by-day count would, with holidays and swaps', () => {
    const naive = (from: string, to: string) => {
      let n = 0
      for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isWorkingDay(d, tet2026)) n++
      return n
    }
    let seed = 7
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
    for (let i = 0; i < 300; i++) {
      const from = addDays('2025-11-01', Math.floor(random() * 200))
      const to = addDays(from, Math.floor(random() * 120) - 10)
      expect({ from, to, n: workingDaysBetween(from, to, tet2026) }).toEqual({ from, to, n: naive(from, to) })
    }
  })

  it('counts across the whole century an office can mean without walking it day by day', () => {
    // 100 years: 36,525 days, of which 26,089 are Monday to Friday; the calendar takes 6 off and adds 1.
    expect(workingDaysBetween('1999-12-31', '2099-12-31', tet2026)).toBe(26_089 - 6 + 1)
  })

  it('refuses to count more working days than any rule could ask, and bounds the dates an office can mean', () => {
    expect(() => addWorkingDays('2026-01-05', maxWorkingDays + 1, emptyCalendar)).toThrow(RangeError)
    expect(addWorkingDays('2026-01-05', maxWorkingDays, emptyCalendar) < '2030-01-01').toBe(true)
    expect(isWithinDateRange('2000-01-01') && isWithinDateRange('2099-12-31')).toBe(true)
    expect(isWithinDateRange('9999-12-31') || isWithinDateRange('0000-01-01')).toBe(false)
    // A calendar that takes every day of a year off cannot make a deadline loop forever.
    const everyDay = Array.from({ length: 400 }, (_, i) => addDays('2026-01-01', i))
    expect(() => addWorkingDays('2026-01-01', 1, { daysOff: everyDay, workingWeekendDays: [] })).toThrow(RangeError)
  })

  it("gives the office's date in Vietnam (UTC+7), not the server's UTC date", () => {
    expect(vietnamDate('2026-06-19T23:30:00Z')).toBe('2026-06-20')
    expect(vietnamDate('2026-06-19T16:59:59Z')).toBe('2026-06-19')
    expect(vietnamDate('2026-06-19T17:00:00Z')).toBe('2026-06-20')
  })
})

describe('the seeded calendar', () => {
  it('counts the Tết 2026 week and the compensatory Monday after Giỗ Tổ 2026', async () => {
    const { openTestDatabase } = await import('../../tests/fixtures/database')
    const { loadCalendar } = await import('../../db/repositories/calendar')
    const handle = await openTestDatabase()
    try {
      const calendar = await loadCalendar(handle.db)
      // A meeting on Thursday 12/02/2026: the office notice (5 working days) is due Thursday 26/02.
      expect(addWorkingDays('2026-02-12', 5, calendar)).toBe('2026-02-26') // 13, then 23–26
      expect(isWorkingDay('2026-04-27', calendar)).toBe(false)
      expect(addWorkingDays('2026-04-24', 1, calendar)).toBe('2026-04-28')
      // 2025: Friday 02/05 off, Saturday 26/04 worked in exchange.
      expect(isWorkingDay('2025-05-02', calendar)).toBe(false)
      expect(isWorkingDay('2025-04-26', calendar)).toBe(true)
    } finally {
      await handle.close()
    }
  })
})

// Deadlines in the rules are counted in working days (ngày làm việc): no Saturdays, Sundays or
// public holidays, with the government's yearly swaps (a weekday off "nghỉ bù", a Saturday worked
// "làm bù"). The calendar is data an administrator edits; these functions only read it.
// Dates are plain calendar dates 'YYYY-MM-DD' (the office's local date), computed in UTC so the
// server's time zone never shifts a day.

export interface HolidayCalendar {
  /** Weekdays that are days off: public holidays, Tết, compensatory days. */
  daysOff: readonly string[]
  /** Saturdays or Sundays that are working days (làm bù). */
  workingWeekendDays: readonly string[]
}

export const emptyCalendar: HolidayCalendar = { daysOff: [], workingWeekendDays: [] }

/** The calendar from its stored exceptions (GET /api/calendar's days, the calendar_days table). */
export function calendarFromDays(days: readonly { day: string; kind: string; note?: string }[]): HolidayCalendar {
  return {
    daysOff: days.filter((d) => d.kind === 'day_off').map((d) => d.day),
    workingWeekendDays: days.filter((d) => d.kind === 'working_day').map((d) => d.day),
  }
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

export function parseDate(date: string): Date {
  const m = ISO_DATE.exec(date)
  if (!m) throw new RangeError(`not a date: ${date}`)
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))
  if (formatDate(d) !== date) throw new RangeError(`not a date: ${date}`)
  return d
}

export const formatDate = (d: Date): string => d.toISOString().slice(0, 10)

export function addDays(date: string, days: number): string {
  const d = parseDate(date)
  d.setUTCDate(d.getUTCDate() + days)
  return formatDate(d)
}

export function isWorkingDay(date: string, calendar: HolidayCalendar): boolean {
  const weekday = parseDate(date).getUTCDay()
  const weekend = weekday === 0 || weekday === 6
  if (weekend) return calendar.workingWeekendDays.includes(date)
  return !calendar.daysOff.includes(date)
}

/** The date itself when it is a working day, otherwise the next working day. */
export function nextWorkingDayOnOrAfter(date: string, calendar: HolidayCalendar): string {
  let d = date
  // A year cannot hold more than ~20 consecutive days off; the bound guards against a bad calendar.
  for (let i = 0; i < 366; i++, d = addDays(d, 1)) if (isWorkingDay(d, calendar)) return d
  throw new RangeError(`no working day within a year after ${date}`)
}

/**
 * The deadline `n` working days after `start`: the first day counted is the day after the event
 * (start itself never counts), so n = 5 from a Friday meeting ends the next Friday.
 */
export function addWorkingDays(start: string, n: number, calendar: HolidayCalendar): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number ≥ 0, got ${n}`)
  let d = start
  for (let counted = 0; counted < n; ) {
    d = addDays(d, 1)
    if (isWorkingDay(d, calendar)) counted++
  }
  return d
}

/** Working days after `from` up to and including `to` (0 when `to` is not after `from`). */
export function workingDaysBetween(from: string, to: string, calendar: HolidayCalendar): number {
  let count = 0
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isWorkingDay(d, calendar)) count++
  return count
}

/**
 * The office's calendar date for an instant. Vietnam keeps UTC+7 all year (no daylight saving),
 * so a fixed offset is exact; a meeting at 06:30 in Sơn La is still the previous day in UTC.
 */
export function vietnamDate(instant: string | Date): string {
  const ms = (typeof instant === 'string' ? Date.parse(instant) : instant.getTime()) + 7 * 3600_000
  return new Date(ms).toISOString().slice(0, 10)
}

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

/**
 * The dates an office can mean: a meeting, a deadline, a holiday, a report period. Everything
 * outside is a typo (or an attack) and is refused at the door, so no date arithmetic ever runs on
 * the year 9999 or 0000 (where it used to overflow, or count millions of days in a request).
 */
export const earliestDate = '2000-01-01'
export const latestDate = '2099-12-31'
export const isWithinDateRange = (date: string): boolean => date >= earliestDate && date <= latestDate

/** How many working days any rule may count: the longest rule is 90 days; a year is ~250. */
export const maxWorkingDays = 1000

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

const DAY_MS = 86_400_000
const dayNumber = (date: string): number => parseDate(date).getTime() / DAY_MS
const isWeekend = (date: string): boolean => {
  const weekday = parseDate(date).getUTCDay()
  return weekday === 0 || weekday === 6
}

// The calendar's lists as sets, built once per calendar object: a deadline is counted per item of
// every follow-up list, and a lookup in an array of a few hundred days each time adds up.
const exceptionSets = new WeakMap<HolidayCalendar, { off: Set<string>; worked: Set<string> }>()
function exceptionsOf(calendar: HolidayCalendar) {
  let sets = exceptionSets.get(calendar)
  if (!sets) {
    sets = { off: new Set(calendar.daysOff), worked: new Set(calendar.workingWeekendDays) }
    exceptionSets.set(calendar, sets)
  }
  return sets
}

export function isWorkingDay(date: string, calendar: HolidayCalendar): boolean {
  const { off, worked } = exceptionsOf(calendar)
  return isWeekend(date) ? worked.has(date) : !off.has(date)
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
 * (start itself never counts), so n = 5 from a Friday meeting ends the next Friday. The work is
 * bounded: `n` is at most maxWorkingDays, and a calendar cannot stop time (a year without a working
 * day is refused).
 */
export function addWorkingDays(start: string, n: number, calendar: HolidayCalendar): string {
  if (!Number.isInteger(n) || n < 0 || n > maxWorkingDays) throw new RangeError(`working days must be a whole number from 0 to ${maxWorkingDays}, got ${n}`)
  let d = start
  for (let counted = 0; counted < n; ) {
    d = nextWorkingDayOnOrAfter(addDays(d, 1), calendar)
    counted++
  }
  return d
}

/** Monday–Friday days in (from, to]: whole weeks by arithmetic, the rest (under a week) one by one. */
function weekdaysAfterUpTo(from: string, to: string): number {
  const days = dayNumber(to) - dayNumber(from)
  if (days <= 0) return 0
  const weeks = Math.floor(days / 7)
  let count = weeks * 5
  for (let d = addDays(from, weeks * 7 + 1); d <= to; d = addDays(d, 1)) if (!isWeekend(d)) count++
  return count
}

/**
 * Working days after `from` up to and including `to` (0 when `to` is not after `from`). Counted in
 * time proportional to the calendar's exceptions, not to the distance between the dates.
 */
export function workingDaysBetween(from: string, to: string, calendar: HolidayCalendar): number {
  if (to <= from) return 0
  const { off, worked } = exceptionsOf(calendar)
  let count = weekdaysAfterUpTo(from, to)
  for (const day of off) if (day > from && day <= to && !isWeekend(day)) count--
  for (const day of worked) if (day > from && day <= to && isWeekend(day)) count++
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

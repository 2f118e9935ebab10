import { addDays, isWithinDateRange, parseDate } from './working-days'

// A year's holidays and swapped days are set by the government each year (Tết follows the lunar
// calendar; the second National Day day and any "làm bù" Saturday are decided late). What the app
// holds for a year is only as good as the administrator's check against the official announcement,
// so each year records whether an administrator confirmed it, and a deadline counted over a year
// nobody confirmed says so wherever it is shown. Pure: the confirmed years come in as data.

/** A year of the calendar as stored: confirmed by an administrator, or not (never by a seed). */
export interface CalendarYearStatus {
  year: number
  /** ISO instant, or null while unconfirmed. */
  confirmedAt: string | null
  /** Who confirmed it, as the audit trail names people. */
  confirmedBy: string | null
  /** When the year's schedule was last loaded as a whole (paste, .csv, .ics), and by whom. */
  loadedAt: string | null
  loadedBy: string | null
}

export const confirmedYearsOf = (years: readonly CalendarYearStatus[]): number[] =>
  years.filter((y) => y.confirmedAt !== null).map((y) => y.year).sort((a, b) => a - b)

const yearOf = (date: string): number => Number(date.slice(0, 4))

/** Every year from `first`'s to `last`'s, both included (dates 'YYYY-MM-DD'); [] when either is not a date. */
export function yearsBetween(first: string, last: string): number[] {
  if (!isDate(first) || !isDate(last)) return []
  const [from, to] = first <= last ? [yearOf(first), yearOf(last)] : [yearOf(last), yearOf(first)]
  return Array.from({ length: to - from + 1 }, (_, i) => from + i)
}

/**
 * The years whose calendar a deadline counted from `start` to `due` depends on: the days counted
 * are those after `start` up to `due` (as addWorkingDays counts), so a meeting on 31/12 with a
 * deadline in January depends on the new year only. A date that was chosen rather than counted
 * (due <= start, or start omitted) depends on its own year: is that day a working day?
 */
export function yearsCounted(start: string | null, due: string): number[] {
  if (!isDate(due)) return []
  if (start === null || !isDate(start) || due <= start) return [yearOf(due)]
  return yearsBetween(addDays(start, 1), due)
}

export function unconfirmedYears(years: readonly number[], confirmed: readonly number[]): number[] {
  const ok = new Set(confirmed)
  return [...new Set(years)].filter((y) => !ok.has(y)).sort((a, b) => a - b)
}

/** "2027", "2026 và 2027", "2026, 2027 và 2028". */
function yearList(years: readonly number[]): string {
  if (years.length <= 1) return years.map(String).join('')
  return `${years.slice(0, -1).join(', ')} và ${years.at(-1)}`
}

/** The warning for a deadline that depends on these unconfirmed years, or null when there are none. */
export function unconfirmedCalendarWarning(years: readonly number[]): string | null {
  if (years.length === 0) return null
  return `Hạn này tính theo lịch nghỉ năm ${yearList(years)} chưa được xác nhận; kiểm tra lại khi có thông báo chính thức.`
}

/**
 * The warning to show next to a deadline counted from `start` (the meeting, the notice's issue)
 * to `due`, or null when every year it depends on was confirmed by an administrator. Pass
 * `start = null` for a date that was chosen, not counted.
 */
export function deadlineCalendarWarning(start: string | null, due: string, confirmed: readonly number[]): string | null {
  return unconfirmedCalendarWarning(unconfirmedYears(yearsCounted(start, due), confirmed))
}

function isDate(date: string): boolean {
  if (typeof date !== 'string' || !isWithinDateRange(date)) return false
  try {
    parseDate(date)
    return true
  } catch {
    return false
  }
}

// The holiday calendar on the settings page: days grouped by year, and what a day can be marked as
// (a weekday can only be a day off, a Saturday or Sunday only a working day, as the server rules).
// Pure, tested in calendar.test.ts.

import type { CalendarYearStatus } from '@shared/calendar/confirmation'

export type CalendarKind = 'day_off' | 'working_day'

export interface CalendarDay {
  day: string
  kind: string
  note: string
}

const weekdayNames = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'] as const

function weekdayOf(day: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day)
  if (!m) return null
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))
  if (d.toISOString().slice(0, 10) !== day) return null
  return d.getUTCDay()
}

export function weekdayName(day: string): string {
  const w = weekdayOf(day)
  return w === null ? '' : weekdayNames[w]!
}

/** The only kind a day can be marked as; null when it is not a date. */
export function kindFor(day: string): CalendarKind | null {
  const w = weekdayOf(day)
  if (w === null) return null
  return w === 0 || w === 6 ? 'working_day' : 'day_off'
}

export function daysInYear(days: readonly CalendarDay[], year: number): CalendarDay[] {
  const prefix = `${year}-`
  return days.filter((d) => d.day.startsWith(prefix)).sort((a, b) => a.day.localeCompare(b.day))
}

/** Years to offer: those with days in the calendar or a stored status, plus the current and the next year. */
export function calendarYears(days: readonly CalendarDay[], currentYear: number, statuses: readonly CalendarYearStatus[] = []): number[] {
  const years = new Set<number>([currentYear, currentYear + 1, ...statuses.map((s) => s.year)])
  for (const d of days) {
    const y = Number(d.day.slice(0, 4))
    if (Number.isInteger(y) && y > 1900) years.add(y)
  }
  return [...years].sort((a, b) => a - b)
}

export function countKinds(days: readonly CalendarDay[]): { dayOff: number; workingDay: number } {
  let dayOff = 0
  let workingDay = 0
  for (const d of days) {
    if (d.kind === 'day_off') dayOff++
    else if (d.kind === 'working_day') workingDay++
  }
  return { dayOff, workingDay }
}

/** The year as stored, or unconfirmed when no administrator ever loaded or confirmed it. */
export function yearStatusOf(statuses: readonly CalendarYearStatus[], year: number): CalendarYearStatus {
  return statuses.find((s) => s.year === year) ?? { year, confirmedAt: null, confirmedBy: null, loadedAt: null, loadedBy: null }
}

export type ScheduleFileFormat = 'csv' | 'ics' | 'list'

/** How a chosen file is read, by its name: .csv as a table, .ics as a calendar, .txt as a pasted list. */
export function formatOfFile(name: string): ScheduleFileFormat | null {
  const ext = /\.([a-z0-9]+)$/i.exec(name.trim())?.[1]?.toLowerCase()
  if (ext === 'csv') return 'csv'
  if (ext === 'ics' || ext === 'ical' || ext === 'ifb') return 'ics'
  if (ext === 'txt') return 'list'
  return null
}

/** "05/01/2026 09:30" in Vietnam's time, for who confirmed a year and when. */
export function instantVi(iso: string): string {
  const ms = Date.parse(iso)
  if (Number.isNaN(ms)) return iso
  const d = new Date(ms + 7 * 3600_000).toISOString()
  return `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)} ${d.slice(11, 16)}`
}

// The holiday calendar on the settings page: days grouped by year, and what a day can be marked as
// (a weekday can only be a day off, a Saturday or Sunday only a working day, as the server rules).
// Pure, tested in calendar.test.ts.

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

/** Years to offer: those with days in the calendar, plus the current and the next year. */
export function calendarYears(days: readonly CalendarDay[], currentYear: number): number[] {
  const years = new Set<number>([currentYear, currentYear + 1])
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

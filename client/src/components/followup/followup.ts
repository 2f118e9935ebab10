import type { FollowUpItem, FollowUpStatus } from '@shared/followup'
import { workingDaysBetween, type HolidayCalendar } from '@shared/calendar/working-days'
import { unconfirmedCalendarWarning, unconfirmedYears, yearsBetween } from '@shared/calendar/confirmation'

// Filtering and sorting the follow-up list (pure, tested in followup.test.ts).

export type FollowUpRow = FollowUpItem & { status: FollowUpStatus }

/** 'all', 'open' (no result yet) or one status. */
export type StatusFilter = 'all' | 'open' | FollowUpStatus
export type SortOrder = 'due_asc' | 'due_desc'

export interface FollowUpFilter {
  status: StatusFilter
  /** '' for every unit. */
  unit: string
  sort: SortOrder
}

export const defaultFilter: FollowUpFilter = { status: 'all', unit: '', sort: 'due_asc' }

export const statusOrder: readonly FollowUpStatus[] = ['overdue', 'due_soon', 'on_track', 'done_late', 'done_on_time']
const openStatuses: ReadonlySet<FollowUpStatus> = new Set(['overdue', 'due_soon', 'on_track'])

export const isOpen = (status: FollowUpStatus): boolean => openStatuses.has(status)

export function matchesStatus(status: FollowUpStatus, filter: StatusFilter): boolean {
  if (filter === 'all') return true
  if (filter === 'open') return isOpen(status)
  return status === filter
}

/** The rows that pass the filter, by deadline in force, then meeting, then petition number. */
export function filterFollowUps(rows: readonly FollowUpRow[], filter: FollowUpFilter): FollowUpRow[] {
  const sign = filter.sort === 'due_desc' ? -1 : 1
  return rows
    .filter((r) => matchesStatus(r.status, filter.status) && (!filter.unit || r.unitName === filter.unit))
    .sort(
      (a, b) =>
        sign * a.effectiveDueDate.localeCompare(b.effectiveDueDate) ||
        a.meetingTitle.localeCompare(b.meetingTitle, 'vi') ||
        a.meetingId.localeCompare(b.meetingId) ||
        a.petitionNo - b.petitionNo,
    )
}

/** The units that appear in the list, in Vietnamese alphabetical order. */
export function unitsOf(rows: readonly FollowUpRow[]): string[] {
  return [...new Set(rows.map((r) => r.unitName))].sort((a, b) => a.localeCompare(b, 'vi'))
}

export function countByStatus(rows: readonly FollowUpRow[]): Record<FollowUpStatus, number> & { open: number } {
  const counts = { on_track: 0, due_soon: 0, overdue: 0, done_on_time: 0, done_late: 0, open: 0 }
  for (const r of rows) {
    counts[r.status]++
    if (isOpen(r.status)) counts.open++
  }
  return counts
}

export const wasExtended = (r: FollowUpItem): boolean => r.record.extendedDueDate !== null && r.effectiveDueDate !== r.dueDate
export const canExtend = (r: FollowUpRow): boolean => r.record.extendedDueDate === null && r.record.result === null
export const canRecord = (r: FollowUpRow): boolean => r.record.result === null

/** Same row identity across meetings. */
export const rowKey = (r: Pick<FollowUpItem, 'meetingId' | 'petitionNo'>): string => `${r.meetingId}#${r.petitionNo}`

/** Working days left before the deadline in force (open items), or working days past it. */
export function deadlineDistance(r: FollowUpRow, today: string, calendar: HolidayCalendar): { left: number } | { late: number } | null {
  if (!isOpen(r.status)) return null
  if (today > r.effectiveDueDate) return { late: Math.max(1, workingDaysBetween(r.effectiveDueDate, today, calendar)) }
  return { left: workingDaysBetween(today, r.effectiveDueDate, calendar) }
}

/**
 * The unconfirmed-calendar warning for a row: its deadline (as committed, and as extended) and, while
 * it is open, the working days counted to or past it from today all depend on the years between.
 */
export function followUpCalendarWarning(r: FollowUpRow, today: string, confirmedYears: readonly number[]): string | null {
  const dates = [r.dueDate, r.effectiveDueDate, ...(isOpen(r.status) ? [today] : [])].sort()
  return unconfirmedCalendarWarning(unconfirmedYears(yearsBetween(dates[0]!, dates.at(-1)!), confirmedYears))
}

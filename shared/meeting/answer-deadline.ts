import { addDays, isWorkingDay, nextWorkingDayOnOrAfter, vietnamDate, type HolidayCalendar } from '../calendar/working-days'
import type { MeetingDetails } from './model'
import { defaultWrittenAnswerDue, type DeadlineRuleSet } from './rules'

// The deadline of a written answer committed in the room, as every screen that offers one counts
// it: the chair's tablet and the secretary's petition dialog preview the date the server will
// commit when no date is given, and say before anyone presses why a chosen date would be refused.
// Pure: "today" comes in from the caller.

/** How far ahead a chosen deadline may be, counted from the meeting's day. */
const maxDueDays = 366

export interface WrittenAnswerDates {
  /** The office's default, the date committed when none is chosen. */
  preview: string
  /** Where counting starts: the meeting's day, or today for a meeting whose day is not fixed. */
  from: string
  /** The first date that may be chosen (the day after `from`). */
  earliest: string
  /** The last date that may be chosen. */
  latest: string
}

export function writtenAnswerDates(details: MeetingDetails, today: string, calendar: HolidayCalendar, rules?: DeadlineRuleSet): WrittenAnswerDates {
  const from = details.meetingDate || today
  return { preview: defaultWrittenAnswerDue(details, today, calendar, rules), from, earliest: addDays(from, 1), latest: addDays(from, maxDueDays) }
}

/** Today in Vietnam, for a screen that knows the time as milliseconds (its clock, or the server's). */
export const vietnamToday = (nowMs: number): string => vietnamDate(new Date(nowMs))

/** Why a chosen deadline cannot be committed; the screens word it, the codes are the server's. */
type DueDateProblem =
  | { code: 'DUE_DATE_MISSING' }
  | { code: 'DUE_DATE_IN_PAST' }
  | { code: 'DUE_DATE_TOO_LATE' }
  /** A Saturday or Sunday that is not worked: `weekday` 6 or 0. */
  | { code: 'DUE_DATE_WEEKEND'; weekday: 0 | 6; nextWorkingDay: string }
  /** A holiday of the office's calendar. */
  | { code: 'DUE_DATE_DAY_OFF'; nextWorkingDay: string }

export function dueDateProblem(date: string, dates: Pick<WrittenAnswerDates, 'earliest' | 'latest'>, calendar: HolidayCalendar): DueDateProblem | null {
  if (!date) return { code: 'DUE_DATE_MISSING' }
  if (date < dates.earliest) return { code: 'DUE_DATE_IN_PAST' }
  if (date > dates.latest) return { code: 'DUE_DATE_TOO_LATE' }
  if (isWorkingDay(date, calendar)) return null
  const nextWorkingDay = nextWorkingDayOnOrAfter(date, calendar)
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay()
  return weekday === 0 || weekday === 6 ? { code: 'DUE_DATE_WEEKEND', weekday, nextWorkingDay } : { code: 'DUE_DATE_DAY_OFF', nextWorkingDay }
}

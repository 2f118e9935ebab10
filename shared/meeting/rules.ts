import { z } from 'zod'
import { addWorkingDays, type HolidayCalendar } from '../calendar/working-days'
import type { MeetingDetails, OfficeLevel } from './model'

// Deadlines set by the provincial rules (Quy định 429-QĐ/TU; the plans in docs/seeds/), in working days:
// the conclusion notice within 5 (office) / 7 (commune) days of the meeting; units report results
// within 7 / 15 days of the notice, extendable to 15 / 30 for matters that need verification.
export interface DeadlineRules {
  noticeWorkingDays: number
  resultWorkingDays: number
  extendedResultWorkingDays: number
}

/** One set per office level; an office may set its own (Cài đặt), these are the provincial rules. */
export type DeadlineRuleSet = Record<OfficeLevel, DeadlineRules>

export const deadlineRules: DeadlineRuleSet = {
  office: { noticeWorkingDays: 5, resultWorkingDays: 7, extendedResultWorkingDays: 15 },
  commune: { noticeWorkingDays: 7, resultWorkingDays: 15, extendedResultWorkingDays: 30 },
}

/**
 * The default deadline for a written answer committed in the room: the latest day the notice may
 * be issued, plus the days a unit has to report after it.
 */
export function defaultWrittenAnswerDue(details: MeetingDetails, today: string, calendar: HolidayCalendar, ruleSet: DeadlineRuleSet = deadlineRules): string {
  const rules = ruleSet[details.level]
  const from = details.meetingDate || today
  return addWorkingDays(from, rules.noticeWorkingDays + rules.resultWorkingDays, calendar)
}

const days = z.int().min(1).max(90)
const levelRules = z
  .strictObject({ noticeWorkingDays: days, resultWorkingDays: days, extendedResultWorkingDays: days })
  .refine((r) => r.extendedResultWorkingDays >= r.resultWorkingDays, {
    message: 'Thời hạn gia hạn phải không ngắn hơn thời hạn báo cáo kết quả.',
    path: ['extendedResultWorkingDays'],
  })
export const deadlineRuleSetSchema = z.strictObject({ office: levelRules, commune: levelRules })

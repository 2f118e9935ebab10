import { addWorkingDays, workingDaysBetween, type HolidayCalendar } from './calendar/working-days'
import { isProvisionalDue, type FollowUpResult, type MeetingState, type OfficeLevel, type WrittenAnswerCommitment } from './meeting/model'
import { deadlineRules, type DeadlineRuleSet } from './meeting/rules'
import { z } from 'zod'
import { isoDate } from './meeting/commands'
import { optionalText, requiredText } from './text'
import { publicPetitionTitle } from './meeting/confidentiality'

// Follow-up (theo dõi, đôn đốc): every commitment made in the room that a unit must answer after the
// meeting, until it is answered. Items come from the meeting record; what happens after (an
// extension, the result) is recorded against them.

export interface FollowUpRecord {
  /** Extended once, for matters that need verification, with the reason. */
  extendedDueDate: string | null
  extensionReason: string
  result: FollowUpResult | null
}

export interface FollowUpItem {
  meetingId: string
  meetingTitle: string
  petitionNo: number
  petitionTitle: string
  /** A confidential petition's title stays off lists anyone on the network can read. */
  confidential: boolean
  field: string
  /** The directory unit that must answer: a unit lead sees and reports on its own unit's items. */
  unitId: string
  unitName: string
  form: 'in_person' | 'in_writing'
  /** The commitment's one deadline: as chosen in the room, or the rules' period from the notice's issue. */
  dueDate: string
  /** True while that period's start is not known yet (the notice is not issued): the date is an estimate. */
  provisional: boolean
  /** The deadline in force: the extended one, if extended. */
  effectiveDueDate: string
  record: FollowUpRecord
}

export const FollowUpStatus = {
  /** Open, more than `dueSoonWorkingDays` working days left. */
  onTrack: 'on_track',
  dueSoon: 'due_soon',
  overdue: 'overdue',
  doneOnTime: 'done_on_time',
  doneLate: 'done_late',
} as const
export type FollowUpStatus = (typeof FollowUpStatus)[keyof typeof FollowUpStatus]

export const followUpStatusLabels: Record<FollowUpStatus, string> = {
  on_track: 'Đang thực hiện',
  due_soon: 'Sắp đến hạn',
  overdue: 'Quá hạn',
  done_on_time: 'Đã có kết quả, đúng hạn',
  done_late: 'Đã có kết quả, trễ hạn',
}

export const dueSoonWorkingDays = 2

export const emptyFollowUpRecord: FollowUpRecord = { extendedDueDate: null, extensionReason: '', result: null }

/** What was recorded after the meeting against a commitment (follow-up.* events fold into it). */
export function followUpRecord(c: WrittenAnswerCommitment): FollowUpRecord {
  return { extendedDueDate: c.extension?.dueDate ?? null, extensionReason: c.extension?.reason ?? '', result: c.result ?? null }
}

/**
 * The items of a meeting. Each is due on the date the chair committed to in the room, which the
 * conclusion notice prints ("hạn chậm nhất ngày …"); its default was counted with the rules' 7 / 15
 * working days after the latest day the notice may be issued. The notice separately states the
 * rules' reporting period; following up one date keeps the page and the notice in agreement.
 */
export function followUpItems(state: MeetingState): FollowUpItem[] {
  return state.petitions
    .filter((p) => p.status === 'written_answer' && p.writtenAnswer)
    .map((p) => {
      const record = followUpRecord(p.writtenAnswer!)
      const dueDate = p.writtenAnswer!.dueDate
      return {
        meetingId: state.meetingId,
        meetingTitle: state.title,
        petitionNo: p.no,
        petitionTitle: p.title,
        confidential: p.confidential,
        field: p.field,
        unitId: p.writtenAnswer!.unitId,
        unitName: p.writtenAnswer!.unitName,
        form: p.writtenAnswer!.form,
        dueDate,
        provisional: isProvisionalDue(p.writtenAnswer!),
        effectiveDueDate: record.extendedDueDate ?? dueDate,
        record,
      }
    })
}

/** For lists beyond the secretary and chair: a confidential petition by its number and field only. */
export function publicFollowUpItem(item: FollowUpItem): FollowUpItem {
  return item.confidential ? { ...item, petitionTitle: publicPetitionTitle({ no: item.petitionNo, field: item.field, title: item.petitionTitle, confidential: true }) } : item
}

export function followUpStatus(item: FollowUpItem, today: string, calendar: HolidayCalendar): FollowUpStatus {
  if (item.record.result) return item.record.result.date <= item.effectiveDueDate ? 'done_on_time' : 'done_late'
  if (today > item.effectiveDueDate) return 'overdue'
  return workingDaysBetween(today, item.effectiveDueDate, calendar) <= dueSoonWorkingDays ? 'due_soon' : 'on_track'
}

/**
 * The extended deadline: the longer period of the rules (15 / 30 working days), counted from the
 * same start as the original, and never earlier than the original.
 */
export function extendedDueDate(
  item: FollowUpItem,
  level: OfficeLevel,
  from: string,
  calendar: HolidayCalendar,
  ruleSet: DeadlineRuleSet = deadlineRules,
): string {
  const extended = addWorkingDays(from, ruleSet[level].extendedResultWorkingDays, calendar)
  return extended > item.dueDate ? extended : item.dueDate
}

// commandId: optional; given, a retried request is answered with its first result, never applied twice.
export const extendSchema = z.strictObject({ reason: requiredText(1000), commandId: z.uuid().optional() })
export const resultSchema = z.strictObject({
  commandId: z.uuid().optional(),
  text: requiredText(10_000),
  date: isoDate,
  petitionerAnswered: z.boolean(),
  note: optionalText(500),
})

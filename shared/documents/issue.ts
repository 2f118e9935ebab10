import { addWorkingDays, type HolidayCalendar } from '../calendar/working-days'
import { fail, ok, type Result } from '../errors'
import type { EventDraft } from '../meeting/events'
import type { MeetingState } from '../meeting/model'
import { formatDateVi } from '../meeting/selectors'

// Issuing a document is a step of its own, after its text is finalised: a number from the office's
// register and a date. For the conclusion notice, the issue is recorded in the meeting's log too,
// because the deadlines that count "from the day this notice is issued" are fixed by it.

/** The register's types, by the symbol's first part: "TB-VPUB" → TB. */
export const registerTypes = { notice: 'TB', minutes: 'BB', report: 'BC', plan: 'KH' } as const

export interface IssueInput {
  number: string
  symbol: string
  /** 'YYYY-MM-DD'. */
  date: string
}

/** A document cannot be issued before the meeting it reports on, nor dated after today. */
export function issueDateProblem(date: string, meetingDate: string, today: string): Result<true> {
  if (meetingDate && date < meetingDate) {
    const message = `Ngày ban hành không được trước ngày hội nghị (${formatDateVi(meetingDate)}).`
    return fail('VALIDATION_FAILED', message, { date: message })
  }
  if (date > today) {
    const message = 'Ngày ban hành không được sau hôm nay.'
    return fail('VALIDATION_FAILED', message, { date: message })
  }
  return ok(true)
}

/**
 * The event that records the notice's issue. At the first issue it fixes every deadline that counts
 * from it: the rule's working days after the issue date. Pure: the calendar comes in.
 */
export function decideNoticeIssue(state: MeetingState, input: IssueInput, calendar: HolidayCalendar): Result<EventDraft[]> {
  const dueDates = state.notice
    ? []
    : state.petitions.flatMap((p) =>
        p.status === 'written_answer' && p.writtenAnswer?.dueRule
          ? [{ petitionNo: p.no, dueDate: addWorkingDays(input.date, p.writtenAnswer.dueRule.workingDays, calendar) }]
          : [],
      )
  return ok([{ type: 'notice.issued', payload: { number: input.number, symbol: input.symbol, date: input.date, dueDates } }])
}

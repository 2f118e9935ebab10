import { fail, ok, type Result } from '../errors'
import { vietnamDate } from '../calendar/working-days'
import { extendedDueDate, followUpItems, type FollowUpItem } from '../followup'
import type { DecideContext } from './decide'
import type { EventDraft } from './events'
import type { FollowUpResult, MeetingState } from './model'

// Follow-up after the meeting (theo dõi, đôn đốc): a written-answer commitment gets at most one
// extension and one result. They are recorded in the meeting's own log (the server's
// MeetingLog.record, like the notice's issue), so what was recorded and who recorded it are one
// entry, and they are allowed after the meeting closed: completing the record, not changing what
// happened in the room. Decided here, purely, from the state, the calendar and the office's rules.

/** A unit lead changes its own unit's items only; `unitId` null is the secretary (any item). */
export interface FollowUpChange {
  petitionNo: number
  unitId: string | null
}

export const resultInFutureMessage = 'Ngày có kết quả không được sau hôm nay.'
const notYourUnit = 'Kiến nghị này không giao cho đơn vị của bạn.'

/** The item a change is about, if it exists and the caller's unit may touch it. */
export function itemToChange(state: MeetingState, change: FollowUpChange): Result<FollowUpItem> {
  const found = followUpItems(state).find((i) => i.petitionNo === change.petitionNo)
  if (!found) return fail('NOT_FOUND', `Kiến nghị số ${change.petitionNo} không có cam kết trả lời cần theo dõi.`)
  if (change.unitId !== null && found.unitId !== change.unitId) return fail('FORBIDDEN', notYourUnit)
  return ok(found)
}

/**
 * The one extension: to the rules' longer period, counted from the day the notice was issued (as
 * the notice states), before that from the meeting day; never earlier than the deadline it extends.
 */
export function decideFollowUpExtension(state: MeetingState, change: FollowUpChange & { reason: string }, ctx: Pick<DecideContext, 'at' | 'calendar' | 'rules'>): Result<EventDraft[]> {
  const item = itemToChange(state, change)
  if (!item.ok) return item
  if (item.data.record.extendedDueDate) return fail('ALREADY_EXTENDED')
  const from = state.notice?.date || state.details.meetingDate || vietnamDate(ctx.at)
  const dueDate = extendedDueDate(item.data, state.details.level, from, ctx.calendar, ctx.rules)
  return ok([{ type: 'follow-up.extended', payload: { petitionNo: change.petitionNo, dueDate, reason: change.reason } }])
}

/** The result, recorded once it came (its date is not after today), once. */
export function decideFollowUpResult(state: MeetingState, change: FollowUpChange & { result: FollowUpResult }, ctx: Pick<DecideContext, 'at'>): Result<EventDraft[]> {
  if (change.result.date > vietnamDate(ctx.at)) return fail('VALIDATION_FAILED', resultInFutureMessage, { date: resultInFutureMessage })
  const item = itemToChange(state, change)
  if (!item.ok) return item
  if (item.data.record.result) return fail('RESULT_ALREADY_RECORDED')
  const { text, date, petitionerAnswered } = change.result
  return ok([{ type: 'follow-up.result-recorded', payload: { petitionNo: change.petitionNo, result: { text, date, petitionerAnswered } } }])
}

import { fail, type Result } from '../errors'
import type { HolidayCalendar } from '../calendar/working-days'
import type { Directory } from '../directory'
import type { DeadlineRuleSet } from './rules'
import type { Command } from './commands'
import { decideMeeting } from './decide-meeting'
import { decidePetition } from './decide-petitions'
import { decideSpeaker } from './decide-speakers'
import { decideSpeakRequest } from './decide-speak-requests'
import type { EventDraft } from './events'
import type { MeetingState } from './model'

// decide: state + command → events | error. Pure: the clock, the office's directory and its holiday
// calendar come in through the context, numbering comes from the state, so the same inputs always
// give the same events.
export interface DecideContext {
  /** The server's clock, ISO 8601. */
  at: string
  directory: Directory
  calendar: HolidayCalendar
  /** The office's deadline sets; the provincial rules when absent. */
  rules?: DeadlineRuleSet
  /**
   * The meeting's paired projectors (not revoked), for `projector:assign`: the server loads them
   * with the meeting locked. Absent: no projector is paired.
   */
  projectors?: readonly { id: string; label: string }[]
}

/** What may still be done after the meeting closed: completing the record, not changing what happened. */
const allowedWhenClosed = new Set<Command['type']>(['speaker:summarize', 'petition:prepare-answer', 'meeting:record-conclusion', 'meeting:update-details', 'projector:show', 'projector:assign'])

export function decide(state: MeetingState, command: Command, ctx: DecideContext): Result<EventDraft[]> {
  if (state.phase === 'closed' && !allowedWhenClosed.has(command.type)) return fail('MEETING_CLOSED')
  if (command.type.startsWith('speaker:')) return decideSpeaker(state, command, ctx)
  if (command.type.startsWith('speak-request:')) return decideSpeakRequest(state, command, ctx)
  if (command.type.startsWith('petition:')) return decidePetition(state, command, ctx)
  return decideMeeting(state, command, ctx)
}

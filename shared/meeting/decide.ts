import { fail, ok, type Result } from '../errors'
import type { HolidayCalendar } from '../calendar/working-days'
import type { Directory } from '../directory'
import type { DeadlineRuleSet } from './rules'
import type { LogCommand, LogCommandMap, LogCommandType } from './commands'
import { meetingDeciders } from './decide-meeting'
import { petitionDeciders } from './decide-petitions'
import { speakerDeciders } from './decide-speakers'
import { speakRequestDeciders } from './decide-speak-requests'
import { publicClosingConclusion } from './confidentiality'
import type { EventDraft, MeetingEvent } from './events'
import { evolve } from './evolve'
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
const allowedWhenClosed = new Set<LogCommandType>(['speaker:summarize', 'petition:prepare-answer', 'meeting:record-conclusion', 'meeting:update-details', 'projector:show', 'projector:assign'])

/** How one command of type K is decided. */
export type Decider<K extends LogCommandType> = (state: MeetingState, command: LogCommandMap[K], ctx: DecideContext) => Result<EventDraft[]>
/** A decider for each of the types K: a family's table (decide-speakers.ts, …). */
export type Deciders<K extends LogCommandType> = { [P in K]: Decider<P> }

// Every command type has its decider: a type added to commandSchemas without one, or a family's
// table left out here, does not compile.
const deciders: Deciders<LogCommandType> = { ...meetingDeciders, ...petitionDeciders, ...speakerDeciders, ...speakRequestDeciders }

// K ties the decider to the command (TypeScript's correlated unions): with a plain union the
// compiler could not tell that deciders[command.type] takes this very command.
const decideAs = <K extends LogCommandType>(type: K, state: MeetingState, command: LogCommandMap[K], ctx: DecideContext) => deciders[type](state, command, ctx)

export function decide(state: MeetingState, command: LogCommand, ctx: DecideContext): Result<EventDraft[]> {
  if (state.phase === 'closed' && !allowedWhenClosed.has(command.type)) return fail('MEETING_CLOSED')
  const decided = decideAs(command.type, state, command, ctx)
  return decided.ok ? ok(withPublicConclusion(state, decided.data, ctx.at)) : decided
}

/**
 * Public screens read the chair's closing conclusion only while it names none of the people behind a
 * confidential petition (confidentiality.ts), judged against the latest state. A batch that changes
 * that judgement without touching the conclusion (a confidential petition recorded whose petitioner
 * the conclusion names; a petition made confidential, or no longer) re-states the conclusion, so a
 * screen following live hides it (or shows it again) as a screen catching up from the log does.
 * Without it the projector kept showing the name: redact.property.test.ts found it.
 */
function withPublicConclusion(state: MeetingState, drafts: EventDraft[], at: string): EventDraft[] {
  if (!state.closingConclusion || drafts.some((d) => d.type === 'meeting.conclusion-recorded')) return drafts
  const after = drafts.reduce(
    (s, d, i) => evolve(s, { ...d, meetingId: state.meetingId, seq: state.seq + i + 1, at, commandId: null, actorRole: null } satisfies MeetingEvent),
    state,
  )
  if (publicClosingConclusion(after.closingConclusion, after) === publicClosingConclusion(state.closingConclusion, state)) return drafts
  return [...drafts, { type: 'meeting.conclusion-recorded', payload: { text: after.closingConclusion } }]
}

import { randomUUID } from 'node:crypto'
import { buildCommand, type Command, type CommandInput, type CommandType } from './commands'
import { decide } from './decide'
import type { EventDraft, MeetingEvent } from './events'
import type { Result } from '../errors'
import { evolve } from './evolve'
import { emptyMeetingState, type MeetingState } from './model'
import type { Directory } from '../directory'
import { emptyCalendar, type HolidayCalendar } from '../calendar/working-days'

/** A small office directory for the domain tests. */
export const testDirectory: Directory = {
  units: [
    { id: '11111111-1111-4111-8111-111111111111', name: 'Phòng Kinh tế' },
    { id: '22222222-2222-4222-8222-222222222222', name: 'Phòng Văn hóa - Xã hội' },
  ],
  officials: [
    { id: '33333333-3333-4333-8333-333333333333', name: 'Cầm Thị Hương', title: 'Phó Chủ tịch UBND xã', unitId: null },
    { id: '44444444-4444-4444-8444-444444444444', name: 'Tòng Văn Minh', title: 'Trưởng phòng', unitId: '11111111-1111-4111-8111-111111111111' },
  ],
}

// Drives the pure domain the way the server does, without a database: for the domain tests.
export const MEETING_ID = '00000000-0000-4000-8000-000000000001'

export function command<K extends CommandType>(type: K, input: Omit<CommandInput<K>, 'commandId'>): Command {
  return buildCommand(type, randomUUID(), input)
}

export class DomainHarness {
  state: MeetingState
  log: MeetingEvent[] = []
  private clock = Date.parse('2026-06-20T08:00:00Z')

  constructor(
    readonly calendar: HolidayCalendar = emptyCalendar,
    meetingDate = '2026-06-19',
  ) {
    this.state = emptyMeetingState(MEETING_ID)
    const details = { meetingDate, chairName: 'Lò Văn Hùng', chairTitle: 'Chủ tịch UBND xã', delegated: false, secretaryName: 'Quàng Thị Thu', level: 'commune' as const }
    this.append([{ type: 'meeting.created', payload: { title: 'Hội nghị đối thoại', venue: 'Hội trường', details } }], null)
  }

  /** Moves the clock on, as time passes in the hall. */
  wait(ms: number) {
    this.clock += ms
  }

  private append(drafts: EventDraft[], commandId: string | null) {
    const at = new Date(this.clock).toISOString()
    for (const d of drafts) {
      const event: MeetingEvent = { ...d, meetingId: MEETING_ID, seq: this.state.seq + 1, at, commandId, actorRole: 'secretary' }
      this.log.push(event)
      this.state = evolve(this.state, event)
    }
  }

  /** Decides and applies; returns the decision so tests can assert refusals. */
  run(c: Command) {
    this.clock += 1_000
    const result = decide(this.state, c, { at: new Date(this.clock).toISOString(), directory: testDirectory, calendar: this.calendar })
    if (result.ok) this.append(result.data, c.commandId)
    return result
  }

  /** Applies what the server itself decides (issuing the notice), as the log does. */
  record(decided: Result<EventDraft[]>) {
    this.clock += 1_000
    if (!decided.ok) throw new Error(`refused: ${decided.error.code}`)
    this.append(decided.data, null)
    return decided.data
  }

  must(c: Command) {
    const result = this.run(c)
    if (!result.ok) throw new Error(`refused: ${result.error.code}`)
    return result.data
  }
}

import { randomUUID } from 'node:crypto'
import { commandSchemas, type Command, type CommandInput, type CommandType } from './commands'
import { decide } from './decide'
import type { MeetingEvent } from './events'
import { evolve } from './evolve'
import { emptyMeetingState, type MeetingState } from './model'

// Drives the pure domain the way the server does, without a database: for the domain tests.
export const MEETING_ID = '00000000-0000-4000-8000-000000000001'

export function command<K extends CommandType>(type: K, input: Omit<CommandInput<K>, 'commandId'>): Command {
  return { type, ...commandSchemas[type].parse({ commandId: randomUUID(), ...input }) } as Command
}

export class DomainHarness {
  state: MeetingState
  log: MeetingEvent[] = []
  private clock = Date.parse('2026-06-20T08:00:00Z')

  constructor() {
    this.state = emptyMeetingState(MEETING_ID)
    this.append([{ type: 'meeting.created', payload: { title: 'Hội nghị đối thoại', venue: 'Hội trường' } }], null)
  }

  private append(drafts: { type: string; payload: unknown }[], commandId: string | null) {
    const at = new Date((this.clock += 60_000)).toISOString()
    for (const d of drafts) {
      const event = { ...d, meetingId: MEETING_ID, seq: this.state.seq + 1, at, commandId, actorRole: 'secretary' } as MeetingEvent
      this.log.push(event)
      this.state = evolve(this.state, event)
    }
  }

  /** Decides and applies; returns the decision so tests can assert refusals. */
  run(c: Command) {
    const result = decide(this.state, c, { at: new Date(this.clock).toISOString() })
    if (result.ok) this.append(result.data, c.commandId)
    return result
  }

  must(c: Command) {
    const result = this.run(c)
    if (!result.ok) throw new Error(`refused: ${result.error.code}`)
    return result.data
  }
}

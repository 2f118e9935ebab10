import type { Petition, Speaker } from './model'
import type { Role } from '../roles'

// Events are facts in the past tense. Their payloads are complete enough that folding them needs no
// lookups, which is what lets a reconnecting screen catch up from the log alone.
export interface EventPayloads {
  'meeting.created': { title: string; venue: string }
  'petition.recorded': { petition: Petition }
  'speaker.registered': { speaker: Speaker }
  'speaker.called': { speakerNo: number }
  'speaker.finished': { speakerNo: number }
}
export type EventType = keyof EventPayloads

/** What decide() returns: an event before the log gives it a number. */
export type EventDraft = { [K in EventType]: { type: K; payload: EventPayloads[K] } }[EventType]

interface Envelope {
  meetingId: string
  /** Per-meeting sequence number, 1-based, gap-free. */
  seq: number
  /** When the server committed it (ISO 8601). */
  at: string
  /** The command that produced it; null for events not caused by a client command. */
  commandId: string | null
  actorRole: Role | null
}

export type MeetingEvent = { [K in EventType]: Envelope & { type: K; payload: EventPayloads[K] } }[EventType]
export type MeetingEventOf<K extends EventType> = Extract<MeetingEvent, { type: K }>

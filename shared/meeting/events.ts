import type { Role } from '../roles'
import type {
  Answerer,
  FollowUpResult,
  MeetingDetails,
  MeetingPhase,
  Petition,
  PreparedAnswer,
  ProgrammeItem,
  ProjectorMode,
  Speaker,
  SpeakRequest,
  WrittenAnswerCommitment,
} from './model'

// Events are facts in the past tense. Their payloads are complete enough that folding them needs no
// lookups, which is what lets a reconnecting screen catch up from the log alone. Where an event
// replaces an entity (petition.edited, speaker.edited) it carries the whole entity, so that a public
// screen can be sent the redacted entity instead (see redact.ts).
export interface EventPayloads {
  'meeting.created': { title: string; venue: string; details?: MeetingDetails }
  'meeting.details-updated': { title: string; venue: string; details: MeetingDetails }
  'meeting.phase-changed': { phase: MeetingPhase }
  'meeting.speaking-limit-set': { seconds: number }
  'meeting.programme-set': { items: ProgrammeItem[] }
  'meeting.conclusion-recorded': { text: string }
  'registration.closed': Record<string, never>
  'registration.reopened': Record<string, never>
  'projector.switched': { mode: ProjectorMode; announcement: string }
  /** One projector's own view (`mode`), or back to the meeting-wide one (null). */
  'projector.assigned': { deviceId: string; label: string; mode: ProjectorMode | null }

  'petition.recorded': { petition: Petition }
  /**
   * The petition as edited, and the speakers linked to it (their redaction may change with it). Its
   * draft answers are not part of an edit: they travel as answer-prepared events only.
   */
  'petition.edited': { petition: Petition; speakers: Speaker[] }
  /**
   * One more draft answer for the petition: an event carries what changed, not every earlier draft
   * (60 drafts used to make a 1.2 MB broadcast). Logs written before carry the whole list instead,
   * as `preparedAnswers`; a public screen receives neither.
   */
  'petition.answer-prepared': { petitionNo: number; answer?: PreparedAnswer; preparedAnswers?: PreparedAnswer[] }
  'petition.discussion-started': { petitionNo: number }
  'petition.answerer-assigned': { petitionNo: number; answerer: Answerer }
  'petition.answered': { petitionNo: number; answerer: Answerer; summary: string }
  'petition.written-answer-committed': { petitionNo: number; commitment: WrittenAnswerCommitment }
  'petition.forwarded': { petitionNo: number; body: string }
  'petition.withdrawn': { petitionNo: number }
  'petition.merged': { petitionNo: number; intoNo: number }
  'petition.concluded': { petitionNo: number; conclusion: string }
  'petition.reopened': { petitionNo: number }
  'petition.set-aside': { petitionNo: number; reason: string }

  'speaker.registered': { speaker: Speaker }
  'speaker.edited': { speaker: Speaker }
  /** The whole new queue order (waiting speakers). */
  'speaker.queue-reordered': { queue: number[] }
  'speaker.withdrawn': { speakerNo: number }
  'speaker.called': { speakerNo: number }
  'speaker.started': { speakerNo: number; limitSec: number }
  'speaker.paused': { speakerNo: number }
  'speaker.resumed': { speakerNo: number }
  'speaker.extended': { speakerNo: number; seconds: number }
  'speaker.finished': { speakerNo: number }
  'speaker.summarized': { speakerNo: number; summary: string }

  /** A phone asked to speak. Public screens receive the request's id and status only. */
  'speak-request.submitted': { request: SpeakRequest }
  /** Accepted: the speaker (and any new petition) were registered in the same batch. */
  'speak-request.accepted': { requestId: string; speakerNo: number }
  /** The reason is for the phone that asked (and the record); public screens receive it blank. */
  'speak-request.declined': { requestId: string; reason: string }
  'speak-request.withdrawn': { requestId: string }

  /**
   * The conclusion notice was issued with this number and date. At its first issue, the deadlines
   * that count from it are fixed (`dueDates`); a later, corrected notice fixes nothing new.
   */
  'notice.issued': { number: string; symbol: string; date: string; dueDates: { petitionNo: number; dueDate: string }[] }

  /**
   * Follow-up after the meeting (allowed once it closed): a written-answer commitment's one
   * extension, and its result. A confidential petition's reason and result text reach no public screen.
   */
  'follow-up.extended': { petitionNo: number; dueDate: string; reason: string }
  'follow-up.result-recorded': { petitionNo: number; result: FollowUpResult }
}
export type EventType = keyof EventPayloads

/** What decide() returns: an event before the log gives it a number. */
export type EventDraft = { [K in EventType]: { type: K; payload: EventPayloads[K] } }[EventType]

interface Envelope {
  meetingId: string
  /** Per-meeting sequence number, 1-based, gap-free. */
  seq: number
  /** When the server committed it (ISO 8601). Timers are computed from it. */
  at: string
  /** The command that produced it; null for events not caused by a client command. */
  commandId: string | null
  actorRole: Role | null
}

export type MeetingEvent = { [K in EventType]: Envelope & { type: K; payload: EventPayloads[K] } }[EventType]
export type MeetingEventOf<K extends EventType> = Extract<MeetingEvent, { type: K }>

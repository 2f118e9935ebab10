import { z } from 'zod'
import type { Ack } from './errors'
import type { CommandInput, CommandType } from './meeting/commands'
import type { MeetingEvent } from './meeting/events'
import type { MeetingState, SpeakRequestStatus } from './meeting/model'
import { roles } from './roles'

// The Socket.IO contract between screens and the server. Bumped whenever a message changes shape;
// the server refuses a handshake with another version so an old tab reloads instead of misbehaving.
export const PROTOCOL_VERSION = 4

/**
 * Sent in the Socket.IO handshake (`auth`). A signed-in person is known by the session cookie the
 * browser sends with the handshake; a paired device sends its token here. Whether the caller may
 * open `role` in this meeting is decided by shared/access/policy.ts (screenRolesFor).
 */
export const handshakeSchema = z.strictObject({
  protocol: z.int(),
  meetingId: z.uuid(),
  role: z.enum(roles),
  deviceToken: z.string().max(200).optional(),
})
export type HandshakeAuth = z.input<typeof handshakeSchema>

export const syncRequestSchema = z.strictObject({ lastSeq: z.int().min(0) })
export type SyncRequest = z.input<typeof syncRequestSchema>

/**
 * Catch-up: the events after lastSeq, or a snapshot when the gap is large or the client is new.
 * `serverTime` (ISO) lets a screen correct its clock so every countdown agrees with the server's.
 */
export type SyncResult = (
  | { kind: 'events'; events: MeetingEvent[]; seq: number }
  | { kind: 'snapshot'; state: MeetingState; seq: number }
) & { serverTime?: string }

export const speakRequestStatusSchema = z.strictObject({ requestId: z.uuid(), secret: z.string().max(200) })
export type SpeakRequestStatusRequest = z.input<typeof speakRequestStatusSchema>

/** What the phone that sent a request learns of it, beyond the status every public screen sees: the reason it was declined. */
export interface SpeakRequestStanding {
  status: SpeakRequestStatus
  speakerNo: number | null
  reason: string
}

export interface CommandResult {
  /** The meeting's sequence number after this command. */
  seq: number
  events: MeetingEvent[]
  /** True when this answers a retry of a command already applied. */
  duplicate: boolean
}

type CommandEvents = {
  [K in CommandType]: (payload: CommandInput<K>, ack: (result: Ack<CommandResult>) => void) => void
}

export interface ClientToServerEvents extends CommandEvents {
  'meeting:sync': (request: SyncRequest, ack: (result: Ack<SyncResult>) => void) => void
  /** A phone asks where its own request to speak stands, proving it with the request's secret. */
  'speak-request:status': (request: SpeakRequestStatusRequest, ack: (result: Ack<SpeakRequestStanding>) => void) => void
}

export interface ServerToClientEvents {
  /** New events, in order, already redacted for the receiving screen. */
  'meeting:appended': (batch: { events: MeetingEvent[] }) => void
}

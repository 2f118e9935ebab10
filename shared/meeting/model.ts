// The state of one meeting as every screen sees it: a pure fold of the meeting's events (evolve.ts).
// Public screens fold redacted events (redact.ts) into the same shape, with withheld names as null.

export const PetitionOrigin = {
  /** Received before the meeting (kiến nghị đã đăng ký). */
  registered: 'registered',
  /** Raised in the room during the meeting (kiến nghị bổ sung). */
  added: 'added',
} as const
export type PetitionOrigin = (typeof PetitionOrigin)[keyof typeof PetitionOrigin]

export const PetitionStatus = { waiting: 'waiting' } as const
export type PetitionStatus = (typeof PetitionStatus)[keyof typeof PetitionStatus]

export interface Petition {
  /** Sequential number within the meeting, shown on every screen ("KN 3"). */
  no: number
  origin: PetitionOrigin
  /** Lĩnh vực, e.g. "Đất đai". */
  field: string
  /** Short title for the screens. */
  title: string
  content: string
  /** null when withheld from this screen (confidential petitioner on a public screen). */
  petitionerName: string | null
  petitionerAddress: string | null
  confidential: boolean
  status: PetitionStatus
  recordedAt: string
}

export const SpeakerStatus = { waiting: 'waiting', speaking: 'speaking', finished: 'finished' } as const
export type SpeakerStatus = (typeof SpeakerStatus)[keyof typeof SpeakerStatus]

export interface Speaker {
  /** Registration number, also used as "Đại biểu số N" when the name may not be shown. */
  no: number
  /** null when withheld from this screen. */
  name: string | null
  /** Unit, or village/address for citizens; empty when withheld from this screen. */
  unit: string
  petitionNos: number[]
  status: SpeakerStatus
  registeredAt: string
  calledAt: string | null
  finishedAt: string | null
}

export interface MeetingState {
  meetingId: string
  /** The last applied event's sequence number; 0 before meeting.created. */
  seq: number
  title: string
  venue: string
  createdAt: string
  petitions: Petition[]
  speakers: Speaker[]
  currentSpeakerNo: number | null
}

export function emptyMeetingState(meetingId: string): MeetingState {
  return { meetingId, seq: 0, title: '', venue: '', createdAt: '', petitions: [], speakers: [], currentSpeakerNo: null }
}

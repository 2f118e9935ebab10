// The state of one meeting as every screen sees it: a pure fold of the meeting's events (evolve.ts).
// Public screens fold redacted events (redact.ts) into the same shape, with withheld text as null or ''.

export const PetitionOrigin = {
  /** Received before the meeting (kiến nghị đã đăng ký). */
  registered: 'registered',
  /** Raised in the room during the meeting (kiến nghị bổ sung). */
  added: 'added',
} as const
export type PetitionOrigin = (typeof PetitionOrigin)[keyof typeof PetitionOrigin]

export const PetitionStatus = {
  waiting: 'waiting',
  discussing: 'discussing',
  /** Answered in the meeting (trả lời trực tiếp). */
  answered: 'answered',
  /** A unit committed to answer in writing / in person by a deadline. */
  writtenAnswer: 'written_answer',
  /** Beyond the office's authority: forwarded to another body (vượt thẩm quyền). */
  forwarded: 'forwarded',
  withdrawn: 'withdrawn',
  merged: 'merged',
  /**
   * Not taken up at the meeting, with the reason recorded (time ran out, it belongs to another
   * meeting): decided before closing, so no petition silently falls out of the record.
   */
  setAside: 'set_aside',
} as const
export type PetitionStatus = (typeof PetitionStatus)[keyof typeof PetitionStatus]
export const resolvedStatuses: readonly PetitionStatus[] = ['answered', 'written_answer', 'forwarded', 'withdrawn', 'merged', 'set_aside']

/** Who answers a petition. Names are copied from the directory when assigned, so the record keeps them. */
export type Answerer =
  | { kind: 'chair'; name: string; title: string }
  | { kind: 'official'; officialId: string; name: string; title: string; unitName: string }
  | { kind: 'unit'; unitId: string; name: string }

export const AnswerForm = { inPerson: 'in_person', inWriting: 'in_writing' } as const
export type AnswerForm = (typeof AnswerForm)[keyof typeof AnswerForm]

export interface WrittenAnswerCommitment {
  unitId: string
  unitName: string
  /**
   * 'YYYY-MM-DD': the one deadline of this commitment, the one the notice states and follow-up
   * tracks. With `dueRule` it is an estimate until the conclusion notice is issued, then fixed.
   */
  dueDate: string
  form: AnswerForm
  /**
   * Present when the chair took the rules' period rather than a date: so many working days from the
   * day the conclusion notice is issued. Absent for a date chosen in the room (and in older logs).
   */
  dueRule?: {
    workingDays: number
    /** The notice's issue date, once issued: from then `dueDate` is fixed, no longer an estimate. */
    from?: string
  }
  /** Follow-up after the meeting: the one extension the rules allow, with its reason (follow-up.extended). */
  extension?: { dueDate: string; reason: string }
  /** Follow-up after the meeting: what the unit did, recorded once (follow-up.result-recorded). */
  result?: FollowUpResult
}

/** A commitment's result, as the unit (or the secretary) reported it after the meeting. */
export interface FollowUpResult {
  text: string
  /** 'YYYY-MM-DD', not after the day it was recorded. */
  date: string
  petitionerAnswered: boolean
}

/** True while a commitment's deadline waits for the notice's issue to be known (an estimate until then). */
export const isProvisionalDue = (c: WrittenAnswerCommitment): boolean => c.dueRule !== undefined && c.dueRule.from === undefined

/** The conclusion notice as issued: the first issue is the one deadlines count from. */
export interface NoticeIssue {
  number: string
  symbol: string
  /** 'YYYY-MM-DD'. */
  date: string
}

/** An answer a unit drafted before the meeting, for the chair (never shown in the hall). */
export interface PreparedAnswer {
  unitName: string
  text: string
}

export interface Petition {
  /** Sequential number within the meeting, shown on every screen ("KN 3"). */
  no: number
  origin: PetitionOrigin
  /** Lĩnh vực, e.g. "Đất đai". */
  field: string
  /** Short title for the screens. */
  title: string
  /** Full content; '' on public screens when the petition is confidential. */
  content: string
  /** null when withheld from this screen (confidential, or no consent to show the name). */
  petitionerName: string | null
  petitionerAddress: string | null
  /** 0 for one person; N when a representative speaks for N people (đại diện N người). */
  representing: number
  confidential: boolean
  /** The petitioner agreed to have their name shown on screen. */
  showName: boolean
  status: PetitionStatus
  /** Assigned to answer now (a leader or a unit), before the answer is given. */
  answerer: Answerer | null
  answer: { answerer: Answerer; summary: string; at: string } | null
  writtenAnswer: WrittenAnswerCommitment | null
  forwardedTo: string
  mergedInto: number | null
  /** The chair's conclusion on this petition. */
  conclusion: string
  /** Why it was not taken up at the meeting (status set_aside); '' otherwise. */
  setAsideReason: string
  preparedAnswers: PreparedAnswer[]
  recordedAt: string
}

export const SpeakerStatus = {
  waiting: 'waiting',
  /** Invited to the microphone; the clock has not started. */
  called: 'called',
  speaking: 'speaking',
  paused: 'paused',
  finished: 'finished',
  withdrawn: 'withdrawn',
} as const
export type SpeakerStatus = (typeof SpeakerStatus)[keyof typeof SpeakerStatus]

/**
 * A speech's clock, kept as absolute times so every screen computes the countdown locally and
 * agrees, including after a reconnect: remaining = limit + extension − elapsed − (now − runningSince).
 */
export interface Speech {
  limitSec: number
  extendedSec: number
  /** Time spoken before the current run (sums the runs before each pause). */
  elapsedMs: number
  /** When the current run started; null while paused or not started. */
  runningSince: string | null
  startedAt: string | null
}

export interface Speaker {
  /** Registration number, also used as "Đại biểu số N" when the name may not be shown. */
  no: number
  /** null when withheld from this screen. */
  name: string | null
  /** Unit, or village/address for citizens; '' when withheld from this screen. */
  unit: string
  petitionNos: number[]
  /** The speaker agreed to have their name shown on screen. */
  showName: boolean
  status: SpeakerStatus
  registeredAt: string
  calledAt: string | null
  finishedAt: string | null
  speech: Speech | null
  /** The secretary's summary of what was said (feeds the minutes); '' on public screens. */
  summary: string
  /** Set when this registration re-adds an earlier speaker to speak again. */
  againOf: number | null
}

export const SpeakRequestStatus = {
  /** Sent from a phone; the secretary has not decided yet. */
  waiting: 'waiting',
  /** The secretary registered the speaker (`speakerNo`). */
  accepted: 'accepted',
  /** Refused, with the secretary's reason (told to the phone that sent it only). */
  declined: 'declined',
  /** Taken back by the phone that sent it. */
  withdrawn: 'withdrawn',
} as const
export type SpeakRequestStatus = (typeof SpeakRequestStatus)[keyof typeof SpeakRequestStatus]

/**
 * An attendee's request to speak, sent from their phone (a second registration desk). Public screens
 * receive only its id, status and speaker number: everything a person wrote in it is withheld.
 */
export interface SpeakRequest {
  /** Chosen by the phone (a random UUID): how it follows its own request. */
  requestId: string
  /** The digest of the phone's secret, which the server keeps to recognise that phone; '' on public screens. */
  secret: string
  /** null on public screens. */
  name: string | null
  /** Village (thôn/bản) or unit; '' on public screens. */
  unit: string
  /** The person consents to their name on screen (given actively on the phone). */
  showName: boolean
  /** The petitions on the list they speak to; [] on public screens. */
  petitionNos: number[]
  /** A matter not on the list, in their words; null on public screens. */
  newPetition: { field: string; content: string } | null
  /** "Giữ bí mật": accepted, the speaker and their petition are confidential. false on public screens. */
  confidential: boolean
  status: SpeakRequestStatus
  /** The speaker registered for it, once accepted. */
  speakerNo: number | null
  /** Why it was declined; '' on public screens. */
  reason: string
  submittedAt: string
  decidedAt: string | null
}

export const MeetingPhase = {
  opening: 'opening',
  report: 'report',
  dialogue: 'dialogue',
  conclusion: 'conclusion',
  closed: 'closed',
} as const
export type MeetingPhase = (typeof MeetingPhase)[keyof typeof MeetingPhase]
export const meetingPhases = Object.values(MeetingPhase)

export const ProjectorMode = {
  live: 'live',
  petitions: 'petitions',
  announcement: 'announcement',
  programme: 'programme',
  blank: 'blank',
} as const
export type ProjectorMode = (typeof ProjectorMode)[keyof typeof ProjectorMode]

/** A paired projector given its own view, overriding the meeting-wide mode. */
export interface ProjectorScreen {
  deviceId: string
  /** The label it was paired with ("Màn hình phụ bên trái"), as it was when the view was chosen. */
  label: string
  mode: ProjectorMode
}

export interface ProgrammeItem {
  time: string
  title: string
}

export const OfficeLevel = { office: 'office', commune: 'commune' } as const
export type OfficeLevel = (typeof OfficeLevel)[keyof typeof OfficeLevel]

/** Who the dialogue is with (the plans in docs/seeds/ distinguish these; the yearly report counts them). */
export const MeetingAudience = {
  /** Công chức, viên chức và người lao động. */
  staff: 'staff',
  /** Nhân dân. */
  citizens: 'citizens',
  /** Tổ chức, cá nhân về thủ tục hành chính. */
  procedures: 'procedures',
} as const
export type MeetingAudience = (typeof MeetingAudience)[keyof typeof MeetingAudience]

/** Định kỳ (at least once a year) or đột xuất (one topic). */
export const MeetingForm = { periodic: 'periodic', adHoc: 'ad_hoc' } as const
export type MeetingForm = (typeof MeetingForm)[keyof typeof MeetingForm]

export interface MeetingDetails {
  /** 'YYYY-MM-DD' (the day the deadlines count from); '' until set. */
  meetingDate: string
  chairName: string
  chairTitle: string
  /** A deputy chairs by delegation (ủy quyền). */
  delegated: boolean
  /** Who delegated, e.g. "Chủ tịch UBND xã Lò Văn Hùng"; absent in older meetings. */
  delegatedBy?: string
  secretaryName: string
  level: OfficeLevel
  /** Absent in meetings recorded before these were asked; read with meetingAudience() / meetingForm(). */
  audience?: MeetingAudience
  form?: MeetingForm
  /**
   * The meeting's own legal bases, one per line ("Kế hoạch số 75/KH-VPUB ngày 16/12/2025 của Văn
   * phòng UBND tỉnh về …"), cited after the office's standing ones; absent when none.
   */
  bases?: string
  /**
   * Who attended, in the words of the minutes' "Thành phần tham dự" line ("đại diện các ban, ngành,
   * đoàn thể xã; 86 công dân các bản"); absent when not written.
   */
  attendance?: string
}

export const meetingAudience = (d: MeetingDetails): MeetingAudience => d.audience ?? 'citizens'
export const meetingForm = (d: MeetingDetails): MeetingForm => d.form ?? 'periodic'

export interface MeetingState {
  meetingId: string
  /** The last applied event's sequence number; 0 before meeting.created. */
  seq: number
  title: string
  venue: string
  createdAt: string
  details: MeetingDetails
  phase: MeetingPhase
  registrationOpen: boolean
  /** Default speaking-time limit for a speech, in seconds. */
  speakingLimitSec: number
  petitions: Petition[]
  speakers: Speaker[]
  /** Waiting speakers in the order they will be called. */
  queue: number[]
  /** Requests to speak sent from attendees' phones, in the order they arrived. */
  speakRequests: SpeakRequest[]
  currentSpeakerNo: number | null
  currentPetitionNo: number | null
  /**
   * What the hall's screens show: `mode` on every screen, except a paired projector given its own
   * (`screens`, by device id: a side screen keeps the petition list while the main one is live).
   */
  projector: { mode: ProjectorMode; announcement: string; screens: ProjectorScreen[] }
  programme: ProgrammeItem[]
  /** The chair's closing conclusions. */
  closingConclusion: string
  closedAt: string | null
  /** The conclusion notice once issued (its first issue); null before. */
  notice: NoticeIssue | null
}

export const DEFAULT_SPEAKING_LIMIT_SEC = 180

/** The order of business from the plans in docs/seeds/ (Sốp Cộp 2025, Hà Giang 2018). */
export const defaultProgramme: ProgrammeItem[] = [
  { time: '', title: 'Tuyên bố lý do, giới thiệu đại biểu, chương trình, nội quy hội nghị' },
  { time: '', title: 'Giới thiệu chủ trì, thư ký và bộ phận tiếp nhận đăng ký phát biểu' },
  { time: '', title: 'Báo cáo tổng hợp kiến nghị đã tiếp nhận' },
  { time: '', title: 'Đại biểu phát biểu, chủ trì trả lời hoặc phân công trả lời' },
  { time: '', title: 'Chủ trì kết luận hội nghị' },
]

export function emptyMeetingState(meetingId: string): MeetingState {
  return {
    meetingId,
    seq: 0,
    title: '',
    venue: '',
    createdAt: '',
    details: { meetingDate: '', chairName: '', chairTitle: '', delegated: false, secretaryName: '', level: 'office' },
    phase: 'opening',
    registrationOpen: true,
    speakingLimitSec: DEFAULT_SPEAKING_LIMIT_SEC,
    petitions: [],
    speakers: [],
    queue: [],
    speakRequests: [],
    currentSpeakerNo: null,
    currentPetitionNo: null,
    projector: { mode: 'live', announcement: '', screens: [] },
    programme: defaultProgramme,
    closingConclusion: '',
    closedAt: null,
    notice: null,
  }
}

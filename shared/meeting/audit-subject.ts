import type { MeetingState, Petition, Speaker } from './model'
import { publicPetitionTitle } from './confidentiality'

// What a meeting audit entry concerns: which petition, which speaker. The audit is read by the
// oversight board and the administrator, who do not learn who filed a confidential petition: for
// them such a petition is its number and field (confidentiality.ts), and a speaker raising one is a
// number without a name. Names come from the latest state, so a petition made confidential later
// is hidden in earlier entries too.

export interface AuditSubject {
  /** withheld: a confidential petition the reader may not know, named by number and field. */
  petition?: { no: number; title: string; withheld: boolean }
  speaker?: { no: number; name: string | null }
}

const numberIn = (value: unknown): number | null => (typeof value === 'number' && Number.isInteger(value) ? value : null)

/** The petition and speaker numbers an event's payload names (a whole petition or speaker, or its number). */
export function subjectNumbers(payload: unknown): { petitionNo: number | null; speakerNo: number | null } {
  const p = (payload && typeof payload === 'object' ? payload : {}) as Record<string, unknown>
  const nested = (key: string) => (p[key] && typeof p[key] === 'object' ? numberIn((p[key] as Record<string, unknown>).no) : null)
  return { petitionNo: numberIn(p.petitionNo) ?? nested('petition'), speakerNo: numberIn(p.speakerNo) ?? nested('speaker') }
}

function raisesConfidential(s: Speaker, petitions: readonly Petition[]): boolean {
  return s.petitionNos.some((no) => petitions.find((p) => p.no === no)?.confidential)
}

/**
 * The subject of an event with this payload, in `state` (the meeting's latest full state).
 * `seesConfidential`: the reader may know confidential petitions in full (secretary, chair).
 */
export function auditSubject(payload: unknown, state: MeetingState, seesConfidential: boolean): AuditSubject | null {
  const { petitionNo, speakerNo } = subjectNumbers(payload)
  const subject: AuditSubject = {}
  const petition = petitionNo === null ? undefined : state.petitions.find((p) => p.no === petitionNo)
  if (petition) {
    const hidden = petition.confidential && !seesConfidential
    subject.petition = { no: petition.no, title: hidden ? publicPetitionTitle(petition) : petition.title, withheld: hidden }
  }
  const speaker = speakerNo === null ? undefined : state.speakers.find((s) => s.no === speakerNo)
  if (speaker) {
    const hidden = !seesConfidential && raisesConfidential(speaker, state.petitions)
    subject.speaker = { no: speaker.no, name: hidden ? null : speaker.name }
  }
  return subject.petition || subject.speaker ? subject : null
}

import type { AnswerForm, MeetingPhase, MeetingState, Petition, PetitionStatus, ProjectorMode, Speaker } from './model'
import { resolvedStatuses } from './model'

// Derived views shared by the console, the tablet, the projector and (later) the documents.

export interface PetitionCounts {
  registered: number
  added: number
  total: number
  /** Answered in the meeting. */
  answered: number
  /** Committed to a written / in-person answer by a unit. */
  writtenAnswer: number
  forwarded: number
  /** Not taken up at the meeting, with the reason recorded. */
  setAside: number
  /** Withdrawn by the petitioner, or merged into another petition (answered with that one). */
  withdrawnOrMerged: number
  /** Not yet decided: waiting or under discussion. */
  pending: number
}

/**
 * The parts every screen shows, in this order. Each petition is in exactly one, so they add up to
 * the total: answered + writtenAnswer + forwarded + setAside + withdrawnOrMerged + pending = total.
 */
export const petitionCountParts = ['answered', 'writtenAnswer', 'forwarded', 'setAside', 'withdrawnOrMerged', 'pending'] as const
export type PetitionCountPart = (typeof petitionCountParts)[number]

const partOfStatus: Record<PetitionStatus, PetitionCountPart> = {
  waiting: 'pending',
  discussing: 'pending',
  answered: 'answered',
  written_answer: 'writtenAnswer',
  forwarded: 'forwarded',
  set_aside: 'setAside',
  withdrawn: 'withdrawnOrMerged',
  merged: 'withdrawnOrMerged',
}

/** Which count a petition is in: one and only one. */
export const countPartOf = (p: Petition): PetitionCountPart => partOfStatus[p.status]

export function petitionCounts(state: MeetingState): PetitionCounts {
  // Withdrawn and merged petitions stay in the registered/added tallies (they were received) and
  // have their own part, so the parts always add up to the total.
  const parts: Record<PetitionCountPart, number> = { answered: 0, writtenAnswer: 0, forwarded: 0, setAside: 0, withdrawnOrMerged: 0, pending: 0 }
  let registered = 0
  for (const p of state.petitions) {
    parts[countPartOf(p)] += 1
    if (p.origin === 'registered') registered += 1
  }
  return { registered, added: state.petitions.length - registered, total: state.petitions.length, ...parts }
}

export const isResolved = (p: Petition): boolean => resolvedStatuses.includes(p.status)

/** Still to be decided: waiting or under discussion (every other status is an outcome). */
export const isOpen = (p: Petition): boolean => !isResolved(p)

/** Petitions still to be decided (waiting or under discussion), in number order. */
export const openPetitions = (state: MeetingState): Petition[] => state.petitions.filter(isOpen)

/**
 * The speaker "Mời phát biểu lại người vừa nói" means: the one who finished most recently, or the
 * one at the microphone if nobody has finished. The tablet names them on the button and sends their
 * number, so what the chair reads is what happens.
 */
export function lastSpeaker(state: MeetingState): Speaker | null {
  const finished = state.speakers.filter((s) => s.finishedAt !== null && s.status === 'finished')
  const latest = finished.reduce<Speaker | null>((best, s) => (!best || (s.finishedAt ?? '') >= (best.finishedAt ?? '') ? s : best), null)
  return latest ?? currentSpeaker(state)
}

export function currentSpeaker(state: MeetingState): Speaker | null {
  return state.speakers.find((s) => s.no === state.currentSpeakerNo) ?? null
}

export function currentPetition(state: MeetingState): Petition | null {
  return state.petitions.find((p) => p.no === state.currentPetitionNo) ?? null
}

/** Waiting speakers in queue order. */
export function waitingSpeakers(state: MeetingState): Speaker[] {
  return state.queue.map((no) => state.speakers.find((s) => s.no === no)).filter((s): s is Speaker => s !== undefined)
}

/** Petitions grouped by field, in the order fields first appear; '' becomes "Lĩnh vực khác". */
export function petitionsByField(state: MeetingState, filter: (p: Petition) => boolean = () => true): { field: string; petitions: Petition[] }[] {
  const groups = new Map<string, Petition[]>()
  for (const p of state.petitions.filter(filter)) {
    const field = p.field || 'Lĩnh vực khác'
    groups.set(field, [...(groups.get(field) ?? []), p])
  }
  return [...groups].map(([field, petitions]) => ({ field, petitions }))
}

/**
 * What the projector lists in its petitions view: every petition of the meeting by field, those
 * received before it and those added in the room (each row carries its origin), so the list and
 * the counts agree.
 */
export function projectorPetitionGroups(state: MeetingState): { field: string; petitions: Petition[] }[] {
  return petitionsByField(state)
}

export function speakerLabel(s: Speaker): string {
  return s.name ?? `Đại biểu số ${s.no}`
}

export function petitionLabel(p: Petition): string {
  return `KN ${p.no}`
}

export function petitionerLabel(p: Petition): string {
  const who = p.petitionerName === null ? (p.confidential ? 'Người kiến nghị được giữ bí mật' : 'Người kiến nghị') : p.petitionerName || 'Không ghi tên'
  return p.representing > 0 ? `${who} (đại diện ${p.representing} người)` : who
}

export const phaseLabels: Record<MeetingPhase, string> = {
  opening: 'Khai mạc',
  report: 'Báo cáo kiến nghị',
  dialogue: 'Đối thoại',
  conclusion: 'Kết luận',
  closed: 'Bế mạc',
}

export const answerFormLabels: Record<AnswerForm, string> = {
  in_person: 'Trả lời trực tiếp',
  in_writing: 'Trả lời bằng văn bản',
}

export const projectorModeLabels: Record<ProjectorMode, string> = {
  live: 'Diễn biến trực tiếp',
  petitions: 'Danh sách kiến nghị theo lĩnh vực',
  announcement: 'Thông báo',
  programme: 'Chương trình hội nghị',
  blank: 'Màn hình chờ (logo)',
}

/** 'YYYY-MM-DD' → '05/01/2026', as Vietnamese documents write dates. */
export function formatDateVi(date: string): string {
  const [y, m, d] = date.split('-')
  return y && m && d ? `${d}/${m}/${y}` : date
}

import type { MeetingState, Petition, Speaker } from './model'

// Derived views shared by the console, the projector and (later) the documents.

export interface PetitionCounts {
  registered: number
  added: number
  total: number
}

export function petitionCounts(state: MeetingState): PetitionCounts {
  const registered = state.petitions.filter((p) => p.origin === 'registered').length
  const added = state.petitions.filter((p) => p.origin === 'added').length
  return { registered, added, total: registered + added }
}

export function currentSpeaker(state: MeetingState): Speaker | null {
  return state.speakers.find((s) => s.no === state.currentSpeakerNo) ?? null
}

/** Waiting speakers in queue order (registration order for now). */
export function waitingSpeakers(state: MeetingState): Speaker[] {
  return state.speakers.filter((s) => s.status === 'waiting')
}

export function speakerLabel(s: Speaker): string {
  return s.name ?? `Đại biểu số ${s.no}`
}

export function petitionLabel(p: Petition): string {
  return `KN ${p.no}`
}

export function petitionerLabel(p: Petition): string {
  if (p.petitionerName === null) return 'Người kiến nghị được giữ bí mật'
  return p.petitionerName || 'Không ghi tên'
}

export const originLabels = { registered: 'Đã đăng ký', added: 'Bổ sung tại hội nghị' } as const

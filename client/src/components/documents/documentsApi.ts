import type { AdministrativeDocument } from '@shared/documents/model'
import type { MeetingState } from '@shared/meeting/model'
import type { Ack } from '@shared/errors'
import { request } from '../../api/http'

// The minutes and the conclusion notice of one meeting (server/routes/documents).
export type StoredKind = 'minutes' | 'notice'

export interface VersionMeta {
  version: number
  note: string
  savedBy: string
  savedAt: string
}

/** A version's issue: its number in the register, its date. */
export interface IssuedMeta {
  number: number
  symbol: string
  date: string
  issuedBy: string
  issuedAt: string
}

export interface DocumentView {
  kind: StoredKind
  draft: AdministrativeDocument
  draftSaved: { savedAt: string; savedBy: string } | null
  versions: (VersionMeta & { issued: IssuedMeta | null })[]
  dueDate: string | null
  overdue: boolean
  /** The day the notice was first issued, and whether that was after its latest day. */
  issuedOn: string | null
  issuedLate: boolean
  /** With either document: the notice's latest issue day and the rule's days. */
  noticeDueDate: string | null
  noticeWorkingDays: number
  /** The office register's next number for this type of document. */
  register: { type: string; year: number; suggestedNumber: number }
  /** Confidential petitioners' names and places found in the draft of a published document. */
  protectedInDraft: { names: string[]; places: string[] }
}

export interface IssueInput {
  commandId: string
  number: number
  date: string
  signature?: { authority: string; position: string; name: string }
  placesAcknowledged?: string[]
}

const base = (meetingId: string, kind: StoredKind) => `/api/meetings/${encodeURIComponent(meetingId)}/documents/${kind}`

export const getDocument = (meetingId: string, kind: StoredKind): Promise<Ack<DocumentView>> => request(base(meetingId, kind))

export const saveDraft = (meetingId: string, kind: StoredKind, document: AdministrativeDocument): Promise<Ack<{ ok: true }>> =>
  request(`${base(meetingId, kind)}/draft`, { method: 'PUT', body: JSON.stringify({ document }) })

export const regenerateDraft = (meetingId: string, kind: StoredKind): Promise<Ack<{ ok: true }>> =>
  request(`${base(meetingId, kind)}/draft/regenerate`, { method: 'POST' })

export const finalizeDocument = (meetingId: string, kind: StoredKind, input: { number?: string; note: string }): Promise<Ack<{ version: number }>> =>
  request(`${base(meetingId, kind)}/finalize`, { method: 'POST', body: JSON.stringify(input) })

export const getVersion = (meetingId: string, kind: StoredKind, version: number): Promise<Ack<VersionMeta & { document: AdministrativeDocument }>> =>
  request(`${base(meetingId, kind)}/versions/${version}`)

export const issueVersion = (meetingId: string, kind: StoredKind, version: number, input: IssueInput): Promise<Ack<IssuedMeta & { version: number }>> =>
  request(`${base(meetingId, kind)}/versions/${version}/issue`, { method: 'POST', body: JSON.stringify(input) })

/** A link for a download or a print page: the session cookie goes with it (same origin). */
export function documentFileUrl(meetingId: string, kind: StoredKind, format: 'docx' | 'print', version?: number, issued = false): string {
  const which = version === undefined ? 'draft' : `${issued ? 'issued' : 'versions'}/${version}`
  return `${base(meetingId, kind)}/${which}/${format}`
}

/** The meeting as recorded (title, date, level, phase) for the page's header and the notice's due date. */
export const getMeetingState = (meetingId: string): Promise<Ack<MeetingState>> =>
  request(`/api/meetings/${encodeURIComponent(meetingId)}/state`)

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

export interface DocumentView {
  kind: StoredKind
  draft: AdministrativeDocument
  draftSaved: { savedAt: string; savedBy: string } | null
  versions: VersionMeta[]
  dueDate: string | null
  overdue: boolean
  /** With either document: the notice's latest issue day and the rule's days. */
  noticeDueDate: string | null
  noticeWorkingDays: number
}

const base = (meetingId: string, kind: StoredKind) => `/api/meetings/${encodeURIComponent(meetingId)}/documents/${kind}`
const withKey = (key: string) => ({ 'x-meeting-key': key })

export const getDocument = (meetingId: string, kind: StoredKind, key: string): Promise<Ack<DocumentView>> =>
  request(base(meetingId, kind), { headers: withKey(key) })

export const saveDraft = (meetingId: string, kind: StoredKind, key: string, document: AdministrativeDocument): Promise<Ack<{ ok: true }>> =>
  request(`${base(meetingId, kind)}/draft`, { method: 'PUT', headers: withKey(key), body: JSON.stringify({ document }) })

export const regenerateDraft = (meetingId: string, kind: StoredKind, key: string): Promise<Ack<{ ok: true }>> =>
  request(`${base(meetingId, kind)}/draft/regenerate`, { method: 'POST', headers: withKey(key) })

export const finalizeDocument = (meetingId: string, kind: StoredKind, key: string, input: { number?: string; note: string }): Promise<Ack<{ version: number }>> =>
  request(`${base(meetingId, kind)}/finalize`, { method: 'POST', headers: withKey(key), body: JSON.stringify(input) })

export const getVersion = (meetingId: string, kind: StoredKind, key: string, version: number): Promise<Ack<VersionMeta & { document: AdministrativeDocument }>> =>
  request(`${base(meetingId, kind)}/versions/${version}`, { headers: withKey(key) })

/** A link for a download or a print page: links cannot send headers, so the key rides in the query. */
export function documentFileUrl(meetingId: string, kind: StoredKind, key: string, format: 'docx' | 'print', version?: number): string {
  const which = version === undefined ? 'draft' : `versions/${version}`
  return `${base(meetingId, kind)}/${which}/${format}?key=${encodeURIComponent(key)}`
}

/** The meeting as recorded (title, date, level, phase) for the page's header and the notice's due date. */
export const getMeetingState = (meetingId: string, key: string): Promise<Ack<MeetingState>> =>
  request(`/api/meetings/${encodeURIComponent(meetingId)}/state`, { headers: withKey(key) })

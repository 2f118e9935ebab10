import type { AdministrativeDocument } from '@shared/documents/model'
import type { MeetingState } from '@shared/meeting/model'
import type { Ack } from '@shared/errors'
import { request } from './http'

// The minutes and the conclusion notice of one meeting (server/routes/documents), and the results
// report of a period (server/routes/reports): the same steps, at their own addresses.
export type { DocumentView, StoredKind } from '@shared/documents/view'
import type { DocumentView, IssueRequest, StoredKind, VersionView } from '@shared/documents/view'

/** Where one document lives: a meeting's minutes or notice, or a period's report. */
export interface DocumentTarget {
  /** The document's address: `/api/meetings/<id>/documents/notice`, `/api/reports/<from>/<to>/document`. */
  base: string
  kind: StoredKind | 'report'
}

export const meetingDocument = (meetingId: string, kind: StoredKind): DocumentTarget => ({
  base: `/api/meetings/${encodeURIComponent(meetingId)}/documents/${kind}`,
  kind,
})
export const reportDocumentTarget = (from: string, to: string): DocumentTarget => ({ base: `/api/reports/${from}/${to}/document`, kind: 'report' })

/** What issuing a version takes (the server's IssueRequest). */
export type IssueInput = IssueRequest

export const getDocument = (t: DocumentTarget): Promise<Ack<DocumentView>> => request(t.base)

export const saveDraft = (t: DocumentTarget, document: AdministrativeDocument): Promise<Ack<{ ok: true }>> =>
  request(`${t.base}/draft`, { method: 'PUT', body: JSON.stringify({ document }) })

export const regenerateDraft = (t: DocumentTarget): Promise<Ack<{ ok: true }>> => request(`${t.base}/draft/regenerate`, { method: 'POST' })

export const finalizeDocument = (t: DocumentTarget, input: { number?: string; note: string }): Promise<Ack<{ version: number }>> =>
  request(`${t.base}/finalize`, { method: 'POST', body: JSON.stringify(input) })

export const getVersion = (t: DocumentTarget, version: number): Promise<Ack<Omit<VersionView, 'issued'> & { document: AdministrativeDocument }>> => request(`${t.base}/versions/${version}`)

export const issueVersion = (t: DocumentTarget, version: number, input: IssueInput): Promise<Ack<NonNullable<VersionView['issued']> & { version: number }>> =>
  request(`${t.base}/versions/${version}/issue`, { method: 'POST', body: JSON.stringify(input) })

/** A link for a download or a print page: the session cookie goes with it (same origin). */
export function documentFileUrl(t: DocumentTarget, format: 'docx' | 'print', version?: number, issued = false): string {
  const which = version === undefined ? 'draft' : `${issued ? 'issued' : 'versions'}/${version}`
  return `${t.base}/${which}/${format}`
}

/** The meeting as recorded (title, date, level, phase) for the page's header and the notice's due date. */
export const getMeetingState = (meetingId: string): Promise<Ack<MeetingState>> =>
  request(`/api/meetings/${encodeURIComponent(meetingId)}/state`)

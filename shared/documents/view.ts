import type { AdministrativeDocument, SignatureBlock } from './model'

// What the documents' routes send and take: one shape for the server that builds it
// (server/documents) and the screens that read it (client/src/api/documents.ts).

/** The documents a meeting keeps: its minutes and its conclusion notice. */
export type StoredKind = 'minutes' | 'notice'

/** A finalised version, and its issue when it has one. */
export interface VersionView {
  version: number
  note: string
  savedBy: string
  savedAt: string
  issued: { number: number; symbol: string; date: string; issuedBy: string; issuedAt: string } | null
}

export interface DocumentView {
  kind: StoredKind | 'report'
  /** The editable draft: the saved one, or freshly drafted from the log. */
  draft: AdministrativeDocument
  draftSaved: { savedAt: string; savedBy: string } | null
  versions: VersionView[]
  /** For the notice: the latest day it may be issued, and whether that day passed with no issue. */
  dueDate: string | null
  overdue: boolean
  /** The day the notice was first issued, and whether that was after the latest day; null before. */
  issuedOn: string | null
  issuedLate: boolean
  /** With either document: that latest day and the rule's days, shown before the notice exists. */
  noticeDueDate: string | null
  noticeWorkingDays: number
  /** The register's next number for this type of document in the year of the draft's date. */
  register: { type: string; year: number; suggestedNumber: number }
  /**
   * Names and places of confidential petitioners (and of the speakers who raised their petitions)
   * found in the draft's text: a published document is not issued while a name remains, nor a place
   * the secretary has not said is there for another reason.
   */
  protectedInDraft: { names: string[]; places: string[] }
}

export interface IssueRequest {
  commandId: string
  number: number
  date: string
  signature?: SignatureBlock | undefined
  /** Places the secretary confirms appear for another reason (a road in that village), not to point at a person. */
  placesAcknowledged?: string[] | undefined
}

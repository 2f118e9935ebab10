import type { DocumentView } from '../../api/documents'

// The notice's due date as the page shows it on both tabs. The server gives it with the notice; while
// the minutes are not final the notice is refused, so the page counts it itself from the meeting day
// with the same shared rule (shared/documents/notice.ts). Pure, tested in due.test.ts.

export interface NoticeDue {
  dueDate: string | null
  overdue: boolean
  /** The day the notice was first issued, if it was. */
  issuedOn: string | null
  issuedLate: boolean
}

export function noticeDue(notice: DocumentView | null, counted: string | null, today: string): NoticeDue {
  // Finalising a text is not issuing it: the server says when (and whether) the notice was issued.
  if (notice) return { dueDate: notice.dueDate, overdue: notice.overdue, issuedOn: notice.issuedOn, issuedLate: notice.issuedLate }
  return { dueDate: counted, overdue: counted !== null && today > counted, issuedOn: null, issuedLate: false }
}

import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import { lockMeeting } from '../../db/repositories/meetings'
import { readEvents } from '../../db/repositories/events'
import {
  appendFinalVersion,
  discardDraft,
  listDocumentVersions,
  loadOfficeProfile,
  saveDraft,
  type StoredDocument,
  type StoredKind,
} from '../../db/repositories/documents'
import { draftMinutes } from '../../shared/documents/minutes'
import type { AdministrativeDocument } from '../../shared/documents/model'
import { draftNotice, noticeDueDate } from '../../shared/documents/notice'
import { vietnamDate } from '../../shared/calendar/working-days'
import { fail, ok, type Result } from '../../shared/errors'
import type { MeetingLog } from '../meetings/meeting-log'
import type { OfficeData } from '../office/office-data'

export interface DocumentView {
  kind: StoredKind
  /** The editable draft: the saved one, or freshly drafted from the log. */
  draft: AdministrativeDocument
  draftSaved: { savedAt: string; savedBy: string } | null
  versions: Omit<StoredDocument, 'document'>[]
  /** For the notice: the latest day it may be issued, and whether that day has passed unissued. */
  dueDate: string | null
  overdue: boolean
  /** With either document: that latest day and the rule's days, shown before the notice exists. */
  noticeDueDate: string | null
  noticeWorkingDays: number
}

/**
 * The minutes and the conclusion notice of a meeting. Drafts come from the meeting log; the
 * secretary edits and saves the draft; finalising freezes it as the next numbered version (the
 * database refuses any change to a finalised version), so a correction is a new version and the
 * earlier ones stay readable with who saved them, when, and why.
 */
export class DocumentService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly log: MeetingLog,
    private readonly office: OfficeData,
  ) {}

  private async fresh(meetingId: string, kind: StoredKind, today: string): Promise<Result<AdministrativeDocument>> {
    const state = await this.log.state(meetingId)
    if (!state) return fail('MEETING_NOT_FOUND')
    const profile = await loadOfficeProfile(this.db)
    if (kind === 'minutes') return ok(draftMinutes(state, await readEvents(this.db, meetingId, 0), profile))
    const minutes = await listDocumentVersions(this.db, meetingId, 'minutes')
    if (!minutes.some((v) => v.version > 0)) return fail('MINUTES_NOT_FINAL')
    const { rules } = await this.office.context()
    return ok(draftNotice(state, profile, today, rules))
  }

  async view(meetingId: string, kind: StoredKind, now = new Date()): Promise<Result<DocumentView>> {
    const today = vietnamDate(now)
    const versions = await listDocumentVersions(this.db, meetingId, kind)
    const saved = versions.find((v) => v.version === 0)
    let draft = saved?.document
    if (!draft) {
      const built = await this.fresh(meetingId, kind, today)
      if (!built.ok) return built
      draft = built.data
    }
    const state = await this.log.state(meetingId)
    if (!state) return fail('MEETING_NOT_FOUND')
    const { calendar, rules } = await this.office.context()
    const noticeDue = noticeDueDate(state.details, calendar, rules)
    const dueDate = kind === 'notice' ? noticeDue : null
    const issued = versions.some((v) => v.version > 0)
    return ok({
      kind,
      draft,
      draftSaved: saved ? { savedAt: saved.savedAt, savedBy: saved.savedBy } : null,
      versions: versions.filter((v) => v.version > 0).map(({ document: _, ...meta }) => meta),
      dueDate,
      overdue: dueDate !== null && !issued && today > dueDate,
      noticeDueDate: noticeDue,
      noticeWorkingDays: rules[state.details.level].noticeWorkingDays,
    })
  }

  async saveDraft(meetingId: string, kind: StoredKind, document: AdministrativeDocument, by: string): Promise<Result<true>> {
    if (document.kind !== kind) return fail('VALIDATION_FAILED', 'Loại văn bản không khớp.')
    if (!(await this.log.state(meetingId))) return fail('MEETING_NOT_FOUND')
    await saveDraft(this.db, meetingId, kind, document, by, new Date().toISOString())
    return ok(true)
  }

  /** Drops the edited draft: the next view drafts again from the log. */
  async regenerate(meetingId: string, kind: StoredKind): Promise<Result<true>> {
    if (!(await this.log.state(meetingId))) return fail('MEETING_NOT_FOUND')
    await discardDraft(this.db, meetingId, kind)
    return ok(true)
  }

  async finalize(meetingId: string, kind: StoredKind, input: { number?: string | undefined; note: string }, by: string): Promise<Result<{ version: number }>> {
    const view = await this.view(meetingId, kind)
    if (!view.ok) return view
    if (view.data.versions.length > 0 && !input.note) {
      return fail('VALIDATION_FAILED', 'Ghi rõ lý do đính chính khi ban hành phiên bản mới.', { note: 'Không được để trống.' })
    }
    const document = { ...view.data.draft, number: input.number ?? view.data.draft.number }
    const at = new Date().toISOString()
    const version = await this.db.transaction().execute(async (trx) => {
      await lockMeeting(trx, meetingId) // one finalisation at a time per meeting
      return appendFinalVersion(trx, meetingId, kind, document, by, at, input.note)
    })
    // The draft now starts from the frozen version, ready for a later correction.
    await saveDraft(this.db, meetingId, kind, document, by, at)
    return ok({ version })
  }

  async version(meetingId: string, kind: StoredKind, version: number): Promise<Result<StoredDocument>> {
    const found = (await listDocumentVersions(this.db, meetingId, kind)).find((v) => v.version === version)
    return found ? ok(found) : fail('NOT_FOUND', `Không có phiên bản ${version}.`)
  }
}

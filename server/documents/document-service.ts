import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import { lockMeeting } from '../../db/repositories/meetings'
import { readEventsOfTypes } from '../../db/repositories/events'
import {
  appendFinalVersion,
  discardDraft,
  findRegisterEntry,
  insertIssue,
  listDocumentVersions,
  listIssues,
  loadOfficeProfile,
  nextRegisterNumber,
  saveDraft,
  type IssuedDocument,
  type StoredDocument,
  type StoredKind,
} from '../../db/repositories/documents'
import { draftMinutes, minutesEventTypes } from '../../shared/documents/minutes'
import type { AdministrativeDocument } from '../../shared/documents/model'
import { draftNotice, noticeDueDate } from '../../shared/documents/notice'
import { decideNoticeIssue, issueDateProblem, registerTypes } from '../../shared/documents/issue'
import { documentText, withIssuedDeadlines } from '../../shared/documents/text'
import { identitiesIn, protectedIdentities } from '../../shared/meeting/confidentiality'
import { vietnamDate } from '../../shared/calendar/working-days'
import { fail, ok, type AppError, type Result } from '../../shared/errors'
import type { AuditActor } from '../../shared/access/accounts'
import type { DocumentView, IssueRequest, VersionView } from '../../shared/documents/view'
import type { MeetingState } from '../../shared/meeting/model'
import type { MeetingLog } from '../meetings/meeting-log'
import type { OfficeData } from '../office/office-data'

export type { DocumentView, IssueRequest } from '../../shared/documents/view'

/** Published documents: the public reads them, so a confidential petitioner may not be named in them. */
const published: ReadonlySet<StoredKind> = new Set(['notice'])

/**
 * The minutes and the conclusion notice of a meeting. Drafts come from the meeting log; the
 * secretary edits and saves the draft; finalising freezes it as the next numbered version (the
 * database refuses any change to a finalised version), so a correction is a new version and the
 * earlier ones stay readable with who saved them, when, and why. Issuing is a step of its own: a
 * finalised version gets a number from the office's register and a date, and is then published;
 * for the notice, the issue is recorded in the meeting's log, because the deadlines that count from
 * it are fixed by it.
 */
export class DocumentService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly log: MeetingLog,
    private readonly office: OfficeData,
  ) {}

  private async fresh(meetingId: string, state: MeetingState, kind: StoredKind, today: string): Promise<Result<AdministrativeDocument>> {
    const profile = await loadOfficeProfile(this.db)
    // Not the whole log (thousands of events in a long conference): the kinds the minutes read.
    if (kind === 'minutes') return ok(draftMinutes(state, await readEventsOfTypes(this.db, meetingId, minutesEventTypes), profile))
    const minutes = await listDocumentVersions(this.db, meetingId, 'minutes')
    if (!minutes.some((v) => v.version > 0)) return fail('MINUTES_NOT_FINAL')
    const { rules, calendar } = await this.office.context()
    return ok(draftNotice(state, { profile, issueDate: today, calendar, rules }))
  }

  async view(meetingId: string, kind: StoredKind, now = new Date()): Promise<Result<DocumentView>> {
    const today = vietnamDate(now)
    const state = await this.log.state(meetingId)
    if (!state) return fail('MEETING_NOT_FOUND')
    const versions = await listDocumentVersions(this.db, meetingId, kind)
    const saved = versions.find((v) => v.version === 0)
    let draft = saved?.document
    if (!draft) {
      const built = await this.fresh(meetingId, state, kind, today)
      if (!built.ok) return built
      draft = built.data
    }
    const issues = await listIssues(this.db, meetingId, kind)
    const { calendar, rules } = await this.office.context()
    const noticeDue = noticeDueDate(state.details, calendar, rules)
    const dueDate = kind === 'notice' ? noticeDue : null
    const issuedOn = kind === 'notice' ? (state.notice?.date ?? issues[0]?.date ?? null) : (issues[0]?.date ?? null)
    const registerType = registerTypes[kind]
    const year = Number((draft.date || today).slice(0, 4))
    return ok({
      kind,
      draft,
      draftSaved: saved ? { savedAt: saved.savedAt, savedBy: saved.savedBy } : null,
      versions: versions.filter((v) => v.version > 0).map(({ document: _, ...meta }) => ({ ...meta, issued: issueMeta(issues.find((i) => i.version === meta.version)) })),
      dueDate,
      overdue: dueDate !== null && issuedOn === null && today > dueDate,
      issuedOn,
      issuedLate: dueDate !== null && issuedOn !== null && issuedOn > dueDate,
      noticeDueDate: noticeDue,
      noticeWorkingDays: rules[state.details.level].noticeWorkingDays,
      register: { type: registerType, year, suggestedNumber: await nextRegisterNumber(this.db, registerType, year) },
      protectedInDraft: published.has(kind) ? foundIdentities(documentText(draft), state) : { names: [], places: [] },
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

  /** A version as it was issued (and published), or NOT_FOUND when it has not been issued. */
  async issued(meetingId: string, kind: StoredKind, version: number): Promise<Result<IssuedDocument>> {
    const found = (await listIssues(this.db, meetingId, kind)).find((i) => i.version === version)
    return found ? ok(found) : fail('NOT_FOUND', `Phiên bản ${version} chưa được ban hành.`)
  }

  /**
   * Issues a finalised version: a number from the register (never one already used that year for
   * that type), a date (not before the meeting, not after today), the signer. A published document
   * naming a confidential petitioner is refused, with the names found. For the notice, the deadlines
   * that count from its issue are fixed in the same transaction, and the text states them.
   */
  async issue(meetingId: string, kind: StoredKind, version: number, request: IssueRequest, by: string, actor: AuditActor | null): Promise<Result<IssuedDocument>> {
    const today = vietnamDate(new Date())
    const state = await this.log.state(meetingId)
    if (!state) return fail('MEETING_NOT_FOUND')
    const stored = await this.version(meetingId, kind, version)
    if (!stored.ok) return stored
    const dateOk = issueDateProblem(request.date, state.details.meetingDate, today)
    if (!dateOk.ok) return dateOk
    const registerType = registerTypes[kind]
    const year = Number(request.date.slice(0, 4))
    const symbol = stored.data.document.symbol
    const previous = (await listIssues(this.db, meetingId, kind)).find((i) => i.version === version)
    if (previous) {
      // Asked again (a retry, a second click): the same issue answers, nothing is issued twice.
      if (previous.number === request.number && previous.date === request.date) return ok(previous)
      return fail('ALREADY_ISSUED', `Phiên bản ${version} đã được ban hành: số ${previous.number}/${previous.symbol} ngày ${previous.date.split('-').reverse().join('/')}.`)
    }
    const taken = await this.numberTaken(registerType, year, request.number)
    if (taken) return fail(taken.code, taken.message, taken.fields)

    const base = { ...stored.data.document, number: String(request.number), date: request.date, ...(request.signature ? { signatures: [request.signature] } : {}) }
    if (published.has(kind)) {
      const found = foundIdentities(documentText(base), state)
      const acknowledged = new Set((request.placesAcknowledged ?? []).map((p) => p.toLocaleLowerCase('vi')))
      const places = found.places.filter((p) => !acknowledged.has(p.toLocaleLowerCase('vi')))
      if (found.names.length || places.length) {
        return fail('CONFIDENTIAL_NAMES', confidentialMessage(found.names, places), { names: found.names.join('; '), places: places.join('; ') })
      }
    }
    const issuedAt = new Date().toISOString()
    const entry = (document: AdministrativeDocument): IssuedDocument => ({
      registerType,
      year,
      number: request.number,
      meetingId,
      periodKey: null,
      kind,
      version,
      symbol,
      date: request.date,
      document,
      issuedBy: by,
      issuedAt,
    })

    try {
      if (kind !== 'notice') {
        const issued = entry(base)
        await insertIssue(this.db, issued)
        return ok(issued)
      }
      let issued: IssuedDocument | null = null
      const { calendar } = await this.office.context()
      const recorded = await this.log.record(meetingId, {
        commandId: request.commandId,
        type: 'notice:issue',
        payload: { version, number: request.number, date: request.date },
        role: 'secretary',
        actor,
        decide: (current) => decideNoticeIssue(current, { number: String(request.number), symbol, date: request.date }, calendar),
        alongside: async (trx, after) => {
          // The text states each deadline that counts from the issue as the log now fixes it.
          issued = entry(withIssuedDeadlines(base, after))
          await insertIssue(trx, issued)
          return null
        },
      })
      if (!recorded.ok) return recorded
      // A retried request whose first answer was lost: the issue is already there.
      return issued ? ok(issued) : this.issued(meetingId, kind, version)
    } catch (err) {
      // Two clerks took the same number at the same moment: one of them gets it.
      if ((err as { code?: string }).code === '23505') {
        const again = await this.numberTaken(registerType, year, request.number)
        if (again) return fail(again.code, again.message, again.fields)
      }
      throw err
    }
  }

  private async numberTaken(registerType: string, year: number, number: number): Promise<AppError | null> {
    const holder = await findRegisterEntry(this.db, registerType, year, number)
    if (!holder) return null
    const next = await nextRegisterNumber(this.db, registerType, year)
    const message = `Số ${number}/${holder.symbol} năm ${year} đã được dùng (ngày ${holder.date.split('-').reverse().join('/')}); mỗi số chỉ dùng một lần. Số tiếp theo còn trống: ${next}.`
    return { code: 'NUMBER_TAKEN', message, fields: { number: message } }
  }
}

function issueMeta(i: IssuedDocument | undefined): VersionView['issued'] {
  return i ? { number: i.number, symbol: i.symbol, date: i.date, issuedBy: i.issuedBy, issuedAt: i.issuedAt } : null
}

function foundIdentities(text: string, state: MeetingState): { names: string[]; places: string[] } {
  const { names, places } = protectedIdentities(state)
  return { names: identitiesIn(text, names), places: identitiesIn(text, places) }
}

function confidentialMessage(names: readonly string[], places: readonly string[]): string {
  const quote = (list: readonly string[]) => list.map((f) => `«${f}»`).join(', ')
  const parts = [
    names.length ? `tên ${quote(names)}` : '',
    places.length ? `địa danh ${quote(places)} (nếu địa danh có mặt vì nội dung khác, không chỉ người kiến nghị, hãy xác nhận khi ban hành)` : '',
  ].filter(Boolean)
  return `Văn bản này được công khai nhưng còn nêu thông tin của người kiến nghị đề nghị giữ bí mật: ${parts.join('; ')}. Hãy xóa các thông tin đó trong dự thảo, chốt phiên bản mới rồi ban hành.`
}

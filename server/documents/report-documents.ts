import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import {
  appendReportVersion,
  discardReportDraft,
  findRegisterEntry,
  insertIssue,
  listReportIssues,
  listReportVersions,
  loadOfficeProfile,
  nextRegisterNumber,
  saveReportDraft,
  type IssuedDocument,
  type StoredDocument,
} from '../../db/repositories/documents'
import { vietnamDate } from '../../shared/calendar/working-days'
import type { AdministrativeDocument } from '../../shared/documents/model'
import { registerTypes } from '../../shared/documents/issue'
import { fail, ok, type Result } from '../../shared/errors'
import { reportDocument } from '../../shared/report'
import type { ReportService } from '../reports/report-service'
import type { DocumentView, IssueRequest } from './document-service'

/** A report's period, as its rows are keyed: "2026-01-01_2026-06-30". */
export const periodKey = (from: string, to: string) => `${from}_${to}`

/**
 * The half-year and yearly results report: its figures (ReportService), and the report as
 * a document, edited, finalised and issued like the minutes (a draft, frozen versions, a number
 * from the register's BC series). It carries figures only, no petitioner.
 */
export class ReportDocumentService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly reports: ReportService,
  ) {}

  private async fresh(from: string, to: string, today: string): Promise<AdministrativeDocument> {
    const { report, meetingBases, headName } = await this.reports.figures(from, to)
    const profile = await loadOfficeProfile(this.db)
    const signature = { authority: profile.collectiveBody ? `TM. ${profile.collectiveBody}` : '', position: profile.headTitle, name: headName }
    return reportDocument(report, { profile, date: today, signature, meetingBases })
  }

  async view(from: string, to: string, now = new Date()): Promise<Result<DocumentView>> {
    if (from > to) return fail('VALIDATION_FAILED', 'Ngày bắt đầu phải trước ngày kết thúc.', { to: 'Ngày kết thúc phải sau ngày bắt đầu.' })
    const today = vietnamDate(now)
    const key = periodKey(from, to)
    const versions = await listReportVersions(this.db, key)
    const saved = versions.find((v) => v.version === 0)
    const draft = saved?.document ?? (await this.fresh(from, to, today))
    const issues = await listReportIssues(this.db, key)
    const year = Number((draft.date || today).slice(0, 4))
    return ok({
      kind: 'report',
      draft,
      draftSaved: saved ? { savedAt: saved.savedAt, savedBy: saved.savedBy } : null,
      versions: versions
        .filter((v) => v.version > 0)
        .map(({ document: _, ...meta }) => {
          const i = issues.find((x) => x.version === meta.version)
          return { ...meta, issued: i ? { number: i.number, symbol: i.symbol, date: i.date, issuedBy: i.issuedBy, issuedAt: i.issuedAt } : null }
        }),
      dueDate: null,
      overdue: false,
      issuedOn: issues[0]?.date ?? null,
      issuedLate: false,
      noticeDueDate: null,
      noticeWorkingDays: 0,
      register: { type: registerTypes.report, year, suggestedNumber: await nextRegisterNumber(this.db, registerTypes.report, year) },
      protectedInDraft: { names: [], places: [] },
    })
  }

  async saveDraft(from: string, to: string, document: AdministrativeDocument, by: string): Promise<Result<true>> {
    if (document.kind !== 'report') return fail('VALIDATION_FAILED', 'Loại văn bản không khớp.')
    await saveReportDraft(this.db, periodKey(from, to), document, by, new Date().toISOString())
    return ok(true)
  }

  async regenerate(from: string, to: string): Promise<Result<true>> {
    await discardReportDraft(this.db, periodKey(from, to))
    return ok(true)
  }

  async finalize(from: string, to: string, input: { note: string }, by: string): Promise<Result<{ version: number }>> {
    const view = await this.view(from, to)
    if (!view.ok) return view
    if (view.data.versions.length > 0 && !input.note) {
      return fail('VALIDATION_FAILED', 'Ghi rõ lý do đính chính khi chốt phiên bản mới.', { note: 'Không được để trống.' })
    }
    const key = periodKey(from, to)
    const at = new Date().toISOString()
    const document = view.data.draft
    const version = await this.db.transaction().execute((trx) => appendReportVersion(trx, key, document, by, at, input.note))
    await saveReportDraft(this.db, key, document, by, at)
    return ok({ version })
  }

  async version(from: string, to: string, version: number): Promise<Result<StoredDocument>> {
    const found = (await listReportVersions(this.db, periodKey(from, to))).find((v) => v.version === version && version > 0)
    return found ? ok(found) : fail('NOT_FOUND', `Không có phiên bản ${version}.`)
  }

  async issued(from: string, to: string, version: number): Promise<Result<IssuedDocument>> {
    const found = (await listReportIssues(this.db, periodKey(from, to))).find((i) => i.version === version)
    return found ? ok(found) : fail('NOT_FOUND', `Phiên bản ${version} chưa được ban hành.`)
  }

  /** Issues a finalised version with a number of the BC series and a date (not after today). */
  async issue(from: string, to: string, version: number, request: IssueRequest, by: string): Promise<Result<IssuedDocument>> {
    const key = periodKey(from, to)
    const stored = await this.version(from, to, version)
    if (!stored.ok) return stored
    if (request.date > vietnamDate(new Date())) {
      const message = 'Ngày ban hành không được sau hôm nay.'
      return fail('VALIDATION_FAILED', message, { date: message })
    }
    const previous = (await listReportIssues(this.db, key)).find((i) => i.version === version)
    if (previous) {
      if (previous.number === request.number && previous.date === request.date) return ok(previous)
      return fail('ALREADY_ISSUED', `Phiên bản ${version} đã được ban hành: số ${previous.number}/${previous.symbol}.`)
    }
    const year = Number(request.date.slice(0, 4))
    const type = registerTypes.report
    const holder = await findRegisterEntry(this.db, type, year, request.number)
    if (holder) {
      const message = `Số ${request.number}/${holder.symbol} năm ${year} đã được dùng; mỗi số chỉ dùng một lần. Số tiếp theo còn trống: ${await nextRegisterNumber(this.db, type, year)}.`
      return fail('NUMBER_TAKEN', message, { number: message })
    }
    const document = { ...stored.data.document, number: String(request.number), date: request.date, ...(request.signature ? { signatures: [request.signature] } : {}) }
    const issued: IssuedDocument = {
      registerType: type,
      year,
      number: request.number,
      meetingId: null,
      periodKey: key,
      kind: 'report',
      version,
      symbol: document.symbol,
      date: request.date,
      document,
      issuedBy: by,
      issuedAt: new Date().toISOString(),
    }
    try {
      await insertIssue(this.db, issued)
    } catch (err) {
      if ((err as { code?: string }).code === '23505') return fail('NUMBER_TAKEN', `Số ${request.number} vừa được dùng cho văn bản khác.`, { number: 'Số này vừa được dùng.' })
      throw err
    }
    return ok(issued)
  }
}

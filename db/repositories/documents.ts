import { sql } from 'kysely'
import type { AdministrativeDocument, OfficeProfile } from '../../shared/documents/model'
import { defaultDocumentSettings } from '../../shared/documents/profile'
import { deadlineRules, type DeadlineRuleSet } from '../../shared/meeting/rules'
import { type Executor, toIso } from './executor'

export type { StoredKind } from '../../shared/documents/view'
import type { StoredKind } from '../../shared/documents/view'

export interface StoredDocument {
  version: number
  document: AdministrativeDocument
  note: string
  savedBy: string
  savedAt: string
}

export async function loadOfficeProfile(db: Executor): Promise<OfficeProfile> {
  const r = await db.selectFrom('office_profile').selectAll().where('id', '=', 1).executeTakeFirstOrThrow()
  const header = { parentBody: r.parent_body, issuingBody: r.issuing_body, officeCode: r.office_code, place: r.place }
  const stored = (typeof r.document_settings === 'string' ? JSON.parse(r.document_settings) : r.document_settings) as Partial<OfficeProfile> | null
  // Settings never saved (or saved before a field existed) fall back to what the header implies.
  return { ...defaultDocumentSettings(header), ...(stored ?? {}), ...header }
}

export async function saveOfficeProfile(db: Executor, p: OfficeProfile): Promise<void> {
  const { parentBody, issuingBody, officeCode, place, ...settings } = p
  await db
    .updateTable('office_profile')
    .set({ parent_body: parentBody, issuing_body: issuingBody, office_code: officeCode, place, document_settings: JSON.stringify(settings) })
    .where('id', '=', 1)
    .execute()
}

function toStored(r: { version: number; document: unknown; note: string; saved_by: string; saved_at: Date }): StoredDocument {
  const document = (typeof r.document === 'string' ? JSON.parse(r.document) : r.document) as AdministrativeDocument
  return { version: r.version, document, note: r.note, savedBy: r.saved_by, savedAt: toIso(r.saved_at) }
}

export async function listDocumentVersions(db: Executor, meetingId: string, kind: StoredKind): Promise<StoredDocument[]> {
  const rows = await db
    .selectFrom('meeting_documents')
    .select(['version', 'document', 'note', 'saved_by', 'saved_at'])
    .where('meeting_id', '=', meetingId)
    .where('kind', '=', kind)
    .orderBy('version')
    .execute()
  return rows.map(toStored)
}

/** Saves the editable draft (version 0), replacing the previous draft. */
export async function saveDraft(db: Executor, meetingId: string, kind: StoredKind, document: AdministrativeDocument, savedBy: string, at: string) {
  await db
    .insertInto('meeting_documents')
    .values({ meeting_id: meetingId, kind, version: 0, document: JSON.stringify(document), saved_by: savedBy, saved_at: at })
    .onConflict((oc) => oc.columns(['meeting_id', 'kind', 'version']).doUpdateSet({ document: JSON.stringify(document), saved_by: savedBy, saved_at: at }))
    .execute()
}

export async function discardDraft(db: Executor, meetingId: string, kind: StoredKind) {
  await db.deleteFrom('meeting_documents').where('meeting_id', '=', meetingId).where('kind', '=', kind).where('version', '=', 0).execute()
}

/** Freezes `document` as the next version. Runs inside the caller's transaction. */
export async function appendFinalVersion(
  trx: Executor,
  meetingId: string,
  kind: StoredKind,
  document: AdministrativeDocument,
  savedBy: string,
  at: string,
  note: string,
): Promise<number> {
  const row = await trx
    .selectFrom('meeting_documents')
    .select(sql<number>`coalesce(max(version), 0)`.as('latest'))
    .where('meeting_id', '=', meetingId)
    .where('kind', '=', kind)
    .executeTakeFirstOrThrow()
  const version = Number(row.latest) + 1
  await trx
    .insertInto('meeting_documents')
    .values({ meeting_id: meetingId, kind, version, document: JSON.stringify(document), saved_by: savedBy, saved_at: at, note })
    .execute()
  return version
}

/** The office's deadline sets, or the provincial rules when it has not set its own. */
export async function loadDeadlineRules(db: Executor): Promise<DeadlineRuleSet> {
  const r = await db.selectFrom('office_profile').select('deadline_rules').where('id', '=', 1).executeTakeFirst()
  const value = typeof r?.deadline_rules === 'string' ? JSON.parse(r.deadline_rules) : r?.deadline_rules
  return (value as DeadlineRuleSet | null | undefined) ?? deadlineRules
}

export async function saveDeadlineRules(db: Executor, rules: DeadlineRuleSet | null): Promise<void> {
  await db.updateTable('office_profile').set({ deadline_rules: rules ? JSON.stringify(rules) : null }).where('id', '=', 1).execute()
}

/** A finalised version as issued: its number in the register, its date, the text as published. */
export interface IssuedDocument {
  registerType: string
  year: number
  number: number
  meetingId: string | null
  /** A report's period ("2026-01-01_2026-06-30"); null for a meeting's documents. */
  periodKey: string | null
  kind: string
  version: number
  symbol: string
  date: string
  document: AdministrativeDocument
  issuedBy: string
  issuedAt: string
}

function toIssued(r: {
  register_type: string
  year: number
  number: number
  meeting_id: string | null
  kind: string
  version: number
  symbol: string
  date: string
  document: unknown
  issued_by: string
  issued_at: Date
  period_key: string | null
}): IssuedDocument {
  return {
    registerType: r.register_type,
    year: r.year,
    number: r.number,
    meetingId: r.meeting_id,
    periodKey: r.period_key,
    kind: r.kind,
    version: r.version,
    symbol: r.symbol,
    date: r.date,
    document: (typeof r.document === 'string' ? JSON.parse(r.document) : r.document) as AdministrativeDocument,
    issuedBy: r.issued_by,
    issuedAt: toIso(r.issued_at),
  }
}

const issueColumns = [
  'register_type',
  'year',
  'number',
  'meeting_id',
  'kind',
  'version',
  sql<string>`to_char(date, 'YYYY-MM-DD')`.as('date'),
  'symbol',
  'document',
  'issued_by',
  'issued_at',
  'period_key',
] as const

/** The issues of a meeting's documents of one kind, in version order. */
export async function listIssues(db: Executor, meetingId: string, kind: string): Promise<IssuedDocument[]> {
  const rows = await db.selectFrom('document_issues').select(issueColumns).where('meeting_id', '=', meetingId).where('kind', '=', kind).orderBy('version').execute()
  return rows.map(toIssued)
}

/** The next number of the register for a type and year: one more than the highest issued. */
export async function nextRegisterNumber(db: Executor, registerType: string, year: number): Promise<number> {
  const row = await db
    .selectFrom('document_issues')
    .select(sql<number>`coalesce(max(number), 0)`.as('latest'))
    .where('register_type', '=', registerType)
    .where('year', '=', year)
    .executeTakeFirstOrThrow()
  return Number(row.latest) + 1
}

/** What already holds a number in the register, if anything. */
export async function findRegisterEntry(db: Executor, registerType: string, year: number, number: number): Promise<IssuedDocument | null> {
  const row = await db
    .selectFrom('document_issues')
    .select(issueColumns)
    .where('register_type', '=', registerType)
    .where('year', '=', year)
    .where('number', '=', number)
    .executeTakeFirst()
  return row ? toIssued(row) : null
}

export async function insertIssue(db: Executor, i: IssuedDocument): Promise<void> {
  await db
    .insertInto('document_issues')
    .values({
      register_type: i.registerType,
      year: i.year,
      number: i.number,
      meeting_id: i.meetingId,
      kind: i.kind,
      version: i.version,
      symbol: i.symbol,
      date: i.date,
      document: JSON.stringify(i.document),
      issued_by: i.issuedBy,
      issued_at: i.issuedAt,
      period_key: i.periodKey,
    })
    .execute()
}

/** The issues of the results report of one period, in version order. */
export async function listReportIssues(db: Executor, periodKey: string): Promise<IssuedDocument[]> {
  const rows = await db.selectFrom('document_issues').select(issueColumns).where('period_key', '=', periodKey).where('kind', '=', 'report').orderBy('version').execute()
  return rows.map(toIssued)
}

// The results report's draft and versions, by period: as the meetings' documents, version 0 the draft.

export async function listReportVersions(db: Executor, periodKey: string): Promise<StoredDocument[]> {
  const rows = await db
    .selectFrom('report_documents')
    .select(['version', 'document', 'note', 'saved_by', 'saved_at'])
    .where('period_key', '=', periodKey)
    .orderBy('version')
    .execute()
  return rows.map(toStored)
}

export async function saveReportDraft(db: Executor, periodKey: string, document: AdministrativeDocument, savedBy: string, at: string) {
  await db
    .insertInto('report_documents')
    .values({ period_key: periodKey, version: 0, document: JSON.stringify(document), saved_by: savedBy, saved_at: at })
    .onConflict((oc) => oc.columns(['period_key', 'version']).doUpdateSet({ document: JSON.stringify(document), saved_by: savedBy, saved_at: at }))
    .execute()
}

export async function discardReportDraft(db: Executor, periodKey: string) {
  await db.deleteFrom('report_documents').where('period_key', '=', periodKey).where('version', '=', 0).execute()
}

/** Freezes `document` as the period's next version, under a lock on the period's rows. */
export async function appendReportVersion(trx: Executor, periodKey: string, document: AdministrativeDocument, savedBy: string, at: string, note: string): Promise<number> {
  await sql`select pg_advisory_xact_lock(hashtext(${`report:${periodKey}`}))`.execute(trx)
  const row = await trx
    .selectFrom('report_documents')
    .select(sql<number>`coalesce(max(version), 0)`.as('latest'))
    .where('period_key', '=', periodKey)
    .executeTakeFirstOrThrow()
  const version = Number(row.latest) + 1
  await trx.insertInto('report_documents').values({ period_key: periodKey, version, document: JSON.stringify(document), saved_by: savedBy, saved_at: at, note }).execute()
  return version
}

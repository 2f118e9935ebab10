import { sql } from 'kysely'
import type { AdministrativeDocument, OfficeProfile } from '../../shared/documents/model'
import { deadlineRules, type DeadlineRuleSet } from '../../shared/meeting/rules'
import { type Executor, toIso } from './executor'

export type StoredKind = 'minutes' | 'notice'

export interface StoredDocument {
  version: number
  document: AdministrativeDocument
  note: string
  savedBy: string
  savedAt: string
}

export async function loadOfficeProfile(db: Executor): Promise<OfficeProfile> {
  const r = await db.selectFrom('office_profile').selectAll().where('id', '=', 1).executeTakeFirstOrThrow()
  return { parentBody: r.parent_body, issuingBody: r.issuing_body, officeCode: r.office_code, place: r.place }
}

export async function saveOfficeProfile(db: Executor, p: OfficeProfile): Promise<void> {
  await db
    .updateTable('office_profile')
    .set({ parent_body: p.parentBody, issuing_body: p.issuingBody, office_code: p.officeCode, place: p.place })
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

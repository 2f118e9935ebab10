import { sql, type Kysely } from 'kysely'

// The results report is edited, finalised and issued like the minutes (a draft, frozen versions, a
// number from the register), but belongs to a period, not to a meeting: its own table, keyed by the
// period ("2026-01-01_2026-06-30"). An issued report names its period too. Frozen in time.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('report_documents')
    .addColumn('period_key', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().check(sql`version >= 0`))
    .addColumn('document', 'jsonb', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('saved_by', 'text', (c) => c.notNull())
    .addColumn('saved_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('report_documents_pkey', ['period_key', 'version'])
    .execute()
  // As for the meetings' documents: only the draft (version 0) may change.
  await sql`
    create trigger report_documents_frozen before update or delete on report_documents
    for each row execute function meeting_documents_final_frozen()`.execute(db)
  await db.schema.alterTable('document_issues').addColumn('period_key', 'text').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('document_issues').dropColumn('period_key').execute()
  await db.schema.dropTable('report_documents').execute()
}

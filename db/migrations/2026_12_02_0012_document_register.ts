import { sql, type Kysely } from 'kysely'

// Issuing a document is a step of its own: a finalised version gets a number from the office's
// register and a date. The register is per year and per type of document (TB, BB, BC, KH); a number
// once issued is never issued again (the primary key), and an issued document, exactly as it was
// published, never changes (the trigger). Reports have no meeting. Frozen in time.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('document_issues')
    .addColumn('register_type', 'text', (c) => c.notNull().check(sql`register_type in ('TB', 'BB', 'BC', 'KH')`))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('number', 'integer', (c) => c.notNull().check(sql`number > 0`))
    .addColumn('meeting_id', 'uuid', (c) => c.references('meetings.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().check(sql`version > 0`))
    .addColumn('symbol', 'text', (c) => c.notNull())
    .addColumn('date', 'date', (c) => c.notNull())
    .addColumn('document', 'jsonb', (c) => c.notNull())
    .addColumn('issued_by', 'text', (c) => c.notNull())
    .addColumn('issued_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('document_issues_pkey', ['register_type', 'year', 'number'])
    .execute()
  await db.schema.createIndex('document_issues_document').on('document_issues').columns(['meeting_id', 'kind', 'version']).unique().execute()

  await sql`
    create function document_issues_frozen() returns trigger language plpgsql as $$
    begin
      raise exception 'an issued document cannot change';
    end $$`.execute(db)
  await sql`
    create trigger document_issues_no_update_delete before update or delete on document_issues
    for each row execute function document_issues_frozen()`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('document_issues').execute()
  await sql`drop function document_issues_frozen`.execute(db)
}

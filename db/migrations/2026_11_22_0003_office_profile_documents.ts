import { sql, type Kysely } from 'kysely'

// Frozen in time: never edit a migration that has shipped; add a new one.
// The office's profile (what its documents print in the header) and the meeting documents with
// their versions: version 0 is the editable draft; 1, 2, … are finalised and never change.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('office_profile')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('parent_body', 'text', (c) => c.notNull())
    .addColumn('issuing_body', 'text', (c) => c.notNull())
    .addColumn('office_code', 'text', (c) => c.notNull())
    .addColumn('place', 'text', (c) => c.notNull())
    .execute()
  await db
    .insertInto('office_profile')
    .values({ id: 1, parent_body: 'UBND HUYỆN …', issuing_body: 'ỦY BAN NHÂN DÂN XÃ …', office_code: 'UBND', place: '…' })
    .execute()

  await db.schema
    .createTable('meeting_documents')
    .addColumn('meeting_id', 'uuid', (c) => c.notNull().references('meetings.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('minutes', 'notice')`))
    .addColumn('version', 'integer', (c) => c.notNull().check(sql`version >= 0`))
    .addColumn('document', 'jsonb', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('saved_by', 'text', (c) => c.notNull())
    .addColumn('saved_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('meeting_documents_pkey', ['meeting_id', 'kind', 'version'])
    .execute()

  // A finalised version is part of the record: only the draft (version 0) may change.
  await sql`
    create function meeting_documents_final_frozen() returns trigger language plpgsql as $$
    begin
      if old.version > 0 then raise exception 'a finalised document version cannot change'; end if;
      return case when tg_op = 'DELETE' then old else new end;
    end $$`.execute(db)
  await sql`
    create trigger meeting_documents_frozen before update or delete on meeting_documents
    for each row execute function meeting_documents_final_frozen()`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('meeting_documents').execute()
  await sql`drop function meeting_documents_final_frozen`.execute(db)
  await db.schema.dropTable('office_profile').execute()
}

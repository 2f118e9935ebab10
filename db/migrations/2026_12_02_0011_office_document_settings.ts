import { sql, type Kysely } from 'kysely'

// What an office's documents say every time, besides the header: how sentences name the office and
// its head, who signs and how, the legal bases, standing assignments and recipients of a conclusion
// notice (shared/documents/model.ts OfficeProfile), kept as one jsonb value. The placeholder header
// of a new install named a district ("UBND HUYỆN …"): the district level ended on 1 July 2025, so an
// untouched placeholder becomes a commune with no parent body. Frozen in time.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('office_profile').addColumn('document_settings', 'jsonb').execute()
  await db
    .updateTable('office_profile')
    .set({ parent_body: '' })
    .where('parent_body', '=', 'UBND HUYỆN …')
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('office_profile').dropColumn('document_settings').execute()
  await sql`update office_profile set parent_body = 'UBND HUYỆN …' where parent_body = ''`.execute(db)
}

import { sql, type Kysely } from 'kysely'

// Frozen in time: never edit a migration that has shipped; add a new one.
// What happens after the meeting to each written-answer commitment: one extension, then the result.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('follow_up_records')
    .addColumn('meeting_id', 'uuid', (c) => c.notNull().references('meetings.id'))
    .addColumn('petition_no', 'integer', (c) => c.notNull())
    .addColumn('extended_due_date', 'date')
    .addColumn('extension_reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('result_text', 'text')
    .addColumn('result_date', 'date')
    .addColumn('petitioner_answered', 'boolean')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('follow_up_records_pkey', ['meeting_id', 'petition_no'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('follow_up_records').execute()
}

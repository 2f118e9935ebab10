import { sql, type Kysely } from 'kysely'

// Frozen in time: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('meetings')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('venue', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    // The highest seq in meeting_events; the row is locked FOR UPDATE while a command is decided,
    // which serialises writers of one meeting across processes.
    .addColumn('last_seq', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('secretary_key', 'text', (c) => c.notNull())
    .addColumn('chair_key', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('meeting_events')
    .addColumn('meeting_id', 'uuid', (c) => c.notNull().references('meetings.id'))
    .addColumn('seq', 'integer', (c) => c.notNull().check(sql`seq > 0`))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('payload', 'jsonb', (c) => c.notNull())
    .addColumn('command_id', 'uuid')
    .addColumn('actor_role', 'text')
    .addColumn('occurred_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('meeting_events_pkey', ['meeting_id', 'seq'])
    .execute()

  // The append-only rule, enforced by the database itself and not only by our code.
  await sql`
    create function meeting_events_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'meeting_events is append-only';
    end $$`.execute(db)
  await sql`
    create trigger meeting_events_no_update_delete before update or delete on meeting_events
    for each row execute function meeting_events_append_only()`.execute(db)

  // One row per applied command: a retried command id answers with the stored result.
  await db.schema
    .createTable('meeting_commands')
    .addColumn('command_id', 'uuid', (c) => c.primaryKey())
    .addColumn('meeting_id', 'uuid', (c) => c.notNull().references('meetings.id'))
    .addColumn('command_type', 'text', (c) => c.notNull())
    .addColumn('payload_hash', 'text', (c) => c.notNull())
    .addColumn('first_seq', 'integer', (c) => c.notNull())
    .addColumn('last_seq', 'integer', (c) => c.notNull())
    .addColumn('applied_at', 'timestamptz', (c) => c.notNull())
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('meeting_commands').execute()
  await db.schema.dropTable('meeting_events').execute()
  await sql`drop function meeting_events_append_only`.execute(db)
  await db.schema.dropTable('meetings').execute()
}

import type { Kysely } from 'kysely'

// A command refused against the state (the queue was empty, the petition already resolved) is
// recorded too, with the refusal it got: a retry of its id, after the state changed, must get that
// first answer back instead of being applied then. A refused command produced no events, so its
// seq range is null. Frozen in time.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('meeting_commands').addColumn('refusal', 'jsonb').execute()
  await db.schema.alterTable('meeting_commands').alterColumn('first_seq', (c) => c.dropNotNull()).execute()
  await db.schema.alterTable('meeting_commands').alterColumn('last_seq', (c) => c.dropNotNull()).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('meeting_commands').where('refusal', 'is not', null).execute()
  await db.schema.alterTable('meeting_commands').alterColumn('last_seq', (c) => c.setNotNull()).execute()
  await db.schema.alterTable('meeting_commands').alterColumn('first_seq', (c) => c.setNotNull()).execute()
  await db.schema.alterTable('meeting_commands').dropColumn('refusal').execute()
}

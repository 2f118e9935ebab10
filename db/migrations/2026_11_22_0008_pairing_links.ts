import type { Kysely } from 'kysely'

// A pairing code's QR link carries its own long secret besides the six digits: scanning it pairs
// even while typed codes are paused after a wave of wrong guesses. And a paired device keeps the
// address it paired from, so the secretary can tell the hall's tablet from an intruder's phone.
// Frozen in time.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('pairing_codes').addColumn('link_hash', 'text').execute()
  await db.schema.createIndex('pairing_codes_link').on('pairing_codes').column('link_hash').execute()
  await db.schema.alterTable('devices').addColumn('paired_from', 'text').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('devices').dropColumn('paired_from').execute()
  await db.schema.dropIndex('pairing_codes_link').execute()
  await db.schema.alterTable('pairing_codes').dropColumn('link_hash').execute()
}

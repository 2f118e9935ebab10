import { sql, type Kysely } from 'kysely'

// Accounts, sessions, one-time password links, paired devices and the office audit trail. The
// per-meeting secret keys go: who may open which screen now follows from the account or the device.
// Frozen in time: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('users')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    // scrypt$N$r$p$salt$hash; null until the person opens their setup link.
    .addColumn('password_hash', 'text')
    .addColumn('roles', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('unit_id', 'uuid', (c) => c.references('directory_units.id').onDelete('set null'))
    .addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('last_sign_in_at', 'timestamptz')
    .execute()

  // Only hashes of tokens are stored: a copy of the database does not let anyone in.
  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('revoked_at', 'timestamptz')
    .addColumn('address', 'text')
    .execute()
  await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute()

  await db.schema
    .createTable('password_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('used_at', 'timestamptz')
    .execute()

  await db.schema
    .createTable('pairing_codes')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('meeting_id', 'uuid', (c) => c.notNull().references('meetings.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('created_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    // Used (a device paired with it) or voided (replaced, or too many wrong guesses overall).
    .addColumn('closed_at', 'timestamptz')
    .execute()
  await db.schema.createIndex('pairing_codes_hash').on('pairing_codes').column('code_hash').execute()

  // Wrong pairing codes, from any address: many of them in a short time void every open code.
  await db.schema
    .createTable('pairing_failures')
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('address', 'text')
    .execute()

  await db.schema
    .createTable('devices')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('meeting_id', 'uuid', (c) => c.notNull().references('meetings.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('paired_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('paired_at', 'timestamptz', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('revoked_at', 'timestamptz')
    .execute()
  await db.schema.createIndex('devices_meeting').on('devices').column('meeting_id').execute()

  // Office-level audit trail (sign-ins, accounts, pairing, revocations): append-only like the log.
  await db.schema
    .createTable('office_audit')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'uuid')
    .addColumn('actor', 'text')
    .addColumn('detail', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('address', 'text')
    .execute()
  await sql`
    create function office_audit_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'office_audit is append-only';
    end $$`.execute(db)
  await sql`
    create trigger office_audit_no_update_delete before update or delete on office_audit
    for each row execute function office_audit_append_only()`.execute(db)

  // Who issued each event: the person (account) or the paired device, for oversight.
  await db.schema.alterTable('meeting_events').addColumn('actor', 'jsonb').execute()

  await db.schema.alterTable('meetings').dropColumn('secretary_key').execute()
  await db.schema.alterTable('meetings').dropColumn('chair_key').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('meetings').addColumn('secretary_key', 'text', (c) => c.notNull().defaultTo('')).execute()
  await db.schema.alterTable('meetings').addColumn('chair_key', 'text', (c) => c.notNull().defaultTo('')).execute()
  await db.schema.alterTable('meeting_events').dropColumn('actor').execute()
  await db.schema.dropTable('office_audit').execute()
  await sql`drop function office_audit_append_only`.execute(db)
  await db.schema.dropTable('devices').execute()
  await db.schema.dropTable('pairing_failures').execute()
  await db.schema.dropTable('pairing_codes').execute()
  await db.schema.dropTable('password_tokens').execute()
  await db.schema.dropTable('sessions').execute()
  await db.schema.dropTable('users').execute()
}

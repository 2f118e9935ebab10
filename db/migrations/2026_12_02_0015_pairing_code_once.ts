import { sql, type Kysely } from 'kysely'

// At most one open pairing code per meeting and role: a code on the console stands for the one
// device about to pair, and asking again replaces it. The service serialises requests on the
// meeting row; this index makes the rule the database's too, so no later path can leave two open.
// Two requests racing before this existed may have left several: the newest stays open. Frozen in time.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    update pairing_codes set closed_at = now()
    where closed_at is null and id not in (
      select distinct on (meeting_id, role) id from pairing_codes
      where closed_at is null
      order by meeting_id, role, created_at desc, id desc
    )`.execute(db)
  await db.schema
    .createIndex('pairing_codes_one_open')
    .unique()
    .on('pairing_codes')
    .columns(['meeting_id', 'role'])
    .where(sql.ref('closed_at'), 'is', null)
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('pairing_codes_one_open').execute()
}

import { sql, type Kysely } from 'kysely'

// Frozen in time: never edit a migration that has shipped; add a new one.
//
// 1. Follow-up becomes part of the meeting's log. Each row of follow_up_records (the one extension
//    and the result of a written-answer commitment, kept beside the log until now) is appended to
//    its meeting's events as 'follow-up.extended' then 'follow-up.result-recorded', numbered after
//    the meeting's last event, and the table is dropped. All in this migration's one transaction:
//    either every row is in the log and the table is gone, or nothing changed. The rows kept no
//    author and one time of change (updated_at), so the moved events carry no actor and that time;
//    who did it stays in the office audit rows written then ('follow-up-extended', '-result').
// 2. meeting_projection: what reports and cross-meeting lists read, one row per meeting, written in
//    the transaction that appends the meeting's events. Rows are made by the server from the log
//    (on start-up for meetings that have none, or an older `shape`), not here: folding a log is
//    domain code, and a migration must not depend on code that will change.
export async function up(db: Kysely<any>): Promise<void> {
  const rows = await db
    .selectFrom('follow_up_records')
    .select([
      'meeting_id',
      'petition_no',
      sql<string | null>`to_char(extended_due_date, 'YYYY-MM-DD')`.as('extended'),
      'extension_reason',
      'result_text',
      sql<string | null>`to_char(result_date, 'YYYY-MM-DD')`.as('result_day'),
      'petitioner_answered',
      'updated_at',
    ])
    .orderBy('meeting_id')
    .orderBy('petition_no')
    .execute()

  const byMeeting = new Map<string, typeof rows>()
  for (const r of rows) byMeeting.set(r.meeting_id, [...(byMeeting.get(r.meeting_id) ?? []), r])
  for (const [meetingId, records] of byMeeting) {
    const meeting = await db.selectFrom('meetings').select('last_seq').where('id', '=', meetingId).forUpdate().executeTakeFirstOrThrow()
    let seq: number = meeting.last_seq
    const events: object[] = []
    const add = (type: string, payload: object, at: unknown) => events.push({ meeting_id: meetingId, seq: ++seq, type, payload: JSON.stringify(payload), command_id: null, actor_role: null, actor: null, occurred_at: at })
    for (const r of records) {
      if (r.extended) add('follow-up.extended', { petitionNo: r.petition_no, dueDate: r.extended, reason: r.extension_reason }, r.updated_at)
      if (r.result_text !== null && r.result_day) {
        add('follow-up.result-recorded', { petitionNo: r.petition_no, result: { text: r.result_text, date: r.result_day, petitionerAnswered: r.petitioner_answered ?? false } }, r.updated_at)
      }
    }
    if (!events.length) continue
    await db.insertInto('meeting_events').values(events).execute()
    await db.updateTable('meetings').set({ last_seq: seq }).where('id', '=', meetingId).execute()
  }
  await db.schema.dropTable('follow_up_records').execute()

  await db.schema
    .createTable('meeting_projection')
    .addColumn('meeting_id', 'uuid', (c) => c.primaryKey().references('meetings.id'))
    // The meeting's seq when the row was last written (a later event that changes nothing the
    // projection holds does not rewrite it); a write never goes back to an older seq.
    .addColumn('seq', 'integer', (c) => c.notNull())
    // The summary's shape: a row of an older shape is rebuilt from the log on start-up.
    .addColumn('shape', 'integer', (c) => c.notNull())
    // Held (past its opening), and on which day: what a report's period selects by.
    .addColumn('held', 'boolean', (c) => c.notNull())
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('follow_up_count', 'integer', (c) => c.notNull())
    .addColumn('summary', 'jsonb', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('meeting_projection_held_on').on('meeting_projection').column('held_on').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('meeting_projection').execute()
  // The moved follow-up events stay in the log (it is append-only); the old table comes back empty.
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

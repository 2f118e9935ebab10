import { sql } from 'kysely'
import type { FollowUpRecord } from '../../shared/followup'
import type { Executor } from './executor'

export async function loadFollowUpRecords(db: Executor, meetingId: string): Promise<Map<number, FollowUpRecord>> {
  const rows = await db
    .selectFrom('follow_up_records')
    .select([
      'petition_no',
      sql<string | null>`to_char(extended_due_date, 'YYYY-MM-DD')`.as('extended'),
      'extension_reason',
      'result_text',
      sql<string | null>`to_char(result_date, 'YYYY-MM-DD')`.as('result_day'),
      'petitioner_answered',
    ])
    .where('meeting_id', '=', meetingId)
    .execute()
  return new Map(
    rows.map((r) => [
      r.petition_no,
      {
        extendedDueDate: r.extended,
        extensionReason: r.extension_reason,
        result: r.result_text !== null && r.result_day !== null ? { text: r.result_text, date: r.result_day, petitionerAnswered: r.petitioner_answered ?? false } : null,
      },
    ]),
  )
}

/** Records the one extension an item may have; false when it already had one (even when raced). */
export async function recordExtension(db: Executor, meetingId: string, petitionNo: number, dueDate: string, reason: string): Promise<boolean> {
  const written = await db
    .insertInto('follow_up_records')
    .values({ meeting_id: meetingId, petition_no: petitionNo, extended_due_date: dueDate, extension_reason: reason })
    .onConflict((oc) =>
      oc
        .columns(['meeting_id', 'petition_no'])
        .doUpdateSet({ extended_due_date: dueDate, extension_reason: reason, updated_at: sql`now()` })
        .where('follow_up_records.extended_due_date', 'is', null),
    )
    .returning('petition_no')
    .executeTakeFirst()
  return written !== undefined
}

/** Records an item's result once; false when one was already recorded (two reports raced). */
export async function recordResult(db: Executor, meetingId: string, petitionNo: number, r: { text: string; date: string; petitionerAnswered: boolean }): Promise<boolean> {
  const written = await db
    .insertInto('follow_up_records')
    .values({ meeting_id: meetingId, petition_no: petitionNo, result_text: r.text, result_date: r.date, petitioner_answered: r.petitionerAnswered })
    .onConflict((oc) =>
      oc
        .columns(['meeting_id', 'petition_no'])
        .doUpdateSet({ result_text: r.text, result_date: r.date, petitioner_answered: r.petitionerAnswered, updated_at: sql`now()` })
        .where('follow_up_records.result_text', 'is', null),
    )
    .returning('petition_no')
    .executeTakeFirst()
  return written !== undefined
}

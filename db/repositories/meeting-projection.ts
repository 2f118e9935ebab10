import { sql } from 'kysely'
import type { MeetingSummary } from '../../shared/report'
import type { FollowUpItem } from '../../shared/followup'
import type { Executor } from './executor'

// The meeting projection: one row per meeting with what reports and cross-meeting lists need
// (shared/report.ts MeetingSummary), written in the transaction that appends the meeting's events.

const parse = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T

/**
 * Writes a meeting's summary as of `seq`. A write never goes back to an older seq: a start-up
 * rebuild that read the log before another process appended cannot overwrite the newer row.
 */
export async function saveMeetingSummary(db: Executor, summary: MeetingSummary, seq: number, shape: number): Promise<void> {
  const row = {
    meeting_id: summary.meetingId,
    seq,
    shape,
    held: summary.held,
    held_on: summary.heldOn,
    follow_up_count: summary.followUps.length,
    summary: JSON.stringify(summary),
  }
  await db
    .insertInto('meeting_projection')
    .values(row)
    .onConflict((oc) =>
      oc
        .column('meeting_id')
        .doUpdateSet({ seq, shape, held: row.held, held_on: row.held_on, follow_up_count: row.follow_up_count, summary: row.summary })
        .where('meeting_projection.seq', '<=', seq),
    )
    .execute()
}

/** The meetings held in a period (by the day they took place, inclusive). */
export async function heldMeetingSummaries(db: Executor, from: string, to: string): Promise<MeetingSummary[]> {
  const rows = await db.selectFrom('meeting_projection').select('summary').where('held', '=', true).where('held_on', '>=', from).where('held_on', '<=', to).execute()
  return rows.map((r) => parse<MeetingSummary>(r.summary))
}

/** Every meeting's follow-up items (as lists beyond the secretary and chair show them). */
export async function projectedFollowUps(db: Executor): Promise<FollowUpItem[]> {
  const rows = await db
    .selectFrom('meeting_projection')
    .select(sql<unknown>`summary->'followUps'`.as('items'))
    .where('follow_up_count', '>', 0)
    .execute()
  return rows.flatMap((r) => parse<FollowUpItem[]>(r.items))
}

/** Meetings with no row, or a row of an older shape: those to rebuild from the log. */
export async function meetingsToProject(db: Executor, shape: number): Promise<string[]> {
  const rows = await db
    .selectFrom('meetings')
    .leftJoin('meeting_projection', 'meeting_projection.meeting_id', 'meetings.id')
    .select('meetings.id')
    .where((eb) => eb.or([eb('meeting_projection.meeting_id', 'is', null), eb('meeting_projection.shape', '<', shape)]))
    .execute()
  return rows.map((r) => r.id)
}

export async function loadMeetingSummary(db: Executor, meetingId: string): Promise<MeetingSummary | null> {
  const row = await db.selectFrom('meeting_projection').select('summary').where('meeting_id', '=', meetingId).executeTakeFirst()
  return row ? parse<MeetingSummary>(row.summary) : null
}

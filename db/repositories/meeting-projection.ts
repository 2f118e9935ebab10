import { sql } from 'kysely'
import type { MeetingSummary } from '../../shared/report'
import type { FollowUpItem } from '../../shared/followup'
import { type Executor, toIso } from './executor'

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

export interface ListedMeeting {
  meetingId: string
  title: string
  venue: string
  createdAt: string
  meetingDate: string
  phase: MeetingSummary['phase']
}

/**
 * The meetings list, newest first: each meeting's head, and its date and phase from the projection
 * (no log is folded, so listing hundreds of meetings neither costs their folds nor fills the
 * meeting cache with them).
 */
export async function listProjectedMeetings(db: Executor, limit = 200): Promise<ListedMeeting[]> {
  const rows = await db
    .selectFrom('meetings')
    .leftJoin('meeting_projection', 'meeting_projection.meeting_id', 'meetings.id')
    .select([
      'meetings.id',
      'meetings.title',
      'meetings.venue',
      'meetings.created_at',
      sql<string | null>`meeting_projection.summary->>'meetingDate'`.as('meeting_date'),
      sql<MeetingSummary['phase'] | null>`meeting_projection.summary->>'phase'`.as('phase'),
    ])
    .orderBy('meetings.created_at', 'desc')
    .orderBy('meetings.id')
    .limit(limit)
    .execute()
  return rows.map((r) => ({ meetingId: r.id, title: r.title, venue: r.venue, createdAt: toIso(r.created_at), meetingDate: r.meeting_date ?? '', phase: r.phase ?? 'opening' }))
}

import { type Executor, toIso } from './executor'

export interface MeetingRecord {
  meetingId: string
  title: string
  venue: string
  createdAt: string
  lastSeq: number
}

export async function insertMeeting(
  db: Executor,
  m: { meetingId: string; title: string; venue: string; createdAt: string },
): Promise<void> {
  await db
    .insertInto('meetings')
    .values({
      id: m.meetingId,
      title: m.title,
      venue: m.venue,
      created_at: m.createdAt,
    })
    .execute()
}

const columns = ['id', 'title', 'venue', 'created_at', 'last_seq'] as const

function toRecord(row: { id: string; title: string; venue: string; created_at: Date; last_seq: number }): MeetingRecord {
  return { meetingId: row.id, title: row.title, venue: row.venue, createdAt: toIso(row.created_at), lastSeq: row.last_seq }
}

export async function findMeeting(db: Executor, meetingId: string): Promise<MeetingRecord | null> {
  const row = await db.selectFrom('meetings').select(columns).where('id', '=', meetingId).executeTakeFirst()
  return row ? toRecord(row) : null
}

/** Locks the meeting row until the transaction ends: one writer per meeting at a time. */
export async function lockMeeting(trx: Executor, meetingId: string): Promise<MeetingRecord | null> {
  const row = await trx.selectFrom('meetings').select(columns).where('id', '=', meetingId).forUpdate().executeTakeFirst()
  return row ? toRecord(row) : null
}

/**
 * Moves the meeting's head: its last sequence number, and the title and venue the meeting lists
 * show. Those two are a copy of what the log says, refreshed with every append so they never lag it.
 */
export async function setMeetingHead(trx: Executor, meetingId: string, head: { lastSeq: number; title: string; venue: string }): Promise<void> {
  await trx.updateTable('meetings').set({ last_seq: head.lastSeq, title: head.title, venue: head.venue }).where('id', '=', meetingId).execute()
}

export async function listMeetings(db: Executor, limit = 200): Promise<MeetingRecord[]> {
  const rows = await db.selectFrom('meetings').select(columns).orderBy('created_at', 'desc').orderBy('id').limit(limit).execute()
  return rows.map(toRecord)
}


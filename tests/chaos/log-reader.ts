import pg from 'pg'
import { openDatabase } from '../../db/connect'
import { readEvents } from '../../db/repositories/events'
import type { MeetingEvent } from '../../shared/meeting/events'

// The meeting's log as the database holds it, read with the app's own repository so the events have
// exactly the shape the server sends to screens (timestamps included).

/** Every event of the meeting. For the embedded database, only once the app process has stopped. */
export async function readMeetingLog(where: { url: string } | { dataDir: string }, meetingId: string): Promise<MeetingEvent[]> {
  const database = await openDatabase('url' in where ? { url: where.url } : { dataDir: where.dataDir })
  try {
    return await readEvents(database.db, meetingId, 0)
  } finally {
    await database.close()
  }
}

/** The meeting's last seq, read while the app runs (PostgreSQL only); null when unreachable. */
export async function logHead(url: string, meetingId: string): Promise<number | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 })
  client.on('error', () => undefined)
  try {
    await client.connect()
    const result = await client.query<{ last_seq: number }>('select last_seq from meetings where id = $1', [meetingId])
    return result.rows[0] ? Number(result.rows[0].last_seq) : null
  } catch {
    return null
  } finally {
    await client.end().catch(() => undefined)
  }
}

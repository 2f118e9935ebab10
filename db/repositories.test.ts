import { randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from './connect'
import { countEvents, appendEvents, readEvents, readMeetingAudit } from './repositories/events'
import { findLiveSession, insertSession, insertUser, revokeSession, updateUser } from './repositories/accounts'
import { findMeeting, insertMeeting, listMeetings } from './repositories/meetings'
import { backendName, openTestDatabase } from '../tests/fixtures/database'
import type { MeetingEvent } from '../shared/meeting/events'

// The same suite on the embedded PGlite and, when DATABASE_URL is set, on a real PostgreSQL.
describe(`repositories on ${backendName}`, () => {
  let handle: DatabaseHandle
  beforeAll(async () => {
    handle = await openTestDatabase()
  })
  afterAll(() => handle.close())

  async function newMeeting(title = 'Hội nghị') {
    const meetingId = randomUUID()
    await insertMeeting(handle.db, { meetingId, title, venue: '', createdAt: new Date().toISOString() })
    return meetingId
  }

  const event = (meetingId: string, seq: number, title: string): MeetingEvent => ({
    meetingId,
    seq,
    at: '2026-06-20T08:00:00.000Z',
    commandId: randomUUID(),
    actorRole: 'secretary',
    type: 'meeting.created',
    payload: { title, venue: '' },
  })

  it('round-trips events exactly, Vietnamese text included, in sequence order', async () => {
    const meetingId = await newMeeting()
    const title = 'Kiến nghị về đường giao thông nông thôn — bản Huổi Khương'
    await appendEvents(handle.db, [event(meetingId, 2, 'hai'), event(meetingId, 1, title)])
    const events = await readEvents(handle.db, meetingId, 0)
    expect(events.map((e) => e.seq)).toEqual([1, 2])
    expect(events[0]).toMatchObject({ meetingId, seq: 1, type: 'meeting.created', actorRole: 'secretary', at: '2026-06-20T08:00:00.000Z' })
    expect(events[0]?.payload).toEqual({ title, venue: '' })
    expect(await readEvents(handle.db, meetingId, 1)).toHaveLength(1)
    expect(await readEvents(handle.db, meetingId, 0, 1)).toHaveLength(1)
  })

  it('counts come back as numbers on both backends (int8 parsed alike)', async () => {
    const meetingId = await newMeeting()
    await appendEvents(handle.db, [event(meetingId, 1, 'a'), event(meetingId, 2, 'b')])
    const n = await countEvents(handle.db, meetingId)
    expect(n).toBe(2)
    expect(typeof n).toBe('number')
  })

  it('refuses a second event with the same (meeting, seq)', async () => {
    const meetingId = await newMeeting()
    await appendEvents(handle.db, [event(meetingId, 1, 'a')])
    await expect(appendEvents(handle.db, [event(meetingId, 1, 'b')])).rejects.toMatchObject({ code: '23505' })
    expect((await readEvents(handle.db, meetingId, 0)).map((e) => e.payload)).toEqual([{ title: 'a', venue: '' }])
  })

  it('keeps the log append-only: updates and deletes are refused by the database', async () => {
    const meetingId = await newMeeting()
    await appendEvents(handle.db, [event(meetingId, 1, 'a')])
    await expect(sql`update meeting_events set type = 'x' where meeting_id = ${meetingId}`.execute(handle.db)).rejects.toThrow(/append-only/)
    await expect(sql`delete from meeting_events where meeting_id = ${meetingId}`.execute(handle.db)).rejects.toThrow(/append-only/)
    expect(await countEvents(handle.db, meetingId)).toBe(1)
  })

  it('rolls back everything in a failed transaction', async () => {
    const meetingId = await newMeeting()
    await expect(
      handle.db.transaction().execute(async (trx) => {
        await appendEvents(trx, [event(meetingId, 1, 'a')])
        await appendEvents(trx, [event(meetingId, 1, 'duplicate')])
      }),
    ).rejects.toBeTruthy()
    expect(await countEvents(handle.db, meetingId)).toBe(0)
  })

  it('keeps who issued each event for oversight, and never sends it with the events', async () => {
    const meetingId = await newMeeting()
    const actor = { kind: 'user' as const, id: randomUUID(), name: 'Quàng Thị Thu (thuqt)' }
    await appendEvents(handle.db, [event(meetingId, 1, 'a')], actor)
    await appendEvents(handle.db, [event(meetingId, 2, 'b')])
    expect((await readMeetingAudit(handle.db, meetingId)).map(({ payload: _payload, ...entry }) => entry)).toEqual([
      { seq: 1, type: 'meeting.created', at: '2026-06-20T08:00:00.000Z', role: 'secretary', actor },
      { seq: 2, type: 'meeting.created', at: '2026-06-20T08:00:00.000Z', role: 'secretary', actor: null },
    ])
    expect(JSON.stringify(await readEvents(handle.db, meetingId, 0))).not.toContain('thuqt')
  })

  it('finds a session only while it is live: not expired, not revoked, of an active account', async () => {
    const userId = randomUUID()
    const username = `repo-${randomUUID().slice(0, 8)}`
    await insertUser(handle.db, { id: userId, username, displayName: 'Lò Văn Hùng', roles: ['chair', 'unit_lead'], unitId: null, createdAt: new Date().toISOString() })
    const now = new Date()
    const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000).toISOString()
    const live = `live-${randomUUID()}`
    const stale = `stale-${randomUUID()}`
    await insertSession(handle.db, { id: live, userId, csrfToken: 'csrf', createdAt: at(-10), expiresAt: at(60), address: null })
    await insertSession(handle.db, { id: stale, userId, csrfToken: 'csrf', createdAt: at(-120), expiresAt: at(-1), address: null })

    expect(await findLiveSession(handle.db, live, now.toISOString())).toMatchObject({
      sessionId: live,
      csrfToken: 'csrf',
      expiresAt: at(60),
      user: { id: userId, username, displayName: 'Lò Văn Hùng', roles: ['chair', 'unit_lead'], unitId: null, active: true },
    })
    expect(await findLiveSession(handle.db, stale, now.toISOString())).toBeNull()
    expect(await findLiveSession(handle.db, live, at(61))).toBeNull()

    await updateUser(handle.db, userId, { displayName: 'Lò Văn Hùng', roles: ['chair'], unitId: null, active: false })
    expect(await findLiveSession(handle.db, live, now.toISOString())).toBeNull()
    await updateUser(handle.db, userId, { displayName: 'Lò Văn Hùng', roles: ['chair'], unitId: null, active: true })
    expect((await findLiveSession(handle.db, live, now.toISOString()))?.user.roles).toEqual(['chair'])
    await revokeSession(handle.db, live, now.toISOString())
    expect(await findLiveSession(handle.db, live, now.toISOString())).toBeNull()
  })

  it('maps meetings to camelCase with ISO dates', async () => {
    const meetingId = await newMeeting('Đối thoại với nhân dân')
    const m = await findMeeting(handle.db, meetingId)
    expect(m).toMatchObject({ meetingId, title: 'Đối thoại với nhân dân', lastSeq: 0 })
    expect(m?.createdAt).toMatch(/^\d{4}-\d\d-\d\dT/)
    expect((await listMeetings(handle.db, 1000)).some((x) => x.meetingId === meetingId)).toBe(true)
  })
})

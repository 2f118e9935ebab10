import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../db/connect'
import { readEvents } from '../../db/repositories/events'
import { buildCommand } from '../../shared/meeting/commands'
import { fold } from '../../shared/meeting/evolve'
import { emptyMeetingState } from '../../shared/meeting/model'
import { backendName, openTestDatabase } from '../../tests/fixtures/database'
import { MeetingCache } from './meeting-cache'
import { MeetingLog } from './meeting-log'

describe('the meeting cache', () => {
  it('keeps the most recently used meetings up to its capacity and drops the least recently used', () => {
    const cache = new MeetingCache(2)
    cache.set('a', emptyMeetingState('a'))
    cache.set('b', emptyMeetingState('b'))
    cache.get('a') // used: b is now the oldest
    cache.set('c', emptyMeetingState('c'))
    expect([...cache.keys()]).toEqual(['a', 'c'])
    expect(cache.get('b')).toBeUndefined()
    expect(() => new MeetingCache(0)).toThrow()
  })

  it('never drops a meeting screens follow, even when it is the least recently used', () => {
    const cache = new MeetingCache(2)
    const followed = new Set(['a'])
    cache.keepWhile((id) => followed.has(id))
    cache.set('a', emptyMeetingState('a'))
    cache.set('b', emptyMeetingState('b'))
    cache.set('c', emptyMeetingState('c'))
    expect([...cache.keys()]).toEqual(['a', 'c'])
    // Every meeting held is followed: the cache grows past its bound rather than drop one.
    followed.add('c')
    cache.set('d', emptyMeetingState('d'))
    followed.add('d')
    cache.set('e', emptyMeetingState('e'))
    expect([...cache.keys()].sort()).toEqual(['a', 'c', 'd', 'e'])
    // No longer followed: dropped at the next write.
    followed.clear()
    cache.set('f', emptyMeetingState('f'))
    expect([...cache.keys()]).toEqual(['e', 'f'])
  })
})

describe(`a meeting log with a bounded cache on ${backendName}`, () => {
  let handle: DatabaseHandle
  let log: MeetingLog
  beforeAll(async () => {
    handle = await openTestDatabase()
    // Each kind of database: the embedded one trusts its cache as the head, PostgreSQL does not.
    log = new MeetingLog(handle.db, { maxCachedMeetings: 2, sharedDatabase: backendName === 'postgres' })
  })
  afterAll(() => handle.close())

  const petition = (title: string) => buildCommand('petition:record', randomUUID(), { origin: 'registered', title })

  it('refolds a meeting it dropped from its log when read again, and goes on appending after its last event', async () => {
    const ids: string[] = []
    for (const title of ['Một', 'Hai', 'Ba']) {
      const created = await log.createMeeting({ title, venue: 'Hội trường' })
      if (!created.ok) throw new Error(created.error.code)
      ids.push(created.data.meeting.meetingId)
      expect((await log.execute(ids.at(-1)!, 'secretary', petition(`Kiến nghị của ${title}`))).ok).toBe(true)
    }
    // Three meetings, room for two: the first is no longer kept.
    const first = ids[0]!
    const refold = async () => fold(emptyMeetingState(first), await readEvents(handle.db, first, 0))
    expect(await log.state(first)).toEqual(await refold())
    const next = await log.execute(first, 'secretary', petition('Thêm một kiến nghị'))
    expect(next.ok && next.data.seq).toBe(3)
    const state = await log.state(first)
    expect(state).toEqual(await refold())
    expect(state!.petitions.map((p) => p.title)).toEqual(['Kiến nghị của Một', 'Thêm một kiến nghị'])
  })
})

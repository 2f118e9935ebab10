import { describe, expect, it } from 'vitest'
import { emptyMeetingState } from '@shared/meeting/model'
import { forgetCachedState, forgetCachedStates, loadCachedState, parseCachedState, saveCachedState, stateCacheKey } from './stateCache'
import { memoryStorage } from './memoryStorage'

const meetingId = '7d3c2f0e-8b5a-4c1d-9e2f-3a4b5c6d7e8f'
const build = '/assets/index-AAAA.js'
const shown = { ...emptyMeetingState(meetingId), seq: 12, title: 'Hội nghị đối thoại bản Hua Nà' }

describe('the picture of a meeting kept for a reload during a drop', () => {
  it('comes back for the same meeting, role and build', () => {
    const storage = memoryStorage()
    saveCachedState('secretary', shown, build, storage)
    expect(loadCachedState(meetingId, 'secretary', build, storage)).toEqual(shown)
    expect(loadCachedState(meetingId, 'projector', build, storage)).toBeNull()
    // Refused (a revoked device, a session that ended): gone.
    forgetCachedState(meetingId, 'secretary', storage)
    expect(loadCachedState(meetingId, 'secretary', build, storage)).toBeNull()
  })

  it('is ignored when another build of the app took it, or it is for another meeting, empty or malformed', () => {
    const raw = JSON.stringify({ build, state: shown })
    expect(parseCachedState(raw, meetingId, '/assets/index-BBBB.js')).toBeNull()
    expect(parseCachedState(raw, 'another-meeting', build)).toBeNull()
    expect(parseCachedState(JSON.stringify({ build, state: emptyMeetingState(meetingId) }), meetingId, build)).toBeNull()
    expect(parseCachedState('{"build":', meetingId, build)).toBeNull()
    expect(parseCachedState(null, meetingId, build)).toBeNull()
  })

  it('is not kept before the first sync, and every picture goes on signing out', () => {
    const storage = memoryStorage()
    saveCachedState('secretary', emptyMeetingState(meetingId), build, storage)
    expect(storage.length).toBe(0)
    saveCachedState('secretary', shown, build, storage)
    saveCachedState('chair', shown, build, storage)
    storage.setItem('hnd:outbox:x:secretary', '[]')
    forgetCachedStates(storage)
    expect(storage.getItem(stateCacheKey(meetingId, 'secretary'))).toBeNull()
    expect(storage.getItem('hnd:outbox:x:secretary')).toBe('[]')
  })
})

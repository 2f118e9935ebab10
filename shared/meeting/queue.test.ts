import { describe, expect, it } from 'vitest'
import { command, DomainHarness } from './test-helpers'
import { currentSpeaker, waitingSpeakers } from './selectors'
import { formatClock, remainingMs, spokenMs } from './timer'

function withSpeakers(n: number) {
  const m = new DomainHarness()
  for (let i = 1; i <= n; i++) m.must(command('speaker:register', { name: `Người ${i}`, unit: `Bản ${i}` }))
  return m
}
const queue = (m: DomainHarness) => waitingSpeakers(m.state).map((s) => s.no)

describe('speaker queue order', () => {
  it('keeps registration order, and lets the secretary move someone anywhere or to next', () => {
    const m = withSpeakers(4)
    expect(queue(m)).toEqual([1, 2, 3, 4])
    m.must(command('speaker:move', { speakerNo: 4, position: 1 }))
    expect(queue(m)).toEqual([1, 4, 2, 3])
    m.must(command('speaker:move', { speakerNo: 3, position: 0 }))
    expect(queue(m)).toEqual([3, 1, 4, 2])
    m.must(command('speaker:move', { speakerNo: 3, position: 99 })) // past the end: last
    expect(queue(m)).toEqual([1, 4, 2, 3])
  })

  it('refuses to move someone who is not waiting, or to where they already are', () => {
    const m = withSpeakers(2)
    expect(m.run(command('speaker:move', { speakerNo: 1, position: 0 }))).toMatchObject({ ok: false, error: { code: 'NO_CHANGE' } })
    m.must(command('speaker:call-next', {}))
    expect(m.run(command('speaker:move', { speakerNo: 1, position: 1 }))).toMatchObject({ ok: false, error: { code: 'SPEAKER_NOT_WAITING' } })
    expect(m.run(command('speaker:move', { speakerNo: 9, position: 0 }))).toMatchObject({ ok: false, error: { code: 'SPEAKER_NOT_FOUND' } })
  })

  it('withdraws a waiting speaker from the queue; a finished one cannot withdraw', () => {
    const m = withSpeakers(3)
    m.must(command('speaker:withdraw', { speakerNo: 2 }))
    expect(queue(m)).toEqual([1, 3])
    expect(m.state.speakers[1]?.status).toBe('withdrawn')
    m.must(command('speaker:call-next', {}))
    m.must(command('speaker:finish', {}))
    expect(m.run(command('speaker:withdraw', { speakerNo: 1 }))).toMatchObject({ ok: false, error: { code: 'SPEAKER_NOT_WAITING' } })
  })

  it('calls a specific waiting speaker out of order', () => {
    const m = withSpeakers(3)
    m.must(command('speaker:call', { speakerNo: 3 }))
    expect(currentSpeaker(m.state)?.no).toBe(3)
    expect(queue(m)).toEqual([1, 2])
    expect(m.run(command('speaker:call', { speakerNo: 3 }))).toMatchObject({ ok: false, error: { code: 'SPEAKER_NOT_WAITING' } })
  })

  it('re-adds the last speaker to speak again, at the end or next', () => {
    const m = withSpeakers(3)
    expect(m.run(command('speaker:readd', {}))).toMatchObject({ ok: false, error: { code: 'NO_SPEAKER_TO_READD' } })
    m.must(command('speaker:call-next', {}))
    m.must(command('speaker:finish', {}))
    m.must(command('speaker:readd', {}))
    expect(m.state.speakers[3]).toMatchObject({ no: 4, name: 'Người 1', unit: 'Bản 1', againOf: 1, status: 'waiting' })
    expect(queue(m)).toEqual([2, 3, 4])
    m.must(command('speaker:readd', { speakerNo: 1, position: 'next' }))
    expect(queue(m)).toEqual([5, 2, 3, 4])
    expect(m.state.speakers[4]?.againOf).toBe(1) // always points at the first registration
  })

  it('refuses registration once closed, and accepts it again when reopened', () => {
    const m = withSpeakers(1)
    m.must(command('registration:close', {}))
    expect(m.run(command('speaker:register', { name: 'Muộn' }))).toMatchObject({ ok: false, error: { code: 'REGISTRATION_CLOSED' } })
    expect(m.run(command('registration:close', {}))).toMatchObject({ ok: false, error: { code: 'NO_CHANGE' } })
    m.must(command('registration:reopen', {}))
    m.must(command('speaker:register', { name: 'Muộn' }))
    expect(queue(m)).toEqual([1, 2])
  })

  it('registers a speaker together with a petition raised in the room', () => {
    const m = new DomainHarness()
    m.must(command('petition:record', { origin: 'registered', title: 'Đường' }))
    const events = m.must(
      command('speaker:register', { name: 'Hà Thị Dung', unit: 'Bản Lạnh', petitionNos: [1], addedPetition: { title: 'Thiếu nước sinh hoạt', field: 'Môi trường' } }),
    )
    expect(events.map((e) => e.type)).toEqual(['petition.recorded', 'speaker.registered'])
    expect(m.state.petitions[1]).toMatchObject({ no: 2, origin: 'added', title: 'Thiếu nước sinh hoạt', petitionerName: 'Hà Thị Dung', petitionerAddress: 'Bản Lạnh' })
    expect(m.state.speakers[0]?.petitionNos).toEqual([1, 2])
  })

  it('edits a speaker and records a summary of what was said', () => {
    const m = withSpeakers(1)
    m.must(command('speaker:edit', { speakerNo: 1, name: 'Người Một', unit: 'Bản Một', petitionNos: [], showName: false }))
    m.must(command('speaker:summarize', { speakerNo: 1, summary: 'Đề nghị sửa đường trước mùa mưa.' }))
    expect(m.state.speakers[0]).toMatchObject({ name: 'Người Một', unit: 'Bản Một', showName: false, summary: 'Đề nghị sửa đường trước mùa mưa.' })
  })
})

describe('a speech and its clock', () => {
  it('starts, pauses, resumes, extends and finishes, keeping absolute times every screen can count from', () => {
    const m = withSpeakers(2)
    m.must(command('meeting:set-speaking-limit', { seconds: 120 }))
    m.must(command('speaker:call-next', {}))
    expect(m.run(command('speaker:pause', {}))).toMatchObject({ ok: false, error: { code: 'SPEECH_NOT_RUNNING' } })
    expect(m.run(command('speaker:extend', {}))).toMatchObject({ ok: false, error: { code: 'SPEECH_NOT_STARTED' } })
    m.must(command('speaker:start', {}))
    const startedAt = Date.parse(m.state.speakers[0]!.speech!.runningSince!)
    expect(m.state.speakers[0]).toMatchObject({ status: 'speaking', speech: { limitSec: 120, elapsedMs: 0 } })
    expect(m.run(command('speaker:start', {}))).toMatchObject({ ok: false, error: { code: 'SPEECH_ALREADY_RUNNING' } })

    m.wait(28_000)
    m.must(command('speaker:pause', {})) // 30 s after the start (each command, refused or not, moves the clock 1 s)
    const paused = m.state.speakers[0]!.speech!
    expect(paused).toMatchObject({ elapsedMs: 30_000, runningSince: null })
    // While paused, the countdown stands still whatever the time.
    expect(remainingMs(paused, startedAt + 500_000)).toBe(90_000)
    expect(m.run(command('speaker:resume', {})).ok).toBe(true)
    expect(m.run(command('speaker:resume', {}))).toMatchObject({ ok: false, error: { code: 'SPEECH_NOT_PAUSED' } })
    m.must(command('speaker:extend', { seconds: 60 }))
    const running = m.state.speakers[0]!.speech!
    const resumedAt = Date.parse(running.runningSince!)
    expect(remainingMs(running, resumedAt + 10_000)).toBe(180_000 - 40_000)
    expect(remainingMs(running, resumedAt + 200_000)).toBe(-50_000) // over time
    m.wait(4_000)
    m.must(command('speaker:finish', {}))
    const finished = m.state.speakers[0]!
    expect(finished).toMatchObject({ status: 'finished', speech: { runningSince: null, extendedSec: 60 } })
    expect(spokenMs(finished.speech!, Date.now())).toBe(30_000 + 7_000) // resume → finish: 1 + 1 + 4 + 1 s
    expect(m.run(command('speaker:finish', {}))).toMatchObject({ ok: false, error: { code: 'NO_CURRENT_SPEAKER' } })
  })

  it('calling the next speaker finishes the running speech and stops its clock', () => {
    const m = withSpeakers(2)
    m.must(command('speaker:call-next', {}))
    m.must(command('speaker:start', {}))
    m.wait(9_000)
    m.must(command('speaker:call-next', {}))
    expect(m.state.speakers[0]).toMatchObject({ status: 'finished', speech: { elapsedMs: 10_000, runningSince: null } })
    expect(currentSpeaker(m.state)).toMatchObject({ no: 2, status: 'called', speech: null })
  })

  it('formats the clock as a person reads it', () => {
    expect(formatClock(180_000)).toBe('3:00')
    expect(formatClock(61_001)).toBe('1:02')
    expect(formatClock(0)).toBe('0:00')
    expect(formatClock(-12_400)).toBe('−0:12')
  })
})

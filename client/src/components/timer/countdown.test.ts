import { describe, expect, it } from 'vitest'
import type { Speaker, Speech } from '@shared/meeting/model'
import { countdownView, warningMs } from './countdown'

const start = Date.parse('2026-06-20T08:00:00.000Z')
const iso = (ms: number) => new Date(ms).toISOString()

function speaker(status: Speaker['status'], speech: Speech | null): Speaker {
  return {
    no: 1,
    name: 'Cầm Văn Thanh',
    unit: 'Bản Nà Cang',
    petitionNos: [],
    showName: true,
    status,
    registeredAt: iso(start),
    calledAt: iso(start),
    finishedAt: null,
    speech,
    summary: '',
    againOf: null,
  }
}

const running = (extendedSec = 0): Speech => ({ limitSec: 180, extendedSec, elapsedMs: 0, runningSince: iso(start), startedAt: iso(start) })

describe('countdownView', () => {
  it('shows nothing without a speaker at the microphone', () => {
    expect(countdownView(null, start, 180)).toBeNull()
    expect(countdownView(speaker('finished', running()), start, 180)).toBeNull()
    expect(countdownView(speaker('withdrawn', null), start, 180)).toBeNull()
  })

  it("shows the meeting's limit, not running, before the speech starts", () => {
    expect(countdownView(speaker('called', null), start + 99_000, 240)).toMatchObject({ tone: 'ready', text: '4:00', running: false, over: false, fraction: 1 })
  })

  it('counts down from the absolute start time', () => {
    expect(countdownView(speaker('speaking', running()), start + 55_000, 180)).toMatchObject({ tone: 'running', text: '2:05', running: true, over: false })
  })

  it('flags the last 30 seconds', () => {
    const view = countdownView(speaker('speaking', running()), start + 180_000 - warningMs, 180)
    expect(view).toMatchObject({ tone: 'warning', text: '0:30' })
    expect(countdownView(speaker('speaking', running()), start + 180_000 - warningMs - 1000, 180)?.tone).toBe('running')
  })

  it('turns over exactly when 0:00 is reached, then counts the time over', () => {
    expect(countdownView(speaker('speaking', running()), start + 179_500, 180)).toMatchObject({ tone: 'warning', text: '0:01', over: false })
    expect(countdownView(speaker('speaking', running()), start + 180_000, 180)).toMatchObject({ tone: 'over', text: '0:00', over: true, fraction: 0 })
    expect(countdownView(speaker('speaking', running()), start + 192_000, 180)).toMatchObject({ tone: 'over', text: '−0:12', over: true })
  })

  it('counts an extension in the total', () => {
    const view = countdownView(speaker('speaking', running(60)), start + 200_000, 180)
    expect(view).toMatchObject({ tone: 'running', text: '0:40', over: false, extendedSec: 60 })
    expect(view?.fraction).toBeCloseTo(40 / 240)
  })

  it('freezes while paused, whatever the clock says', () => {
    const paused: Speech = { limitSec: 180, extendedSec: 0, elapsedMs: 70_000, runningSince: null, startedAt: iso(start) }
    const a = countdownView(speaker('paused', paused), start + 100_000, 180)
    const b = countdownView(speaker('paused', paused), start + 900_000, 180)
    expect(a).toMatchObject({ tone: 'paused', text: '1:50', running: false })
    expect(b).toEqual(a)
  })

  it('stays over time while paused over time', () => {
    const paused: Speech = { limitSec: 60, extendedSec: 0, elapsedMs: 75_000, runningSince: null, startedAt: iso(start) }
    expect(countdownView(speaker('paused', paused), start, 180)).toMatchObject({ tone: 'over', text: '−0:15', running: false, over: true })
  })
})

import { describe, expect, it } from 'vitest'
import { addClockSample, bestClockOffset, clockSample, clockSampleLimit, clockSampleMaxAgeMs, type ClockSample } from './clock'

const t0 = Date.parse('2026-06-20T08:00:00.000Z')

describe('clockSample', () => {
  it('is serverTime minus the local receive time', () => {
    // The server's clock is 3 s ahead: it stamped 08:00:03.000 and the answer arrived at local 08:00:00.040.
    const sample = clockSample('2026-06-20T08:00:03.000Z', t0, t0 + 40)
    expect(sample).toEqual({ offsetMs: 2960, roundTripMs: 40, receivedAt: t0 + 40 })
  })

  it('is negative when this screen runs ahead of the server', () => {
    expect(clockSample('2026-06-20T07:59:55.000Z', t0, t0)?.offsetMs).toBe(-5000)
  })

  it('ignores a missing or unreadable serverTime (an older server)', () => {
    expect(clockSample(undefined, t0, t0 + 10)).toBeNull()
    expect(clockSample('', t0, t0 + 10)).toBeNull()
    expect(clockSample('not a date', t0, t0 + 10)).toBeNull()
  })

  it('never reports a negative round trip when the local clock stepped back', () => {
    expect(clockSample('2026-06-20T08:00:00.000Z', t0 + 500, t0)?.roundTripMs).toBe(0)
  })
})

describe('bestClockOffset', () => {
  const s = (offsetMs: number, roundTripMs: number, receivedAt = t0): ClockSample => ({ offsetMs, roundTripMs, receivedAt })

  it('is 0 before any sample', () => {
    expect(bestClockOffset([])).toBe(0)
  })

  it('trusts the fastest answer over a slow one', () => {
    expect(bestClockOffset([s(1000, 20), s(1800, 900), s(1100, 60)])).toBe(1000)
  })

  it('prefers the newest sample among equally fast ones', () => {
    expect(bestClockOffset([s(1000, 20), s(1200, 20)])).toBe(1200)
  })

  it('rounds to whole milliseconds', () => {
    expect(bestClockOffset([s(12.6, 5)])).toBe(13)
  })
})

describe('addClockSample', () => {
  const s = (receivedAt: number, offsetMs = 0): ClockSample => ({ offsetMs, roundTripMs: 10, receivedAt })

  it(`keeps at most ${clockSampleLimit} samples, the newest`, () => {
    let samples: ClockSample[] = []
    for (let i = 0; i < clockSampleLimit + 3; i++) samples = addClockSample(samples, s(t0 + i * 1000, i))
    expect(samples).toHaveLength(clockSampleLimit)
    expect(samples[0]?.offsetMs).toBe(3)
    expect(samples.at(-1)?.offsetMs).toBe(clockSampleLimit + 2)
  })

  it('drops samples older than the maximum age, so a corrected clock is picked up', () => {
    const old = { offsetMs: 5000, roundTripMs: 1, receivedAt: t0 }
    const fresh = { offsetMs: 0, roundTripMs: 50, receivedAt: t0 + clockSampleMaxAgeMs + 1 }
    const samples = addClockSample([old], fresh)
    expect(samples).toEqual([fresh])
    expect(bestClockOffset(samples)).toBe(0)
  })
})

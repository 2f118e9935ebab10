import { describe, expect, it } from 'vitest'
import { clockAction, clockTone, formatLimit } from './speechControls'

describe('clockAction', () => {
  it('starts a called speaker, pauses a running clock, resumes a paused one', () => {
    expect(clockAction({ status: 'called' })).toBe('speaker:start')
    expect(clockAction({ status: 'speaking' })).toBe('speaker:pause')
    expect(clockAction({ status: 'paused' })).toBe('speaker:resume')
    expect(clockAction({ status: 'finished' })).toBeNull()
    expect(clockAction(null)).toBeNull()
  })
})

describe('formatLimit and clockTone', () => {
  it('writes limits in Vietnamese', () => {
    expect(formatLimit(180)).toBe('3 phút')
    expect(formatLimit(90)).toBe('1 phút 30 giây')
    expect(formatLimit(45)).toBe('45 giây')
  })

  it('warns in the last 30 seconds and over time', () => {
    expect(clockTone(31_000)).toBe('ok')
    expect(clockTone(30_000)).toBe('low')
    expect(clockTone(0)).toBe('low')
    expect(clockTone(-1)).toBe('over')
  })
})

import { describe, expect, it } from 'vitest'
import { backoffDelay } from './backoff'

describe('backoff between retries', () => {
  it('doubles from the first delay up to the cap', () => {
    const middle = () => 0.5 // no spread
    expect([0, 1, 2, 3, 4, 5, 6].map((a) => backoffDelay(a, { firstMs: 500, maxMs: 15_000, random: middle }))).toEqual([
      500, 1000, 2000, 4000, 8000, 15_000, 15_000,
    ])
  })

  it('spreads screens that failed together over half to one and a half times the delay', () => {
    expect(backoffDelay(2, { firstMs: 500, random: () => 0 })).toBe(1000)
    expect(backoffDelay(2, { firstMs: 500, random: () => 0.999 })).toBe(2998)
  })

  it('stays finite however many attempts failed', () => {
    expect(backoffDelay(10_000, { maxMs: 15_000, random: () => 0.5 })).toBe(15_000)
  })
})

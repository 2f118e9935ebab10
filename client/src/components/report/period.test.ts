import { describe, expect, it } from 'vitest'
import { barPercent, deadlineParts, defaultPeriod, fullYear, halfYear, isValidPeriod, matchQuickPick, niceMax, quickPeriod, segments } from './period'

describe('report periods', () => {
  it('gives the half-year and the year with their due dates', () => {
    expect(halfYear(2026)).toEqual({ pick: 'half', year: 2026, from: '2026-01-01', to: '2026-06-30', dueBy: '2026-06-25' })
    expect(fullYear(2026)).toEqual({ pick: 'year', year: 2026, from: '2026-01-01', to: '2026-12-31', dueBy: '2026-12-20' })
    expect(quickPeriod('half', 2025).to).toBe('2025-06-30')
  })
  it('recognises a quick pick from its dates', () => {
    expect(matchQuickPick({ from: '2026-01-01', to: '2026-06-30' })?.pick).toBe('half')
    expect(matchQuickPick({ from: '2025-01-01', to: '2025-12-31' })).toMatchObject({ pick: 'year', year: 2025 })
    expect(matchQuickPick({ from: '2026-01-02', to: '2026-06-30' })).toBeNull()
    expect(matchQuickPick({ from: '2026-01-01', to: '2026-05-31' })).toBeNull()
  })
  it('defaults to the half-year until June ends, then to the year', () => {
    expect(defaultPeriod('2026-03-10').pick).toBe('half')
    expect(defaultPeriod('2026-06-30').pick).toBe('half')
    expect(defaultPeriod('2026-11-22')).toMatchObject({ pick: 'year', year: 2026 })
  })
  it('checks a custom period', () => {
    expect(isValidPeriod({ from: '2026-01-01', to: '2026-01-01' })).toBe(true)
    expect(isValidPeriod({ from: '2026-02-01', to: '2026-01-01' })).toBe(false)
    expect(isValidPeriod({ from: '', to: '2026-01-01' })).toBe(false)
  })
})

describe('chart scaling', () => {
  it('rounds the top of the scale up to a readable number', () => {
    expect(niceMax([])).toBe(1)
    expect(niceMax([0, 0])).toBe(1)
    expect(niceMax([1])).toBe(1)
    expect(niceMax([3])).toBe(5)
    expect(niceMax([7, 2])).toBe(10)
    expect(niceMax([12])).toBe(20)
    expect(niceMax([21])).toBe(25)
    expect(niceMax([26])).toBe(50)
    expect(niceMax([100])).toBe(100)
    expect(niceMax([101])).toBe(200)
    expect(niceMax([Number.NaN, 4])).toBe(5)
  })
  it('gives bar widths in percent, a small value still visible', () => {
    expect(barPercent(5, 10)).toBe(50)
    expect(barPercent(0, 10)).toBe(0)
    expect(barPercent(1, 1000)).toBe(1)
    expect(barPercent(20, 10)).toBe(100)
    expect(barPercent(3, 0)).toBe(0)
  })
  it('splits a stacked bar into shares of its sum', () => {
    expect(segments([{ key: 'a', value: 1 }, { key: 'b', value: 3 }]).map((s) => s.percent)).toEqual([25, 75])
    expect(segments([{ key: 'a', value: 0 }]).map((s) => s.percent)).toEqual([0])
  })
  it('splits assigned petitions by deadline, the overdue among the open ones', () => {
    expect(deadlineParts({ assigned: 10, resolvedOnTime: 4, resolvedLate: 1, overdue: 2 }).map((p) => p.value)).toEqual([4, 1, 3, 2])
    expect(deadlineParts({ assigned: 2, resolvedOnTime: 2, resolvedLate: 0, overdue: 0 }).map((p) => p.value)).toEqual([2, 0, 0, 0])
  })
})

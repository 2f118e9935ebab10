import { describe, expect, it } from 'vitest'
import { formatOfficeTime } from './format'

describe('office time', () => {
  it("shows an instant in Vietnam's time, to the second", () => {
    const text = formatOfficeTime('2025-12-20T01:30:15Z')
    expect(text).toContain('08:30:15')
    expect(text).toContain('20/12/2025')
  })

  it('never shows "Invalid Date"', () => {
    expect(formatOfficeTime('không phải ngày')).toBe('không phải ngày')
  })
})

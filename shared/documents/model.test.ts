import { describe, expect, it } from 'vitest'
import { numberLine, placeAndDate } from './model'

describe('document header lines', () => {
  it('writes the place and date with leading zeros, as Nghị định 30 requires', () => {
    expect(placeAndDate('Sơn La', '2026-01-05')).toBe('Sơn La, ngày 05 tháng 01 năm 2026')
    expect(placeAndDate('Sốp Cộp', '2025-12-20')).toBe('Sốp Cộp, ngày 20 tháng 12 năm 2025')
    expect(placeAndDate('Sơn La', '')).toMatch(/^Sơn La, ngày\s+tháng\s+năm/)
  })

  it('writes the number and symbol, leaving the number blank until it is assigned', () => {
    expect(numberLine('12', 'TB-VPUB')).toBe('Số: 12/TB-VPUB')
    expect(numberLine('', 'BB-UBND')).toBe('Số:      /BB-UBND')
  })
})

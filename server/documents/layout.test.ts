import { describe, expect, it } from 'vitest'
import { minutesFixture, noticeFixture } from './fixtures'
import {
  CELL_PADDING,
  HEADER_COLUMNS,
  SIZE,
  estimateTextTwips,
  MARGIN,
  PAGE,
  TEXT_WIDTH,
  balancedLines,
  bottomLayout,
  bulletText,
  isFigure,
  recipientLines,
  ruleTwips,
  tableColumnWidths,
} from './layout'

describe('document layout rules', () => {
  it('uses A4 and the 20/20/30/15 mm margins in whole twips', () => {
    expect(PAGE).toEqual({ width: 11906, height: 16838 })
    expect(MARGIN).toEqual({ top: 1134, bottom: 1134, left: 1701, right: 850 })
    expect(TEXT_WIDTH).toBe(9355)
  })

  it('punctuates recipients as Phụ lục I lists them, without doubling what is already there', () => {
    expect(recipientLines(['Sở Nội vụ (b/c)', 'Thanh tra tỉnh;', '- Lãnh đạo VPUB', 'Lưu: VT, TCHCQT'])).toEqual([
      '- Sở Nội vụ (b/c);',
      '- Thanh tra tỉnh;',
      '- Lãnh đạo VPUB;',
      '- Lưu: VT, TCHCQT.',
    ])
    expect(recipientLines(['Lưu: VT, TCHCQT (Toàn).'])).toEqual(['- Lưu: VT, TCHCQT (Toàn).'])
    expect(recipientLines([])).toEqual([])
  })

  it('writes bullets with one leading dash', () => {
    expect(bulletText('Báo cáo kết quả')).toBe('- Báo cáo kết quả')
    expect(bulletText('- Báo cáo kết quả')).toBe('- Báo cáo kết quả')
  })

  it('sizes the short rule between a third and a half of the line it underlines', () => {
    // "VĂN PHÒNG" in 13 pt bold measured 1560 twips in the PDF LibreOffice made of the notice
    // (Liberation Serif, metric-compatible with Times New Roman).
    const rule = ruleTwips('VĂN PHÒNG', 13, true, 10_000)
    expect(rule).toBeGreaterThan(1560 / 3)
    expect(rule).toBeLessThan(1560 / 2)
    // A line longer than its room is measured at the room.
    expect(ruleTwips('x'.repeat(500), 14, true, TEXT_WIDTH)).toBe(Math.round(TEXT_WIDTH * 0.4))
  })

  it('lays out the bottom by kind of document', () => {
    expect(bottomLayout(noticeFixture()).layout).toBe('recipients-and-signature')
    const minutes = bottomLayout(minutesFixture())
    expect(minutes.layout).toBe('signatures')
    expect(minutes.recipients).toEqual([])
  })

  it('gives table columns room by their content and centres figures', () => {
    const widths = tableColumnWidths([['Nội dung', 'Số'], ['Kiến nghị giao trả lời sau hội nghị', '2']], 9000)
    expect(widths[0]).toBeGreaterThan(widths[1]! * 3)
    expect(widths.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(9000)
    expect(isFigure('12')).toBe(true)
    expect(isFigure('85,5 %')).toBe(true)
    expect(isFigure('Phòng Kinh tế')).toBe(false)
    expect(isFigure('')).toBe(false)
  })

  it('gives every column of the results table room for its longest word, so "Chuyển" never breaks inside the word', () => {
    const rows = [
      ['Lĩnh vực', 'Tiếp nhận', 'Trả lời tại HN', 'Giao trả lời', 'Đúng hạn', 'Trễ hạn', 'Chuyển', 'Đang giải quyết'],
      ['Đất đai, tài nguyên và môi trường', '12', '5', '4', '2', '1', '3', '1'],
      ['Tổng cộng', '12', '5', '4', '2', '1', '3', '1'],
    ]
    const widths = tableColumnWidths(rows, TEXT_WIDTH)
    expect(widths.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(TEXT_WIDTH)
    rows[0]!.forEach((header, c) => {
      for (const word of header.split(' ')) expect(widths[c]! - CELL_PADDING).toBeGreaterThanOrEqual(estimateTextTwips(word, SIZE.table, true))
    })
    expect(widths[0]).toBe(Math.max(...widths)) // the field names get the most room
  })

  it('breaks a long centred line into even lines, keeping short lines and typed breaks', () => {
    const room = HEADER_COLUMNS[0] - 216
    expect(balancedLines('VĂN PHÒNG', 13, true, room)).toEqual(['VĂN PHÒNG'])
    expect(balancedLines('ỦY BAN NHÂN DÂN XÃ SỐP CỘP', 13, true, room)).toEqual(['ỦY BAN NHÂN DÂN', 'XÃ SỐP CỘP'])
    expect(balancedLines('SỞ NỘI VỤ\nTỈNH SƠN LA', 13, true, room)).toEqual(['SỞ NỘI VỤ', 'TỈNH SƠN LA'])
    const summary = 'Kết quả tổ chức đối thoại trực tiếp giữa Chủ tịch UBND xã với nhân dân năm 2025'
    const two = balancedLines(summary, 14, true, TEXT_WIDTH)
    expect(two).toHaveLength(2)
    expect(two.join(' ')).toBe(summary)
    expect(Math.abs(two[0]!.length - two[1]!.length)).toBeLessThan(20)
  })
})

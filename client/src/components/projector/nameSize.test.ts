import { describe, expect, it } from 'vitest'
import { announcementSize, speakerNameSize } from './nameSize'

describe('speakerNameSize', () => {
  it('gives common names the largest size', () => {
    expect(speakerNameSize('Cầm Văn Thanh')).toBe('xl')
    expect(speakerNameSize('Đại biểu số 12')).toBe('xl')
    expect(speakerNameSize('Nguyễn Thị Phương Thảo')).toBe('l')
  })

  it('steps down for long names', () => {
    expect(speakerNameSize('Nguyễn Thị Phương Thảo Nguyễn Hoàng Bảo Ngọc')).toBe('m')
  })

  it('counts decomposed Vietnamese as the letters people see', () => {
    const name = 'Nguyễn Thị Hồng Nhung' // 21 letters
    expect(speakerNameSize(name.normalize('NFD'))).toBe(speakerNameSize(name))
    expect(speakerNameSize('Lò Thị Hương Giang'.normalize('NFD'))).toBe('xl')
  })
})

describe('announcementSize', () => {
  it('sets short announcements largest and steps down as they grow', () => {
    expect(announcementSize('Giải lao 15 phút')).toBe('xl')
    expect(announcementSize('Mời các đại biểu ổn định chỗ ngồi, hội nghị sẽ bắt đầu lúc 8 giờ 00')).toBe('l')
    expect(announcementSize('x'.repeat(200))).toBe('m')
    expect(announcementSize('x'.repeat(500))).toBe('s')
  })

  it('counts letters, not code points, and ignores surrounding spaces', () => {
    const text = 'Hội nghị tạm nghỉ, xin mời đại biểu dùng nước'
    expect(announcementSize(`  ${text.normalize('NFD')}  `)).toBe(announcementSize(text))
  })
})

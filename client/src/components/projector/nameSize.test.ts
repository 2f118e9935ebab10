import { describe, expect, it } from 'vitest'
import { speakerNameSize } from './nameSize'

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

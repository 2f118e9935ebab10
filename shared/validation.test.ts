import { describe, expect, it } from 'vitest'
import { commandSchemas, restCommandSchema } from './meeting/commands'
import { parseWith } from './validation'

const commandId = '7b0c8a52-3d0e-4c55-9f0e-2a4d6f1b9c10'

describe('command validation', () => {
  it('stores Vietnamese typed with combining marks (NFD) as NFC', () => {
    const nfd = 'Nguyễn Thị Hường — kiến nghị về đường'.normalize('NFD')
    expect(nfd).not.toBe(nfd.normalize('NFC'))
    const result = parseWith(commandSchemas['speaker:register'], { commandId, name: nfd, unit: '  Bản Nà Sài '.normalize('NFD') })
    expect(result.ok && result.data.name).toBe('Nguyễn Thị Hường — kiến nghị về đường'.normalize('NFC'))
    expect(result.ok && result.data.unit).toBe('Bản Nà Sài'.normalize('NFC'))
  })

  it('measures the length limit after normalising, so decomposed text is not refused for its marks', () => {
    const name = 'ệ'.repeat(120) // exactly the limit in NFC, 360 code units in NFD
    expect(parseWith(commandSchemas['speaker:register'], { commandId, name: name.normalize('NFD') }).ok).toBe(true)
    expect(parseWith(commandSchemas['speaker:register'], { commandId, name: name + 'a' }).ok).toBe(false)
  })

  it('refuses a 100 KB title with a Vietnamese message naming the field', () => {
    const result = parseWith(commandSchemas['petition:record'], { commandId, origin: 'added', title: 'x'.repeat(100_000) })
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', fields: { title: 'Quá dài (tối đa 200 ký tự).' } } })
  })

  it('says which fields are missing, wrong or unknown', () => {
    const result = parseWith(commandSchemas['petition:record'], { commandId: 'not-a-uuid', origin: 'elsewhere', confidential: 'yes', extra: 1 })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.fields).toMatchObject({
      commandId: 'Sai định dạng.',
      origin: 'Giá trị không được chấp nhận.',
      title: 'Thiếu trường bắt buộc.',
      confidential: 'Sai kiểu dữ liệu.',
      _: 'Trường không được hỗ trợ: extra.',
    })
    expect(result.error.message).toMatch(/^Dữ liệu không hợp lệ\./)
  })

  it('refuses a blank title (spaces only)', () => {
    const result = parseWith(commandSchemas['petition:record'], { commandId, origin: 'added', title: '   ' })
    expect(result).toMatchObject({ ok: false, error: { fields: { title: 'Không được để trống.' } } })
  })

  it('accepts REST commands tagged with their type, and refuses unknown types', () => {
    expect(parseWith(restCommandSchema, { type: 'speaker:call-next', commandId }).ok).toBe(true)
    expect(parseWith(restCommandSchema, { type: 'speaker:fly', commandId }).ok).toBe(false)
  })
})

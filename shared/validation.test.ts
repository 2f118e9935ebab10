import { describe, expect, it } from 'vitest'
import { commandSchemas, restCommandSchema } from './meeting/commands'
import { parseWith, unstorablePath } from './validation'
import { pairSchema } from './access/accounts'

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

describe('text no one can store, see or open', () => {
  const register = (name: unknown, extra: object = {}) => parseWith(commandSchemas['speaker:register'], { commandId, name, ...extra })

  it('refuses a NUL byte or a lone surrogate in any field, named or not, nested or not, with a Vietnamese message', () => {
    for (const bad of ['Lò\u0000Văn', 'A\uD800', '\uDC00B', 'x'.repeat(50) + '\uDBFF']) {
      const result = register(bad)
      expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', fields: { name: expect.stringMatching(/ký tự không hợp lệ/) } } })
    }
    expect(register('A', { addedPetition: { title: 'B', content: 'nội dung\u0000' } })).toMatchObject({ ok: false, error: { fields: { 'addedPetition.content': expect.any(String) } } })
    // In a key, or in a field the schema does not even know: refused before the schema looks.
    expect(register('A', { ['kh\u0000a']: 1 })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } })
    expect(register('A', { petitionNos: [{ deep: [['\uD83D']] }] })).toMatchObject({ ok: false, error: { fields: { 'petitionNos.0.deep.0.0': expect.any(String) } } })
    // A real emoji is a surrogate pair, not a lone one.
    expect(register('Lò Văn Hùng 👍')).toMatchObject({ ok: true, data: { name: 'Lò Văn Hùng 👍' } })
  })

  it('refuses a required name or title made only of invisible characters', () => {
    for (const invisible of ['\u200B', '\u200B\u200C\u200D', '\uFEFF\u2060', '\u00AD', ' \u200B \t']) {
      expect(register(invisible)).toMatchObject({ ok: false, error: { fields: { name: 'Không được để trống.' } } })
    }
    expect(parseWith(commandSchemas['petition:record'], { commandId, origin: 'added', title: '\u200B\u200B' })).toMatchObject({ ok: false })
  })

  it('trims invisible characters at the ends and drops control characters a .docx cannot hold, keeping line breaks', () => {
    const result = parseWith(commandSchemas['speaker:summarize'], {
      commandId,
      speakerNo: 1,
      summary: '\u200BÝ kiến\u0007 thứ nhất.\u000BÝ kiến thứ hai.\r\n\tHết.\u001F\uFEFF',
    })
    expect(result).toMatchObject({ ok: true, data: { summary: 'Ý kiến thứ nhất.\nÝ kiến thứ hai.\r\n\tHết.' } })
  })

  it('stores a paired device label in NFC, trimmed', () => {
    const label = ' Máy tính bảng Chủ tịch '.normalize('NFD')
    expect(parseWith(pairSchema, { code: '123456', label })).toMatchObject({ ok: true, data: { label: 'Máy tính bảng Chủ tịch'.normalize('NFC') } })
  })

  it('names unknown fields without echoing a huge key or a thousand of them', () => {
    const many = Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`k${i}`, 1]))
    const result = register('A', { ['x'.repeat(10_000)]: 1, ...many })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.message.length).toBeLessThan(200)
    expect(result.error.fields?._).toMatch(/^Trường không được hỗ trợ: x{40}…, k0, k1 và 998 trường khác\.$/)
  })

  it('finds a bad character in a deeply nested payload without running out of stack', () => {
    let deep: unknown = 'x\u0000'
    for (let i = 0; i < 100_000; i++) deep = [deep]
    expect(unstorablePath(deep)).toMatch(/^0(\.0)+$/)
  })
})

describe('dates an office can mean', () => {
  it('refuses dates before 2000 or after 2099, and dates that do not exist', () => {
    const update = (meetingDate: string) => parseWith(commandSchemas['meeting:update-details'], { commandId, title: 'Hội nghị', meetingDate })
    for (const far of ['9999-12-31', '9999-12-30', '0000-01-01', '1999-12-31', '2100-01-01']) {
      expect(update(far)).toMatchObject({ ok: false, error: { fields: { meetingDate: expect.stringMatching(/2000.*2099/) } } })
    }
    expect(update('2026-02-30')).toMatchObject({ ok: false, error: { fields: { meetingDate: 'Ngày không hợp lệ.' } } })
    expect(update('2026-12-18')).toMatchObject({ ok: true })
    expect(update('')).toMatchObject({ ok: true })
    const due = parseWith(commandSchemas['petition:commit-written-answer'], { commandId, petitionNo: 1, unitId: commandId, dueDate: '9999-12-30' })
    expect(due).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', fields: { dueDate: expect.any(String) } } })
  })
})

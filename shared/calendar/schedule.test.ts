import { describe, expect, it } from 'vitest'
import { parseScheduleList, readDateCell, readDateText, readKindText, scheduleChanges, scheduleFromRows } from './schedule'

const kinds = (text: string, year = 2026) => parseScheduleList(year, text).days.map((d) => `${d.day} ${d.kind}`)
const problems = (text: string, year = 2026) => parseScheduleList(year, text).problems.map((p) => p.message)

describe('a pasted holiday list', () => {
  it('reads the lines of the 2026 announcement as offices write them', () => {
    const text = [
      '01/01/2026 Tết Dương lịch',
      'Thứ Sáu, 02/01/2026: nghỉ bù (làm bù thứ Bảy 10/01/2026)',
      '2026-01-10 làm bù',
      'từ ngày 14/02/2026 đến hết ngày 22/02/2026 nghỉ Tết Nguyên đán',
      '- 27/04/2026 Nghỉ bù Giỗ Tổ Hùng Vương',
      '',
      '# Quốc khánh: chờ Thủ tướng quyết định ngày nghỉ thứ hai',
      '30/4/2026 - 1/5/2026 Ngày Chiến thắng, Quốc tế Lao động',
    ].join('\n')
    const parsed = parseScheduleList(2026, text)
    expect(parsed.problems).toEqual([])
    expect(parsed.days.map((d) => `${d.day} ${d.kind} ${d.note}`)).toEqual([
      '2026-01-01 day_off Tết Dương lịch',
      '2026-01-02 day_off nghỉ bù (làm bù thứ Bảy 10/01/2026)',
      '2026-01-10 working_day làm bù',
      '2026-02-16 day_off nghỉ Tết Nguyên đán',
      '2026-02-17 day_off nghỉ Tết Nguyên đán',
      '2026-02-18 day_off nghỉ Tết Nguyên đán',
      '2026-02-19 day_off nghỉ Tết Nguyên đán',
      '2026-02-20 day_off nghỉ Tết Nguyên đán',
      '2026-04-27 day_off Nghỉ bù Giỗ Tổ Hùng Vương',
      '2026-04-30 day_off Ngày Chiến thắng, Quốc tế Lao động',
      '2026-05-01 day_off Ngày Chiến thắng, Quốc tế Lao động',
    ])
    expect(parsed.days[3]?.source).toBe('Dòng 4')
  })

  it('leaves out the weekend days of a holiday range, and says so', () => {
    const parsed = parseScheduleList(2026, '02/01/2026 - 04/01/2026 nghỉ Tết')
    expect(parsed.days.map((d) => d.day)).toEqual(['2026-01-02'])
    expect(parsed.skipped).toEqual([{ at: 1, source: 'Dòng 1', message: 'Dòng 1: bỏ qua 2 ngày thứ Bảy, Chủ nhật đã là ngày nghỉ (03/01/2026, 04/01/2026).' }])
  })

  it('takes a range whose first date leaves out the year', () => {
    expect(kinds('14/02 - 22/02/2026 Tết')).toHaveLength(5)
  })

  it('stores a weekend holiday as nothing, and reminds that the compensatory day must be listed', () => {
    const parsed = parseScheduleList(2026, '26/04/2026 Giỗ Tổ Hùng Vương')
    expect(parsed.days).toEqual([])
    expect(parsed.skipped[0]?.message).toBe('Dòng 1: Chủ nhật 26/04/2026 đã là ngày nghỉ cuối tuần, không cần lưu. Nếu có ngày nghỉ bù, hãy ghi ngày nghỉ bù (ngày thường).')
  })

  it('reads a Saturday or Sunday with "làm bù" or "làm việc" as a working day', () => {
    expect(kinds('10/01/2026 Thứ Bảy làm việc bình thường')).toEqual(['2026-01-10 working_day'])
    expect(kinds('10/01/2026 Tết Dương lịch (làm bù)')).toEqual(['2026-01-10 working_day'])
  })

  it('names every bad line, in line order, in Vietnamese', () => {
    const text = ['hôm nay nghỉ', '05/01/2026 làm bù', '29/02/2026 nghỉ', '01/01/2027 Tết', '10/05/1999 x', '22/02/2026 - 14/02/2026 Tết', `02/01/2026 ${'x'.repeat(201)}`].join('\n')
    expect(problems(text)).toEqual([
      'Dòng 1: không đọc được ngày ở đầu dòng «hôm nay nghỉ». Viết ngày trước, ví dụ «01/01/2026 Tết Dương lịch» hoặc «14/02/2026 - 22/02/2026 nghỉ Tết».',
      'Dòng 2: Thứ Hai 05/01/2026 là ngày thường, đã là ngày làm việc; chỉ thứ Bảy, Chủ nhật mới ghi là làm bù. Ngày thường ghi trong lịch là ngày nghỉ.',
      'Dòng 3: ngày 29/02/2026 không có trong lịch.',
      'Dòng 4: ngày 01/01/2027 không thuộc năm 2026 (đang nạp lịch năm 2026).',
      'Dòng 5: ngày 10/05/1999 nằm ngoài khoảng năm 2000–2099.',
      'Dòng 6: khoảng ngày ngược chiều (22/02/2026 đến 14/02/2026); ghi ngày đầu trước.',
      'Dòng 7: ghi chú quá dài (tối đa 200 ký tự).',
    ])
  })

  it('refuses a list with nothing to store', () => {
    expect(problems('')).toEqual(['Danh sách không có ngày nghỉ hay ngày làm bù nào của năm 2026 để lưu.'])
    expect(problems('26/04/2026 Giỗ Tổ')).toEqual(['Danh sách không có ngày nghỉ hay ngày làm bù nào của năm 2026 để lưu.'])
  })

  it('stores notes cleaned and in NFC', () => {
    const decomposed = '01/01/2026 Te\u0302\u0301t Du\u031Bo\u031Bng li\u0323ch\u200B'
    expect(parseScheduleList(2026, decomposed).days[0]?.note).toBe('Tết Dương lịch')
  })

  it('refuses more lines than a year could hold', () => {
    const rows = Array.from({ length: 2001 }, (_, i) => ({ at: i + 1, source: `Dòng ${i + 1}`, first: '01/01/2026', note: '' }))
    expect(scheduleFromRows(2026, rows).problems[0]?.message).toMatch(/quá 2000 dòng/)
  })
})

describe('dates, kinds and cells', () => {
  it('reads the date forms offices use, day first', () => {
    expect(['02/01/2026', '2/1/2026', '02-01-2026', '02.01.2026', '2026-01-02', '2026-1-2'].map(readDateText)).toEqual(Array(6).fill('2026-01-02'))
    expect(readDateText('01/2026')).toBeNull()
  })
  it('reads a kind column', () => {
    expect(['nghỉ', 'Nghỉ lễ', 'day_off'].map(readKindText)).toEqual(['day_off', 'day_off', 'day_off'])
    expect(['làm bù', 'Làm việc', 'working_day'].map(readKindText)).toEqual(['working_day', 'working_day', 'working_day'])
    expect(readKindText('')).toBeUndefined()
    expect(readKindText('có thể')).toBeNull()
  })
  it('reads a date or a range in one cell, and nothing else', () => {
    expect(readDateCell('02/01/2026 - 04/01/2026')).toEqual({ first: '02/01/2026', last: '04/01/2026' })
    expect(readDateCell(' 2026-01-10 ')).toEqual({ first: '2026-01-10' })
    expect(readDateCell('02/01/2026 nghỉ')).toBeNull()
    expect(readDateCell('Ngày')).toBeNull()
  })
})

describe('what loading a year changes', () => {
  it('lists the days added, removed and changed against what is stored', () => {
    const stored = [
      { day: '2026-01-01', kind: 'day_off' as const, note: 'Tết' },
      { day: '2026-09-02', kind: 'day_off' as const, note: 'Quốc khánh' },
      { day: '2026-04-30', kind: 'day_off' as const, note: 'Ngày Chiến thắng' },
    ]
    const next = [
      { day: '2026-01-01', kind: 'day_off' as const, note: 'Tết Dương lịch' },
      { day: '2026-01-10', kind: 'working_day' as const, note: 'Làm bù' },
      { day: '2026-04-30', kind: 'day_off' as const, note: 'Ngày Chiến thắng' },
    ]
    expect(scheduleChanges(stored, next)).toEqual({
      added: [{ day: '2026-01-10', kind: 'working_day', note: 'Làm bù' }],
      removed: [{ day: '2026-09-02', kind: 'day_off', note: 'Quốc khánh' }],
      changed: [{ day: '2026-01-01', before: stored[0], after: next[0] }],
      unchanged: 1,
    })
  })
})

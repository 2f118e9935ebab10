import { describe, expect, it } from 'vitest'
import { calendarFromDays, emptyCalendar } from '@shared/calendar/working-days'
import { answererChoices, decisionStage, dueDateWarning, hiddenOnProjector, petitionGroups } from './chair'
import { refusalText } from '../../composables/commands'
import { petitionRecord, speakerRecord as speaker } from '../../testing/records'

const petition = (no: number, patch: Parameters<typeof petitionRecord>[1] = {}) => petitionRecord(no, { field: 'Đất đai', petitionerName: 'Lò Văn Sáng', petitionerAddress: 'Bản Hua Mường', showName: true, ...patch })


describe('petitionGroups', () => {
  it('lists what needs a decision first, then outcomes, each in number order', () => {
    const groups = petitionGroups([
      petition(1, { status: 'answered' }),
      petition(4, { status: 'waiting' }),
      petition(2, { status: 'waiting' }),
      petition(3, { status: 'discussing' }),
      petition(5, { status: 'forwarded' }),
    ])
    expect(groups.map((g) => [g.status, g.petitions.map((p) => p.no)])).toEqual([
      ['discussing', [3]],
      ['waiting', [2, 4]],
      ['answered', [1]],
      ['forwarded', [5]],
    ])
  })

  it('is empty without petitions', () => {
    expect(petitionGroups([])).toEqual([])
  })
})

describe('hiddenOnProjector', () => {
  it('is true without consent or when raising a confidential petition', () => {
    const petitions = [petition(1), petition(2, { confidential: true })]
    expect(hiddenOnProjector(speaker(1, { petitionNos: [1] }), petitions)).toBe(false)
    expect(hiddenOnProjector(speaker(2, { showName: false }), petitions)).toBe(true)
    expect(hiddenOnProjector(speaker(3, { petitionNos: [2] }), petitions)).toBe(true)
  })
})

describe('answererChoices', () => {
  it('puts the leadership first and the officials under their units, sorted the Vietnamese way', () => {
    const choices = answererChoices({
      units: [
        { id: 'u2', name: 'Phòng Văn hóa - Xã hội' },
        { id: 'u1', name: 'Phòng Kinh tế' },
        { id: 'u3', name: 'Công an xã' },
      ],
      officials: [
        { id: 'o1', name: 'Tòng Văn Minh', title: 'Trưởng phòng', unitId: 'u1' },
        { id: 'o2', name: 'Cầm Thị Hương', title: 'Phó Chủ tịch UBND xã', unitId: null },
        { id: 'o3', name: 'Đinh Văn An', title: 'Phó Chủ tịch UBND xã', unitId: null },
        { id: 'o4', name: 'Lò Văn Ba', title: 'Chuyên viên', unitId: 'gone' },
      ],
    })
    expect(choices.leaders.map((o) => o.name)).toEqual(['Cầm Thị Hương', 'Đinh Văn An', 'Lò Văn Ba'])
    expect(choices.units.map((u) => [u.unit.name, u.officials.map((o) => o.name)])).toEqual([
      ['Công an xã', []],
      ['Phòng Kinh tế', ['Tòng Văn Minh']],
      ['Phòng Văn hóa - Xã hội', []],
    ])
  })
})

describe('decisionStage', () => {
  it('follows the petition from open to concluded', () => {
    expect(decisionStage(petition(1))).toBe('open')
    expect(decisionStage(petition(1, { status: 'discussing', answerer: { kind: 'unit', unitId: 'u1', name: 'Phòng Kinh tế' } }))).toBe('assigned')
    expect(decisionStage(petition(1, { status: 'forwarded', forwardedTo: 'UBND tỉnh' }))).toBe('resolved')
    expect(decisionStage(petition(1, { status: 'answered', conclusion: 'Đã trả lời.' }))).toBe('concluded')
  })
})

describe('refusalText', () => {
  it('is the message, with the field problems a validation error names', () => {
    expect(refusalText({ code: 'QUEUE_EMPTY', message: 'Không còn người đăng ký phát biểu đang chờ.' })).toBe('Không còn người đăng ký phát biểu đang chờ.')
    expect(refusalText({ code: 'VALIDATION_FAILED', message: 'Dữ liệu không hợp lệ.', fields: { body: 'Vui lòng nhập cơ quan.', x: 'Vui lòng nhập cơ quan.' } })).toBe(
      'Dữ liệu không hợp lệ. Vui lòng nhập cơ quan.',
    )
  })
})

describe('dueDateWarning', () => {
  const dates = { earliest: '2026-06-20', latest: '2027-06-20' }
  const office = { calendar: emptyCalendar }
  it('says before the chair presses that a weekend, a date too early or too late will be refused', () => {
    expect(dueDateWarning('2026-07-06', dates, office)).toBeNull() // a Monday
    expect(dueDateWarning('2026-07-05', dates, office)).toMatch(/là Chủ nhật, không phải ngày làm việc/)
    expect(dueDateWarning('2026-07-04', dates, office)).toMatch(/là thứ Bảy/)
    expect(dueDateWarning('2026-06-19', dates, office)).toMatch(/sau ngày hội nghị/)
    expect(dueDateWarning('2027-06-21', dates, office)).toMatch(/quá một năm/)
    expect(dueDateWarning('', dates, office)).toMatch(/Chọn ngày/)
  })

  it('says a holiday of the office’s calendar is no working day, and names the next one; a worked Saturday is fine', () => {
    const days = [
      { day: '2026-09-02', kind: 'day_off', note: 'Quốc khánh' },
      { day: '2027-01-01', kind: 'day_off', note: 'Tết Dương lịch' },
      { day: '2026-10-10', kind: 'working_day', note: 'Làm bù' },
    ]
    const calendar = calendarFromDays(days)
    const noteOf = (day: string) => days.find((d) => d.day === day)?.note
    expect(dueDateWarning('2027-01-01', dates, { calendar, noteOf })).toBe(
      'Ngày 01/01/2027 là ngày nghỉ (Tết Dương lịch), không phải ngày làm việc. Hãy chọn ngày khác, ví dụ 04/01/2027.',
    )
    expect(dueDateWarning('2026-09-02', dates, { calendar })).toBe('Ngày 02/09/2026 là ngày nghỉ, không phải ngày làm việc. Hãy chọn ngày khác, ví dụ 03/09/2026.')
    expect(dueDateWarning('2026-10-10', dates, { calendar, noteOf })).toBeNull()
  })
})

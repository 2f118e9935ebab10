import { describe, expect, it } from 'vitest'
import { readSchedule } from './calendar-import'

const days = (r: ReturnType<typeof readSchedule>) => r.days.map((d) => `${d.day} ${d.kind} ${d.note}`)
const problems = (r: ReturnType<typeof readSchedule>) => r.problems.map((p) => p.message)

describe('a year’s schedule from a .csv file', () => {
  it('reads a file without a header: date, then kind or note; two date columns make a range', () => {
    const r = readSchedule(2026, { format: 'csv', text: '2026-01-01,Tết Dương lịch\n10/01/2026,làm bù,Thứ Bảy\n16/02/2026,20/02/2026,Tết Nguyên đán\n' })
    expect(problems(r)).toEqual([])
    expect(days(r)).toEqual([
      '2026-01-01 day_off Tết Dương lịch',
      '2026-01-10 working_day Thứ Bảy',
      '2026-02-16 day_off Tết Nguyên đán',
      '2026-02-17 day_off Tết Nguyên đán',
      '2026-02-18 day_off Tết Nguyên đán',
      '2026-02-19 day_off Tết Nguyên đán',
      '2026-02-20 day_off Tết Nguyên đán',
    ])
  })

  it('reads columns by their header, tab-separated too, with quoted notes', () => {
    const r = readSchedule(2026, { format: 'csv', text: 'Ghi chú\tTừ ngày\tĐến ngày\n"Nghỉ Tết Dương lịch, hoán đổi"\t02/01/2026\t04/01/2026\n' })
    expect(days(r)).toEqual(['2026-01-02 day_off Nghỉ Tết Dương lịch, hoán đổi'])
    expect(r.skipped).toHaveLength(1)
  })

  it('names each bad record by its line in the file', () => {
    const r = readSchedule(2026, { format: 'csv', text: 'Ngày;Loại;Ghi chú\n01/01/2026;nghỉ;Tết\n05/01/2026;làm bù;Sai\n32/01/2026;nghỉ;x\n03/03/2026;hỏi lại;y\n' })
    expect(problems(r)).toEqual([
      'Dòng 3: Thứ Hai 05/01/2026 là ngày thường, đã là ngày làm việc; chỉ thứ Bảy, Chủ nhật mới ghi là làm bù. Ngày thường ghi trong lịch là ngày nghỉ.',
      'Dòng 4: ngày 32/01/2026 không có trong lịch.',
      'Dòng 5: không hiểu loại ngày «hỏi lại»; ghi «nghỉ» hoặc «làm bù».',
    ])
  })

  it('says a broken file is broken, with the line', () => {
    expect(problems(readSchedule(2026, { format: 'csv', text: '01/01/2026;"Tết\n' }))).toEqual([
      'Tệp CSV bị hỏng ở dòng 1 (có thể thiếu dấu ngoặc kép đóng); hãy lưu lại tệp từ Excel dưới dạng CSV rồi thử lại.',
    ])
  })
})

const ics = (...events: string[]) => ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//VI', ...events, 'END:VCALENDAR'].join('\r\n')
const vevent = (...lines: string[]) => ['BEGIN:VEVENT', `UID:${Math.random()}`, ...lines, 'END:VEVENT'].join('\r\n')

describe('a year’s schedule from an .ics file', () => {
  it('reads all-day events (DTEND exclusive), timed events and yearly rules, within the year only', () => {
    const text = ics(
      vevent('DTSTART;VALUE=DATE:20260102', 'DTEND;VALUE=DATE:20260105', 'SUMMARY:Nghỉ Tết Dương lịch'),
      vevent('DTSTART:20260110T073000', 'DTEND:20260110T170000', 'SUMMARY:Làm bù cho thứ Sáu 02/01'),
      vevent('DTSTART;VALUE=DATE:20200430', 'RRULE:FREQ=YEARLY', 'SUMMARY:Ngày Chiến thắng'),
      vevent('DTSTART;VALUE=DATE:20251231', 'DTEND;VALUE=DATE:20260102', 'SUMMARY:Giao thừa và Tết'),
      vevent('DTSTART;VALUE=DATE:20270101', 'SUMMARY:Tết năm sau'),
    )
    const r = readSchedule(2026, { format: 'ics', text })
    expect(problems(r)).toEqual([])
    expect(days(r)).toEqual([
      '2026-01-01 day_off Giao thừa và Tết',
      '2026-01-02 day_off Nghỉ Tết Dương lịch',
      '2026-01-10 working_day Làm bù cho thứ Sáu 02/01',
      '2026-04-30 day_off Ngày Chiến thắng',
    ])
  })

  it('names the event it cannot read, and refuses what is not a calendar', () => {
    const broken = readSchedule(2026, { format: 'ics', text: ics(vevent('DTSTART;VALUE=DATE:20260101', 'SUMMARY:Tết'), vevent('DTSTART:hôm nay', 'SUMMARY:Hỏng')) })
    expect(problems(broken)).toEqual(['Sự kiện 2 «Hỏng»: không đọc được ngày của sự kiện (DTSTART/DTEND hỏng).'])
    for (const text of ['', 'Ngày;Ghi chú', 'BEGIN:VCALENDAR\r\nEND:VCALENDAR']) {
      expect(problems(readSchedule(2026, { format: 'ics', text }))[0]).toMatch(/^Tệp \.ics (không đọc được|không có sự kiện)/)
    }
    expect(problems(readSchedule(2026, { format: 'ics', text: ics(vevent('DTSTART;VALUE=DATE:20270101', 'SUMMARY:Tết')) }))).toEqual(['Tệp .ics không có sự kiện nào trong năm 2026.'])
  })
})

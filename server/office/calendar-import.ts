import { parse as parseCsv } from 'csv-parse/sync'
import ICAL from 'ical.js'
import { z } from 'zod'
import {
  parseScheduleList,
  readDateCell,
  readDateText,
  readKindText,
  scheduleFromRows,
  type ParsedSchedule,
  type ScheduleNotice,
  type ScheduleRow,
} from '../../shared/calendar/schedule'
import { addDays } from '../../shared/calendar/working-days'

// A year's schedule from what the administrator pasted or uploaded. The file formats are read by
// their libraries (csv-parse for .csv, ical.js for .ics); what the rows mean (which days are stored,
// what is wrong with a line) is decided once, in shared/calendar/schedule.ts.

export const scheduleFormats = ['list', 'csv', 'ics'] as const

/** What the browser sends: the pasted text, or the file's text (read in the browser). */
export const scheduleSourceSchema = z.strictObject({
  format: z.enum(scheduleFormats),
  // A year's announcement is a few dozen lines; a calendar export of many years is a few hundred
  // kilobytes. The request's own limit (1 MB) bounds it anyway.
  text: z.string().max(500_000),
})
export type ScheduleSource = z.infer<typeof scheduleSourceSchema>

export function readSchedule(year: number, source: ScheduleSource): ParsedSchedule {
  switch (source.format) {
    case 'list':
      return parseScheduleList(year, source.text)
    case 'csv':
      return readCsv(year, source.text)
    case 'ics':
      return readIcs(year, source.text)
  }
}

const whole = (message: string): ScheduleNotice => ({ at: 0, source: 'Tệp', message })

// --- .csv -------------------------------------------------------------------------------------

type Columns = { first: number; last: number | null; kind: number | null; note: number[] }

/** Columns named in a header row ("Ngày", "Đến ngày", "Loại", "Ghi chú"), or null when row 1 is data. */
function headerColumns(cells: readonly string[]): Columns | null {
  if (cells.some((c) => readDateCell(c) !== null)) return null
  const named = cells.map((c) => c.trim().toLocaleLowerCase('vi'))
  const find = (re: RegExp) => named.findIndex((c) => re.test(c))
  const last = find(/đến|^to\b|end|kết thúc/u)
  const first = named.findIndex((c, i) => i !== last && /ngày|date|day|^từ|bắt đầu|start/u.test(c))
  if (first < 0) return null
  const kind = find(/loại|kind|type/u)
  const note = named.map((c, i) => (/ghi chú|note|tên|nội dung|mô tả|lý do|description|summary|name/u.test(c) && ![first, last, kind].includes(i) ? i : -1)).filter((i) => i >= 0)
  return { first, last: last >= 0 ? last : null, kind: kind >= 0 ? kind : null, note }
}

/** A record without a header: date (or range), then a kind or a note, then the note. */
function rowOfPlainRecord(cells: readonly string[], at: number, source: string): ScheduleRow {
  const [dateCell = '', ...rest] = cells
  const cell = readDateCell(dateCell)
  let last = cell?.last
  // "02/01/2026;04/01/2026;nghỉ Tết": a second date column is the range's end.
  if (!last && rest[0] !== undefined && readDateText(rest[0]) !== null) last = rest.shift()
  const kind = rest[0] !== undefined && readKindText(rest[0]) ? rest.shift() : undefined
  return { at, source, first: cell?.first ?? dateCell, ...(last ? { last } : {}), ...(kind ? { kind } : {}), note: rest.filter((c) => c.trim()).join(' — ') }
}

function readCsv(year: number, text: string): ParsedSchedule {
  let records: { record: string[]; info: { lines: number } }[]
  try {
    records = parseCsv(text, {
      bom: true,
      // Vietnamese Excel saves with ';' (the decimal separator is ','); others with ',' or a tab.
      delimiter: [',', ';', '\t'],
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[]
  } catch (err) {
    const line = (err as { lines?: unknown }).lines
    return { year, days: [], skipped: [], problems: [whole(`Tệp CSV bị hỏng${typeof line === 'number' ? ` ở dòng ${line}` : ''} (có thể thiếu dấu ngoặc kép đóng); hãy lưu lại tệp từ Excel dưới dạng CSV rồi thử lại.`)] }
  }
  const data = records.filter((r) => r.record.some((c) => c.trim()) && !r.record[0]!.trim().startsWith('#'))
  const header = data[0] ? headerColumns(data[0].record) : null
  const rows = (header ? data.slice(1) : data).map(({ record, info }): ScheduleRow => {
    const source = `Dòng ${info.lines}`
    if (!header) return rowOfPlainRecord(record, info.lines, source)
    const cell = (i: number | null) => (i === null ? '' : (record[i] ?? ''))
    const range = readDateCell(cell(header.first))
    const last = cell(header.last) || range?.last
    const kind = cell(header.kind)
    return {
      at: info.lines,
      source,
      first: range?.first ?? cell(header.first),
      ...(last ? { last } : {}),
      ...(kind ? { kind } : {}),
      note: header.note.map(cell).filter((c) => c.trim()).join(' — '),
    }
  })
  return scheduleFromRows(year, rows)
}

// --- .ics -------------------------------------------------------------------------------------

/** The calendar date an iCalendar time names, as written (a holiday is a date, not an instant). */
const dateOf = (t: ICAL.Time): string => `${String(t.year).padStart(4, '0')}-${String(t.month).padStart(2, '0')}-${String(t.day).padStart(2, '0')}`

/** The days an event covers: DTEND is exclusive for all-day events and for timed ones ending at midnight. */
function daysOf(start: ICAL.Time, end: ICAL.Time | null): { first: string; last: string } {
  const first = dateOf(start)
  if (!end) return { first, last: first }
  let last = dateOf(end)
  const atMidnight = end.isDate || (end.hour === 0 && end.minute === 0 && end.second === 0)
  if (atMidnight && last > first) last = addDays(last, -1)
  return { first, last: last < first ? first : last }
}

// A yearly rule repeats forever; a daily one could fill a year. Enough for any year's holidays.
const maxOccurrences = 800

function readIcs(year: number, text: string): ParsedSchedule {
  let events: ICAL.Component[]
  try {
    const parsed = ICAL.parse(text)
    if (!Array.isArray(parsed) || parsed.length === 0) throw new Error('empty')
    events = new ICAL.Component(parsed as unknown as unknown[]).getAllSubcomponents('vevent')
  } catch {
    return { year, days: [], skipped: [], problems: [whole('Tệp .ics không đọc được: không đúng định dạng iCalendar (BEGIN:VCALENDAR … END:VCALENDAR). Hãy xuất lại tệp lịch rồi thử lại.')] }
  }
  if (events.length === 0) return { year, days: [], skipped: [], problems: [whole('Tệp .ics không có sự kiện (VEVENT) nào.')] }

  const rows: ScheduleRow[] = []
  const problems: ScheduleNotice[] = []
  const first = `${year}-01-01`
  const last = `${year}-12-31`
  events.forEach((component, i) => {
    const at = i + 1
    let source = `Sự kiện ${at}`
    try {
      const event = new ICAL.Event(component)
      const summary = event.summary ?? ''
      if (summary) source = `${source} «${[...summary].slice(0, 40).join('')}»`
      if (!event.startDate) throw new Error('no DTSTART')
      const spans: { first: string; last: string }[] = []
      if (event.isRecurring()) {
        const it = event.iterator()
        for (let n = 0, next = it.next(); next && n < maxOccurrences; n++, next = it.next()) {
          const details = event.getOccurrenceDetails(next)
          const span = daysOf(details.startDate, details.endDate)
          if (span.first > last) break
          spans.push(span)
        }
      } else spans.push(daysOf(event.startDate, event.endDate ?? null))
      // A calendar exported for several years: the other years' events are not this year's business.
      for (const span of spans) {
        if (span.last < first || span.first > last) continue
        rows.push({ at, source, first: span.first < first ? first : span.first, last: span.last > last ? last : span.last, note: summary })
      }
    } catch {
      problems.push({ at, source, message: `${source}: không đọc được ngày của sự kiện (DTSTART/DTEND hỏng).` })
    }
  })
  if (rows.length === 0 && problems.length === 0) problems.push(whole(`Tệp .ics không có sự kiện nào trong năm ${year}.`))
  return scheduleFromRows(year, rows, problems)
}

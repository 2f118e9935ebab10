import { cleanText } from '../text'
import type { CalendarYearStatus } from './confirmation'
import { addDays, isWithinDateRange, parseDate } from './working-days'

// A year's holiday schedule as an administrator loads it in one step: pasted from the official
// announcement, or from a .csv or .ics file (the server reads those formats with their libraries and
// hands the rows here). What a day can be follows from its weekday, as everywhere in the calendar:
// a weekday listed is a day off (holiday, Tết, nghỉ bù); a Saturday or Sunday listed as "làm bù" or
// "làm việc" is a working day; a weekend day inside a holiday range is off already and not stored.
// Pure; every refusal is a Vietnamese sentence naming the line it comes from.

export type CalendarKind = 'day_off' | 'working_day'

export interface ScheduleDay {
  day: string
  kind: CalendarKind
  note: string
}

/** A day to store, with where it came from ("Dòng 3", "Sự kiện 2"). */
export interface ScheduleEntry extends ScheduleDay {
  source: string
}

/** A line that was read but stores nothing (weekend days off already), or a line that is wrong. */
export interface ScheduleNotice {
  /** The line (or record, or event) number, for ordering; 0 for the file as a whole. */
  at: number
  source: string
  message: string
}

export interface ParsedSchedule {
  year: number
  /** What the year's exceptions would be, in date order. */
  days: ScheduleEntry[]
  skipped: ScheduleNotice[]
  problems: ScheduleNotice[]
}

/**
 * One line or record as written, before it is read: its first (and last, for a range) date as
 * text, the kind if a column gave one, and the rest as the note.
 */
export interface ScheduleRow {
  at: number
  source: string
  first: string
  last?: string
  kind?: string
  note: string
}

/** As on the single-day form (PUT /api/calendar/:day). */
export const maxNoteLength = 200
/** More lines than any year's announcement holds: a pasted book is refused, not read for minutes. */
export const maxScheduleRows = 2000

const weekdayNames = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'] as const
const weekdayOf = (day: string): number => parseDate(day).getUTCDay()
const isWeekend = (day: string): boolean => [0, 6].includes(weekdayOf(day))
/** dd/mm/yyyy, as offices write dates. */
export const dateVi = (day: string): string => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`
/** "Thứ Sáu 02/01/2026". */
export const dayVi = (day: string): string => `${weekdayNames[weekdayOf(day)]} ${dateVi(day)}`

const pad = (n: string) => n.padStart(2, '0')

/**
 * A date as an office writes it: 02/01/2026, 2/1/2026, 02-01-2026, 02.01.2026 (day first, as in
 * Vietnamese), or 2026-01-02. 'YYYY-MM-DD' text (not checked to exist), or null.
 */
export function readDateText(text: string): string | null {
  const t = text.trim()
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t)
  if (m) return `${m[1]}-${pad(m[2]!)}-${pad(m[3]!)}`
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t)
  if (m) return `${m[3]}-${pad(m[2]!)}-${pad(m[1]!)}`
  return null
}

const workingWords = /làm bù|làm việc|đi làm/iu
const workingFirst = /^[\s(:,;.–—-]*(ngày\s+)?(làm bù|làm việc|đi làm)/iu
const dayOffFirst = /^[\s(:,;.–—-]*(ngày\s+)?nghỉ/iu

/**
 * Whether a note marks its days as worked. A note usually begins with what the day is ("làm bù cho
 * thứ Sáu 02/01", "nghỉ Tết (làm bù thứ Bảy 10/01)"); a single Saturday or Sunday is read more
 * freely ("Tết Dương lịch (làm bù)"), since listing a weekend day means something happens on it.
 */
function saysWorking(note: string, weekendDay: boolean): boolean {
  if (workingFirst.test(note)) return true
  return weekendDay && workingWords.test(note) && !dayOffFirst.test(note)
}
const dayOffKinds = new Set(['nghỉ', 'ngày nghỉ', 'nghỉ lễ', 'nghỉ tết', 'nghỉ bù', 'day_off', 'off', 'holiday', 'nghi'])
const workingKinds = new Set(['làm bù', 'làm việc', 'ngày làm việc', 'ngày làm bù', 'đi làm', 'working_day', 'working', 'work', 'lam bu'])

/** A kind column's word: 'nghỉ' / 'làm bù' (and their English names); undefined when blank, null when not understood. */
export function readKindText(text: string | undefined): CalendarKind | null | undefined {
  const t = cleanText(text ?? '').toLocaleLowerCase('vi').replace(/\s+/g, ' ')
  if (!t) return undefined
  if (dayOffKinds.has(t)) return 'day_off'
  if (workingKinds.has(t)) return 'working_day'
  return null
}

// A pasted line: an optional bullet, weekday and "từ ngày"; a date, or a range of two; the note.
// The first date of a range may leave out its year ("14/02 - 22/02/2026").
const DATE = String.raw`\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.-]\d{1,2}[/.-]\d{4}`
const WEEKDAY = String.raw`(?:(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7]))|chủ\s+nhật|cn|t[2-7])\s*,?\s*`
const listLine = new RegExp(
  String.raw`^\s*(?:[-*•+]\s+)?(?:${WEEKDAY})?(?:từ\s+)?(?:ngày\s+)?` +
    String.raw`(${DATE}|\d{1,2}/\d{1,2}(?=\s*(?:-|–|—|đến)))` +
    String.raw`(?:\s*(?:-|–|—|đến(?:\s+hết)?(?:\s+ngày)?)\s*(?:${WEEKDAY})?(${DATE}))?` +
    String.raw`\s*[:,;.)–—-]?\s*(.*)$`,
  'iu',
)

/**
 * A cell holding a date or a range ("02/01/2026 - 04/01/2026"), as a spreadsheet column holds it;
 * null when it holds anything else.
 */
export function readDateCell(cell: string): { first: string; last?: string } | null {
  const m = listLine.exec(cleanText(cell))
  if (!m || m[3]) return null
  return { first: m[1]!, ...(m[2] ? { last: m[2] } : {}) }
}

/**
 * The rows of a pasted list, one per line; blank lines and lines starting with '#' are skipped. A
 * line that does not start with a date is a problem.
 */
export function rowsOfList(text: string): { rows: ScheduleRow[]; problems: ScheduleNotice[] } {
  const rows: ScheduleRow[] = []
  const problems: ScheduleNotice[] = []
  const lines = text.split(/\r\n|\r|\n/)
  lines.forEach((raw, i) => {
    const line = cleanText(raw)
    if (!line || line.startsWith('#')) return
    const source = `Dòng ${i + 1}`
    const m = listLine.exec(line)
    if (!m) {
      problems.push({ at: i + 1, source, message: `${source}: không đọc được ngày ở đầu dòng «${shorten(line)}». Viết ngày trước, ví dụ «01/01/2026 Tết Dương lịch» hoặc «14/02/2026 - 22/02/2026 nghỉ Tết».` })
      return
    }
    const [, first, last, note] = m
    rows.push({ at: i + 1, source, first: first!, ...(last ? { last } : {}), note: note ?? '' })
  })
  return { rows, problems }
}

function shorten(s: string): string {
  const chars = [...s]
  return chars.length > 60 ? `${chars.slice(0, 60).join('')}…` : s
}

/** A row's date: 'YYYY-MM-DD' that exists and lies within the year, or the reason it cannot. */
function readDay(text: string, year: number, source: string, yearFromLast?: string): { day: string } | { problem: string } {
  const full = yearFromLast && /^\d{1,2}\/\d{1,2}$/.test(text.trim()) ? `${text.trim()}/${yearFromLast}` : text
  const day = readDateText(full)
  if (!day) return { problem: `${source}: «${shorten(text.trim())}» không phải là ngày (viết dạng 01/01/${year} hoặc ${year}-01-01).` }
  if (!isWithinDateRange(day)) return { problem: `${source}: ngày ${dateVi(day)} nằm ngoài khoảng năm 2000–2099.` }
  try {
    parseDate(day)
  } catch {
    return { problem: `${source}: ngày ${dateVi(day)} không có trong lịch.` }
  }
  if (Number(day.slice(0, 4)) !== year) return { problem: `${source}: ngày ${dateVi(day)} không thuộc năm ${year} (đang nạp lịch năm ${year}).` }
  return { day }
}

/**
 * A year's schedule from its rows: each row's dates checked, ranges expanded, each day's kind
 * decided by its weekday (see the top of this file). A day listed twice keeps its first note.
 */
export function scheduleFromRows(year: number, rows: readonly ScheduleRow[], earlier: readonly ScheduleNotice[] = []): ParsedSchedule {
  const problems: ScheduleNotice[] = [...earlier]
  const skipped: ScheduleNotice[] = []
  const byDay = new Map<string, ScheduleEntry>()
  if (rows.length > maxScheduleRows) {
    return { year, days: [], skipped, problems: [...problems, { at: 0, source: 'Tệp', message: `Danh sách có ${rows.length} dòng, quá ${maxScheduleRows} dòng: đây không phải là lịch nghỉ của một năm.` }] }
  }

  for (const row of rows) {
    const { source, at } = row
    const lastYear = row.last ? /(\d{4})\s*$/.exec(row.last.trim())?.[1] : undefined
    const first = readDay(row.first, year, source, lastYear)
    if ('problem' in first) {
      problems.push({ at, source, message: first.problem })
      continue
    }
    let lastDay = first.day
    if (row.last !== undefined && row.last.trim() !== '') {
      const last = readDay(row.last, year, source)
      if ('problem' in last) {
        problems.push({ at, source, message: last.problem })
        continue
      }
      if (last.day < first.day) {
        problems.push({ at, source, message: `${source}: khoảng ngày ngược chiều (${dateVi(first.day)} đến ${dateVi(last.day)}); ghi ngày đầu trước.` })
        continue
      }
      lastDay = last.day
    }

    const note = cleanText(row.note)
    if ([...note].length > maxNoteLength) {
      problems.push({ at, source, message: `${source}: ghi chú quá dài (tối đa ${maxNoteLength} ký tự).` })
      continue
    }
    const explicit = readKindText(row.kind)
    if (explicit === null) {
      problems.push({ at, source, message: `${source}: không hiểu loại ngày «${shorten(cleanText(row.kind ?? ''))}»; ghi «nghỉ» hoặc «làm bù».` })
      continue
    }
    const single = lastDay === first.day
    const working = explicit ? explicit === 'working_day' : saysWorking(note, single && isWeekend(first.day))

    if (single && !isWeekend(first.day) && working) {
      problems.push({
        at,
        source,
        message: `${source}: ${dayVi(first.day)} là ngày thường, đã là ngày làm việc; chỉ thứ Bảy, Chủ nhật mới ghi là làm bù. Ngày thường ghi trong lịch là ngày nghỉ.`,
      })
      continue
    }

    const notStored: string[] = []
    for (let d = first.day; d <= lastDay; d = addDays(d, 1)) {
      const weekend = isWeekend(d)
      // A weekday is a working day already unless listed as off; a weekend day is off already
      // unless listed as worked. Only what differs from the week is stored.
      const kind: CalendarKind | null = weekend ? (working ? 'working_day' : null) : working ? null : 'day_off'
      if (kind === null) {
        notStored.push(d)
        continue
      }
      if (!byDay.has(d)) byDay.set(d, { day: d, kind, note, source })
    }
    if (notStored.length) skipped.push({ at, source, message: skippedMessage(source, notStored, working, single) })
  }

  if (byDay.size === 0 && problems.length === 0) problems.push({ at: 0, source: 'Tệp', message: `Danh sách không có ngày nghỉ hay ngày làm bù nào của năm ${year} để lưu.` })
  const days = [...byDay.values()].sort((a, b) => a.day.localeCompare(b.day))
  const byPlace = (a: ScheduleNotice, b: ScheduleNotice) => a.at - b.at
  return { year, days, skipped: skipped.sort(byPlace), problems: problems.sort(byPlace) }
}

function skippedMessage(source: string, days: readonly string[], working: boolean, single: boolean): string {
  if (single) {
    return `${source}: ${dayVi(days[0]!)} đã là ngày nghỉ cuối tuần, không cần lưu. Nếu có ngày nghỉ bù, hãy ghi ngày nghỉ bù (ngày thường).`
  }
  const list = days.map(dateVi).join(', ')
  return working
    ? `${source}: bỏ qua ${days.length} ngày thường đã là ngày làm việc (${list}).`
    : `${source}: bỏ qua ${days.length} ngày thứ Bảy, Chủ nhật đã là ngày nghỉ (${list}).`
}

/** A pasted list, read. */
export function parseScheduleList(year: number, text: string): ParsedSchedule {
  const { rows, problems } = rowsOfList(text)
  return scheduleFromRows(year, rows, problems)
}

export interface ScheduleChanges {
  added: ScheduleDay[]
  removed: ScheduleDay[]
  changed: { day: string; before: ScheduleDay; after: ScheduleDay }[]
  unchanged: number
}

/** What replacing `stored` (one year's exceptions) with `next` would change. */
export function scheduleChanges(stored: readonly ScheduleDay[], next: readonly ScheduleDay[]): ScheduleChanges {
  const before = new Map(stored.map((d) => [d.day, d]))
  const after = new Map(next.map((d) => [d.day, d]))
  const changes: ScheduleChanges = { added: [], removed: [], changed: [], unchanged: 0 }
  for (const d of next) {
    const old = before.get(d.day)
    if (!old) changes.added.push(plain(d))
    else if (old.kind !== d.kind || old.note !== d.note) changes.changed.push({ day: d.day, before: plain(old), after: plain(d) })
    else changes.unchanged++
  }
  for (const d of stored) if (!after.has(d.day)) changes.removed.push(plain(d))
  const byDay = (a: { day: string }, b: { day: string }) => a.day.localeCompare(b.day)
  changes.added.sort(byDay)
  changes.removed.sort(byDay)
  changes.changed.sort(byDay)
  return changes
}

const plain = (d: ScheduleDay): ScheduleDay => ({ day: d.day, kind: d.kind, note: d.note })

/** What the administrator sees before loading a year: the days read, what they change, what is wrong. */
export interface CalendarYearPreview extends ParsedSchedule {
  changes: ScheduleChanges
  /** The year as stored now (confirmed or not). */
  status: CalendarYearStatus
}

/** After loading: the year's exceptions as stored, and whether it is now confirmed. */
export interface CalendarYearApplied {
  year: number
  days: ScheduleDay[]
  changes: ScheduleChanges
  status: CalendarYearStatus
}

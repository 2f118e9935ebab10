import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import type { Executor } from '../../db/repositories/executor'
import {
  listCalendarDaysOfYear,
  listCalendarYears,
  lockCalendarYear,
  markCalendarYearLoaded,
  replaceCalendarYear,
  setCalendarYearConfirmation,
  type YearMark,
} from '../../db/repositories/calendar'
import type { CalendarYearStatus } from '../../shared/calendar/confirmation'
import { scheduleChanges, type CalendarYearApplied, type CalendarYearPreview, type ScheduleChanges, type ScheduleDay } from '../../shared/calendar/schedule'
import { fail, ok, type Result } from '../../shared/errors'
import { recordBy, type Auditor } from '../auth/audit'
import { inTransaction } from '../in-transaction'
import { readSchedule, type ScheduleSource } from './calendar-import'

// Loading a year's holiday schedule in one step, and confirming a year. A preview writes nothing;
// applying replaces the year's exceptions, marks who loaded it and (if asked) confirms it, with its
// audit row, in one transaction: a bad line refuses the whole load and nothing is written.

const formatNames = { list: 'dán danh sách', csv: 'tệp .csv', ics: 'tệp .ics' } as const

const unconfirmed = (year: number): CalendarYearStatus => ({ year, confirmedAt: null, confirmedBy: null, loadedAt: null, loadedBy: null })

async function statusOf(db: Executor, year: number): Promise<CalendarYearStatus> {
  return (await listCalendarYears(db)).find((y) => y.year === year) ?? unconfirmed(year)
}

function markOf(by: Auditor): YearMark {
  return { at: new Date().toISOString(), by: by.name ?? 'Không rõ', userId: by.userId }
}

const stored = (days: readonly ScheduleDay[]): ScheduleDay[] => days.map((d) => ({ day: d.day, kind: d.kind, note: d.note }))

export async function previewCalendarYear(db: Kysely<Database>, year: number, source: ScheduleSource): Promise<CalendarYearPreview> {
  const parsed = readSchedule(year, source)
  const current = await listCalendarDaysOfYear(db, year)
  return { ...parsed, changes: scheduleChanges(current, parsed.days), status: await statusOf(db, year) }
}

function describeLoad(year: number, source: ScheduleSource, days: readonly ScheduleDay[], changes: ScheduleChanges, confirmed: boolean): string {
  const off = days.filter((d) => d.kind === 'day_off').length
  const worked = days.length - off
  return (
    `Nạp lịch nghỉ năm ${year} (${formatNames[source.format]}): ${off} ngày nghỉ, ${worked} ngày làm bù; ` +
    `thêm ${changes.added.length}, bỏ ${changes.removed.length}, sửa ${changes.changed.length}` +
    (confirmed ? '; đã xác nhận theo thông báo chính thức' : '; chưa xác nhận')
  )
}

/**
 * Replaces the year's exceptions with what `source` holds. Refused as a whole (VALIDATION_FAILED,
 * one field per bad line) when any line is wrong. `confirm`: the administrator checked it against
 * the official announcement. Loading other days than were confirmed withdraws the confirmation.
 */
export async function applyCalendarYear(db: Kysely<Database>, by: Auditor, year: number, source: ScheduleSource, confirm: boolean): Promise<Result<CalendarYearApplied>> {
  const parsed = readSchedule(year, source)
  if (parsed.problems.length) {
    const fields = Object.fromEntries(parsed.problems.map((p) => [p.at === 0 ? 'text' : `text.${p.at}`, p.message]))
    const count = parsed.problems.length
    return fail('VALIDATION_FAILED', `Chưa nạp lịch năm ${year}: ${count} dòng cần sửa. ${parsed.problems[0]!.message}${count > 1 ? ' …' : ''}`, fields)
  }
  const days = stored(parsed.days)
  const mark = markOf(by)
  return inTransaction(db, async (trx) => {
    await lockCalendarYear(trx, year)
    const before = await statusOf(trx, year)
    const changes = scheduleChanges(await listCalendarDaysOfYear(trx, year), days)
    const same = changes.added.length + changes.removed.length + changes.changed.length === 0
    await replaceCalendarYear(trx, year, days)
    await markCalendarYearLoaded(trx, year, mark)
    // Confirmed days loaded again unchanged stay confirmed; anything else is as the administrator says.
    const keep = same && before.confirmedAt !== null
    if (!keep) await setCalendarYearConfirmation(trx, year, confirm ? mark : null)
    await recordBy(trx, by, 'office-changed', describeLoad(year, source, days, changes, confirm || keep))
    return ok({ year, days, changes, status: await statusOf(trx, year) })
  })
}

/** Confirms the year as it stands, or withdraws the confirmation. A year with no exceptions at all is not confirmed. */
export async function confirmCalendarYear(db: Kysely<Database>, by: Auditor, year: number, confirmed: boolean): Promise<Result<CalendarYearStatus>> {
  const mark = markOf(by)
  return inTransaction(db, async (trx) => {
    if (confirmed && (await listCalendarDaysOfYear(trx, year)).length === 0) {
      const message = `Lịch năm ${year} chưa có ngày nghỉ lễ nào; hãy nạp lịch năm này theo thông báo chính thức trước khi xác nhận.`
      return fail('VALIDATION_FAILED', message, { confirmed: message })
    }
    await lockCalendarYear(trx, year)
    await setCalendarYearConfirmation(trx, year, confirmed ? mark : null)
    await recordBy(trx, by, 'office-changed', confirmed ? `Xác nhận lịch nghỉ năm ${year} theo thông báo chính thức` : `Bỏ xác nhận lịch nghỉ năm ${year}`)
    return ok(await statusOf(trx, year))
  })
}

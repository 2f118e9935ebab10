import type { Kysely, Transaction } from 'kysely'
import { deleteCalendarDay, listCalendarDays, listCalendarYears, upsertCalendarDay, type CalendarDay } from '../../db/repositories/calendar'
import { loadDeadlineRules, loadOfficeProfile, saveDeadlineRules, saveOfficeProfile } from '../../db/repositories/documents'
import type { Database } from '../../db/schema'
import type { CalendarYearStatus } from '../../shared/calendar/confirmation'
import type { CalendarYearApplied, CalendarYearPreview } from '../../shared/calendar/schedule'
import { parseDate } from '../../shared/calendar/working-days'
import type { OfficeProfile } from '../../shared/documents/model'
import { fail, ok, type Result } from '../../shared/errors'
import type { DeadlineRuleSet } from '../../shared/meeting/rules'
import type { Auditor } from '../auth/audit'
import { changeOffice, type OfficeEdit } from './office-changes'
import type { ScheduleSource } from './calendar-import'
import { applyCalendarYear, confirmCalendarYear, previewCalendarYear } from './calendar-schedule'
import type { OfficeData } from './office-data'

/**
 * A single day's exception to the week, if it is one: a weekday can only become a day off and a
 * weekend day only a working day (the government's swaps); anything else would change nothing.
 */
export function calendarDayProblem(day: string, kind: CalendarDay['kind']): string | null {
  const weekday = parseDate(day).getUTCDay()
  const weekend = weekday === 0 || weekday === 6
  if (weekend === (kind === 'working_day')) return null
  return weekend ? 'Thứ Bảy, Chủ nhật đã là ngày nghỉ; chỉ có thể đánh dấu là ngày làm bù.' : 'Ngày thường đã là ngày làm việc; chỉ có thể đánh dấu là ngày nghỉ.'
}

/**
 * The office's own settings, kept by the administrator: the header and document settings printed on
 * every document, the deadline sets, and the holiday calendar (a day at a time or a year at a time).
 * Each change and its audit row are one transaction; decisions' cached copy is dropped after commit.
 */
export class OfficeSettingsService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly office: OfficeData,
  ) {}

  profile(): Promise<OfficeProfile> {
    return loadOfficeProfile(this.db)
  }

  saveProfile(profile: OfficeProfile, by: Auditor): Promise<Result<OfficeProfile>> {
    return this.change(by, async (trx) => {
      await saveOfficeProfile(trx, profile)
      return ok({ value: profile, detail: 'Sửa thông tin cơ quan in trên văn bản' })
    })
  }

  deadlineRules(): Promise<DeadlineRuleSet> {
    return loadDeadlineRules(this.db)
  }

  /** Used for every deadline decided afterwards; deadlines already decided keep theirs. */
  saveDeadlineRules(rules: DeadlineRuleSet, by: Auditor): Promise<Result<DeadlineRuleSet>> {
    return this.change(by, async (trx) => {
      await saveDeadlineRules(trx, rules)
      return ok({ value: rules, detail: 'Sửa thời hạn giải quyết (ngày làm việc)' })
    })
  }

  /** The days, and each year an administrator loaded or confirmed (a year not listed is unconfirmed). */
  async calendar(): Promise<{ days: CalendarDay[]; years: CalendarYearStatus[] }> {
    const [days, years] = await Promise.all([listCalendarDays(this.db), listCalendarYears(this.db)])
    return { days, years }
  }

  setCalendarDay(day: CalendarDay, by: Auditor): Promise<Result<CalendarDay>> {
    return this.change(by, async (trx) => {
      const problem = calendarDayProblem(day.day, day.kind)
      if (problem) return fail('VALIDATION_FAILED', problem, { kind: problem })
      await upsertCalendarDay(trx, day)
      return ok({ value: day, detail: `Lịch ngày ${day.day}: ${day.kind === 'day_off' ? 'nghỉ' : 'làm việc'}${day.note ? ` (${day.note})` : ''}` })
    })
  }

  removeCalendarDay(day: string, by: Auditor): Promise<Result<null>> {
    return this.change(by, async (trx) => {
      if (!(await deleteCalendarDay(trx, day))) return fail('NOT_FOUND', 'Ngày này không có trong lịch nghỉ.')
      return ok({ value: null, detail: `Bỏ ngày ${day} khỏi lịch` })
    })
  }

  /** What loading this schedule would do; writes nothing. */
  previewCalendarYear(year: number, source: ScheduleSource): Promise<CalendarYearPreview> {
    return previewCalendarYear(this.db, year, source)
  }

  async loadCalendarYear(year: number, source: ScheduleSource, confirm: boolean, by: Auditor): Promise<Result<CalendarYearApplied>> {
    return this.invalidatedAfter(await applyCalendarYear(this.db, by, year, source, confirm))
  }

  async confirmCalendarYear(year: number, confirmed: boolean, by: Auditor): Promise<Result<CalendarYearStatus>> {
    return this.invalidatedAfter(await confirmCalendarYear(this.db, by, year, confirmed))
  }

  private invalidatedAfter<T>(done: Result<T>): Result<T> {
    if (done.ok) this.office.invalidate()
    return done
  }

  private async change<T>(by: Auditor, edit: (trx: Transaction<Database>) => Promise<OfficeEdit<T>>): Promise<Result<T>> {
    return this.invalidatedAfter(await changeOffice(this.db, by, edit))
  }
}

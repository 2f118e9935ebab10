import { sql } from 'kysely'
import type { CalendarYearStatus } from '../../shared/calendar/confirmation'
import { calendarFromDays, type HolidayCalendar } from '../../shared/calendar/working-days'
import { type Executor, toIso } from './executor'

export interface CalendarDay {
  day: string
  kind: 'day_off' | 'working_day'
  note: string
}

export async function listCalendarDays(db: Executor): Promise<CalendarDay[]> {
  const rows = await db
    .selectFrom('calendar_days')
    .select([sql<string>`to_char(day, 'YYYY-MM-DD')`.as('day'), 'kind', 'note'])
    .orderBy('calendar_days.day')
    .execute()
  return rows
}

export async function loadCalendar(db: Executor): Promise<HolidayCalendar> {
  return calendarFromDays(await listCalendarDays(db))
}

export async function upsertCalendarDay(db: Executor, d: CalendarDay): Promise<void> {
  await db
    .insertInto('calendar_days')
    .values(d)
    .onConflict((oc) => oc.column('day').doUpdateSet({ kind: d.kind, note: d.note }))
    .execute()
}

export async function deleteCalendarDay(db: Executor, day: string): Promise<boolean> {
  const r = await db.deleteFrom('calendar_days').where('day', '=', day).executeTakeFirst()
  return Number(r.numDeletedRows) > 0
}

// --- a year at a time -------------------------------------------------------------------------

const yearBounds = (year: number) => [`${year}-01-01`, `${year}-12-31`] as const

export async function listCalendarDaysOfYear(db: Executor, year: number): Promise<CalendarDay[]> {
  const [first, last] = yearBounds(year)
  return db
    .selectFrom('calendar_days')
    .select([sql<string>`to_char(day, 'YYYY-MM-DD')`.as('day'), 'kind', 'note'])
    .where('day', '>=', first)
    .where('day', '<=', last)
    .orderBy('calendar_days.day')
    .execute()
}

export async function listCalendarYears(db: Executor): Promise<CalendarYearStatus[]> {
  const rows = await db.selectFrom('calendar_years').selectAll().orderBy('year').execute()
  return rows.map((r) => ({
    year: r.year,
    confirmedAt: r.confirmed_at ? toIso(r.confirmed_at) : null,
    confirmedBy: r.confirmed_by,
    loadedAt: r.loaded_at ? toIso(r.loaded_at) : null,
    loadedBy: r.loaded_by,
  }))
}

export async function loadConfirmedYears(db: Executor): Promise<number[]> {
  const rows = await db.selectFrom('calendar_years').select('year').where('confirmed_at', 'is not', null).orderBy('year').execute()
  return rows.map((r) => r.year)
}

/**
 * Holds the year's row (creating it) for the rest of the transaction, so two administrators loading
 * the same year one moment apart apply one after the other, not interleaved.
 */
export async function lockCalendarYear(trx: Executor, year: number): Promise<void> {
  await trx
    .insertInto('calendar_years')
    .values({ year })
    .onConflict((oc) => oc.column('year').doUpdateSet({ year }))
    .execute()
}

/** The year's exceptions become exactly `days` (call inside the caller's transaction). */
export async function replaceCalendarYear(trx: Executor, year: number, days: readonly CalendarDay[]): Promise<void> {
  const [first, last] = yearBounds(year)
  await trx.deleteFrom('calendar_days').where('day', '>=', first).where('day', '<=', last).execute()
  if (days.length) await trx.insertInto('calendar_days').values(days.map((d) => ({ day: d.day, kind: d.kind, note: d.note }))).execute()
}

export interface YearMark {
  at: string
  /** The person, as the audit trail names them. */
  by: string
  userId: string | null
}

export async function markCalendarYearLoaded(trx: Executor, year: number, mark: YearMark): Promise<void> {
  await trx.updateTable('calendar_years').set({ loaded_at: mark.at, loaded_by: mark.by }).where('year', '=', year).execute()
}

/** Confirms the year as it stands (a mark), or withdraws the confirmation (null). */
export async function setCalendarYearConfirmation(db: Executor, year: number, mark: YearMark | null): Promise<void> {
  const values = { confirmed_at: mark?.at ?? null, confirmed_by: mark?.by ?? null, confirmed_by_user_id: mark?.userId ?? null }
  await db
    .insertInto('calendar_years')
    .values({ year, ...values })
    .onConflict((oc) => oc.column('year').doUpdateSet(values))
    .execute()
}

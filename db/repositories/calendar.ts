import { sql } from 'kysely'
import { calendarFromDays, type HolidayCalendar } from '../../shared/calendar/working-days'
import type { Executor } from './executor'

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

import { sql, type Kysely } from 'kysely'

// Frozen in time: never edit a migration that has shipped; add a new one.
// Whether an administrator confirmed each year of the holiday calendar against the official
// announcement, and the 2026 New Year days the government set.
export async function up(db: Kysely<any>): Promise<void> {
  // One row per year an administrator loaded or confirmed. No row, or a null confirmed_at, means
  // unconfirmed: a seed never confirms a year, since only the official announcement can.
  await db.schema
    .createTable('calendar_years')
    .addColumn('year', 'integer', (c) => c.primaryKey().check(sql`year between 2000 and 2099`))
    .addColumn('confirmed_at', 'timestamptz')
    .addColumn('confirmed_by', 'text')
    .addColumn('confirmed_by_user_id', 'uuid')
    // The last time the year's schedule was loaded as a whole (paste, .csv, .ics), and by whom.
    .addColumn('loaded_at', 'timestamptz')
    .addColumn('loaded_by', 'text')
    .execute()

  // Tết Dương lịch 2026 for the public sector (Government agreement of 25/12/2025, announced by Bộ
  // Nội vụ): Thursday 01/01 to Sunday 04/01; Friday 02/01 is swapped with Saturday 10/01, worked
  // instead. 01/01 was seeded in 0002. The second National Day day of 2026 (2/9 is a Wednesday; the
  // Prime Minister picks 1/9 or 3/9) was not announced when this was written: left to the
  // administrator, and the unconfirmed year warns about it.
  await db
    .insertInto('calendar_days')
    .values([
      { day: '2026-01-02', kind: 'day_off', note: 'Tết Dương lịch (nghỉ hoán đổi, làm bù thứ Bảy 10/01/2026)' },
      { day: '2026-01-10', kind: 'working_day', note: 'Làm bù cho thứ Sáu 02/01/2026 (Tết Dương lịch)' },
    ])
    // An administrator may have entered these days already, in their own words: keep theirs.
    .onConflict((oc) => oc.column('day').doNothing())
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('calendar_days').where('day', 'in', ['2026-01-02', '2026-01-10']).execute()
  await db.schema.dropTable('calendar_years').execute()
}

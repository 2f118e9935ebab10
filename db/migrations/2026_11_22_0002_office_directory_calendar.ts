import { sql, type Kysely } from 'kysely'

// Frozen in time: never edit a migration that has shipped; add a new one.
// The office's directory (units and officials who answer petitions) and its holiday calendar.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('directory_units')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()

  await db.schema
    .createTable('directory_officials')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('unit_id', 'uuid', (c) => c.references('directory_units.id').onDelete('set null'))
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()

  // Exceptions to "Monday–Friday are working days": weekdays off (holidays, Tết, compensatory days)
  // and weekend days worked in exchange (làm bù).
  await db.schema
    .createTable('calendar_days')
    .addColumn('day', 'date', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('day_off', 'working_day')`))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .execute()

  // Seed: the fixed-date public holidays (Bộ luật Lao động 2019, Điều 112) that fall on weekdays,
  // and the Tết and swap days the government announced for 2025 and 2026. Administrators complete
  // and correct the calendar each year.
  const rows: [string, 'day_off' | 'working_day', string][] = [
    ['2025-01-01', 'day_off', 'Tết Dương lịch'],
    ['2025-01-27', 'day_off', 'Tết Nguyên đán Ất Tỵ'],
    ['2025-01-28', 'day_off', 'Tết Nguyên đán Ất Tỵ'],
    ['2025-01-29', 'day_off', 'Tết Nguyên đán Ất Tỵ'],
    ['2025-01-30', 'day_off', 'Tết Nguyên đán Ất Tỵ'],
    ['2025-01-31', 'day_off', 'Tết Nguyên đán Ất Tỵ'],
    ['2025-04-07', 'day_off', 'Giỗ Tổ Hùng Vương'],
    ['2025-04-26', 'working_day', 'Làm bù cho thứ Sáu 02/5/2025'],
    ['2025-04-30', 'day_off', 'Ngày Chiến thắng'],
    ['2025-05-01', 'day_off', 'Ngày Quốc tế Lao động'],
    ['2025-05-02', 'day_off', 'Nghỉ hoán đổi (làm bù thứ Bảy 26/4/2025)'],
    ['2025-09-01', 'day_off', 'Quốc khánh'],
    ['2025-09-02', 'day_off', 'Quốc khánh'],
    ['2026-01-01', 'day_off', 'Tết Dương lịch'],
    ['2026-02-16', 'day_off', 'Tết Nguyên đán Bính Ngọ'],
    ['2026-02-17', 'day_off', 'Tết Nguyên đán Bính Ngọ'],
    ['2026-02-18', 'day_off', 'Tết Nguyên đán Bính Ngọ'],
    ['2026-02-19', 'day_off', 'Tết Nguyên đán Bính Ngọ'],
    ['2026-02-20', 'day_off', 'Tết Nguyên đán Bính Ngọ'],
    ['2026-04-30', 'day_off', 'Ngày Chiến thắng'],
    ['2026-05-01', 'day_off', 'Ngày Quốc tế Lao động'],
    ['2026-09-02', 'day_off', 'Quốc khánh'],
    ['2027-01-01', 'day_off', 'Tết Dương lịch'],
    ['2027-04-30', 'day_off', 'Ngày Chiến thắng'],
    ['2027-09-02', 'day_off', 'Quốc khánh'],
  ]
  await db
    .insertInto('calendar_days')
    .values(rows.map(([day, kind, note]) => ({ day, kind, note })))
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('calendar_days').execute()
  await db.schema.dropTable('directory_officials').execute()
  await db.schema.dropTable('directory_units').execute()
}

import type { Kysely } from 'kysely'

// Frozen in time: never edit a migration that has shipped; add a new one.
// Quốc khánh 2026 for the public sector, as the Prime Minister agreed to Bộ Nội vụ's proposal
// (Văn phòng Chính phủ, 13/10/2025, in the same decision as Tết Bính Ngọ 14/02–22/02, whose weekdays
// 0002 already holds): Saturday 29/08 to Wednesday 02/09. The law's second day is Tuesday 01/09;
// Monday 31/08 is swapped with Saturday 22/08, worked instead. 02/09 was seeded in 0002. 0010 said
// this second day was not yet announced; it had been. A seed still confirms no year: the
// administrator checks the year against the announcement and confirms it in Cài đặt.
const days = [
  { day: '2026-08-22', kind: 'working_day', note: 'Làm bù cho thứ Hai 31/08/2026 (Quốc khánh)' },
  { day: '2026-08-31', kind: 'day_off', note: 'Quốc khánh (nghỉ hoán đổi, làm bù thứ Bảy 22/08/2026)' },
  { day: '2026-09-01', kind: 'day_off', note: 'Quốc khánh (ngày liền kề trước 02/9)' },
]

export async function up(db: Kysely<any>): Promise<void> {
  // An administrator may have entered these days already, in their own words: keep theirs.
  await db.insertInto('calendar_days').values(days).onConflict((oc) => oc.column('day').doNothing()).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('calendar_days').where('day', 'in', days.map((d) => d.day)).execute()
}

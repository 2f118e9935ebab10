import type { Kysely } from 'kysely'

// Frozen in time: never edit a migration that has shipped; add a new one.
// More of the 2026–2027 calendar: the compensatory days the Labour Code gives when a holiday falls
// on a weekend (Điều 111, khoản 3), and the 2027 lunar holidays (dates from the lunar calendar, as
// the date-holidays package computes them). The Tết 2027 weekdays are marked provisional: the
// government announces the exact days and swaps each year, and so does the second National Day
// holiday (2 September plus the day before or after), which is therefore left to the administrator.
export async function up(db: Kysely<any>): Promise<void> {
  const rows: [string, string][] = [
    ['2026-04-27', 'Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch rơi vào Chủ nhật 26/4/2026)'],
    ['2027-02-05', 'Tết Nguyên đán Đinh Mùi (29 tháng Chạp; dự kiến, đối chiếu thông báo chính thức)'],
    ['2027-02-08', 'Tết Nguyên đán Đinh Mùi (mùng 3; dự kiến, đối chiếu thông báo chính thức)'],
    ['2027-02-09', 'Tết Nguyên đán Đinh Mùi (nghỉ bù mùng 1; dự kiến, đối chiếu thông báo chính thức)'],
    ['2027-02-10', 'Tết Nguyên đán Đinh Mùi (nghỉ bù mùng 2; dự kiến, đối chiếu thông báo chính thức)'],
    ['2027-04-16', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)'],
    ['2027-05-03', 'Nghỉ bù Ngày Quốc tế Lao động (01/5/2027 là thứ Bảy)'],
  ]
  await db
    .insertInto('calendar_days')
    .values(rows.map(([day, note]) => ({ day, kind: 'day_off', note })))
    .onConflict((oc) => oc.column('day').doNothing())
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('calendar_days').where('day', 'in', ['2026-04-27', '2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10', '2027-04-16', '2027-05-03']).execute()
}

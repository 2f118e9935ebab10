// The report's period: quick picks for the rules' two reports (half-year, due by 25 June; the year,
// due by 15–20 December) and the scale of the plain bar charts. Pure, tested in period.test.ts.

export interface Period {
  from: string
  to: string
}

export type QuickPick = 'half' | 'year'

export interface QuickPeriod extends Period {
  pick: QuickPick
  year: number
  /** When the report is due (the latest day the rules give). */
  dueBy: string
}

export function halfYear(year: number): QuickPeriod {
  return { pick: 'half', year, from: `${year}-01-01`, to: `${year}-06-30`, dueBy: `${year}-06-25` }
}

export function fullYear(year: number): QuickPeriod {
  return { pick: 'year', year, from: `${year}-01-01`, to: `${year}-12-31`, dueBy: `${year}-12-20` }
}

export const quickPeriod = (pick: QuickPick, year: number): QuickPeriod => (pick === 'half' ? halfYear(year) : fullYear(year))

/** The quick pick a period matches, if any. */
export function matchQuickPick(period: Period): QuickPeriod | null {
  const m = /^(\d{4})-01-01$/.exec(period.from)
  if (!m) return null
  const year = Number(m[1])
  for (const q of [halfYear(year), fullYear(year)]) if (q.to === period.to) return q
  return null
}

const ISO = /^\d{4}-\d{2}-\d{2}$/
export function isValidPeriod(p: Period): boolean {
  return ISO.test(p.from) && ISO.test(p.to) && p.from <= p.to
}

/** The default period on a given day: the first half-year until the report is sent, then the year. */
export function defaultPeriod(today: string): QuickPeriod {
  const year = Number(today.slice(0, 4))
  return today <= `${year}-06-30` ? halfYear(year) : fullYear(year)
}

/** The top of a bar scale: the largest value rounded up to 1, 2, 2.5 or 5 × 10ⁿ (at least 1). */
export function niceMax(values: readonly number[]): number {
  const max = Math.max(0, ...values.filter((v) => Number.isFinite(v)))
  if (max <= 1) return 1
  const power = 10 ** Math.floor(Math.log10(max))
  for (const step of [1, 2, 2.5, 5, 10]) {
    const top = step * power
    if (top >= max) return Number.isInteger(top) ? top : Math.ceil(top)
  }
  return 10 * power
}

/** The width of a bar in percent of the scale, 0–100; a non-zero value stays visible (≥ 1%). */
export function barPercent(value: number, max: number): number {
  if (!(value > 0) || !(max > 0)) return 0
  return Math.min(100, Math.max(1, (value / max) * 100))
}

export interface Segment {
  key: string
  value: number
  /** Share of the whole, 0–100. */
  percent: number
}

/** The parts of a stacked bar, in percent of their sum (0 for every part when the sum is 0). */
export function segments(parts: readonly { key: string; value: number }[]): Segment[] {
  const total = parts.reduce((n, p) => n + Math.max(0, p.value), 0)
  return parts.map((p) => ({ key: p.key, value: p.value, percent: total > 0 ? (Math.max(0, p.value) / total) * 100 : 0 }))
}

/** Assigned petitions by their deadline: resolved on time, late, still open in time, overdue. */
export function deadlineParts(t: { assigned: number; resolvedOnTime: number; resolvedLate: number; overdue: number }) {
  const open = Math.max(0, t.assigned - t.resolvedOnTime - t.resolvedLate)
  return [
    { key: 'onTime', value: t.resolvedOnTime },
    { key: 'late', value: t.resolvedLate },
    { key: 'pendingInTime', value: Math.max(0, open - t.overdue) },
    { key: 'overdue', value: Math.min(open, t.overdue) },
  ] as const
}

export interface Summary {
  n: number
  p50: number
  p95: number
  p99: number
  max: number
  mean: number
}

/** Nearest-rank percentiles: every figure is a latency that was actually observed. */
export function summarize(values: readonly number[]): Summary {
  if (values.length === 0) throw new Error('summarize: no values')
  const sorted = [...values].sort((a, b) => a - b)
  const rank = (p: number) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!
  return {
    n: sorted.length,
    p50: rank(50),
    p95: rank(95),
    p99: rank(99),
    max: sorted[sorted.length - 1]!,
    mean: sorted.reduce((a, b) => a + b, 0) / sorted.length,
  }
}

export type Ratio = Omit<Summary, 'n'>

/** app / floor, figure by figure (p99 of one over p99 of the other, not a per-command ratio). */
export function ratio(app: Summary, floor: Summary): Ratio {
  return {
    p50: app.p50 / floor.p50,
    p95: app.p95 / floor.p95,
    p99: app.p99 / floor.p99,
    max: app.max / floor.max,
    mean: app.mean / floor.mean,
  }
}

/** Rounds every number in a summary for the JSON file: microseconds are noise at this scale. */
export function rounded<T extends object>(s: T, digits = 3): T {
  const f = 10 ** digits
  return Object.fromEntries(Object.entries(s).map(([k, v]) => [k, typeof v === 'number' ? Math.round(v * f) / f : v])) as T
}

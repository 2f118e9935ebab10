// How long to wait before trying again after a failure the server said was worth retrying (its
// database is down, it hit a bug) or that the network caused. Doubling, capped, and spread at random
// (±50 %): ten screens that lost the server at the same moment must not come back in lockstep and
// hammer it (an outage once drew 10,918 sync requests in 10 s from ten screens).

export interface BackoffOptions {
  firstMs?: number
  maxMs?: number
  /** A number in [0, 1); tests pass their own. */
  random?: () => number
}

export function backoffDelay(attempt: number, options: BackoffOptions = {}): number {
  const first = options.firstMs ?? 500
  const max = options.maxMs ?? 15_000
  const random = options.random ?? Math.random
  const base = Math.min(max, first * 2 ** Math.min(attempt, 20))
  return Math.round(base * (0.5 + random()))
}

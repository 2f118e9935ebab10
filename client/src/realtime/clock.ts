// The server's clock, as seen from this screen. Every countdown is computed locally from the speech's
// absolute times (shared/meeting/timer.ts); a tablet or projector whose clock is a few seconds off
// would show a different countdown from the others, so each sync answer's `serverTime` gives a
// sample of the offset: serverTime − the local time the answer arrived.
//
// A sample is only as good as the answer was fast: the server stamps serverTime just before it
// answers, so the error is at most the return trip, which is at most the round trip. We keep the
// sample with the shortest round trip among the recent ones (a slow answer after a reconnect over a
// congested network does not overwrite a good one), and let old samples age out so a clock that
// was adjusted (NTP, the user) is picked up again.

export interface ClockSample {
  /** serverTime − receivedAt, in ms. */
  offsetMs: number
  /** receivedAt − sentAt, in ms: the bound on this sample's error. */
  roundTripMs: number
  /** Local time the answer arrived (ms since epoch). */
  receivedAt: number
}

/** A sample from one sync answer, or null when the server sent no usable time. */
export function clockSample(serverTime: string | undefined, sentAt: number, receivedAt: number): ClockSample | null {
  if (!serverTime) return null
  const server = Date.parse(serverTime)
  if (!Number.isFinite(server) || !Number.isFinite(sentAt) || !Number.isFinite(receivedAt)) return null
  return { offsetMs: server - receivedAt, roundTripMs: Math.max(0, receivedAt - sentAt), receivedAt }
}

/** How many samples to remember, and for how long. */
export const clockSampleLimit = 5
export const clockSampleMaxAgeMs = 10 * 60_000

/** Adds a sample, dropping those too old or beyond the limit (newest kept). */
export function addClockSample(samples: readonly ClockSample[], sample: ClockSample): ClockSample[] {
  return [...samples, sample].filter((s) => sample.receivedAt - s.receivedAt <= clockSampleMaxAgeMs).slice(-clockSampleLimit)
}

/** The offset to use: that of the fastest recent answer; the newest wins a tie; 0 without samples. */
export function bestClockOffset(samples: readonly ClockSample[]): number {
  let best: ClockSample | null = null
  for (const s of samples) if (!best || s.roundTripMs <= best.roundTripMs) best = s
  return best ? Math.round(best.offsetMs) : 0
}

import type { Speech } from './model'

// Every screen computes the countdown from the speech's absolute times and its own clock corrected by
// the server's (see the client's clock offset), so all screens agree without the server ticking.

/** Milliseconds spoken so far at `nowMs`. */
export function spokenMs(speech: Speech, nowMs: number): number {
  const running = speech.runningSince ? Math.max(0, nowMs - Date.parse(speech.runningSince)) : 0
  return speech.elapsedMs + running
}

/** Milliseconds left at `nowMs`; negative once the speaker is over time. */
export function remainingMs(speech: Speech, nowMs: number): number {
  return (speech.limitSec + speech.extendedSec) * 1000 - spokenMs(speech, nowMs)
}

/** "2:05", or "−0:12" when over time. Rounds towards the next second so 0:00 means time is up. */
export function formatClock(ms: number): string {
  const over = ms < 0
  const total = over ? Math.floor(-ms / 1000) : Math.ceil(ms / 1000)
  const text = `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`
  return over ? `−${text}` : text
}

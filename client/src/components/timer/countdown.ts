import type { Speaker } from '@shared/meeting/model'
import { formatClock, remainingMs } from '@shared/meeting/timer'

// What a countdown shows, decided once for the chair's tablet and the projector. The time comes from
// the speech's absolute times and the server-corrected clock (store.now), so every screen agrees.
// Over time is said in words as well as colour ("Hết giờ"), and the last seconds are flagged too.

export type CountdownTone =
  /** Called to the microphone, clock not started: shows the limit that will apply. */
  | 'ready'
  | 'running'
  /** Running, within the warning window. */
  | 'warning'
  | 'paused'
  | 'over'

export interface CountdownView {
  tone: CountdownTone
  /** "2:05", "−0:12"; the limit before the start. */
  text: string
  remainingMs: number
  /** Remaining / total, clamped to 0…1 (a bar, if a screen draws one). */
  fraction: number
  /** True while the clock runs (the screen needs to tick). */
  running: boolean
  /** Over time, whether running or paused. */
  over: boolean
  /** Added minutes so far ("+1 phút" shows it was extended). */
  extendedSec: number
}

/** The last seconds before the limit are flagged ("Sắp hết giờ"). */
export const warningMs = 30_000

/**
 * The countdown for the speaker at the microphone, or null when there is nothing to count: no
 * speaker, or one who has finished or withdrawn. `limitSec` is the meeting's default limit, shown
 * before the speech starts.
 */
export function countdownView(speaker: Speaker | null, nowMs: number, limitSec: number): CountdownView | null {
  if (!speaker || speaker.status === 'finished' || speaker.status === 'withdrawn' || speaker.status === 'waiting') return null
  const speech = speaker.speech
  if (!speech) {
    const total = limitSec * 1000
    return { tone: 'ready', text: formatClock(total), remainingMs: total, fraction: 1, running: false, over: false, extendedSec: 0 }
  }
  const total = (speech.limitSec + speech.extendedSec) * 1000
  const left = remainingMs(speech, nowMs)
  const running = speech.runningSince !== null
  // formatClock rounds up, so "0:00" appears exactly when time is up: that is when it turns over.
  const over = left <= 0
  const tone: CountdownTone = over ? 'over' : !running ? 'paused' : left <= warningMs ? 'warning' : 'running'
  return {
    tone,
    text: formatClock(left),
    remainingMs: left,
    fraction: total > 0 ? Math.min(1, Math.max(0, left / total)) : 0,
    running,
    over,
    extendedSec: speech.extendedSec,
  }
}

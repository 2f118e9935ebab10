import type { Speaker } from '@shared/meeting/model'

// The one clock key (Alt+G) does what the moment needs: start a called speaker's clock, pause a
// running one, resume a paused one.
export type ClockAction = 'speaker:start' | 'speaker:pause' | 'speaker:resume'

export function clockAction(current: Pick<Speaker, 'status'> | null): ClockAction | null {
  switch (current?.status) {
    case 'called':
      return 'speaker:start'
    case 'speaking':
      return 'speaker:pause'
    case 'paused':
      return 'speaker:resume'
    default:
      return null
  }
}

/** The speaking limits offered in the console, in seconds (the schema allows 30 s to 60 min). */
export const speakingLimitChoices = [60, 120, 180, 240, 300, 420, 600, 900] as const

/** "3 phút", "1 phút 30 giây", "45 giây". */
export function formatLimit(seconds: number): string {
  const m = Math.floor(seconds / 60)
  const s = seconds % 60
  if (m && s) return `${m} phút ${s} giây`
  return m ? `${m} phút` : `${s} giây`
}

/** How the countdown looks: plenty of time, the last 30 seconds, or over time. */
export function clockTone(remainingMs: number): 'ok' | 'low' | 'over' {
  if (remainingMs < 0) return 'over'
  return remainingMs <= 30_000 ? 'low' : 'ok'
}

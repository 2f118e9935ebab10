import type { MeetingState } from '@shared/meeting/model'
import type { Role } from '@shared/roles'

// The last state a screen showed, kept for a reload during a network drop: the page the service
// worker brings back (public/sw.js) then shows the meeting as it was, saying it is offline, instead
// of an empty screen. It is written when the page goes away (pagehide), kept in sessionStorage (this
// tab only, gone when the tab closes), and read once when the screen opens the meeting again; the
// store shows it only if the link is down before the first sync, and never folds events onto it:
// the connection syncs from seq 0 as always and its state replaces the picture. A picture taken by
// another build of the app is ignored, since the state's shape may have changed since.

const prefix = 'hnd:state:'
export const stateCacheKey = (meetingId: string, role: Role): string => `${prefix}${meetingId}:${role}`

interface CachedState {
  build: string
  state: MeetingState
}

export function parseCachedState(raw: string | null, meetingId: string, build: string): MeetingState | null {
  if (!raw) return null
  let value: unknown
  try {
    value = JSON.parse(raw)
  } catch {
    return null
  }
  if (typeof value !== 'object' || value === null) return null
  const cached = value as Partial<CachedState>
  if (cached.build !== build || typeof cached.state !== 'object' || cached.state === null) return null
  if (cached.state.meetingId !== meetingId || typeof cached.state.seq !== 'number' || cached.state.seq < 1) return null
  return cached.state
}

/**
 * This build of the app: the address of the entry script, content-hashed by Vite, which changes
 * whenever any chunk does (it names them all).
 */
export function currentBuild(): string {
  if (typeof document === 'undefined') return ''
  return document.querySelector<HTMLScriptElement>('script[type="module"][src]')?.getAttribute('src') ?? ''
}

export function saveCachedState(role: Role, state: MeetingState, build = currentBuild(), storage = tabStorage()): void {
  if (state.seq < 1) return
  try {
    storage?.setItem(stateCacheKey(state.meetingId, role), JSON.stringify({ build, state } satisfies CachedState))
  } catch {
    // Too large or forbidden: a reload during a drop shows an empty screen until the link is back.
  }
}

export function loadCachedState(meetingId: string, role: Role, build = currentBuild(), storage = tabStorage()): MeetingState | null {
  try {
    return parseCachedState(storage?.getItem(stateCacheKey(meetingId, role)) ?? null, meetingId, build)
  } catch {
    return null
  }
}

export function forgetCachedState(meetingId: string, role: Role, storage = tabStorage()): void {
  try {
    storage?.removeItem(stateCacheKey(meetingId, role))
  } catch {
    // Nothing to forget.
  }
}

/** On signing out: no picture of a meeting stays behind in this tab. */
export function forgetCachedStates(storage = tabStorage()): void {
  try {
    if (!storage) return
    const keys = Array.from({ length: storage.length }, (_, i) => storage.key(i)).filter((k): k is string => k?.startsWith(prefix) ?? false)
    for (const key of keys) storage.removeItem(key)
  } catch {
    // Nothing to forget.
  }
}

function tabStorage(): Storage | null {
  try {
    return globalThis.sessionStorage ?? null
  } catch {
    return null
  }
}

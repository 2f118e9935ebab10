// The meeting's access keys, kept in this browser. Whoever creates a meeting gets the secretary's and
// the chair's keys; a console opened from a link carrying `?key=` keeps that key too, so the link can
// be cleaned from the address bar (and from the browser history a projector operator might see).

export interface MeetingKeys {
  secretary?: string
  chair?: string
}

export const keysStorageKey = (meetingId: string): string => `hnd:keys:${meetingId}`

export function parseStoredKeys(raw: string | null): MeetingKeys {
  if (!raw) return {}
  try {
    const value: unknown = JSON.parse(raw)
    if (typeof value !== 'object' || value === null) return {}
    const keys: MeetingKeys = {}
    const { secretary, chair } = value as Record<string, unknown>
    if (typeof secretary === 'string' && secretary) keys.secretary = secretary
    if (typeof chair === 'string' && chair) keys.chair = chair
    return keys
  } catch {
    return {}
  }
}

// localStorage throws in some privacy modes and embedded browsers: the app must still work, it only
// forgets the key on reload.
function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null
  } catch {
    return null
  }
}

export function loadKeys(meetingId: string): MeetingKeys {
  try {
    return parseStoredKeys(storage()?.getItem(keysStorageKey(meetingId)) ?? null)
  } catch {
    return {}
  }
}

export function saveKeys(meetingId: string, keys: MeetingKeys): MeetingKeys {
  const merged = { ...loadKeys(meetingId), ...keys }
  try {
    storage()?.setItem(keysStorageKey(meetingId), JSON.stringify(merged))
  } catch {
    // Quota or privacy mode: keep working with the key in memory.
  }
  return merged
}

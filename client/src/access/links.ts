// The addresses of a meeting's three screens. The chair's link carries the chair key so the tablet
// can be opened from it once; the chair screen keeps the key and drops it from the address bar.
export type Screen = 'secretary' | 'chair' | 'projector'

export function screenPath(meetingId: string, screen: Screen, key?: string | null): string {
  const path = `/m/${encodeURIComponent(meetingId)}/${screen}`
  return key ? `${path}?key=${encodeURIComponent(key)}` : path
}

export function screenUrl(origin: string, meetingId: string, screen: Screen, key?: string | null): string {
  return `${origin.replace(/\/+$/, '')}${screenPath(meetingId, screen, key)}`
}

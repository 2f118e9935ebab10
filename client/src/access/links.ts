// The addresses people are given: a meeting's screens, the pairing page a QR code opens, and the
// one-time set-password link. Secrets (a pairing code, a setup token) ride in the fragment, which the
// browser never sends to the server nor writes in its logs.
export type Screen = 'secretary' | 'chair' | 'projector' | 'attendee'

const trimOrigin = (origin: string) => origin.replace(/\/+$/, '')

export function screenPath(meetingId: string, screen: Screen): string {
  return `/m/${encodeURIComponent(meetingId)}/${screen}`
}

export function screenUrl(origin: string, meetingId: string, screen: Screen): string {
  return `${trimOrigin(origin)}${screenPath(meetingId, screen)}`
}

export const pairUrl = (origin: string, code: string): string => `${trimOrigin(origin)}/pair#${encodeURIComponent(code)}`
/** The pairing page itself, where a code is typed. */
export const pairPageUrl = (origin: string): string => `${trimOrigin(origin)}/pair`

export const setPasswordUrl = (origin: string, token: string): string => `${trimOrigin(origin)}/set-password#${encodeURIComponent(token)}`

/** The secret in a `#…` fragment, as the page reads it from location.hash. */
export function fragmentValue(hash: string): string {
  const value = hash.replace(/^#/, '')
  try {
    return decodeURIComponent(value).trim()
  } catch {
    return value.trim()
  }
}

/**
 * Where to go after signing in. Only a path of this site: `next` comes from the address bar, and an
 * open redirect ("//evil.example") would let a link send a fresh session's owner anywhere.
 */
export function safeNext(next: unknown): string {
  if (typeof next !== 'string' || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/'
  if (next.startsWith('/sign-in')) return '/'
  return next
}

export const signInPath = (next?: string): string => (next && safeNext(next) !== '/' ? `/sign-in?next=${encodeURIComponent(next)}` : '/sign-in')

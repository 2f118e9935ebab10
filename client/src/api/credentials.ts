import { loadDevice } from '../access/devices'

// What a request proves itself with. The session cookie goes by itself (same origin); on top of it:
// - every unsafe request carries the session's CSRF token (`x-csrf-token`);
// - a request about a meeting this browser is paired for carries the device token as a Bearer.
// The session store writes the CSRF token here, and the meeting store says which meeting's device
// screen this page is, so http.ts needs neither store (no import cycle).
//
// A browser may be both signed in and paired (the secretary tried pairing on the console's laptop):
// then the person's session speaks for it, except on the device's own screen. Sending the token
// everywhere would let a projector's token stand in for the secretary on their own console.

interface Current {
  csrfToken: string | null
  signedIn: boolean
  /** The meeting whose paired device screen (chair tablet, projector) this page is, if any. */
  deviceScreen: string | null
}

const current: Current = { csrfToken: null, signedIn: false, deviceScreen: null }

export function setSessionCredentials(csrfToken: string | null, signedIn: boolean): void {
  current.csrfToken = csrfToken
  current.signedIn = signedIn
}

export function setDeviceScreen(meetingId: string | null): void {
  current.deviceScreen = meetingId
}

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])
const meetingPath = /^\/api\/meetings\/([^/?#]+)\//
/** The office data a device screen reads (the chair picks answerers from the directory). */
const officeRead = /^\/api\/(directory|calendar|office)(?:[/?#]|$)/

/** The meeting a path is about (`/api/meetings/<id>/…`), or null. */
export function meetingOfPath(path: string): string | null {
  const id = meetingPath.exec(path)?.[1]
  if (!id) return null
  try {
    return decodeURIComponent(id)
  } catch {
    return null
  }
}

export interface CredentialInput extends Current {
  method: string
  path: string
  deviceTokenFor: (meetingId: string) => string | null
}

export interface RequestCredentials {
  headers: Record<string, string>
  /** The meeting whose device token was sent (forgotten if the server answers DEVICE_REVOKED). */
  deviceMeetingId: string | null
}

export function credentialsFor(input: CredentialInput): RequestCredentials {
  const method = input.method.toUpperCase()
  const headers: Record<string, string> = {}
  if (unsafeMethods.has(method) && input.csrfToken) headers['x-csrf-token'] = input.csrfToken

  const about = meetingOfPath(input.path) ?? (method === 'GET' && officeRead.test(input.path) ? input.deviceScreen : null)
  const speaksForDevice = about !== null && (about === input.deviceScreen || !input.signedIn)
  const token = speaksForDevice ? input.deviceTokenFor(about) : null
  if (token) headers.authorization = `Bearer ${token}`
  return { headers, deviceMeetingId: token ? about : null }
}

export function requestCredentials(method: string, path: string): RequestCredentials {
  return credentialsFor({ ...current, method, path, deviceTokenFor: (id) => loadDevice(id)?.token ?? null })
}

const rejectedListeners = new Set<() => void>()
/** The session store listens, to learn that its session ended (expired, revoked elsewhere). */
export function onSessionRejected(listener: () => void): () => void {
  rejectedListeners.add(listener)
  return () => rejectedListeners.delete(listener)
}

/** Called by http.ts when a signed-in request is answered UNAUTHENTICATED or CSRF_FAILED. */
export function sessionRejected(): void {
  if (current.signedIn) rejectedListeners.forEach((l) => l())
}

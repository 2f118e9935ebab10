// How long each credential lives. A session ends after a long working day without use, and a week
// after sign-in whatever happens; while in use it is renewed, so a conference that runs late never
// signs the secretary out mid-sentence. A paired device covers a conference day; a pairing code
// lives only while the secretary and the tablet are side by side.
export const SESSION_IDLE_MS = 16 * 60 * 60 * 1000
export const SESSION_MAX_MS = 7 * 24 * 60 * 60 * 1000
/** A session is renewed at most this often (one UPDATE), not on every request. */
export const SESSION_RENEW_EVERY_MS = 30 * 60 * 1000
export const DEVICE_MS = 24 * 60 * 60 * 1000
export const PAIRING_CODE_MS = 5 * 60 * 1000
export const SETUP_LINK_MS = 72 * 60 * 60 * 1000

// Guessing pairing codes: after this many wrong six-digit codes within the window, from anywhere,
// typed codes are paused until the window has passed; QR links (a long secret) still pair, so a
// guesser on the hall's Wi-Fi cannot keep the chair's tablet from pairing. Together with the
// per-address rate limit, the million six-digit codes cannot be walked.
export const PAIRING_FAILURE_LIMIT = 30
export const PAIRING_FAILURE_WINDOW_MS = 10 * 60 * 1000

export const later = (from: Date, ms: number): string => new Date(from.getTime() + ms).toISOString()

/**
 * The expiry a session in use should now have, or null when it need not move: renewed once at least
 * SESSION_RENEW_EVERY_MS has passed since it was last set, never beyond a week after sign-in.
 */
export function renewedExpiry(session: { createdAt: string; expiresAt: string }, now: Date): string | null {
  const current = Date.parse(session.expiresAt)
  const wanted = Math.min(now.getTime() + SESSION_IDLE_MS, Date.parse(session.createdAt) + SESSION_MAX_MS)
  return wanted - current >= SESSION_RENEW_EVERY_MS ? new Date(wanted).toISOString() : null
}

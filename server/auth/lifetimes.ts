// How long each credential lives. A session covers a long working day; a paired device covers a
// conference day; a pairing code lives only while the secretary and the tablet are side by side.
export const SESSION_MS = 16 * 60 * 60 * 1000
export const DEVICE_MS = 24 * 60 * 60 * 1000
export const PAIRING_CODE_MS = 5 * 60 * 1000
export const SETUP_LINK_MS = 72 * 60 * 60 * 1000

// Guessing pairing codes: after this many wrong codes within the window, from anywhere, every open
// code is voided. Together with the per-address rate limit, a million codes cannot be walked.
export const PAIRING_FAILURE_LIMIT = 30
export const PAIRING_FAILURE_WINDOW_MS = 10 * 60 * 1000

export const later = (from: Date, ms: number): string => new Date(from.getTime() + ms).toISOString()

import { newCommandId } from '../../realtime/commandId'

// The request to speak this phone sent, kept across reloads: its id (how the phone finds it in
// what the server sends every public screen) and its secret (which proves, to withdraw it or to
// learn why it was declined, that the phone is the one that sent it). One per meeting,
// `hnd:speak-request:<meetingId>`. Nothing the person wrote is kept here.

export interface PhoneRequest {
  requestId: string
  secret: string
  /** Sent as "giữ bí mật": the phone says so, as the server never tells another screen. */
  confidential: boolean
}

const storageKey = (meetingId: string): string => `hnd:speak-request:${meetingId}`

/** A fresh id and a 32-character secret from the browser's random generator (works on plain http too). */
export function newPhoneRequest(confidential: boolean): PhoneRequest {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(24))
  const secret = btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
  return { requestId: newCommandId(), secret, confidential }
}

export function parsePhoneRequest(raw: string | null): PhoneRequest | null {
  if (!raw) return null
  try {
    const { requestId, secret, confidential } = JSON.parse(raw) as Record<string, unknown>
    if (typeof requestId !== 'string' || typeof secret !== 'string' || !requestId || !secret) return null
    return { requestId, secret, confidential: confidential === true }
  } catch {
    return null
  }
}

export function loadPhoneRequest(meetingId: string): PhoneRequest | null {
  try {
    return parsePhoneRequest(localStorage.getItem(storageKey(meetingId)))
  } catch {
    return null
  }
}

export function savePhoneRequest(meetingId: string, request: PhoneRequest): void {
  try {
    localStorage.setItem(storageKey(meetingId), JSON.stringify(request))
  } catch {
    // Private browsing without storage: the request still goes; a reload forgets it.
  }
}

export function forgetPhoneRequest(meetingId: string): void {
  try {
    localStorage.removeItem(storageKey(meetingId))
  } catch {
    // Nothing stored.
  }
}

import { pairingLinkPattern, type PairedDevice } from '@shared/access/accounts'
import type { AppError } from '@shared/errors'

// The pure parts of pairing: how a code is shown and typed, how long it has left, what state a
// paired device is in, and what a refused device screen should say.

/** "483 921": two groups of three are read aloud and typed without losing one's place. */
export function spacedCode(code: string): string {
  return code.length === 6 ? `${code.slice(0, 3)} ${code.slice(3)}` : code
}

/** Whatever was typed or pasted ("483-921", "483 921 "), as the six digits the server wants. */
export function codeDigits(typed: string): string {
  return typed.replace(/\D/g, '').slice(0, 6)
}

/** The secret of a QR code's link (`/pair#<secret>`), as opposed to six typed digits. */
export const isPairingLink = (value: string): boolean => pairingLinkPattern.test(value)

/** Whole seconds until `expiresAt` (never negative), by the server-corrected clock. */
export function secondsLeft(expiresAt: string, nowMs: number): number {
  const at = Date.parse(expiresAt)
  return Number.isNaN(at) ? 0 : Math.max(0, Math.ceil((at - nowMs) / 1000))
}

/** "4:05" */
export function clockText(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds))
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`
}

export type DeviceState = 'connected' | 'idle' | 'revoked' | 'expired'

export function deviceState(device: PairedDevice, nowMs: number): DeviceState {
  if (device.revokedAt) return 'revoked'
  if (Date.parse(device.expiresAt) <= nowMs) return 'expired'
  return device.connected ? 'connected' : 'idle'
}

/** Devices still in use first (newest pairing first), then the revoked and expired ones. */
export function sortDevices(devices: readonly PairedDevice[], nowMs: number): PairedDevice[] {
  const live = (d: PairedDevice) => (['connected', 'idle'].includes(deviceState(d, nowMs)) ? 0 : 1)
  return [...devices].sort((a, b) => live(a) - live(b) || b.pairedAt.localeCompare(a.pairedAt))
}

/**
 * What a chair tablet or projector refused by the server should say: not paired (nobody signed in,
 * no token), paired no longer, or not allowed this screen. Null for other refusals (an old app, an
 * unknown meeting), which the screen reports as they are.
 */
export type ScreenRefusal = 'unpaired' | 'revoked' | 'forbidden'

export function screenRefusal(error: AppError | null): ScreenRefusal | null {
  switch (error?.code) {
    case 'UNAUTHENTICATED':
      return 'unpaired'
    case 'DEVICE_REVOKED':
      return 'revoked'
    case 'FORBIDDEN':
      return 'forbidden'
    default:
      return null
  }
}

import { describe, expect, it } from 'vitest'
import type { PairedDevice } from '@shared/access/accounts'
import { appError } from '@shared/errors'
import { clockText, codeDigits, deviceState, isPairingLink, screenRefusal, secondsLeft, sortDevices, spacedCode } from './pairing'

const now = Date.parse('2026-03-01T08:00:00Z')
const device = (over: Partial<PairedDevice>): PairedDevice => ({
  id: 'd',
  meetingId: 'm',
  role: 'chair',
  label: '',
  pairedFrom: '10.0.0.5',
  pairedAt: '2026-03-01T07:00:00.000Z',
  expiresAt: '2026-03-02T07:00:00.000Z',
  revokedAt: null,
  connected: false,
  ...over,
})

describe('pairing codes', () => {
  it('shows six digits as two groups of three', () => {
    expect(spacedCode('483921')).toBe('483 921')
    expect(spacedCode('12')).toBe('12')
  })

  it('keeps only the digits of what was typed or pasted', () => {
    expect(codeDigits(' 483-921 ')).toBe('483921')
    expect(codeDigits('483 9215')).toBe('483921')
    // A QR code's secret is told apart from typed digits.
    expect(isPairingLink('zCWvdVDhfnOskfZ_gz2ZzUWv77eNlOh6dKNGAN1SRIQ')).toBe(true)
    expect(isPairingLink('483921')).toBe(false)
    expect(codeDigits('abc')).toBe('')
  })

  it('counts down to the expiry, never below zero', () => {
    expect(secondsLeft('2026-03-01T08:05:00Z', now)).toBe(300)
    expect(secondsLeft('2026-03-01T08:00:00.400Z', now)).toBe(1)
    expect(secondsLeft('2026-03-01T07:59:00Z', now)).toBe(0)
    expect(secondsLeft('soon', now)).toBe(0)
    expect(clockText(300)).toBe('5:00')
    expect(clockText(65)).toBe('1:05')
    expect(clockText(-3)).toBe('0:00')
  })
})

describe('paired devices', () => {
  it('says whether a device is connected, idle, revoked or expired', () => {
    expect(deviceState(device({ connected: true }), now)).toBe('connected')
    expect(deviceState(device({}), now)).toBe('idle')
    expect(deviceState(device({ revokedAt: '2026-03-01T07:30:00Z', connected: true }), now)).toBe('revoked')
    expect(deviceState(device({ expiresAt: '2026-03-01T08:00:00Z' }), now)).toBe('expired')
  })

  it('lists the devices in use first, newest first', () => {
    const a = device({ id: 'a', pairedAt: '2026-03-01T06:00:00Z' })
    const b = device({ id: 'b', pairedAt: '2026-03-01T07:00:00Z', revokedAt: '2026-03-01T07:10:00Z' })
    const c = device({ id: 'c', pairedAt: '2026-03-01T07:30:00Z' })
    expect(sortDevices([a, b, c], now).map((d) => d.id)).toEqual(['c', 'a', 'b'])
  })
})

describe('a refused device screen', () => {
  it('tells an unpaired device from a revoked one and from a role not allowed', () => {
    expect(screenRefusal(appError('UNAUTHENTICATED'))).toBe('unpaired')
    expect(screenRefusal(appError('DEVICE_REVOKED'))).toBe('revoked')
    expect(screenRefusal(appError('FORBIDDEN'))).toBe('forbidden')
    expect(screenRefusal(appError('PROTOCOL_MISMATCH'))).toBeNull()
    expect(screenRefusal(null)).toBeNull()
  })
})

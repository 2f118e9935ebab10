import { pairableRoles, type PairableRole, type PairedDevice } from '@shared/access/accounts'

// The device tokens this browser holds: a chair tablet or a hall projector paired for one meeting
// (POST /api/pair). One entry per meeting, `hnd:device:<meetingId>`. A token the server no longer
// accepts (revoked, expired) is forgotten, so the screen offers pairing again instead of retrying.

export interface HeldDevice {
  token: string
  deviceId: string
  role: PairableRole
  label: string
  expiresAt: string
}

const prefix = 'hnd:device:'
export const deviceStorageKey = (meetingId: string): string => `${prefix}${meetingId}`

/** What was stored, or null when it is missing, malformed or past its expiry. */
export function parseHeldDevice(raw: string | null, now: number): HeldDevice | null {
  if (!raw) return null
  let value: unknown
  try {
    value = JSON.parse(raw)
  } catch {
    return null
  }
  if (typeof value !== 'object' || value === null) return null
  const { token, deviceId, role, label, expiresAt } = value as Record<string, unknown>
  if (typeof token !== 'string' || !token) return null
  if (typeof role !== 'string' || !(pairableRoles as readonly string[]).includes(role)) return null
  if (typeof expiresAt !== 'string' || !(Date.parse(expiresAt) > now)) return null
  return {
    token,
    deviceId: typeof deviceId === 'string' ? deviceId : '',
    role: role as PairableRole,
    label: typeof label === 'string' ? label : '',
    expiresAt,
  }
}

// localStorage throws in some privacy modes and embedded browsers: the screen then works until it is
// reloaded, like a device paired for one sitting.
function browserStorage(): Storage | null {
  try {
    return globalThis.localStorage ?? null
  } catch {
    return null
  }
}

const listeners = new Set<() => void>()
/** Called whenever a device is remembered or forgotten (the session store rebuilds its principal). */
export function onDevicesChanged(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}
const changed = () => listeners.forEach((l) => l())

export function loadDevice(meetingId: string, now = Date.now(), storage = browserStorage()): HeldDevice | null {
  let raw: string | null = null
  try {
    raw = storage?.getItem(deviceStorageKey(meetingId)) ?? null
  } catch {
    return null
  }
  const device = parseHeldDevice(raw, now)
  if (raw !== null && !device) forgetDevice(meetingId, storage)
  return device
}

/** Keeps the token answered by POST /api/pair for the device's meeting. */
export function rememberDevice(token: string, device: PairedDevice, storage = browserStorage()): HeldDevice {
  const held: HeldDevice = { token, deviceId: device.id, role: device.role, label: device.label, expiresAt: device.expiresAt }
  try {
    storage?.setItem(deviceStorageKey(device.meetingId), JSON.stringify(held))
  } catch {
    // Quota or privacy mode: the token lives as long as this page.
  }
  changed()
  return held
}

export function forgetDevice(meetingId: string, storage = browserStorage()): void {
  try {
    storage?.removeItem(deviceStorageKey(meetingId))
  } catch {
    // Nothing to do: an unreadable storage holds nothing either.
  }
  changed()
}

/** Every meeting this browser is paired for, still valid (the sign-in page offers to open them). */
export function heldDevices(now = Date.now(), storage = browserStorage()): { meetingId: string; device: HeldDevice }[] {
  if (!storage) return []
  const meetingIds: string[] = []
  try {
    for (let i = 0; i < storage.length; i += 1) {
      const key = storage.key(i)
      if (key?.startsWith(prefix)) meetingIds.push(key.slice(prefix.length))
    }
  } catch {
    return []
  }
  return meetingIds.flatMap((meetingId) => {
    const device = loadDevice(meetingId, now, storage)
    return device ? [{ meetingId, device }] : []
  })
}

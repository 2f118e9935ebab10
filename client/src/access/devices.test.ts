import { describe, expect, it } from 'vitest'
import type { PairedDevice } from '@shared/access/accounts'
import { deviceStorageKey, forgetDevice, heldDevices, loadDevice, onDevicesChanged, parseHeldDevice, rememberDevice } from './devices'

// A Storage in memory, as localStorage behaves.
class MemoryStorage implements Storage {
  private readonly items = new Map<string, string>()
  get length() {
    return this.items.size
  }
  clear() {
    this.items.clear()
  }
  getItem(key: string) {
    return this.items.get(key) ?? null
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null
  }
  removeItem(key: string) {
    this.items.delete(key)
  }
  setItem(key: string, value: string) {
    this.items.set(key, String(value))
  }
}

const now = Date.parse('2026-03-01T08:00:00Z')
const later = '2026-03-02T08:00:00.000Z'
const paired: PairedDevice = {
  id: 'dev-1',
  meetingId: 'm-1',
  role: 'chair',
  label: 'Máy tính bảng chủ trì',
  pairedFrom: '10.0.0.5',
  pairedAt: '2026-03-01T08:00:00.000Z',
  expiresAt: later,
  revokedAt: null,
  connected: false,
}

describe('stored device tokens', () => {
  it('uses one entry per meeting', () => {
    expect(deviceStorageKey('m-1')).toBe('hnd:device:m-1')
  })

  it('reads what was saved and ignores anything malformed or expired', () => {
    const good = { token: 't', deviceId: 'd', role: 'projector', label: 'Màn chiếu', expiresAt: later }
    expect(parseHeldDevice(JSON.stringify(good), now)).toEqual(good)
    expect(parseHeldDevice(JSON.stringify({ ...good, role: 'secretary' }), now)).toBeNull()
    expect(parseHeldDevice(JSON.stringify({ ...good, token: '' }), now)).toBeNull()
    expect(parseHeldDevice(JSON.stringify({ ...good, expiresAt: '2026-03-01T07:59:59Z' }), now)).toBeNull()
    expect(parseHeldDevice(JSON.stringify({ ...good, expiresAt: 'soon' }), now)).toBeNull()
    expect(parseHeldDevice('not json', now)).toBeNull()
    expect(parseHeldDevice('null', now)).toBeNull()
    expect(parseHeldDevice(null, now)).toBeNull()
  })

  it('remembers the token from pairing under its meeting and forgets it on request', () => {
    const storage = new MemoryStorage()
    const events: string[] = []
    const stop = onDevicesChanged(() => events.push('changed'))
    rememberDevice('secret', paired, storage)
    expect(loadDevice('m-1', now, storage)).toEqual({ token: 'secret', deviceId: 'dev-1', role: 'chair', label: 'Máy tính bảng chủ trì', expiresAt: later })
    expect(loadDevice('m-2', now, storage)).toBeNull()
    forgetDevice('m-1', storage)
    expect(loadDevice('m-1', now, storage)).toBeNull()
    expect(events).toEqual(['changed', 'changed'])
    stop()
  })

  it('drops an expired token when it is read', () => {
    const storage = new MemoryStorage()
    rememberDevice('secret', paired, storage)
    expect(loadDevice('m-1', Date.parse(later) + 1, storage)).toBeNull()
    expect(storage.getItem(deviceStorageKey('m-1'))).toBeNull()
  })

  it('lists the meetings this browser is paired for', () => {
    const storage = new MemoryStorage()
    storage.setItem('hnd:other', 'x')
    rememberDevice('a', paired, storage)
    rememberDevice('b', { ...paired, meetingId: 'm-2', role: 'projector' }, storage)
    storage.setItem(deviceStorageKey('m-3'), 'broken')
    expect(heldDevices(now, storage).map((h) => [h.meetingId, h.device.role])).toEqual([
      ['m-1', 'chair'],
      ['m-2', 'projector'],
    ])
  })

  it('works without any storage', () => {
    expect(loadDevice('m-1', now, null)).toBeNull()
    expect(heldDevices(now, null)).toEqual([])
    expect(rememberDevice('t', paired, null).token).toBe('t')
  })
})

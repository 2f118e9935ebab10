import { describe, expect, it } from 'vitest'
import { outboxKey, parseOutbox, storageOutbox, storedCommandHint, withCommand, withoutCommand, type StoredCommand } from './outbox'
import { memoryStorage } from './memoryStorage'

const meetingId = '7d3c2f0e-8b5a-4c1d-9e2f-3a4b5c6d7e8f'
const register = (commandId: string, name: string): StoredCommand => ({
  commandId,
  type: 'speaker:register',
  payload: { name, commandId },
})

describe('outbox', () => {
  it('is kept per meeting and role', () => {
    expect(outboxKey(meetingId, 'secretary', 'user-1')).toBe(`hnd:outbox:${meetingId}:secretary:user-1`)
    expect(outboxKey(meetingId, 'chair')).toBe(`hnd:outbox:${meetingId}:chair`)
    // Another person signed in on the same computer has an outbox of their own.
    expect(outboxKey(meetingId, 'secretary', 'user-2')).not.toBe(outboxKey(meetingId, 'secretary', 'user-1'))
  })

  it('reads back what it wrote, in order', () => {
    const list = [register('a', 'Lò Văn Sáng'), register('b', 'Cà Thị Phương')]
    expect(parseOutbox(JSON.stringify(list))).toEqual(list)
  })

  it('skips whatever is not a command it could resend: bad JSON, unknown types, a payload whose id differs, repeats', () => {
    expect(parseOutbox(null)).toEqual([])
    expect(parseOutbox('{not json')).toEqual([])
    expect(parseOutbox('{"commandId":"a"}')).toEqual([])
    const good = register('a', 'Lò Văn Sáng')
    const raw = JSON.stringify([
      null,
      'speaker:register',
      { commandId: 'x', type: 'meeting:explode', payload: { commandId: 'x' } },
      { commandId: 'y', type: 'speaker:register', payload: { commandId: 'z', name: 'Ai' } },
      { commandId: 'w', type: 'speaker:register', payload: ['w'] },
      good,
      { ...good, payload: { ...good.payload, name: 'Lần hai' } },
    ])
    expect(parseOutbox(raw)).toEqual([good])
  })

  it('adds at the end, replaces an entry with the same id in place, and removes by id', () => {
    const a = register('a', 'Một')
    const b = register('b', 'Hai')
    expect(withCommand([a], b)).toEqual([a, b])
    const a2 = register('a', 'Một (sửa)')
    expect(withCommand([a, b], a2)).toEqual([a2, b])
    expect(withoutCommand([a, b], 'a')).toEqual([b])
    expect(withoutCommand([a, b], 'nope')).toEqual([a, b])
  })

  it("re-reads storage on every change, so two tabs keep each other's commands, and removes the key when empty", () => {
    const storage = memoryStorage()
    const tab1 = storageOutbox(outboxKey(meetingId, 'secretary'), storage)
    const tab2 = storageOutbox(outboxKey(meetingId, 'secretary'), storage)
    tab1.add(register('a', 'Một'))
    tab2.add(register('b', 'Hai'))
    expect(tab1.list().map((c) => c.commandId)).toEqual(['a', 'b'])
    tab1.remove('a')
    expect(tab2.list().map((c) => c.commandId)).toEqual(['b'])
    tab2.remove('b')
    expect(storage.getItem(outboxKey(meetingId, 'secretary'))).toBeNull()
    // Another role's list is its own.
    expect(storageOutbox(outboxKey(meetingId, 'chair'), storage).list()).toEqual([])
  })

  it('keeps working, in memory only, where storage refuses', () => {
    const broken = memoryStorage()
    broken.setItem = () => {
      throw new Error('QuotaExceededError')
    }
    const outbox = storageOutbox(outboxKey(meetingId, 'secretary'), broken)
    expect(() => outbox.add(register('a', 'Một'))).not.toThrow()
    expect(outbox.list()).toEqual([])
    expect(storageOutbox(outboxKey(meetingId, 'secretary'), null).list()).toEqual([])
  })

  it('names a restored command by what was typed in it, shortened', () => {
    expect(storedCommandHint(register('a', '  Lò   Văn Sáng '))).toBe('“Lò Văn Sáng”')
    expect(storedCommandHint({ commandId: 'b', type: 'speaker:call-next', payload: { commandId: 'b' } })).toBe('')
    const long = 'Đề nghị '.repeat(20)
    expect(storedCommandHint({ commandId: 'c', type: 'petition:record', payload: { commandId: 'c', title: long } })).toHaveLength(62)
  })
})

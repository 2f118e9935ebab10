import { webcrypto } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { newCommandId, uuidV4FromRandomValues } from './commandId'

const v4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

describe('newCommandId', () => {
  it('uses crypto.randomUUID when the context provides it', () => {
    const id = newCommandId({ randomUUID: () => 'from-random-uuid', getRandomValues: (a) => a })
    expect(id).toBe('from-random-uuid')
  })

  it('falls back to getRandomValues outside a secure context (no randomUUID)', () => {
    const insecure = { getRandomValues: (a: Uint8Array<ArrayBuffer>) => webcrypto.getRandomValues(a) }
    const ids = Array.from({ length: 200 }, () => newCommandId(insecure))
    for (const id of ids) {
      expect(id).toMatch(v4)
      // The same validator the server applies to commandId.
      expect(z.uuid().safeParse(id).success).toBe(true)
    }
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('works with the global crypto of this runtime', () => {
    expect(z.uuid().safeParse(newCommandId()).success).toBe(true)
  })
})

describe('uuidV4FromRandomValues', () => {
  it('sets the version and variant bits whatever the random bytes are', () => {
    const fill = (value: number) => (array: Uint8Array<ArrayBuffer>) => array.fill(value)
    expect(uuidV4FromRandomValues(fill(0xff))).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff')
    expect(uuidV4FromRandomValues(fill(0x00))).toBe('00000000-0000-4000-8000-000000000000')
  })
})

import { describe, expect, it } from 'vitest'
import { keysStorageKey, parseStoredKeys } from './keys'

describe('stored meeting keys', () => {
  it('uses one storage entry per meeting', () => {
    expect(keysStorageKey('abc')).toBe('hnd:keys:abc')
  })

  it('reads what was saved and ignores anything malformed', () => {
    expect(parseStoredKeys('{"secretary":"s1","chair":"c1"}')).toEqual({ secretary: 's1', chair: 'c1' })
    expect(parseStoredKeys('{"secretary":"s1","chair":42}')).toEqual({ secretary: 's1' })
    expect(parseStoredKeys('not json')).toEqual({})
    expect(parseStoredKeys('null')).toEqual({})
    expect(parseStoredKeys(null)).toEqual({})
    expect(parseStoredKeys('{"secretary":""}')).toEqual({})
  })
})

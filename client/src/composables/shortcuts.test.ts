import { describe, expect, it } from 'vitest'
import { matchShortcut, type KeyLike, type Shortcut } from './shortcuts'

const noop = () => undefined
const shortcuts: Shortcut[] = [
  { code: 'KeyN', alt: true, run: noop },
  { code: 'Enter', ctrl: true, run: noop },
]
const key = (code: string, mods: Partial<KeyLike> = {}): KeyLike => ({
  code,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  ...mods,
})

describe('matchShortcut', () => {
  it('matches the physical key with exactly the modifiers asked for', () => {
    expect(matchShortcut(key('KeyN', { altKey: true }), shortcuts)).toBe(shortcuts[0])
    expect(matchShortcut(key('Enter', { ctrlKey: true }), shortcuts)).toBe(shortcuts[1])
  })

  it('leaves plain typing and other combinations alone', () => {
    expect(matchShortcut(key('KeyN'), shortcuts)).toBeUndefined()
    expect(matchShortcut(key('KeyN', { altKey: true, ctrlKey: true }), shortcuts)).toBeUndefined()
    expect(matchShortcut(key('KeyN', { altKey: true, shiftKey: true }), shortcuts)).toBeUndefined()
    expect(matchShortcut(key('KeyN', { altKey: true, metaKey: true }), shortcuts)).toBeUndefined()
  })
})

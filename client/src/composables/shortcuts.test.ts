import { describe, expect, it } from 'vitest'
import { matchShortcut, type KeyLike, type Shortcut } from './shortcuts'

const noop = () => undefined
const shortcuts: Shortcut[] = [
  { code: 'KeyN', alt: true, run: noop },
  { code: 'Enter', ctrl: true, run: noop },
  { key: '?', run: noop },
  { code: 'Slash', run: noop },
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

  it('matches "?" by the character, whatever the layout puts it on, with Shift', () => {
    expect(matchShortcut(key('Slash', { shiftKey: true, key: '?' }), shortcuts)).toBe(shortcuts[2])
    expect(matchShortcut(key('Minus', { shiftKey: true, key: '?' }), shortcuts)).toBe(shortcuts[2])
    expect(matchShortcut(key('Slash', { key: '/' }), shortcuts)).toBe(shortcuts[3])
  })

  it('keeps plain keys for the text box while typing, but Alt and Ctrl shortcuts still work', () => {
    expect(matchShortcut(key('Slash', { shiftKey: true, key: '?' }), shortcuts, true)).toBeUndefined()
    expect(matchShortcut(key('Slash', { key: '/' }), shortcuts, true)).toBeUndefined()
    expect(matchShortcut(key('KeyN', { altKey: true }), shortcuts, true)).toBe(shortcuts[0])
    expect(matchShortcut(key('Enter', { ctrlKey: true }), shortcuts, true)).toBe(shortcuts[1])
  })
})

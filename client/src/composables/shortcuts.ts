import { onBeforeUnmount, onMounted } from 'vue'

// Keyboard shortcuts for the console. Matched on `event.code` (the physical key) because Vietnamese
// input methods (Telex, VNI) rewrite `event.key` while typing, and Alt+letter on macOS yields a symbol.
// The Alt letters used are not taken by Chrome, Edge or Firefox on Windows and Linux (those take
// Alt+D, E, F and, for Firefox's menus, B, H, S, T, V); Alt+digits switch tabs on Linux, Alt+Home
// opens the home page and Alt+Shift switches the keyboard layout on Windows, so none of those are used.
// A few keys are matched on `event.key` ("?" for help) and only when no text box has the focus.

export interface Shortcut {
  /** KeyboardEvent.code, e.g. "KeyN". */
  code?: string
  /** KeyboardEvent.key, e.g. "?", for keys that depend on the layout; Shift is then ignored. */
  key?: string
  alt?: boolean
  ctrl?: boolean
  /**
   * Also while typing in a text box. Defaults to true for Alt/Ctrl combinations and false for plain
   * keys, which would otherwise eat the characters the secretary types.
   */
  whileTyping?: boolean
  run: () => void
}

export type KeyLike = Pick<KeyboardEvent, 'code' | 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey'> & { key?: string }

export function matchShortcut(event: KeyLike, shortcuts: readonly Shortcut[], typing = false): Shortcut | undefined {
  if (event.metaKey) return undefined
  return shortcuts.find((s) => {
    if (Boolean(s.alt) !== event.altKey || Boolean(s.ctrl) !== event.ctrlKey) return false
    const whileTyping = s.whileTyping ?? Boolean(s.alt || s.ctrl)
    if (typing && !whileTyping) return false
    if (s.key !== undefined) return event.key === s.key
    return !event.shiftKey && s.code === event.code
  })
}

/** True when keys typed now go into a text box, a select or an editable element. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).tagName !== 'string') return false
  const el = target as HTMLElement
  if (el.isContentEditable) return true
  const tag = el.tagName
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true
  if (tag !== 'INPUT') return false
  const type = (el as HTMLInputElement).type
  return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(type)
}

export function useShortcuts(shortcuts: readonly Shortcut[]): void {
  const onKeydown = (event: KeyboardEvent): void => {
    if (event.repeat || event.defaultPrevented) return
    // A modal (help, a petition action, a confirmation) has the keyboard to itself.
    if (document.querySelector('dialog[open]')) return
    const shortcut = matchShortcut(event, shortcuts, isTypingTarget(event.target))
    if (!shortcut) return
    event.preventDefault()
    shortcut.run()
  }
  onMounted(() => window.addEventListener('keydown', onKeydown))
  onBeforeUnmount(() => window.removeEventListener('keydown', onKeydown))
}

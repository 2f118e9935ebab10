import { onBeforeUnmount, onMounted } from 'vue'

// Keyboard shortcuts for the console. Matched on `event.code` (the physical key) because Vietnamese
// input methods (Telex, VNI) rewrite `event.key` while typing, and Alt+letter on macOS yields a symbol.
// Alt+N / Alt+K / Alt+P / Alt+R: not taken by Chrome, Edge or Firefox on Windows and Linux.

export interface Shortcut {
  /** KeyboardEvent.code, e.g. "KeyN". */
  code: string
  alt?: boolean
  ctrl?: boolean
  run: () => void
}

export type KeyLike = Pick<KeyboardEvent, 'code' | 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey'>

export function matchShortcut(event: KeyLike, shortcuts: readonly Shortcut[]): Shortcut | undefined {
  if (event.shiftKey || event.metaKey) return undefined
  return shortcuts.find((s) => s.code === event.code && Boolean(s.alt) === event.altKey && Boolean(s.ctrl) === event.ctrlKey)
}

export function useShortcuts(shortcuts: readonly Shortcut[]): void {
  const onKeydown = (event: KeyboardEvent): void => {
    if (event.repeat) return
    const shortcut = matchShortcut(event, shortcuts)
    if (!shortcut) return
    event.preventDefault()
    shortcut.run()
  }
  onMounted(() => window.addEventListener('keydown', onKeydown))
  onBeforeUnmount(() => window.removeEventListener('keydown', onKeydown))
}

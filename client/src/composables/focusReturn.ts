import { nextTick } from 'vue'

// A command that removes or disables what the secretary's focus was on (calling the next speaker
// disables "Gọi tiếp" while it is sent and removes the called speaker's row) would drop the focus to
// <body>, and the next key press would go nowhere. These put it back somewhere sensible.

/** Whether the focus has been lost: nothing, or the page itself, holds it. */
export const focusLost = (): boolean => !document.activeElement || document.activeElement === document.body

function focusable(el: Element | null): el is HTMLElement {
  return el instanceof HTMLElement && el !== document.body && el.isConnected && !(el as HTMLButtonElement).disabled
}

/**
 * Runs `action`; if the focus is lost meanwhile, gives it back to the element that had it (when it
 * is still there and enabled), else to `fallback()`.
 */
export async function keepingFocus<T>(action: () => Promise<T>, fallback: () => HTMLElement | null | undefined): Promise<T> {
  const before = document.activeElement
  try {
    return await action()
  } finally {
    // The screen may still be re-rendering what the command changed (the new speaker's summary box
    // replaces the last one's): a target focused now can be removed a moment later. Check again on
    // the next few frames, and only while the focus is still lost, so a person who has moved on
    // meanwhile is never pulled back.
    for (let attempt = 0; attempt < 10; attempt++) {
      await (attempt === 0 ? nextTick() : nextFrame())
      if (!focusLost()) continue
      const target = focusable(before) ? before : fallback()
      target?.focus()
    }
  }
}

const nextFrame = (): Promise<void> => new Promise((resolve) => requestAnimationFrame(() => resolve()))

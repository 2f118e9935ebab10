import { getActivePinia } from 'pinia'
import { getCurrentScope, onScopeDispose, reactive, ref, watch, type Ref } from 'vue'
import { useSessionStore } from '../stores/session'

// Text being typed that the server has not yet saved (a speech summary, a petition being entered,
// the chair's answer or conclusion) survives a reload and a browser restart on this device: it is
// kept in localStorage under `hnd:draft:<meetingId>:<field>` (`hnd:draft:<meetingId>@<userId>:<field>`
// for a signed-in person, so a draft naming a confidential petitioner is never shown to the next
// person who signs in on the same computer) while it differs from what is saved, and removed the
// moment it no longer does (saved, acknowledged, or typed back). A form that has sent
// its content pauses its draft meanwhile: the command itself waits in the outbox (realtime/outbox.ts),
// and a draft restored next to it would invite sending it twice.

const prefix = 'hnd:draft:'
export const draftKey = (meetingId: string, field: string, owner: string | null = null): string =>
  `${prefix}${meetingId}${owner ? `@${owner}` : ''}:${field}`

/** What was stored under a key, or undefined when nothing usable is there. */
export function parseDraft(raw: string | null): unknown {
  if (raw === null) return undefined
  try {
    return JSON.parse(raw) as unknown
  } catch {
    return undefined
  }
}

/** For a text box's draft: a string. */
export const isText = (value: unknown): value is string => typeof value === 'string'

/** The same text as far as saving goes: the server trims and stores NFC. */
export const sameText = (a: string, b: string): boolean => a.trim().normalize('NFC') === b.trim().normalize('NFC')

/**
 * For a form's draft: whether `stored` has the blank form's shape, key by key and type by type (a
 * list holds numbers or strings), so a draft left by an older version of the form is ignored.
 */
export function formDraftMatches(stored: unknown, blank: unknown): boolean {
  if (Array.isArray(blank)) return Array.isArray(stored) && stored.every((v) => typeof v === 'number' || typeof v === 'string')
  if (typeof blank !== 'object' || blank === null) return typeof stored === typeof blank
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return false
  const keys = Object.keys(blank)
  if (Object.keys(stored).length !== keys.length) return false
  return keys.every((k) => Object.hasOwn(stored, k) && formDraftMatches((stored as Record<string, unknown>)[k], (blank as Record<string, unknown>)[k]))
}

/** The drafts on screen that differ from what is saved, for the warning before leaving the page. */
export const unsavedDrafts = reactive(new Set<symbol>())

export interface DraftOptions<T> {
  meetingId: () => string | null
  /** Which text in the meeting: 'summary:3', 'speaker-form' … */
  field: () => string
  /** The text (or a form's values) as typed. */
  value: () => T
  /** Whether it differs from what is saved: only then is it kept. */
  dirty: () => boolean
  /** Whether a stored value has the right shape. */
  accept: (stored: unknown) => stored is T
  /** Puts a restored value back into the text box or the form. */
  apply: (stored: T) => void
  /** While true the draft is not kept (the form's command is in flight, and in the outbox). */
  paused?: () => boolean
  /** Whose draft it is: the signed-in person's id by default, nobody on a paired device. */
  owner?: () => string | null
  storage?: Storage | null
}

/** The signed-in person, when the app (not a unit test) is running. */
const signedInPerson = (): string | null => (getActivePinia() ? (useSessionStore().user?.id ?? null) : null)

/** Keeps one text box's or form's unsaved content; `restored` says it came back from a reload. */
export function useDraft<T>(options: DraftOptions<T>): { restored: Ref<boolean> } {
  const storage = options.storage === undefined ? browserStorage() : options.storage
  const restored = ref(false)
  const token = Symbol('draft')
  const keyOf = (): string | null => {
    const meetingId = options.meetingId()
    return meetingId ? draftKey(meetingId, options.field(), (options.owner ?? signedInPerson)()) : null
  }

  function load(key: string | null): void {
    restored.value = false
    if (!key) return
    let stored: unknown
    try {
      stored = parseDraft(storage?.getItem(key) ?? null)
    } catch {
      return
    }
    if (stored === undefined || !options.accept(stored)) return
    options.apply(stored)
    restored.value = options.dirty()
  }

  function keep(key: string | null): void {
    const unsaved = key !== null && options.dirty()
    if (unsaved) unsavedDrafts.add(token)
    else unsavedDrafts.delete(token)
    if (!key) return
    try {
      if (unsaved && !options.paused?.()) storage?.setItem(key, JSON.stringify(options.value()))
      else storage?.removeItem(key)
    } catch {
      // Full or forbidden: the text stays on screen, as it did before drafts were kept.
    }
    if (!unsaved) restored.value = false
  }

  // Another meeting or another field (the chair moved to the next petition): its own draft, if any.
  watch(keyOf, (key) => load(key), { immediate: true })
  watch(
    () => [keyOf(), options.value(), options.dirty(), options.paused?.() ?? false] as const,
    ([key]) => keep(key),
    { deep: true, immediate: true },
  )
  if (getCurrentScope()) onScopeDispose(() => unsavedDrafts.delete(token))
  return { restored }
}

function browserStorage(): Storage | null {
  try {
    return globalThis.localStorage ?? null
  } catch {
    return null
  }
}

import { computed, ref, watch } from 'vue'
import type { Ack } from '@shared/errors'
import { isText, sameText, useDraft } from '../../composables/draft'
import { useMeetingStore } from '../../stores/meeting'

// An autosaving text box: what the secretary types is a draft until the box loses the focus or
// Ctrl+Enter sends it; the draft is kept in the browser while unsaved (composables/draft.ts), so a
// reload or a dropped network loses nothing; and a change from another console is followed unless
// the secretary is typing here. The screen shows `saving`, `dirty`, `error` and `savedAt`.
interface AutosaveOptions {
  /** The text as the meeting holds it now. */
  saved: () => string
  /** The draft's name in the browser's storage (one per box of a meeting). */
  draftField: () => string
  /** Sends the text (a command); its answer says whether it was recorded. */
  send: (text: string) => Promise<Ack<unknown>>
}

export function useAutosavedText(options: AutosaveOptions) {
  const store = useMeetingStore()
  const draft = ref(options.saved())
  const saving = ref(false)
  const error = ref<string | null>(null)
  const savedAt = ref<string | null>(null)
  const box = ref<HTMLTextAreaElement | null>(null)
  const dirty = computed(() => draft.value.trim().normalize('NFC') !== options.saved())

  const { restored } = useDraft({
    meetingId: () => store.meetingId,
    field: options.draftField,
    value: () => draft.value,
    dirty: () => dirty.value,
    accept: isText,
    apply: (text) => {
      if (!sameText(text, options.saved())) draft.value = text
    },
  })

  watch(options.saved, (text) => {
    // A draft restored after a reload stays until saved: the state arriving after it is older.
    if (!dirty.value || (document.activeElement !== box.value && !restored.value)) draft.value = text
  })

  async function save(): Promise<void> {
    if (saving.value || !dirty.value) return
    saving.value = true
    error.value = null
    const result = await options.send(draft.value)
    saving.value = false
    if (result.ok) savedAt.value = new Date().toISOString()
    else error.value = result.error.message
  }

  function onKeydown(event: KeyboardEvent): void {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault()
      void save()
    }
  }

  return { draft, saving, error, savedAt, dirty, restored, box, save, onKeydown }
}

import { nextTick, ref, shallowRef, type Ref } from 'vue'
import type { Ack } from '@shared/errors'

// A list edited in place (the directory's units and officials): one row at a time is edited, its
// text selected when it opens; Enter in a box saves, Esc cancels, and the focus goes back to the row's
// «Sửa» button; a row is deleted only after the dialog asks. The rows mark their edit box with
// data-edit-<kind>="<id>" and their «Sửa» button with data-<kind>-edit-button="<id>".
interface InlineEditOptions<T> {
  kind: string
  /** The element holding the rows. */
  list: Ref<HTMLElement | null>
  remove: (item: T) => Promise<Ack<null>>
  /** After a row was deleted (say so, reload). */
  removed: (item: T) => void
}

export function useInlineEdit<T extends { id: string }>(options: InlineEditOptions<T>) {
  const editing = ref<string | null>(null)
  const deleting = shallowRef<T | null>(null)
  const deleteError = ref<string | null>(null)

  async function startEdit(item: T): Promise<void> {
    editing.value = item.id
    await nextTick()
    options.list.value?.querySelector<HTMLInputElement>(`[data-edit-${options.kind}="${item.id}"]`)?.select()
  }

  async function stopEdit(id: string): Promise<void> {
    editing.value = null
    await nextTick()
    options.list.value?.querySelector<HTMLElement>(`[data-${options.kind}-edit-button="${id}"]`)?.focus()
  }

  /** Esc cancels; Enter in a text box (not a list to pick from) saves. */
  function onEditKeydown(event: KeyboardEvent, item: T, save: (item: T) => unknown): void {
    if (event.key === 'Escape') {
      event.preventDefault()
      void stopEdit(item.id)
    } else if (event.key === 'Enter' && (event.target as HTMLElement).tagName === 'INPUT') {
      event.preventDefault()
      void save(item)
    }
  }

  async function confirmDelete(): Promise<void> {
    const item = deleting.value
    if (!item) return
    const result = await options.remove(item)
    if (!result.ok) {
      deleteError.value = result.error.message
      return
    }
    deleting.value = null
    deleteError.value = null
    options.removed(item)
  }

  return { editing, deleting, deleteError, startEdit, stopEdit, onEditKeydown, confirmDelete }
}

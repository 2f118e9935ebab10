import { ref } from 'vue'
import type { Ack } from '@shared/errors'
import type { CommandInput, CommandType } from '@shared/meeting/commands'
import type { CommandResult } from '@shared/protocol'
import { useMeetingStore } from '../stores/meeting'

// Quick actions (a button, a key) send one command and, when the server refuses, say why in the
// console's notice line; forms use the store's dispatch directly and show errors next to their fields.
export type Fields<K extends CommandType> = Omit<CommandInput<K>, 'commandId'>

export interface Notice {
  id: number
  kind: 'error' | 'info'
  text: string
}

const notice = ref<Notice | null>(null)
let noticeId = 0
let timer: ReturnType<typeof setTimeout> | null = null

export function showNotice(kind: Notice['kind'], text: string, ms = kind === 'error' ? 8000 : 3500): void {
  if (timer) clearTimeout(timer)
  notice.value = { id: ++noticeId, kind, text }
  timer = setTimeout(() => (notice.value = null), ms)
}

export function clearNotice(): void {
  if (timer) clearTimeout(timer)
  notice.value = null
}

export function useNotice() {
  return { notice, showNotice, clearNotice }
}

export function useCommand() {
  const store = useMeetingStore()
  const busy = ref(false)

  /** Sends the command; false (and a notice) when refused. Pressing again while one is in flight is ignored. */
  async function run<K extends CommandType>(type: K, fields: Fields<K>, done?: string): Promise<Ack<CommandResult> | null> {
    if (busy.value) return null
    busy.value = true
    try {
      const result = await store.dispatch(type, fields)
      if (!result.ok) showNotice('error', result.error.message)
      else if (done) showNotice('info', done)
      return result
    } finally {
      busy.value = false
    }
  }

  return { busy, run }
}

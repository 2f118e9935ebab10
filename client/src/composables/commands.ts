import { ref } from 'vue'
import type { Ack, AppError } from '@shared/errors'
import type { CommandInput, CommandType } from '@shared/meeting/commands'
import type { CommandResult } from '@shared/protocol'
import { useMeetingStore } from '../stores/meeting'

// The one way a screen sends a command: useCommand().run → the meeting store's dispatch (checked
// with the server's schema, sent over the meeting's link, retried with the same id). What differs
// between screens is only where a refusal is said:
// - 'notice': quick actions (a button, a key) on the console say it in the notice line;
// - 'inline': a group of buttons on the chair's tablet keeps it to show right next to them;
// - 'caller': a form shows it next to its fields (splitErrors) from the answer run returns.
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

/** A refusal in one line: the server's message, then the fields it names (for a validation error). */
export function refusalText(error: AppError): string {
  const fields = error.fields ? [...new Set(Object.values(error.fields))].filter((m) => m && m !== error.message) : []
  return fields.length ? `${error.message} ${fields.join(' ')}` : error.message
}

type RefusalShown = 'notice' | 'inline' | 'caller'

interface RunOptions {
  /** Said in the notice line once the command is recorded. */
  done?: string | undefined
  /** Which of a row of buttons sent it, so that button can say it is waiting (and own the refusal). */
  key?: string | number | null
}

export function useCommand(options: { refusal?: RefusalShown } = {}) {
  const shown = options.refusal ?? 'notice'
  const store = useMeetingStore()
  const busy = ref(false)
  const pendingKey = ref<string | number | null>(null)
  /** With 'inline': the last refusal, in Vietnamese, its code, and the key of what was refused. */
  const error = ref<string | null>(null)
  const errorCode = ref<string | null>(null)
  const errorKey = ref<string | number | null>(null)

  function clear(): void {
    error.value = null
    errorCode.value = null
    errorKey.value = null
  }

  /** Sends the command and answers with the server's (or the schema's) answer, saying a refusal as chosen. */
  async function send<K extends CommandType>(type: K, fields: Fields<K>, opts: string | RunOptions = {}): Promise<Ack<CommandResult>> {
    const { done, key = null } = typeof opts === 'string' ? { done: opts } : opts
    clear()
    const result = await store.dispatch(type, fields)
    if (result.ok) {
      if (done) showNotice('info', done)
    } else if (shown === 'notice') {
      showNotice('error', result.error.message)
    } else if (shown === 'inline') {
      error.value = refusalText(result.error)
      errorCode.value = result.error.code
      errorKey.value = key
    }
    return result
  }

  /** As send, one at a time: null, sending nothing, while one sent from here is still in flight. */
  async function run<K extends CommandType>(type: K, fields: Fields<K>, opts: string | RunOptions = {}): Promise<Ack<CommandResult> | null> {
    if (busy.value) return null
    busy.value = true
    pendingKey.value = typeof opts === 'string' ? null : (opts.key ?? null)
    try {
      return await send(type, fields, opts)
    } finally {
      busy.value = false
      pendingKey.value = null
    }
  }

  return { busy, pendingKey, error, errorCode, errorKey, run, send, clear }

}

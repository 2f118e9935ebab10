import { computed, ref } from 'vue'
import type { CommandType } from '@shared/meeting/commands'
import type { CommandFields } from '../../realtime/connection'
import { chairText } from '../../i18n/chair'
import { useMeetingStore } from '../../stores/meeting'
import { refusalText } from './chair'

// One group of buttons on the tablet: it sends one command at a time, disables itself until the
// server has answered, and keeps the refusal (in Vietnamese) to show right next to those buttons.
// A command tapped while the link is down waits and goes out on reconnect with the same id.
export function useChairCommand() {
  const store = useMeetingStore()
  const pending = ref(false)
  /** What is in flight, so a row of buttons can say which one is waiting. */
  const pendingKey = ref<string | number | null>(null)
  const error = ref<string | null>(null)
  const errorCode = ref<string | null>(null)
  const errorKey = ref<string | number | null>(null)

  const waitingLabel = computed(() => (store.status === 'online' || store.status === 'degraded' ? chairText.sending : chairText.waitingForLink))

  async function run<K extends CommandType>(type: K, fields: CommandFields<K>, key: string | number | null = null): Promise<boolean> {
    if (pending.value) return false
    pending.value = true
    pendingKey.value = key
    error.value = null
    errorCode.value = null
    errorKey.value = null
    try {
      const ack = await store.dispatch(type, fields)
      if (!ack.ok) {
        error.value = refusalText(ack.error)
        errorCode.value = ack.error.code
        errorKey.value = key
      }
      return ack.ok
    } finally {
      pending.value = false
      pendingKey.value = null
    }
  }

  function clear(): void {
    error.value = null
    errorCode.value = null
    errorKey.value = null
  }

  return { pending, pendingKey, error, errorCode, errorKey, waitingLabel, run, clear }
}

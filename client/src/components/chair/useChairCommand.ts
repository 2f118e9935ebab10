import { computed } from 'vue'
import type { CommandType } from '@shared/meeting/commands'
import { useCommand, type Fields } from '../../composables/commands'
import { chairText } from '../../i18n/chair'
import { useMeetingStore } from '../../stores/meeting'

// One group of buttons on the tablet: it sends one command at a time (composables/commands.ts),
// disables itself until the server has answered, and keeps the refusal (in Vietnamese) to show right
// next to those buttons. A command tapped while the link is down waits and goes out on reconnect
// with the same id; the button says which of the two it is waiting for.
export function useChairCommand() {
  const store = useMeetingStore()
  const command = useCommand({ refusal: 'inline' })
  const waitingLabel = computed(() => (store.status === 'online' || store.status === 'degraded' ? chairText.sending : chairText.waitingForLink))

  /** True once recorded; false when refused (the refusal is in `error`) or while another is in flight. */
  async function run<K extends CommandType>(type: K, fields: Fields<K>, key: string | number | null = null): Promise<boolean> {
    return (await command.run(type, fields, { key }))?.ok ?? false
  }

  return { ...command, pending: command.busy, waitingLabel, run }
}

import { computed, type ComputedRef } from 'vue'
import { useMeetingStore } from '../stores/meeting'

// The time countdowns are computed at: the server's clock as this screen estimates it (the store
// corrects for the offset measured at each sync and ticks while a speech runs), so the console's
// countdown agrees with the chair's tablet and the projector.
export function useNow(): ComputedRef<number> {
  const store = useMeetingStore()
  return computed(() => store.now)
}

import { computed, onBeforeUnmount, ref, type ComputedRef } from 'vue'
import { useMeetingStore } from '../stores/meeting'

// The time countdowns are computed at. The meeting store is to provide `now`: the server's clock as
// this screen estimates it, ticking; until it does, this ticks the local clock. Reading the store
// loosely keeps this file compiling on both sides of that change.
export function useNow(intervalMs = 250): ComputedRef<number> {
  const store = useMeetingStore() as unknown as { now?: unknown }
  const local = ref(Date.now())
  const timer = setInterval(() => (local.value = Date.now()), intervalMs)
  onBeforeUnmount(() => clearInterval(timer))
  return computed(() => {
    const fromStore = store.now
    // Read `local` always so the computed keeps ticking even if the store's value is not reactive.
    const tick = local.value
    return typeof fromStore === 'number' && Number.isFinite(fromStore) ? fromStore : tick
  })
}

import { onBeforeUnmount, onMounted } from 'vue'

// Keeps the hall screen from dimming or sleeping while the projector view is open. The Wake Lock API
// exists only in secure contexts and is released whenever the tab is hidden, so ask again when it
// becomes visible; where it is missing the screen simply follows the OS settings.
export function useScreenWakeLock(): void {
  let lock: WakeLockSentinel | null = null

  async function acquire(): Promise<void> {
    if (document.visibilityState !== 'visible' || !('wakeLock' in navigator)) return
    try {
      lock = await navigator.wakeLock.request('screen')
    } catch {
      lock = null
    }
  }

  const onVisibility = (): void => void acquire()

  onMounted(() => {
    void acquire()
    document.addEventListener('visibilitychange', onVisibility)
  })
  onBeforeUnmount(() => {
    document.removeEventListener('visibilitychange', onVisibility)
    void lock?.release().catch(() => undefined)
    lock = null
  })
}

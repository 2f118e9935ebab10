import type { Router } from 'vue-router'

// Registers public/sw.js, which keeps the app's shell so a screen reloaded during a network drop
// still opens (see the comment there). Only in the built app: the dev server's modules are not
// content-hashed, and a cached one would hide edits.
//
// The files this page loaded before the worker controlled it (the first visit's lazy chunks: the
// console, the tablet) are listed to it once the first page is up, so the very first visit is enough.
// When they are kept, <html data-offline-ready> says so.
export function registerOfflineShell(router: Router): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return
  navigator.serviceWorker.addEventListener('message', (event: MessageEvent<{ type?: string } | null>) => {
    if (event.data?.type === 'assets-kept') document.documentElement.dataset.offlineReady = 'true'
  })
  void (async () => {
    try {
      await navigator.serviceWorker.register('/sw.js')
      const registration = await navigator.serviceWorker.ready
      await router.isReady()
      const paths = performance
        .getEntriesByType('resource')
        .map((entry) => new URL(entry.name, location.href))
        .filter((url) => url.origin === location.origin && url.pathname.startsWith('/assets/'))
        .map((url) => url.pathname)
      registration.active?.postMessage({ type: 'keep-assets', paths })
    } catch {
      // No worker (a private window, a browser without it): the app works as before, online.
    }
  })()
}

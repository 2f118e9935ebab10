// Why this exists: the hall's screens are served by the office's own server, and a page reloaded
// while the network is down (a tablet's Wi-Fi drops, someone presses F5) would show the browser's
// error page, with the secretary's unsent commands and drafts out of reach until the network
// returns. This worker keeps the app's shell — index.html and the content-hashed files of the Vite
// build under /assets/ — so the screen opens anyway, says it is offline, and shows what this
// browser kept (the last state seen, the outbox, the drafts) until the link is back.
//
// It caches nothing else: never /api/ or /socket.io/ (live data, and the server decides who sees
// what), never a response that is not a plain 200. Pages are fetched from the network first, so an
// update of the app reaches every screen at the next load; the cache is only the fallback.

const CACHE = 'hnd-shell-v1'
const SHELL = '/index.html'

const isLive = (url) => url.pathname.startsWith('/api/') || url.pathname.startsWith('/socket.io/')
const assetsIn = (html) => [...new Set([...html.matchAll(/(?:src|href)="(\/assets\/[^"?#]+)"/g)].map((m) => m[1]))]

/** Keeps a fresh index.html and the files it names; a new build replaces the previous one's. */
async function keepShell(response) {
  const html = await response.clone().text()
  const assets = assetsIn(html)
  // Only the app's own page is the shell (it loads the build's script); any other page is not kept.
  if (!assets.some((path) => path.endsWith('.js'))) return
  const cache = await caches.open(CACHE)
  const previous = await cache.match(SHELL)
  if (previous && assetsIn(await previous.text()).join() !== assets.join()) {
    // Another build: its hashed files replace the old ones (lazy chunks come back as pages load them).
    for (const request of await cache.keys()) await cache.delete(request)
  }
  await cache.put(SHELL, response)
  await Promise.all(assets.map((path) => keepAsset(cache, path)))
}

async function keepAsset(cache, path) {
  if (await cache.match(path)) return
  try {
    const response = await fetch(path)
    if (response.status === 200) await cache.put(path, response)
  } catch {
    // Offline now: it is kept the next time a page loads it.
  }
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    fetch('/', { cache: 'no-store' })
      .then((response) => (response.status === 200 ? keepShell(response) : undefined))
      .catch(() => undefined)
      .then(() => self.skipWaiting()),
  )
})

self.addEventListener('activate', (event) => {
  event.waitUntil(self.clients.claim())
})

// The page lists the /assets/ files it loaded before this worker controlled it (its lazy chunks).
self.addEventListener('message', (event) => {
  const data = event.data
  if (!data || data.type !== 'keep-assets' || !Array.isArray(data.paths)) return
  const paths = data.paths.filter((p) => typeof p === 'string' && p.startsWith('/assets/'))
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => Promise.all(paths.map((path) => keepAsset(cache, path))))
      .then(() => event.source?.postMessage({ type: 'assets-kept' })),
  )
})

self.addEventListener('fetch', (event) => {
  const request = event.request
  const url = new URL(request.url)
  if (request.method !== 'GET' || url.origin !== self.location.origin || isLive(url)) return

  if (request.mode === 'navigate') {
    event.respondWith(
      fetch(request)
        .then((response) => {
          const html = response.status === 200 && (response.headers.get('content-type') ?? '').startsWith('text/html')
          if (html) event.waitUntil(keepShell(response.clone()))
          return response
        })
        .catch(async () => (await caches.match(SHELL)) ?? Response.error()),
    )
    return
  }

  if (url.pathname.startsWith('/assets/')) {
    // Content-hashed: a file under one name never changes.
    event.respondWith(
      caches.match(request).then(
        (cached) =>
          cached ??
          fetch(request).then((response) => {
            if (response.status === 200) {
              const copy = response.clone()
              event.waitUntil(caches.open(CACHE).then((cache) => cache.put(request, copy)))
            }
            return response
          }),
      ),
    )
  }
})

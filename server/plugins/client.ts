import fs from 'node:fs'
import path from 'node:path'
import fastifyStatic from '@fastify/static'
import fp from 'fastify-plugin'
import { appError } from '../../shared/errors'

export interface ClientPluginOptions {
  /** The built client (vite build); when missing, only the API is served. */
  dir: string
}

/** Files under /assets/ are named by their content's hash: a name never gets other content. */
export const ASSET_CACHE = 'public, max-age=31536000, immutable'
/** index.html, sw.js and the rest keep their names across builds: asked again at every load (304 when unchanged). */
export const PAGE_CACHE = 'no-cache'

// Serves the built Vue app, and index.html for any other non-API path so that a screen reloaded on
// /m/<id>/projector comes back by itself.
//
// The build writes .br and .gz beside each file (scripts/precompress.ts): they are sent as they are
// to a browser that accepts them (a projector's first load is a third of the bytes), and the hashed
// assets are cached for a year, so a screen reloaded in the hall asks only for index.html.
export default fp<ClientPluginOptions>(
  async (app, opts) => {
    const index = path.join(opts.dir, 'index.html')
    const hasClient = fs.existsSync(index)
    const assets = path.join(opts.dir, 'assets') + path.sep
    if (hasClient) {
      await app.register(fastifyStatic, {
        root: opts.dir,
        wildcard: false,
        index: false,
        preCompressed: true,
        // A route per built file, not per variant: a .br or .gz is found beside its file when sent,
        // and three times the routes is start-up time for nothing.
        globIgnore: ['**/*.br', '**/*.gz'],
        // Our own Cache-Control below, instead of send's "public, max-age=0".
        cacheControl: false,
        setHeaders: (res, file) => {
          res.setHeader('cache-control', file.startsWith(assets) ? ASSET_CACHE : PAGE_CACHE)
          // The same address answers with brotli, gzip or plain bytes: a shared cache must keep them apart.
          res.setHeader('vary', 'accept-encoding')
        },
      })
    }

    app.setNotFoundHandler((request, reply) => {
      const pathname = request.url.split('?')[0] ?? ''
      const isApi = pathname.startsWith('/api/') || pathname.startsWith('/socket.io/')
      // Only page routes fall back to the app. A missing file (an old /assets/*.js after a rebuild)
      // must be a 404, not index.html served as JavaScript.
      const looksLikeFile = pathname.startsWith('/assets/') || /\.[a-z0-9]+$/i.test(pathname)
      if (!isApi && !looksLikeFile && hasClient && request.method === 'GET') return reply.type('text/html').sendFile('index.html')
      return reply.code(404).send({ ok: false, error: appError('NOT_FOUND') })
    })
  },
  { name: 'client' },
)

import fs from 'node:fs'
import path from 'node:path'
import fastifyStatic from '@fastify/static'
import fp from 'fastify-plugin'
import { appError } from '../../shared/errors'

export interface ClientPluginOptions {
  /** The built client (vite build); when missing, only the API is served. */
  dir: string
}

// Serves the built Vue app, and index.html for any other non-API path so that a screen reloaded on
// /m/<id>/projector comes back by itself.
export default fp<ClientPluginOptions>(
  async (app, opts) => {
    const index = path.join(opts.dir, 'index.html')
    const hasClient = fs.existsSync(index)
    if (hasClient) await app.register(fastifyStatic, { root: opts.dir, wildcard: false, index: false })

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

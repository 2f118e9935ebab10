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
      const isApi = request.url.startsWith('/api/') || request.url.startsWith('/socket.io/')
      if (!isApi && hasClient && request.method === 'GET') return reply.type('text/html').sendFile('index.html')
      return reply.code(404).send({ ok: false, error: appError('NOT_FOUND') })
    })
  },
  { name: 'client' },
)

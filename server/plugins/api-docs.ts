import fs from 'node:fs'
import path from 'node:path'
import swagger from '@fastify/swagger'
import fp from 'fastify-plugin'
import { openApiOptions } from '../api-docs/openapi'

/** Where the browsable description lives; every route under it is for administrators only. */
export const API_DOCS_PREFIX = '/api/docs'

/** The version in package.json (the server runs from the repository's root), shown in the document. */
function appVersion(): string {
  try {
    return String((JSON.parse(fs.readFileSync(path.resolve('package.json'), 'utf8')) as { version?: unknown }).version ?? 'unknown')
  } catch {
    return 'unknown'
  }
}

// Collects the routes for the OpenAPI document (server/api-docs/openapi.ts). Registered before the
// auth plugin and the routes: @fastify/swagger sees each route as it is declared, and the routes
// that @fastify/swagger-ui adds under /api/docs (its page, its script and style files) declare no
// access action of their own, so this gives them the administrators' one before the auth plugin's
// guard, which refuses to start a route without one, looks.
export default fp(
  async (app) => {
    await app.register(swagger, openApiOptions(appVersion()))
    app.addHook('onRoute', (route) => {
      if (route.url !== API_DOCS_PREFIX && !route.url.startsWith(`${API_DOCS_PREFIX}/`)) return
      route.config = { ...(route.config as object), action: 'api-docs:read' } as typeof route.config
    })
  },
  { name: 'api-docs' },
)

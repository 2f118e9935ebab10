import swaggerUi from '@fastify/swagger-ui'
import type { FastifyPluginAsync } from 'fastify'
import { API_DOCS_PREFIX } from '../../plugins/api-docs'

// GET /api/openapi.json: the REST API's OpenAPI 3 description, for an office's other systems; and
// /api/docs: the same, browsable (Swagger UI). Administrators only (the policy's 'api-docs:read'):
// the document lists every route, which is no secret, but nobody else needs it.
const apiDocsRoutes: FastifyPluginAsync = async (app) => {
  app.get('/api/openapi.json', { config: { action: 'api-docs:read' }, schema: { hide: true } }, async () => app.swagger())

  // Swagger UI's page loads its script and style files from /api/docs/static, nothing inline, so the
  // app's Content-Security-Policy holds on it unchanged. BaseLayout: the standalone layout's top bar
  // draws Swagger's logo, an SVG with an inline <style> the CSP blocks, and offers to load any other
  // address's document, which nobody here needs.
  await app.register(swaggerUi, {
    routePrefix: API_DOCS_PREFIX,
    uiConfig: { docExpansion: 'list', deepLinking: true, layout: 'BaseLayout' },
    theme: { title: 'Hội nghị đối thoại — REST API' },
  })
}

export default apiDocsRoutes

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { createUserSchema } from '../../shared/access/accounts'
import { createAccount, type TestAccount } from '../../tests/fixtures/accounts'
import { buildTestApp, type App, type TestApp } from '../../tests/fixtures/app'
import { routeSummaries } from './summaries'

interface Operation {
  tags?: string[]
  summary?: string
  parameters?: { name: string; in: string; required?: boolean }[]
  requestBody?: { content: Record<string, { schema: { required?: string[]; properties?: Record<string, unknown> } }> }
  responses: Record<string, { description?: string; content?: Record<string, { schema: Record<string, unknown> }> }>
  security?: Record<string, string[]>[]
}
interface OpenApiDocument {
  openapi: string
  info: { title: string; version: string }
  tags: { name: string; description?: string }[]
  paths: Record<string, Record<string, Operation>>
  components?: { securitySchemes?: Record<string, unknown>; schemas?: Record<string, { properties?: Record<string, unknown> }> }
}

/** Every `$ref` anywhere in a value. */
function refsIn(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => refsIn(v, found))
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (key === '$ref' && typeof v === 'string') found.push(v)
      else refsIn(v, found)
    }
  }
  return found
}

/** A route as Fastify declares it ('/api/users/:userId') → as OpenAPI writes it ('/api/users/{userId}'). */
const openApiPath = (url: string) => url.replace(/:(\w+)/g, '{$1}')

// The REST API's description, read from the running app as an office's other system would.
describe('OpenAPI description of the REST API', () => {
  let testApp: TestApp
  let app: App
  let admin: TestAccount
  let secretary: TestAccount
  let doc: OpenApiDocument

  beforeAll(async () => {
    testApp = await buildTestApp({ security: { rateLimit: false } })
    app = testApp.app
    admin = await createAccount(testApp.db, ['admin'])
    secretary = await createAccount(testApp.db, ['secretary'])
    const res = await app.inject({ method: 'GET', url: '/api/openapi.json', headers: admin.headers })
    expect(res.statusCode).toBe(200)
    doc = res.json()
  })
  afterAll(() => testApp.close())

  it('is an OpenAPI 3 document whose operations each answer something and declare their path parameters', () => {
    expect(doc.openapi).toMatch(/^3\.0\.\d+$/)
    expect(doc.info.title).toContain('Hội nghị đối thoại')
    expect(doc.info.version).toMatch(/^\d+\.\d+\.\d+/)
    const problems: string[] = []
    const tagNames = new Set(doc.tags.map((t) => t.name))
    const schemes = new Set(Object.keys(doc.components?.securitySchemes ?? {}))
    for (const [path, operations] of Object.entries(doc.paths)) {
      if (!path.startsWith('/api/')) problems.push(`${path}: not an API path`)
      for (const [method, op] of Object.entries(operations)) {
        const where = `${method.toUpperCase()} ${path}`
        if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) problems.push(`${where}: method`)
        if (!Object.keys(op.responses).some((s) => /^2\d\d$/.test(s))) problems.push(`${where}: no success response`)
        for (const [status, response] of Object.entries(op.responses)) if (!response.description) problems.push(`${where} ${status}: no description`)
        for (const name of [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1])) {
          if (!op.parameters?.some((p) => p.in === 'path' && p.name === name && p.required)) problems.push(`${where}: path parameter ${name} not declared`)
        }
        for (const tag of op.tags ?? []) if (!tagNames.has(tag)) problems.push(`${where}: tag ${tag} not listed`)
        for (const requirement of op.security ?? []) for (const scheme of Object.keys(requirement)) if (!schemes.has(scheme)) problems.push(`${where}: security scheme ${scheme}`)
      }
    }
    // Every reference points at a schema the document defines.
    const defined = new Set(Object.keys(doc.components?.schemas ?? {}).map((name) => `#/components/schemas/${name}`))
    problems.push(...refsIn(doc.paths).filter((ref) => !defined.has(ref)))
    expect(problems).toEqual([])
  })

  it('lists every REST route of the app, each in a group with a Vietnamese summary', () => {
    const documented = new Set(Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`)))
    const routes = app.routeActions.filter((r) => r.action !== 'api-docs:read')
    expect(routes.length).toBeGreaterThan(40)
    expect(routes.map((r) => `${r.method} ${openApiPath(r.url)}`).filter((r) => !documented.has(r))).toEqual([])
    // A new route needs its summary in server/api-docs/summaries.ts.
    expect(routes.map((r) => `${r.method} ${r.url}`).filter((r) => !routeSummaries[r])).toEqual([])
    const users = doc.paths['/api/users']!.post!
    expect(users.tags).toEqual(['Tài khoản'])
    expect(users.summary).toBe(routeSummaries['POST /api/users'])
    // Nothing of the document's own, nor of the pages.
    expect(Object.keys(doc.paths).filter((p) => p.startsWith('/api/docs') || p === '/api/openapi.json')).toEqual([])
  })

  it('describes a request body by the same zod schema the route validates with', async () => {
    const body = doc.paths['/api/users']!.post!.requestBody!.content['application/json']!.schema
    const fromZod = z.toJSONSchema(createUserSchema, { io: 'input', target: 'openapi-3.0' }) as { required?: string[]; properties: Record<string, unknown> }
    expect(Object.keys(body.properties ?? {}).sort()).toEqual(Object.keys(fromZod.properties).sort())
    expect([...(body.required ?? [])].sort()).toEqual([...(fromZod.required ?? [])].sort())
    expect(body.required).toContain('username')
    // …and the server does refuse a body without that field, as the document says.
    const refused = await app.inject({ method: 'POST', url: '/api/users', headers: admin.headers, payload: { displayName: 'Nguyễn Văn A', roles: ['secretary'] } })
    expect(refused.statusCode).toBe(400)
    expect(refused.json().error.fields).toHaveProperty('username')
  })

  it("describes the app's refusals: one error shape, with who may call each route", () => {
    const users = doc.paths['/api/users']!.post!
    // One named schema (components.schemas.Error), referenced by every refusal of every route.
    expect(doc.components?.schemas?.Error?.properties).toHaveProperty('error')
    for (const status of ['400', '401', '403', '429', '500']) {
      expect(users.responses[status]?.content?.['application/json']?.schema, `POST /api/users ${status}`).toEqual({ $ref: '#/components/schemas/Error' })
      expect(users.responses[status]?.description).not.toBe('Default Response')
    }
    expect(users.security).toEqual([{ session: [], csrf: [] }])
    expect(users.responses['201']?.description).toBe('Đã tạo')
    // An answer with no body is described as one.
    expect(doc.paths['/api/auth/sign-out']!.post!.responses['204']).toEqual({ description: 'Xong, không có nội dung trả về' })
    // A route anyone may call needs no credentials and is never refused as unauthenticated.
    const signIn = doc.paths['/api/auth/sign-in']!.post!
    expect(signIn.security).toEqual([])
    // A document to download is described as a file, not as JSON.
    const draft = doc.paths['/api/meetings/{meetingId}/documents/{kind}/draft/{format}']!.get!
    expect(Object.keys(draft.responses['200']!.content!)).toContain('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
  })

  it('is for administrators only: anyone else gets the refusal of every admin route', async () => {
    for (const url of ['/api/openapi.json', '/api/docs', '/api/docs/static/swagger-ui-bundle.js']) {
      const anonymous = await app.inject({ method: 'GET', url })
      expect([url, anonymous.statusCode, anonymous.json().error.code]).toEqual([url, 401, 'UNAUTHENTICATED'])
      const asSecretary = await app.inject({ method: 'GET', url, headers: secretary.headers })
      expect([url, asSecretary.statusCode, asSecretary.json().error.code]).toEqual([url, 403, 'FORBIDDEN'])
      // The same refusal as the administrator's own routes.
      const users = await app.inject({ method: 'GET', url: '/api/users', headers: secretary.headers })
      expect(users.json()).toEqual(asSecretary.json())
    }
  })

  it('shows the administrator a browsable page under the app’s own Content-Security-Policy', async () => {
    const page = await app.inject({ method: 'GET', url: '/api/docs/', headers: admin.headers })
    expect(page.statusCode).toBe(200)
    expect(page.headers['content-type']).toContain('text/html')
    expect(page.headers['content-security-policy']).toContain("script-src 'self'")
    // Every script is a file from the same place, none inline.
    expect(page.body).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/)
    const script = await app.inject({ method: 'GET', url: '/api/docs/static/swagger-initializer.js', headers: admin.headers })
    expect(script.statusCode).toBe(200)
    const spec = await app.inject({ method: 'GET', url: '/api/docs/json', headers: admin.headers })
    expect(spec.json().paths).toEqual(doc.paths)
  })
})

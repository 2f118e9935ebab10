import { createHash } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../db/connect'
import { buildTestApp } from '../../tests/fixtures/app'
import { createAccount, type TestAccount } from '../../tests/fixtures/accounts'
import type { buildApp } from '../app'
import { noticeFixture } from '../documents/fixtures'
import { printPageCsp, renderPrintHtml } from '../documents/html'
import { sendDocument } from '../routes/documents'

type App = Awaited<ReturnType<typeof buildApp>>

/** The CSP as a map of directive → sources. */
function directives(csp: string | undefined): Record<string, string[]> {
  return Object.fromEntries(
    (csp ?? '')
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name!, sources]),
  )
}

describe('security headers, rate limits and error messages', () => {
  let handle: DatabaseHandle
  let app: App
  let limited: App
  let secretary: TestAccount
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hnd-security-'))

  beforeAll(async () => {
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Hội nghị đối thoại</title>')
    ;({ app, handle } = await buildTestApp({ clientDir: dir }))
    secretary = await createAccount(handle.db, ['secretary'])
    // Every /api route names its access action, test routes too ('health': open to anyone).
    app.get('/api/test/explode', { config: { action: 'health' } }, async () => {
      throw new Error('relation "secret_table" does not exist at /srv/app/db/connect.ts:42')
    })
    app.get('/api/test/print', { config: { action: 'health' } }, async (_req, reply) => sendDocument(reply, noticeFixture(), 'print', 'v1'))
    ;({ app: limited } = await buildTestApp({ database: handle, clientDir: dir, security: { rateLimit: { createMax: 3, globalMax: 50 } } }))
  })
  afterAll(async () => {
    await app.close()
    await limited.close()
    await handle.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it('sends a strict Content-Security-Policy and the other security headers on pages and on the API', async () => {
    for (const url of ['/', '/m/x/projector', '/api/meetings', '/api/nowhere']) {
      const res = await app.inject({ url })
      const csp = directives(res.headers['content-security-policy'] as string)
      expect({ url, csp }).toMatchObject({
        url,
        csp: {
          'default-src': ["'self'"],
          'script-src': ["'self'"],
          'style-src': ["'self'"],
          'connect-src': ["'self'"],
          'img-src': ["'self'", 'data:'],
          'frame-ancestors': ["'none'"],
          'object-src': ["'none'"],
          'base-uri': ["'self'"],
          'form-action': ["'self'"],
        },
      })
      // Nothing that would let injected markup run, and no https upgrade on the office's plain-http network.
      expect(res.headers['content-security-policy']).not.toMatch(/unsafe-inline|unsafe-eval|upgrade-insecure-requests/)
      expect(res.headers['x-content-type-options']).toBe('nosniff')
      expect(res.headers['referrer-policy']).toBe('no-referrer')
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN')
      expect(res.headers['x-powered-by']).toBeUndefined()
    }
  })

  it('gives the print page its own policy: nothing loads, only its own style and print button run', () => {
    const html = renderPrintHtml(noticeFixture())
    const csp = directives(printPageCsp(html))
    const hash = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!
    expect(csp['default-src']).toEqual(["'none'"])
    expect(csp['style-src']).toContain(hash(style))
    for (const [, value] of html.matchAll(/ style="([^"]*)"/g)) expect(csp['style-src']).toContain(hash(value!))
    expect(csp['script-src']).toEqual(["'unsafe-hashes'", hash('window.print()')])
    expect(csp['frame-ancestors']).toEqual(["'none'"])
    expect(printPageCsp(html)).not.toMatch(/unsafe-inline|unsafe-eval/)
  })

  it('sends the print page with its own policy in place of the app policy', async () => {
    const res = await app.inject({ url: '/api/test/print' })
    expect(res.headers['content-type']).toContain('text/html')
    expect(res.headers['content-security-policy']).toBe(printPageCsp(res.body))
    expect(res.headers['x-content-type-options']).toBe('nosniff')
  })

  it('refuses to start a route that does not say which access action it performs', async () => {
    const { app: bare } = await buildTestApp({ database: handle, clientDir: dir })
    try {
      expect(() => bare.get('/api/test/unguarded', async () => ({ open: true }))).toThrow(/no access action/)
    } finally {
      await bare.close()
    }
  })

  it('answers 429 with the Vietnamese error once a client creates too many meetings', async () => {
    const headers = secretary.headers
    const create = () => limited.inject({ method: 'POST', url: '/api/meetings', headers, payload: { title: 'Đối thoại', venue: 'Hội trường' } })
    for (let i = 0; i < 3; i++) expect((await create()).statusCode).toBe(201)
    const res = await create()
    expect(res.statusCode).toBe(429)
    expect(res.json()).toEqual({ ok: false, error: { code: 'RATE_LIMITED', message: 'Quá nhiều yêu cầu, vui lòng thử lại sau.' } })
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0)
    // The demo has its own, equally strict budget; reading stays open under the generous global limit.
    expect((await limited.inject({ method: 'POST', url: '/api/demo', headers })).statusCode).toBe(201)
    expect((await limited.inject({ url: '/api/meetings', headers })).statusCode).toBe(200)
    // Another address has its own budget.
    const other = await limited.inject({ method: 'POST', url: '/api/meetings', headers, remoteAddress: '10.0.0.7', payload: { title: 'Đối thoại' } })
    expect(other.statusCode).toBe(201)
  })

  it('limits every route per address under the global limit', async () => {
    let last = 0
    for (let i = 0; i < 60 && last !== 429; i++) last = (await limited.inject({ url: '/api/meetings', headers: secretary.headers, remoteAddress: '10.0.0.8' })).statusCode
    expect(last).toBe(429)
    const res = await limited.inject({ url: '/api/meetings', headers: secretary.headers, remoteAddress: '10.0.0.8' })
    expect(res.json().error.code).toBe('RATE_LIMITED')
  })

  it('counts refused callers too: a flood of bogus cookies and tokens is cut off by the limit', async () => {
    const statuses: number[] = []
    for (let i = 0; i < 60; i++) {
      const headers = i % 2 ? { cookie: `hnd_session=bogus-${i}` } : { authorization: `Bearer bogus-${i}` }
      statuses.push((await limited.inject({ url: '/api/meetings', headers, remoteAddress: '10.0.0.9' })).statusCode)
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true)
    expect(statuses.at(-1)).toBe(429)
  })

  it('behind a trusted reverse proxy, gives each device its own budget by X-Forwarded-For', async () => {
    const { app: proxied } = await buildTestApp({ database: handle, clientDir: dir, trustProxy: '127.0.0.1', security: { rateLimit: { globalMax: 5 } } })
    try {
      const from = async (address: string) => (await proxied.inject({ url: '/api/health', headers: { 'x-forwarded-for': address } })).statusCode
      for (let i = 0; i < 5; i++) expect(await from('10.0.0.21')).toBe(200)
      expect(await from('10.0.0.21')).toBe(429)
      expect(await from('10.0.0.22')).toBe(200) // another tablet behind the same proxy
    } finally {
      await proxied.close()
    }
  })

  it('keeps the defaults generous enough for a conference day from one machine', async () => {
    for (let i = 0; i < 100; i++) expect((await app.inject({ url: '/api/meetings', headers: secretary.headers })).statusCode).toBe(200)
  })

  it('never shows internals in a 500', async () => {
    const res = await app.inject({ url: '/api/test/explode' })
    expect(res.statusCode).toBe(500)
    expect(res.json()).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'Đã xảy ra lỗi trên máy chủ. Vui lòng thử lại.' } })
    expect(res.body).not.toMatch(/secret_table|connect\.ts|Error|stack/)
  })
})

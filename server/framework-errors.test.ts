import net from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp } from '../tests/fixtures/app'
import { createAccount, type TestAccount } from '../tests/fixtures/accounts'
import type { DatabaseHandle } from '../db/connect'
import type { buildApp } from './app'

type App = Awaited<ReturnType<typeof buildApp>>

/** Sends bytes as they are, as a broken client or a scanner would, and reads the whole answer. */
function rawRequest(port: number, request: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(request))
    let data = ''
    socket.setEncoding('utf8')
    socket.on('data', (chunk) => (data += chunk))
    socket.on('error', reject)
    socket.on('close', () => {
      const [head = '', ...rest] = data.split('\r\n\r\n')
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1]), body: rest.join('\r\n\r\n') })
    })
  })
}

const englishOrEcho = /Bad Request|not a valid|Route |not found|exceeding|Client Error|Exceeded|%zz|aaaaaaaaaa/i

// Refusals that happen before any route runs, and text that no database can store: every one
// answers in the app's one error shape, in Vietnamese, without echoing what was sent, and the
// server goes on serving.
describe('refusals before any route', () => {
  let handle: DatabaseHandle
  let app: App
  let port: number
  let secretary: TestAccount

  beforeAll(async () => {
    ;({ app, handle } = await buildTestApp({ database: 'private', security: { rateLimit: false } }))
    await app.listen({ port: 0, host: '127.0.0.1' })
    port = (app.server.address() as net.AddressInfo).port
    secretary = await createAccount(handle.db, ['secretary'])
  })
  afterAll(async () => {
    await app.close()
    await handle.close()
  })

  it('answers a bad URL, an over-long parameter, huge headers and a request that is not HTTP in Vietnamese, echoing nothing', async () => {
    const cases: [string, number][] = [
      ['GET /api/meetings/% HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n', 400],
      ['GET /api/meetings/%zz/follow-ups HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n', 400],
      [`GET /api/meetings/${'a'.repeat(500)} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`, 414],
      [`GET /api/meetings HTTP/1.1\r\nHost: x\r\nX-Filler: ${'a'.repeat(20_000)}\r\nConnection: close\r\n\r\n`, 431],
      ['BREW /api/meetings HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n', 400],
      ['GET /api/meetings HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n', 400],
      ['\u0016\u0003\u0001\u0000\u00a5\u0001\u0000\u0000\u00a1\u0003\u0003\r\n\r\n', 400], // a TLS hello on the plain port
      ['GET /api/health HTTP/1.1\r\nConnection: close\r\n\r\n', 400], // HTTP/1.1 without Host
    ]
    for (const [request, status] of cases) {
      const res = await rawRequest(port, request)
      expect({ request: request.slice(0, 40), status: res.status }).toEqual({ request: request.slice(0, 40), status })
      const body = JSON.parse(res.body) as { ok: boolean; error: { code: string; message: string } }
      expect(body).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', message: expect.stringMatching(/[À-ỹ]/) } })
      expect(res.body).not.toMatch(englishOrEcho)
    }
    expect((await app.inject({ url: '/api/health' })).statusCode).toBe(200)
  })

  it('refuses NUL bytes and lone surrogates anywhere, even in an anonymous sign-in, as VALIDATION_FAILED instead of a server error', async () => {
    const attempts = [
      { url: '/api/auth/sign-in', headers: {}, payload: { username: 'ad\u0000min', password: 'x' } },
      { url: '/api/auth/sign-in', headers: {}, payload: { username: 'admin\uD800', password: 'y' } },
      { url: '/api/auth/sign-in', headers: {}, payload: { username: 'admin', password: 'mật\u0000khẩu' } },
      { url: '/api/meetings', headers: secretary.headers, payload: { title: 'Hội nghị\u0000', venue: '' } },
      { url: '/api/meetings', headers: secretary.headers, payload: { title: 'Hội nghị', venue: 'Hội trường \uDFFF' } },
      { url: '/api/pair', headers: {}, payload: { code: '123456', label: 'Máy\u0000' } },
    ]
    for (const { url, headers, payload } of attempts) {
      const res = await app.inject({ method: 'POST', url, headers, payload })
      expect({ url, status: res.statusCode, code: res.json().error?.code }).toEqual({ url, status: 400, code: 'VALIDATION_FAILED' })
      expect(res.json().error.message).toMatch(/ký tự không hợp lệ/)
    }
    // A query string too: decoded by the server, then refused the same way.
    const query = await app.inject({ url: '/api/reports/results?from=2026-01-01%00&to=2026-12-31', headers: secretary.headers })
    expect(query.statusCode).toBe(400)
  })

  it('refuses a meeting titled with zero-width characters only', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/meetings', headers: secretary.headers, payload: { title: '\u200B\u200C\uFEFF', venue: '' } })
    expect(res.statusCode).toBe(400)
    expect(res.json().error.fields.title).toBe('Không được để trống.')
  })
})

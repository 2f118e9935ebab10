import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../db/connect'
import { precompressDirectory } from '../../scripts/precompress'
import { openTestDatabase } from '../../tests/fixtures/database'
import { buildApp } from '../app'

interface Received {
  status: number
  headers: http.IncomingHttpHeaders
  /** The bytes as they crossed the network, before any decoding. */
  body: Buffer
}

/** A plain HTTP GET that leaves the body as sent, so what the wire carried can be measured. */
function get(base: string, pathname: string, acceptEncoding?: string): Promise<Received> {
  return new Promise((resolve, reject) => {
    const request = http.get(new URL(pathname, base), { headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} }, (response) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }))
      response.on('error', reject)
    })
    request.on('error', reject)
  })
}

// A build as `npm run build` leaves it: a page, a content-hashed script under /assets/, the service
// worker, each with the .br and .gz the build writes beside it (the same function does it here).
describe('the built client, sent compressed and cached by how its files are named', () => {
  let handle: DatabaseHandle
  let app: Awaited<ReturnType<typeof buildApp>>
  let base: string
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hnd-client-compressed-'))
  // Repetitive like real bundled code, and well over the size below which nothing is compressed.
  const script = Array.from({ length: 400 }, (_, i) => `export const speaker${i} = { name: "Người phát biểu ${i}", unit: "Tổ dân phố ${i % 7}" };`).join('\n')
  const page = `<!doctype html><html lang="vi"><head><title>Hội nghị đối thoại</title><script type="module" src="/assets/index-Ab12Cd34.js"></script></head><body><div id="app"></div>${'<!-- … -->'.repeat(200)}</body></html>`

  beforeAll(async () => {
    fs.mkdirSync(path.join(dir, 'assets'))
    fs.writeFileSync(path.join(dir, 'index.html'), page)
    fs.writeFileSync(path.join(dir, 'assets', 'index-Ab12Cd34.js'), script)
    fs.writeFileSync(path.join(dir, 'sw.js'), `self.addEventListener('fetch', () => {})\n${'// the shell\n'.repeat(200)}`)
    await precompressDirectory(dir)
    handle = await openTestDatabase()
    app = await buildApp({ db: handle.db, clientDir: dir })
    await app.listen({ port: 0, host: '127.0.0.1' })
    base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`
  })
  afterAll(async () => {
    await app?.close()
    await handle?.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it('sends a hashed asset as brotli or gzip to a browser that takes them, kept for a year', async () => {
    const br = await get(base, '/assets/index-Ab12Cd34.js', 'gzip, deflate, br')
    expect(br.status).toBe(200)
    expect(br.headers['content-encoding']).toBe('br')
    expect(br.headers['content-type']).toContain('javascript')
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect(br.headers.vary).toContain('accept-encoding')
    expect(zlib.brotliDecompressSync(br.body).toString()).toBe(script)
    expect(br.body.length).toBeLessThan(Buffer.byteLength(script) / 4)

    const gz = await get(base, '/assets/index-Ab12Cd34.js', 'gzip')
    expect(gz.headers['content-encoding']).toBe('gzip')
    expect(gz.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect(zlib.gunzipSync(gz.body).toString()).toBe(script)

    // A client that asks for nothing (a script, an old proxy) gets the file itself.
    const plain = await get(base, '/assets/index-Ab12Cd34.js')
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.body.toString()).toBe(script)
  })

  it('sends the page and the service worker compressed too, but asked again at every load', async () => {
    for (const pathname of ['/', '/m/3f2b1c4d-5e6f-4a1b-8c2d-3e4f5a6b7c8d/projector', '/sw.js']) {
      const response = await get(base, pathname, 'gzip, br')
      expect({ pathname, status: response.status, encoding: response.headers['content-encoding'], cache: response.headers['cache-control'] }).toEqual({
        pathname,
        status: 200,
        encoding: 'br',
        cache: 'no-cache',
      })
    }
    const page = await get(base, '/m/x/attendee', 'gzip')
    expect(page.headers['content-type']).toContain('text/html')
    expect(zlib.gunzipSync(page.body).toString()).toContain('Hội nghị đối thoại')
  })

  it('still answers a missing asset with a 404, whatever the encoding asked', async () => {
    const missing = await get(base, '/assets/index-Old00000.js', 'gzip, br')
    expect(missing.status).toBe(404)
    expect(JSON.parse(missing.body.toString()).error.code).toBe('NOT_FOUND')
  })
})

import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../db/connect'
import { buildTestApp } from '../../tests/fixtures/app'
import type { buildApp } from '../app'

describe('serving the built client', () => {
  let handle: DatabaseHandle
  let app: Awaited<ReturnType<typeof buildApp>>
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hnd-client-'))

  beforeAll(async () => {
    fs.mkdirSync(path.join(dir, 'assets'))
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Hội nghị đối thoại</title>')
    fs.writeFileSync(path.join(dir, 'assets', 'app.js'), 'console.log(1)')
    ;({ app, handle } = await buildTestApp({ clientDir: dir }))
  })
  afterAll(async () => {
    await app.close()
    await handle.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it('serves the app for any screen address, so a reloaded projector comes back', async () => {
    // The page is the same for everyone, signed in or not: what it may show is the API's decision,
    // so the sign-in, pairing and first-run pages load on a device that holds nothing yet.
    for (const url of ['/', '/m/3f2b1c4d-5e6f-4a1b-8c2d-3e4f5a6b7c8d/projector', '/m/x/secretary', '/sign-in?next=%2Fm%2Fx%2Fsecretary', '/pair', '/set-password']) {
      const res = await app.inject({ url })
      expect({ url, status: res.statusCode, type: res.headers['content-type'] }).toMatchObject({ url, status: 200, type: expect.stringContaining('text/html') })
      expect(res.body).toContain('Hội nghị đối thoại')
    }
  })

  it('serves assets, and a missing asset is a 404 rather than the page', async () => {
    expect((await app.inject({ url: '/assets/app.js' })).statusCode).toBe(200)
    const missing = await app.inject({ url: '/assets/old-build.js' })
    expect(missing.statusCode).toBe(404)
    expect(missing.json().error.code).toBe('NOT_FOUND')
    expect((await app.inject({ url: '/favicon.ico' })).statusCode).toBe(404)
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../../db/connect'
import type { NetworkInterfaceMap } from '../../../shared/access/public-address'
import { createAccount, type TestAccount } from '../../../tests/fixtures/accounts'
import { openPrivateDatabase } from '../../../tests/fixtures/database'
import { buildTestApp } from '../../../tests/fixtures/app'
import type { buildApp } from '../../app'

type App = Awaited<ReturnType<typeof buildApp>>

const office: NetworkInterfaceMap = {
  lo: [{ address: '127.0.0.1', family: 'IPv4', internal: true }],
  docker0: [{ address: '203.0.113.9', family: 'IPv4', internal: false }],
  wlan0: [{ address: '192.168.1.20', family: 'IPv4', internal: false }],
}

// The address the console builds QR codes and links from.
describe('GET /api/public-address', () => {
  let handle: DatabaseHandle
  const apps: App[] = []
  let secretary: TestAccount
  let chair: TestAccount

  const build = async (opts: Partial<Parameters<typeof buildApp>[0]>) => {
    const { app } = await buildTestApp({ database: handle, ...opts })
    apps.push(app)
    return app
  }
  const read = (app: App, headers: Record<string, string> = secretary.headers) => app.inject({ method: 'GET', url: '/api/public-address', headers })

  beforeAll(async () => {
    handle = await openPrivateDatabase()
    secretary = await createAccount(handle.db, ['secretary'])
    chair = await createAccount(handle.db, ['chair'])
  })
  afterAll(async () => {
    for (const app of apps) await app.close()
    await handle.close()
  })

  it('hands out the office-network address and port the server detects', async () => {
    const app = await build({ publicAddress: { interfaces: () => office, port: 3000 } })
    const res = await read(app)
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ url: 'http://192.168.1.20:3000', source: 'detected' })
    // Any office person may read it: it is the address printed on the QR codes anyway.
    expect((await read(app, chair.headers)).json().url).toBe('http://192.168.1.20:3000')
  })

  it('hands out PUBLIC_URL when the office set one, whatever the interfaces', async () => {
    const app = await build({ publicUrl: 'https://hoinghi.example.vn', publicAddress: { interfaces: () => office, port: 3000 } })
    expect((await read(app)).json()).toEqual({ url: 'https://hoinghi.example.vn', source: 'configured' })
  })

  it('warns when PUBLIC_URL names the server itself, or when no office-network address is found', async () => {
    const loop = await build({ publicUrl: 'http://localhost:3000', publicAddress: { interfaces: () => office, port: 3000 } })
    const configured = (await read(loop)).json()
    expect(configured).toMatchObject({ url: 'http://localhost:3000', source: 'configured' })
    expect(configured.warning).toMatch(/PUBLIC_URL \(http:\/\/localhost:3000\) chỉ tới chính máy/)

    const offline = await build({ publicAddress: { interfaces: () => ({ lo: office.lo }), port: 3000 } })
    const none = (await read(offline)).json()
    expect(none).toMatchObject({ url: null, source: 'none' })
    expect(none.warning).toMatch(/không tìm thấy địa chỉ mạng nội bộ/)
  })

  it('uses the port the server listens on', async () => {
    const app = await build({ publicAddress: { interfaces: () => office } })
    await app.listen({ port: 0, host: '127.0.0.1' })
    const port = (app.server.address() as { port: number }).port
    expect((await read(app)).json().url).toBe(`http://192.168.1.20:${port}`)
  })

  it('is for signed-in people only: an anonymous caller is asked to sign in', async () => {
    const app = await build({ publicAddress: { interfaces: () => office, port: 3000 } })
    const res = await read(app, {})
    expect(res.statusCode).toBe(401)
    expect(res.json().error.code).toBe('UNAUTHENTICATED')
  })
})

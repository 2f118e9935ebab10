import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../db/connect'
import { createAccount } from '../../tests/fixtures/accounts'
import { buildTestApp } from '../../tests/fixtures/app'
import type { buildApp } from '../app'

// On a new office the demo brings its own directory, so the chair can assign answerers at once; an
// office that already has one keeps it untouched. An office of its own: the directory is office-wide.
describe('the demo conference on a new office', () => {
  let handle: DatabaseHandle
  let app: Awaited<ReturnType<typeof buildApp>>
  beforeAll(async () => {
    ;({ app, handle } = await buildTestApp({ database: 'private' }))
  })
  afterAll(async () => {
    await app.close()
    await handle.close()
  })

  it('fills an empty directory with units and officials, and only once', async () => {
    const secretary = await createAccount(handle.db, ['secretary'])
    const directory = async () => (await app.inject({ url: '/api/directory', headers: secretary.headers })).json() as { units: unknown[]; officials: unknown[] }
    expect(await directory()).toEqual({ units: [], officials: [] })
    expect((await app.inject({ method: 'POST', url: '/api/demo', headers: secretary.headers })).statusCode).toBe(201)
    const filled = await directory()
    expect(filled.units.length).toBeGreaterThan(0)
    expect(filled.officials.length).toBeGreaterThan(0)
    expect((await app.inject({ method: 'POST', url: '/api/demo', headers: secretary.headers })).statusCode).toBe(201)
    expect(await directory()).toEqual(filled)
  })
})

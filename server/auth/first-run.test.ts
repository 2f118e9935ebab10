import { describe, expect, it } from 'vitest'
import { openDatabase, type DatabaseHandle } from '../../db/connect'
import { countUsers } from '../../db/repositories/accounts'
import { openPrivateDatabase, openPrivatePostgres } from '../../tests/fixtures/database'
import { buildTestApp } from '../../tests/fixtures/app'
import { prepareFirstRun } from './first-run'

const presetToken = 'cai-dat-tu-dong-0123456789abcdef'

async function setPassword(handle: DatabaseHandle, token: string) {
  const { app } = await buildTestApp({ database: handle })
  try {
    return await app.inject({ method: 'POST', url: '/api/auth/set-password', payload: { token, password: 'Sơn La 2026 an toàn' } })
  } finally {
    await app.close()
  }
}

describe('first run with a setup token chosen in advance (HND_SETUP_TOKEN)', () => {
  it('starts again before the password is set, and the same link still works once', async () => {
    const handle = await openPrivateDatabase()
    try {
      const first = await prepareFirstRun(handle.db, presetToken)
      const second = await prepareFirstRun(handle.db, presetToken) // a restart, or a second process
      expect(first?.token).toBe(presetToken)
      expect(second?.token).toBe(presetToken)
      expect(await countUsers(handle.db)).toBe(1)
      expect((await setPassword(handle, presetToken)).statusCode).toBe(200)
      expect((await setPassword(handle, presetToken)).json().error.code).toBe('TOKEN_INVALID')
      expect(await prepareFirstRun(handle.db, presetToken)).toBeNull()
    } finally {
      await handle.close()
    }
  })

  // Two server processes starting at the same moment on one PostgreSQL: each has its own connection.
  it.runIf(process.env.DATABASE_URL)('lets two processes set up an empty PostgreSQL at the same moment: one administrator, one working link', async () => {
    const database = await openPrivatePostgres() // empty: no account anywhere yet
    const handles = [database.handle, await openDatabase({ url: database.url })]
    try {
      const links = await Promise.all(handles.map((h) => prepareFirstRun(h.db, presetToken)))
      expect(links.map((l) => l?.token)).toEqual([presetToken, presetToken])
      expect(await countUsers(handles[0]!.db)).toBe(1)
      expect((await setPassword(handles[1]!, presetToken)).statusCode).toBe(200)
    } finally {
      for (const h of handles) await h.close()
      await database.drop()
    }
  })
})


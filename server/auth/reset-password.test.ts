import { execFile } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../db/connect'
import { migratedSnapshot } from '../../tests/fixtures/database'
import { consumePasswordToken, findUserByUsername, setPasswordHash } from '../../db/repositories/accounts'
import { listAudit } from '../../db/repositories/audit'
import { prepareFirstRun } from './first-run'
import { hashToken } from './secrets'

const run = promisify(execFile)

// The way back in when the only administrator forgot the password: a command on the server itself.
describe('npm run reset-password', () => {
  it('prints a one-time link for the account, and nothing for a name that does not exist', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'hnd-reset-'))
    try {
      const setup = await openDatabase({ dataDir, snapshot: await migratedSnapshot() })
      await prepareFirstRun(setup.db)
      const admin = (await findUserByUsername(setup.db, 'admin'))!
      await setPasswordHash(setup.db, admin.id, 'scrypt$forgotten')
      await setup.close()

      const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' }
      const script = path.resolve('server/auth/reset-password.ts')
      const { stdout } = await run(process.execPath, ['--import', 'tsx', script, 'admin'], { env })
      const token = /set-password#([\w-]+)/.exec(stdout)?.[1]
      expect(token).toBeTruthy()
      const missing = await run(process.execPath, ['--import', 'tsx', script, 'khong-ai'], { env }).catch((err: { code: number; stderr: string }) => err)
      expect(missing).toMatchObject({ code: 1, stderr: expect.stringContaining('Không có tài khoản «khong-ai»') })

      const check = await openDatabase({ dataDir })
      try {
        expect(await consumePasswordToken(check.db, hashToken(token!), new Date().toISOString())).toBe(admin.id)
        // Recorded with the link, as the console's reset is.
        expect((await listAudit(check.db, 1))[0]).toMatchObject({ action: 'password-link-issued', actor: 'Dòng lệnh trên máy chủ', detail: `${admin.displayName} (admin)` })
      } finally {
        await check.close()
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true })
    }
  }, 60_000)
})

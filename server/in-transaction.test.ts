import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../db/connect'
import { listAudit, recordAudit } from '../db/repositories/audit'
import { fail, ok } from '../shared/errors'
import { openPrivateDatabase } from '../tests/fixtures/database'
import { inTransaction } from './in-transaction'

// A service may find a reason to refuse after it has written something (a link already used up, a
// row already changed): the refusal must still leave nothing.
describe('one change in one transaction', () => {
  let handle: DatabaseHandle
  const row = (detail: string) => ({ at: new Date().toISOString(), action: 'office-changed', detail })

  beforeAll(async () => {
    handle = await openPrivateDatabase()
  })
  afterAll(async () => {
    await handle.close()
  })

  it('commits what the work wrote when it succeeds', async () => {
    expect(await inTransaction(handle.db, async (trx) => ok(await recordAudit(trx, row('kept'))))).toEqual({ ok: true, data: undefined })
    expect((await listAudit(handle.db)).map((e) => e.detail)).toContain('kept')
  })

  it('rolls back what the work wrote before it refused, and answers the refusal', async () => {
    const refused = await inTransaction(handle.db, async (trx) => {
      await recordAudit(trx, row('written, then refused'))
      return fail('NOT_FOUND', 'Không tìm thấy.')
    })
    expect(refused).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'Không tìm thấy.' } })
    expect((await listAudit(handle.db)).map((e) => e.detail)).not.toContain('written, then refused')
  })

  it('rolls back and rethrows on an error', async () => {
    await expect(
      inTransaction(handle.db, async (trx) => {
        await recordAudit(trx, row('written, then failed'))
        throw new Error('hỏng')
      }),
    ).rejects.toThrow('hỏng')
    expect((await listAudit(handle.db)).map((e) => e.detail)).not.toContain('written, then failed')
  })
})

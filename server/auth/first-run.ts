import { randomUUID } from 'node:crypto'
import { sql, type Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import { anyPasswordSet, countUsers, findUserByUsername, insertUser } from '../../db/repositories/accounts'
import { recordAudit } from '../../db/repositories/audit'
import { issuePasswordLink } from './password-links'

export const FIRST_ADMIN = 'admin'

// Any fixed number: the transaction-scoped advisory lock that serialises first-run set-up.
const FIRST_RUN_LOCK = 7_420_031

/**
 * First run: until some account has a password, there is an administrator account `admin` (also
 * secretary, so a newcomer can try the demo at once) and a fresh one-time link to set its password.
 * A new link on every start: the previous one was printed to a console that may be gone. No
 * password exists anywhere before the person chooses one. `presetToken` (HND_SETUP_TOKEN) lets an
 * automated install or the browser tests know the link in advance.
 *
 * Several server processes may start on one database at the same moment: the set-up runs in one
 * transaction under an advisory lock, so they take turns instead of racing to create `admin`.
 */
export async function prepareFirstRun(db: Kysely<Database>, presetToken?: string): Promise<{ token: string; expiresAt: string } | null> {
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${FIRST_RUN_LOCK})`.execute(trx)
    if (await anyPasswordSet(trx)) return null
    const at = new Date().toISOString()
    let admin = await findUserByUsername(trx, FIRST_ADMIN)
    if (!admin && (await countUsers(trx)) === 0) {
      await insertUser(trx, { id: randomUUID(), username: FIRST_ADMIN, displayName: 'Quản trị hệ thống', roles: ['admin', 'secretary'], unitId: null, createdAt: at })
      await recordAudit(trx, { at, action: 'user-created', actor: null, detail: 'Tài khoản quản trị đầu tiên (admin), tạo khi khởi động lần đầu' })
      admin = await findUserByUsername(trx, FIRST_ADMIN)
    }
    if (!admin) return null
    const link = await issuePasswordLink(trx, admin.id, presetToken && presetToken.length >= 20 ? presetToken : undefined)
    return { token: link.setupToken, expiresAt: link.setupExpiresAt }
  })
}

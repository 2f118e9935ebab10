import { randomUUID } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import { anyPasswordSet, countUsers, findUserByUsername, insertUser } from '../../db/repositories/accounts'
import { recordAudit } from '../../db/repositories/audit'
import { issuePasswordLink } from './password-links'

export const FIRST_ADMIN = 'admin'

/**
 * First run: until some account has a password, there is an administrator account `admin` (also
 * secretary, so a newcomer can try the demo at once) and a fresh one-time link to set its password.
 * A new link on every start: the previous one was printed to a console that may be gone. No
 * password exists anywhere before the person chooses one. `presetToken` (HND_SETUP_TOKEN) lets an
 * automated install or the browser tests know the link in advance.
 */
export async function prepareFirstRun(db: Kysely<Database>, presetToken?: string): Promise<{ token: string; expiresAt: string } | null> {
  if (await anyPasswordSet(db)) return null
  const at = new Date().toISOString()
  let admin = await findUserByUsername(db, FIRST_ADMIN)
  if (!admin && (await countUsers(db)) === 0) {
    await insertUser(db, { id: randomUUID(), username: FIRST_ADMIN, displayName: 'Quản trị hệ thống', roles: ['admin', 'secretary'], unitId: null, createdAt: at })
    await recordAudit(db, { at, action: 'user-created', actor: null, detail: 'Tài khoản quản trị đầu tiên (admin), tạo khi khởi động lần đầu' })
    admin = await findUserByUsername(db, FIRST_ADMIN)
  }
  if (!admin) return null
  const link = await issuePasswordLink(db, admin.id, presetToken && presetToken.length >= 20 ? presetToken : undefined)
  return { token: link.setupToken, expiresAt: link.setupExpiresAt }
}

import { randomUUID } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import { anyPasswordSet, countUsers, findUserByUsername, insertPasswordToken, insertUser, voidPasswordTokens } from '../../db/repositories/accounts'
import { recordAudit } from '../../db/repositories/audit'
import { later, SETUP_LINK_MS } from './lifetimes'
import { hashToken, newToken } from './secrets'

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
  const now = new Date()
  const at = now.toISOString()
  let admin = await findUserByUsername(db, FIRST_ADMIN)
  if (!admin && (await countUsers(db)) === 0) {
    await insertUser(db, { id: randomUUID(), username: FIRST_ADMIN, displayName: 'Quản trị hệ thống', roles: ['admin', 'secretary'], unitId: null, createdAt: at })
    await recordAudit(db, { at, action: 'user-created', actor: null, detail: 'Tài khoản quản trị đầu tiên (admin), tạo khi khởi động lần đầu' })
    admin = await findUserByUsername(db, FIRST_ADMIN)
  }
  if (!admin) return null
  const token = presetToken && presetToken.length >= 20 ? presetToken : newToken()
  await voidPasswordTokens(db, admin.id, at)
  await insertPasswordToken(db, { id: hashToken(token), userId: admin.id, createdAt: at, expiresAt: later(now, SETUP_LINK_MS) })
  return { token, expiresAt: later(now, SETUP_LINK_MS) }
}

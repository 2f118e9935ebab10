import { randomUUID } from 'node:crypto'
import type { Kysely } from 'kysely'
import { isUniqueViolation } from '../../db/errors'
import {
  findUserById,
  findUserByUsername,
  insertUser,
  listUsers,
  lockActiveAdmins,
  revokeUserSessions,
  updateUser,
  type UserRecord,
} from '../../db/repositories/accounts'
import { unitExists } from '../../db/repositories/directory'
import type { Executor } from '../../db/repositories/executor'
import type { Database } from '../../db/schema'
import { officeRoleLabels, type CreateUserInput, type OfficeRole, type UpdateUserInput, type UserAccount } from '../../shared/access/accounts'
import { fail, ok, type Result } from '../../shared/errors'
import { recordBy, type Auditor } from '../auth/audit'
import { issuePasswordLink } from '../auth/password-links'
import { sessionRoom } from '../auth/principal'
import { inTransaction } from '../in-transaction'
import type { DisconnectRooms } from '../auth/sessions'

/** A one-time link for the account's owner to set a password. */
export interface SetupLink {
  setupToken: string
  setupExpiresAt: string
}

const publicAccount = ({ passwordHash: _hash, ...user }: UserRecord): UserAccount => user
const rolesText = (roles: OfficeRole[]) => roles.map((r) => officeRoleLabels[r]).join(', ') || 'không có vai trò'
/** Only a unit lead belongs to a unit: the other roles see the whole office. */
const unitOf = (input: { roles: OfficeRole[]; unitId: string | null }) => (input.roles.includes('unit_lead') ? input.unitId : null)

async function unitMissing(db: Executor, unitId: string | null): Promise<boolean> {
  return unitId !== null && !(await unitExists(db, unitId))
}

/**
 * Accounts, managed by the administrator. Nobody chooses a password for someone else: a new account
 * (or a reset) gets a one-time link that its owner opens to set one. Each change, the sessions it
 * ends and its audit row are one transaction; sockets of ended sessions are closed after commit.
 */
export class UserService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly disconnect: DisconnectRooms,
  ) {}

  async list(): Promise<UserAccount[]> {
    return (await listUsers(this.db)).map(publicAccount)
  }

  async create(input: CreateUserInput, by: Auditor): Promise<Result<{ user: UserAccount } & SetupLink>> {
    const id = randomUUID()
    const unitId = unitOf(input)
    try {
      return await inTransaction(this.db, async (trx) => {
        if (await unitMissing(trx, unitId)) return fail('UNIT_NOT_FOUND')
        if (await findUserByUsername(trx, input.username)) return fail('USERNAME_TAKEN')
        await insertUser(trx, { id, username: input.username, displayName: input.displayName, roles: input.roles, unitId, createdAt: new Date().toISOString() })
        const link = await issuePasswordLink(trx, id)
        await recordBy(trx, by, 'user-created', `${input.displayName} (${input.username}): ${rolesText(input.roles)}`)
        return ok({ user: publicAccount((await findUserById(trx, id))!), ...link })
      })
    } catch (err) {
      // Two administrators creating the same name at once: the unique index decides, and the
      // loser's transaction (account, link, audit row) is rolled back whole.
      if (isUniqueViolation(err)) return fail('USERNAME_TAKEN')
      throw err
    }
  }

  /**
   * Renames, changes roles, unit or whether the account is active. Taking roles or access away ends
   * the account's sessions at once. The last active administrator cannot be demoted or locked.
   */
  async update(userId: string, input: UpdateUserInput, by: Auditor): Promise<Result<{ user: UserAccount }>> {
    const unitId = unitOf(input)
    const done = await inTransaction(this.db, async (trx): Promise<Result<{ user: UserAccount; ended: string[] }>> => {
      // Checked and written under a lock on the administrators' rows: never none left.
      const admins = await lockActiveAdmins(trx)
      const before = await findUserById(trx, userId)
      if (!before) return fail('NOT_FOUND', 'Không tìm thấy tài khoản.')
      if (await unitMissing(trx, unitId)) return fail('UNIT_NOT_FOUND')
      const staysAdmin = input.roles.includes('admin') && input.active
      if (!staysAdmin && !admins.some((id) => id !== before.id)) return fail('LAST_ADMIN')
      await updateUser(trx, before.id, { displayName: input.displayName, roles: input.roles, unitId, active: input.active })
      const narrowed = !input.active || before.roles.some((r) => !input.roles.includes(r)) || before.unitId !== unitId
      const ended = narrowed ? await revokeUserSessions(trx, before.id, new Date().toISOString()) : []
      await recordBy(trx, by, 'user-updated', `${input.displayName} (${before.username}): ${rolesText(input.roles)}${input.active ? '' : ', đã khóa'}`)
      return ok({ user: publicAccount((await findUserById(trx, before.id))!), ended })
    })
    if (!done.ok) return done
    await this.disconnect(done.data.ended.map(sessionRoom))
    return ok({ user: done.data.user })
  }

  /**
   * A new one-time link for a forgotten or leaked password: either way, whoever is signed in as this
   * account now is signed out, as the command-line reset does.
   */
  async resetPassword(userId: string, by: Auditor): Promise<Result<SetupLink>> {
    const done = await inTransaction(this.db, async (trx): Promise<Result<{ link: SetupLink; ended: string[] }>> => {
      const user = await findUserById(trx, userId)
      if (!user) return fail('NOT_FOUND', 'Không tìm thấy tài khoản.')
      const link = await issuePasswordLink(trx, user.id)
      const ended = await revokeUserSessions(trx, user.id, new Date().toISOString())
      await recordBy(trx, by, 'password-link-issued', `${user.displayName} (${user.username})`)
      return ok({ link, ended })
    })
    if (!done.ok) return done
    await this.disconnect(done.data.ended.map(sessionRoom))
    return ok(done.data.link)
  }
}

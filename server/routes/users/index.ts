import { randomUUID } from 'node:crypto'
import type { FastifyPluginAsync } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  findUserById,
  findUserByUsername,
  insertUser,
  listUsers,
  lockActiveAdmins,
  revokeUserSessions,
  updateUser,
  type UserRecord,
} from '../../../db/repositories/accounts'
import { createUserSchema, officeRoleLabels, updateUserSchema, type OfficeRole, type UserAccount } from '../../../shared/access/accounts'
import { appError, fail, ok, type Result } from '../../../shared/errors'
import { audit } from '../../auth/audit'
import { issuePasswordLink } from '../../auth/password-links'
import { sessionRoom } from '../../auth/principal'
import { disconnectRooms } from '../../auth/sessions'
import { sendError, sendResult } from '../../http-errors'
import { errors } from '../meetings/schemas'

const account = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.string()),
  unitId: z.string().nullable(),
  active: z.boolean(),
  createdAt: z.string(),
  lastSignInAt: z.string().nullable(),
  passwordSet: z.boolean(),
})
const setupLink = { setupToken: z.string(), setupExpiresAt: z.string() }
const userParams = z.strictObject({ userId: z.uuid() })

const publicAccount = ({ passwordHash: _hash, ...user }: UserRecord): UserAccount => user
const rolesText = (roles: OfficeRole[]) => roles.map((r) => officeRoleLabels[r]).join(', ') || 'không có vai trò'

// Accounts, managed by the administrator. Nobody chooses a password for someone else: a new account
// (or a reset) gets a one-time link that its owner opens to set one.
const usersRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>()
  const config = { action: 'users:manage' } as const

  async function unitExists(unitId: string | null): Promise<boolean> {
    if (!unitId) return true
    const { directory } = await app.office.context()
    return directory.units.some((u) => u.id === unitId)
  }

  app.get('/api/users', { config, schema: { response: { 200: z.object({ users: z.array(account) }) } } }, async () => ({
    users: (await listUsers(app.db)).map(publicAccount),
  }))

  app.post(
    '/api/users',
    { config, schema: { body: createUserSchema, response: { 201: z.object({ user: account, ...setupLink }), ...errors } } },
    async (req, reply) => {
      const input = req.body
      if (!(await unitExists(input.unitId))) return sendError(reply, appError('UNIT_NOT_FOUND'))
      if (await findUserByUsername(app.db, input.username)) return sendError(reply, appError('USERNAME_TAKEN'))
      const id = randomUUID()
      try {
        await insertUser(app.db, { id, ...input, unitId: input.roles.includes('unit_lead') ? input.unitId : null, createdAt: new Date().toISOString() })
      } catch (err) {
        // Two administrators creating the same name at once: the unique index decides.
        if ((err as { code?: string }).code === '23505') return sendError(reply, appError('USERNAME_TAKEN'))
        throw err
      }
      const link = await issuePasswordLink(app.db, id)
      await audit(app.db, req, 'user-created', `${input.displayName} (${input.username}): ${rolesText(input.roles)}`)
      return reply.code(201).send({ user: publicAccount((await findUserById(app.db, id))!), ...link })
    },
  )


  app.put(
    '/api/users/:userId',
    { config, schema: { params: userParams, body: updateUserSchema, response: { 200: z.object({ user: account }), ...errors } } },
    async (req, reply) => {
      const before = await findUserById(app.db, req.params.userId)
      if (!before) return sendError(reply, appError('NOT_FOUND', 'Không tìm thấy tài khoản.'))
      const input = req.body
      if (!(await unitExists(input.unitId))) return sendError(reply, appError('UNIT_NOT_FOUND'))
      const unitId = input.roles.includes('unit_lead') ? input.unitId : null
      // Checked and written under a lock on the administrators' rows: never none left.
      const kept = await app.db.transaction().execute(async (trx): Promise<Result<null>> => {
        const admins = await lockActiveAdmins(trx)
        const staysAdmin = input.roles.includes('admin') && input.active
        if (!staysAdmin && !admins.some((id) => id !== before.id)) return fail('LAST_ADMIN')
        await updateUser(trx, before.id, { ...input, unitId })
        return ok(null)
      })
      if (!kept.ok) return sendResult(reply, kept)
      // Roles or access taken away: the sessions that held them end now, sockets included.
      const narrowed = !input.active || before.roles.some((r) => !input.roles.includes(r)) || before.unitId !== unitId
      if (narrowed) await disconnectRooms(app, (await revokeUserSessions(app.db, before.id, new Date().toISOString())).map(sessionRoom))
      await audit(app.db, req, 'user-updated', `${input.displayName} (${before.username}): ${rolesText(input.roles)}${input.active ? '' : ', đã khóa'}`)
      return { user: publicAccount((await findUserById(app.db, before.id))!) }
    },
  )

  app.post(
    '/api/users/:userId/reset',
    { config, schema: { params: userParams, response: { 200: z.object(setupLink), ...errors } } },
    async (req, reply) => {
      const user = await findUserById(app.db, req.params.userId)
      if (!user) return sendError(reply, appError('NOT_FOUND', 'Không tìm thấy tài khoản.'))
      const link = await issuePasswordLink(app.db, user.id)
      // A reset is asked for a forgotten or a leaked password: either way, whoever is signed in as
      // this account now is signed out, as the command-line reset does.
      await disconnectRooms(app, (await revokeUserSessions(app.db, user.id, new Date().toISOString())).map(sessionRoom))
      await audit(app.db, req, 'password-link-issued', `${user.displayName} (${user.username})`)
      return link
    },
  )
}

export default usersRoutes

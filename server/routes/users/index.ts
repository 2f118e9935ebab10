import type { FastifyPluginAsync } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { createUserSchema, updateUserSchema } from '../../../shared/access/accounts'
import { auditorOf } from '../../auth/audit'
import { disconnectRooms } from '../../auth/sessions'
import { sendResult } from '../../http-errors'
import { UserService } from '../../users/user-service'
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

// Accounts, managed by the administrator: HTTP only; the workflow is server/users/user-service.ts.
const usersRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>()
  const config = { action: 'users:manage' } as const
  const users = new UserService(app.db, (rooms) => disconnectRooms(app, rooms))

  app.get('/api/users', { config, schema: { response: { 200: z.object({ users: z.array(account) }) } } }, async () => ({ users: await users.list() }))

  app.post(
    '/api/users',
    { config, schema: { body: createUserSchema, response: { 201: z.object({ user: account, ...setupLink }), ...errors } } },
    async (req, reply) => sendResult(reply, await users.create(req.body, auditorOf(req)), 201),
  )

  app.put(
    '/api/users/:userId',
    { config, schema: { params: userParams, body: updateUserSchema, response: { 200: z.object({ user: account }), ...errors } } },
    async (req, reply) => sendResult(reply, await users.update(req.params.userId, req.body, auditorOf(req))),
  )

  app.post(
    '/api/users/:userId/reset',
    { config, schema: { params: userParams, response: { 200: z.object(setupLink), ...errors } } },
    async (req, reply) => sendResult(reply, await users.resetPassword(req.params.userId, auditorOf(req))),
  )
}

export default usersRoutes

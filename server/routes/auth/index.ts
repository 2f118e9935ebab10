import type { FastifyPluginAsync } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  anyPasswordSet,
  consumePasswordToken,
  findUserById,
  findUserByUsername,
  revokeSession,
  revokeUserSessions,
  setPasswordHash,
} from '../../../db/repositories/accounts'
import { changePasswordSchema, setPasswordSchema, signInSchema } from '../../../shared/access/accounts'
import { appError } from '../../../shared/errors'
import { audit } from '../../auth/audit'
import { disconnectRooms, openSession } from '../../auth/sessions'
import { hashPassword, hashToken, verifyPassword } from '../../auth/secrets'
import { sessionRoom } from '../../auth/principal'
import { sendError } from '../../http-errors'
import { errors } from '../meetings/schemas'

const sessionBody = z.object({
  user: z
    .object({ id: z.string(), username: z.string(), displayName: z.string(), roles: z.array(z.string()), unitId: z.string().nullable() })
    .nullable(),
  csrfToken: z.string().nullable(),
  setupRequired: z.boolean(),
})

// Signing in and out, first-run and reset links, changing one's own password.
const authRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>()

  app.get('/api/auth/session', { config: { action: 'auth:session' }, schema: { response: { 200: sessionBody } } }, async (req) => {
    const p = req.principal
    if (p.kind === 'user') return { user: p.user, csrfToken: req.csrfToken, setupRequired: false }
    return { user: null, csrfToken: null, setupRequired: !(await anyPasswordSet(app.db)) }
  })

  app.post(
    '/api/auth/sign-in',
    { config: { action: 'auth:sign-in' }, schema: { body: signInSchema, response: { 200: sessionBody, ...errors } } },
    async (req, reply) => {
      const user = await findUserByUsername(app.db, req.body.username)
      // verifyPassword runs scrypt even for an unknown name, so the answer's timing tells nothing.
      const valid = await verifyPassword(req.body.password, user?.passwordHash ?? null)
      if (!user || !valid || !user.active) {
        // The name is kept only when it is an account's: what someone typed that matches no account
        // may be a password typed into the wrong box, and the audit trail is read by others.
        await audit(app.db, req, 'sign-in-failed', user ? `Tên đăng nhập: ${user.username}` : 'Tên đăng nhập không có trong hệ thống')
        return sendError(reply, appError('INVALID_CREDENTIALS'))
      }
      const session = await openSession(app, req, reply, user)
      await audit(app.db, req, 'sign-in', '', { id: user.id, name: `${user.displayName} (${user.username})` })
      return session
    },
  )

  app.post('/api/auth/sign-out', { config: { action: 'auth:sign-out' }, schema: { response: { 204: z.null(), ...errors } } }, async (req, reply) => {
    if (req.principal.kind === 'user') {
      await revokeSession(app.db, req.principal.sessionId, new Date().toISOString())
      await audit(app.db, req, 'sign-out', '')
      await disconnectRooms(app, [sessionRoom(req.principal.sessionId)])
    }
    app.clearSessionCookie(reply)
    return reply.code(204).send(null)
  })

  // A one-time link (first run, a new account, a reset): sets the password and signs in. Every
  // other session of the account ends: whoever held the old password is out.
  app.post(
    '/api/auth/set-password',
    { config: { action: 'auth:set-password' }, schema: { body: setPasswordSchema, response: { 200: sessionBody, ...errors } } },
    async (req, reply) => {
      const hash = await hashPassword(req.body.password)
      const now = new Date().toISOString()
      const userId = await consumePasswordToken(app.db, hashToken(req.body.token), now)
      const user = userId ? await findUserById(app.db, userId) : null
      if (!user || !user.active) return sendError(reply, appError('TOKEN_INVALID'))
      await setPasswordHash(app.db, user.id, hash)
      const revoked = await revokeUserSessions(app.db, user.id, now)
      await disconnectRooms(app, revoked.map(sessionRoom))
      await audit(app.db, req, 'password-set', '', { id: user.id, name: `${user.displayName} (${user.username})` })
      return openSession(app, req, reply, user)
    },
  )

  app.post(
    '/api/auth/change-password',
    { config: { action: 'auth:change-password' }, schema: { body: changePasswordSchema, response: { 204: z.null(), ...errors } } },
    async (req, reply) => {
      if (req.principal.kind !== 'user') return sendError(reply, appError('UNAUTHENTICATED'))
      const user = await findUserById(app.db, req.principal.user.id)
      if (!user || !(await verifyPassword(req.body.currentPassword, user.passwordHash))) return sendError(reply, appError('WRONG_PASSWORD'))
      await setPasswordHash(app.db, user.id, await hashPassword(req.body.newPassword))
      // The other sessions end (a stolen session does not survive the change); this one goes on.
      const revoked = await revokeUserSessions(app.db, user.id, new Date().toISOString(), req.principal.sessionId)
      await disconnectRooms(app, revoked.map(sessionRoom))
      await audit(app.db, req, 'password-changed', '')
      return reply.code(204).send(null)
    },
  )
}

export default authRoutes

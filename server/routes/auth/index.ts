import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { changePasswordSchema, setPasswordSchema, signInSchema } from '../../../shared/access/accounts'
import type { Result } from '../../../shared/errors'
import { auditorOf } from '../../auth/audit'
import { SessionService, type OpenedSession } from '../../auth/session-service'
import { disconnectRooms } from '../../auth/sessions'
import { sendError } from '../../http-errors'
import { errors } from '../meetings/schemas'

const sessionBody = z.object({
  user: z
    .object({ id: z.string(), username: z.string(), displayName: z.string(), roles: z.array(z.string()), unitId: z.string().nullable() })
    .nullable(),
  csrfToken: z.string().nullable(),
  setupRequired: z.boolean(),
})

// Signing in and out, first-run and reset links, changing one's own password: HTTP only (the
// cookie is set here); the workflow is server/auth/session-service.ts.
const authRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>()
  const sessions = new SessionService(app.db, (rooms) => disconnectRooms(app, rooms))

  /** Sets the new session's cookie and answers its body, or the refusal. */
  function opened(req: FastifyRequest, reply: FastifyReply, result: Result<OpenedSession>) {
    if (!result.ok) return sendError(reply, result.error)
    app.setSessionCookie(reply, req, result.data.cookie.token, result.data.cookie.expiresAt)
    return reply.send(result.data.session)
  }

  app.get('/api/auth/session', { config: { action: 'auth:session' }, schema: { response: { 200: sessionBody } } }, async (req) => sessions.current(req.principal, req.csrfToken))

  app.post(
    '/api/auth/sign-in',
    { config: { action: 'auth:sign-in' }, schema: { body: signInSchema, response: { 200: sessionBody, ...errors } } },
    async (req, reply) => opened(req, reply, await sessions.signIn(req.body.username, req.body.password, auditorOf(req))),
  )

  app.post('/api/auth/sign-out', { config: { action: 'auth:sign-out' }, schema: { response: { 204: z.null(), ...errors } } }, async (req, reply) => {
    await sessions.signOut(req.principal, auditorOf(req))
    app.clearSessionCookie(reply)
    return reply.code(204).send(null)
  })

  app.post(
    '/api/auth/set-password',
    { config: { action: 'auth:set-password' }, schema: { body: setPasswordSchema, response: { 200: sessionBody, ...errors } } },
    async (req, reply) => opened(req, reply, await sessions.setPassword(req.body.token, req.body.password, auditorOf(req))),
  )

  app.post(
    '/api/auth/change-password',
    { config: { action: 'auth:change-password' }, schema: { body: changePasswordSchema, response: { 204: z.null(), ...errors } } },
    async (req, reply) => {
      const changed = await sessions.changePassword(req.principal, req.body.currentPassword, req.body.newPassword, auditorOf(req))
      return changed.ok ? reply.code(204).send(null) : sendError(reply, changed.error)
    },
  )
}

export default authRoutes

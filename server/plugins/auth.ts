import cookie from '@fastify/cookie'
import type { FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { actionPolicy, mayDo, refusalFor, type Action, type Principal } from '../../shared/access/policy'
import { appError } from '../../shared/errors'
import { authenticate, SESSION_COOKIE, sameOrigin } from '../auth/principal'
import { sameSecret } from '../auth/secrets'
import { sendError } from '../http-errors'

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal
    /** The session's CSRF token when the caller came with a session cookie. */
    csrfToken: string | null
  }
  interface FastifyContextConfig {
    /** The action in shared/access/policy.ts this route performs; every /api route must name one. */
    action?: Action
    /**
     * When what the route does depends on which document it serves (a published notice, or the
     * minutes): the action for these params, else `action`.
     */
    actionFor?: (params: Record<string, string>) => Action
  }
  interface FastifyInstance {
    /** Every /api route with the action it declared: what the policy table governs, listed. */
    routeActions: { method: string; url: string; action: Action }[]
    /** Sets the session cookie (httpOnly, SameSite=Lax; Secure when the request came over https). */
    setSessionCookie(reply: FastifyReply, req: FastifyRequest, token: string, expiresAt: string): void
    clearSessionCookie(reply: FastifyReply): void
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

function bearer(req: FastifyRequest): string | undefined {
  const header = req.headers.authorization
  return header?.startsWith('Bearer ') ? header.slice(7).trim() || undefined : undefined
}

// Authentication and the route guard, in one place for every REST route:
// 1. who is calling: a paired device (Authorization: Bearer), a person (the session cookie), or anyone;
// 2. a cookie-authenticated write must carry the session's CSRF token, and no write may come from a
//    page on another site (Origin);
// 3. the route's declared action must be allowed to that caller (shared/access/policy.ts), in the
//    meeting the route is about. Nothing of the handler runs otherwise.
export default fp(
  async (app) => {
    await app.register(cookie)

    app.decorateRequest('principal', null as never)
    app.decorateRequest('csrfToken', null)

    // Runs as the route's own onRequest hook, after the rate limiter's (attached the same way and
    // earlier): a caller refused here still counts against the limits, and a flood of bogus
    // cookies or tokens is cut off before each costs a database query.
    async function guard(req: FastifyRequest, reply: FastifyReply) {
      const { action: declared, actionFor } = req.routeOptions.config
      const action = actionFor?.(req.params as Record<string, string>) ?? declared
      if (!action) return
      const authenticated = await authenticate(app.db, { deviceToken: bearer(req), sessionToken: req.cookies[SESSION_COOKIE] })
      if (!authenticated.ok) return sendError(reply, authenticated.error)
      req.principal = authenticated.data.principal
      req.csrfToken = authenticated.data.csrfToken

      if (UNSAFE.has(req.method)) {
        if (!sameOrigin(req.headers.origin, req.headers.host)) return sendError(reply, appError('CSRF_FAILED'))
        if (req.principal.kind === 'user') {
          const sent = req.headers['x-csrf-token']
          if (typeof sent !== 'string' || !req.csrfToken || !sameSecret(sent, req.csrfToken)) return sendError(reply, appError('CSRF_FAILED'))
        }
      }

      const meetingId = (req.params as { meetingId?: unknown } | undefined)?.meetingId
      if (!mayDo(req.principal, action, typeof meetingId === 'string' ? meetingId : undefined)) {
        return sendError(reply, refusalFor(req.principal))
      }
    }

    // A route that forgets to say what it does refuses to start rather than being open to all.
    const routeActions: { method: string; url: string; action: Action }[] = []
    app.decorate('routeActions', routeActions)
    app.addHook('onRoute', (route) => {
      if (!route.url.startsWith('/api/')) return
      const action = (route.config as { action?: string } | undefined)?.action
      if (!action || !(action in actionPolicy)) throw new Error(`${String(route.method)} ${route.url}: no access action in its route config`)
      for (const method of [route.method].flat()) if (method !== 'HEAD') routeActions.push({ method, url: route.url, action: action as Action })
      route.onRequest = [...[route.onRequest ?? []].flat(), guard]
    })

    app.decorate('setSessionCookie', (reply: FastifyReply, req: FastifyRequest, token: string, expiresAt: string) => {
      reply.setCookie(SESSION_COOKIE, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: req.protocol === 'https',
        expires: new Date(expiresAt),
      })
    })
    app.decorate('clearSessionCookie', (reply: FastifyReply) => {
      reply.clearCookie(SESSION_COOKIE, { path: '/' })
    })
  },
  { name: 'auth', dependencies: ['meeting-log'] },
)

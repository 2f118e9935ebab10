import helmet from '@fastify/helmet'
import rateLimit from '@fastify/rate-limit'
import fp from 'fastify-plugin'
import { appError } from '../../shared/errors'
import { RequestValidationError } from '../http-errors'

export interface RateLimitOptions {
  /** Requests per IP and window on every route (page assets included). */
  globalMax?: number
  /** Requests per IP and window on the creation endpoints (POST /api/meetings, POST /api/demo). */
  createMax?: number
  /** Requests per IP and window where a secret is guessed: signing in, setup links, pairing codes. */
  guessMax?: number
  timeWindowMs?: number
}

export interface SecurityOptions {
  /** false turns rate limiting off (benchmarks, tests that fire thousands of requests). */
  rateLimit?: RateLimitOptions | false
}

export const DEFAULT_RATE_LIMITS: Required<RateLimitOptions> = { globalMax: 600, createMax: 30, guessMax: 10, timeWindowMs: 60_000 }

/** Each call creates a meeting in the database. */
const CREATION_ROUTES = new Set(['POST /api/meetings', 'POST /api/demo'])
/** Each call is a guess at a secret: a password, a one-time link, a pairing code. */
const GUESS_ROUTES = new Set(['POST /api/auth/sign-in', 'POST /api/auth/set-password', 'POST /api/pair', 'POST /api/auth/change-password'])

/**
 * The app's Content-Security-Policy. The built client is one module script and one stylesheet from
 * /assets; Vue's :style bindings go through the CSSOM, which style-src does not govern. 'self' in
 * connect-src covers Socket.IO's ws:// to the same host and port. No upgrade-insecure-requests: the
 * app is served over plain http on the office network, where it would break every asset.
 */
export const CSP_DIRECTIVES = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'"],
  'connect-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'frame-ancestors': ["'none'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
}

/** Thrown by the rate limiter: the error handler sends it as { ok:false, error:{ code:'RATE_LIMITED' } } with 429. */
class RateLimitedError extends RequestValidationError {
  readonly statusCode = 429
  constructor() {
    super(appError('RATE_LIMITED'))
  }
}

// Security headers (helmet) and rate limits. Registered before the routes: the rate limiter attaches
// itself to each route as it is declared.
const securityPlugin = fp<SecurityOptions>(
  async (app, opts) => {
    await app.register(helmet, {
      contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES },
      // Screens open on the office network over http, by IP: HSTS would do nothing there, and on an
      // https deployment it belongs to the proxy that terminates TLS.
      strictTransportSecurity: false,
      referrerPolicy: { policy: 'no-referrer' },
    })

    if (opts.rateLimit === false) return
    const limits = { ...DEFAULT_RATE_LIMITS, ...opts.rateLimit }

    // Stricter limits on the creation endpoints, set before the rate limiter reads route configs.
    app.addHook('onRoute', (route) => {
      const methods = Array.isArray(route.method) ? route.method : [route.method]
      const max = methods.some((m) => CREATION_ROUTES.has(`${m} ${route.url}`))
        ? limits.createMax
        : methods.some((m) => GUESS_ROUTES.has(`${m} ${route.url}`))
          ? limits.guessMax
          : null
      if (max === null) return
      route.config = { ...(route.config as object), rateLimit: { max, timeWindow: limits.timeWindowMs } } as typeof route.config
    })

    await app.register(rateLimit, {
      global: true,
      max: limits.globalMax,
      timeWindow: limits.timeWindowMs,
      errorResponseBuilder: () => new RateLimitedError(),
    })
  },
  { name: 'security', dependencies: ['errors'] },
)

export default securityPlugin

import path from 'node:path'
import { fileURLToPath } from 'node:url'
import Fastify, { type FastifyServerOptions } from 'fastify'
import type { Kysely } from 'kysely'
import type pg from 'pg'
import type { Database } from '../db/schema'
import type { MeetingLogOptions } from './meetings/meeting-log'
import { clientErrorHandler, frameworkErrors } from './framework-errors'
import clientPlugin from './plugins/client'
import errorsPlugin from './plugins/errors'
import authPlugin from './plugins/auth'
import fanoutPlugin from './plugins/fanout'
import meetingLogPlugin from './plugins/meeting-log'
import realtimePlugin from './plugins/realtime'
import securityPlugin, { type SecurityOptions } from './plugins/security'
import apiDocsPlugin from './plugins/api-docs'
import apiDocsRoutes from './routes/api-docs'
import meetingsRoutes from './routes/meetings'
import officeRoutes from './routes/office'
import documentsRoutes from './routes/documents'
import followUpRoutes from './routes/follow-up'
import reportsRoutes from './routes/reports'
import authRoutes from './routes/auth'
import usersRoutes from './routes/users'
import devicesRoutes from './routes/devices'
import auditRoutes from './routes/audit'
import publicAddressRoutes, { type PublicAddressOptions } from './routes/public-address'

export interface AppOptions {
  db: Kysely<Database>
  logger?: FastifyServerOptions['logger']
  /** The built client to serve; defaults to dist/client. */
  clientDir?: string
  meetingLog?: MeetingLogOptions
  /** A real PostgreSQL's pool: enables fan-out to other server processes through LISTEN/NOTIFY. */
  pool?: pg.Pool | undefined
  fanoutRetryMs?: number
  /** Security headers and rate limits; rateLimit: false turns the limits off. */
  security?: SecurityOptions
  /** Fastify's trustProxy: behind a reverse proxy, each device's own address from X-Forwarded-For. */
  trustProxy?: boolean | string
  /** PUBLIC_URL (checked by server/config.ts): the address handed to the hall's devices. */
  publicUrl?: string | undefined
  /** Tests: the network interfaces and port the handed-out address is detected from. */
  publicAddress?: Omit<PublicAddressOptions, 'configured'>
}

const defaultClientDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist/client')

/** Builds the app without listening: main.ts listens, tests use inject() or listen on port 0. */
export async function buildApp(opts: AppOptions) {
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: 1_048_576,
    forceCloseConnections: true,
    trustProxy: opts.trustProxy ?? false,
    frameworkErrors,
    clientErrorHandler,
    // Node refuses an HTTP/1.1 request without Host with an empty 400 of its own; the errors
    // plugin refuses it instead, in the app's error shape.
    http: { requireHostHeader: false },
  })
  await app.register(errorsPlugin)
  await app.register(securityPlugin, opts.security ?? {})
  // With a pool, other server processes may write the same database (fan-out through NOTIFY).
  await app.register(meetingLogPlugin, { db: opts.db, log: { sharedDatabase: Boolean(opts.pool), ...opts.meetingLog } })
  // Before the auth plugin and the routes: it sees every route as it is declared (OpenAPI).
  await app.register(apiDocsPlugin)
  await app.register(authPlugin)
  await app.register(realtimePlugin, { trustProxy: opts.trustProxy ?? false })
  if (opts.pool) await app.register(fanoutPlugin, { pool: opts.pool, retryMs: opts.fanoutRetryMs })
  await app.register(meetingsRoutes)
  await app.register(officeRoutes)
  await app.register(documentsRoutes)
  await app.register(followUpRoutes)
  await app.register(reportsRoutes)
  await app.register(authRoutes)
  await app.register(usersRoutes)
  await app.register(devicesRoutes)
  await app.register(auditRoutes)
  await app.register(publicAddressRoutes, { ...opts.publicAddress, configured: opts.publicUrl })
  await app.register(apiDocsRoutes)
  await app.register(clientPlugin, { dir: opts.clientDir ?? defaultClientDir })
  return app
}

import { randomBytes } from 'node:crypto'
import diagnostics from 'node:diagnostics_channel'
import type { AddressInfo } from 'node:net'
import type { FastifyInstance, RouteOptions } from 'fastify'
import { sql, type Kysely } from 'kysely'
import { z } from 'zod'
import { openDatabase, type DatabaseHandle } from '../../db/connect'
import { migrateToLatest } from '../../db/migrate'
import { insertSession, updateUser } from '../../db/repositories/accounts'
import type { Database } from '../../db/schema'
import { buildApp } from '../../server/app'
import { SESSION_COOKIE } from '../../server/auth/principal'
import { hashToken } from '../../server/auth/secrets'
import type { OfficeRole } from '../../shared/access/accounts'
import { createAccount } from '../fixtures/accounts'
import type { AccountName, DatabaseTarget, Fingerprint, Fixture, FixtureAccount, FixtureDevice, FromChild, JsonSchema, RouteInfo, ToChild } from './ipc'

// The process that runs the app under fuzzing (forked by server-host.ts). It is built as main.ts
// builds it — migrations, then buildApp on the chosen database — with the fixture the fuzzer needs
// (people, a directory, meetings, paired devices), and answers the harness's questions over IPC:
// the database fingerprint, fresh sessions. It installs no handler for uncaught exceptions or
// unhandled rejections, just as main.ts does not: whatever would stop the real server stops this
// process, and the harness counts it as a crash.

const send = (message: FromChild) => process.send?.(message)

// --- the routes, as the app declares them -----------------------------------------------------
// buildApp creates its Fastify instance and registers every plugin before returning, so there is no
// moment to add an onRoute hook from outside. Fastify announces each new instance on this
// diagnostics channel, synchronously, before any plugin is registered: the hook goes on there.
const routes: RouteInfo[] = []

function toJsonSchema(schema: unknown): JsonSchema | null {
  if (!(schema instanceof z.ZodType)) return null
  try {
    return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema
  } catch {
    return null
  }
}

diagnostics.subscribe('fastify.initialization', (message) => {
  const fastify = (message as { fastify: FastifyInstance }).fastify
  fastify.addHook('onRoute', (route: RouteOptions) => {
    const schema = (route.schema ?? {}) as { body?: unknown; params?: unknown; querystring?: unknown }
    const action = (route.config as { action?: string } | undefined)?.action ?? null
    for (const method of [route.method].flat()) {
      // HEAD twins of GET routes are added by Fastify itself; fuzzing the GET covers them.
      if (method === 'HEAD' && routes.some((r) => r.method === 'GET' && r.url === route.url)) continue
      routes.push({ method, url: route.url, action, body: toJsonSchema(schema.body), params: toJsonSchema(schema.params), querystring: toJsonSchema(schema.querystring) })
    }
  })
})

// --- start-up and the fixture ---------------------------------------------------------------

interface Running {
  app: FastifyInstance
  handle: DatabaseHandle
  fixture: Fixture
  baseUrl: string
}
let running: Running | null = null
let stopping = false

const accountRoles: Record<AccountName, OfficeRole[]> = {
  admin: ['admin'],
  secretary: ['secretary'],
  chair: ['chair'],
  oversight: ['oversight'],
  unitLead: ['unit_lead'],
  // Signed out, locked, reset and renamed by the fuzzer; restored by refresh-sessions.
  victim: ['admin', 'secretary'],
}

async function start(database: DatabaseTarget, rateLimit: boolean, clientDir: string): Promise<void> {
  const handle = await openDatabase(database.kind === 'postgres' ? { url: database.url } : { dataDir: database.dataDir })
  try {
    await migrateToLatest(handle.db)
    // Fastify's own logger at 'error': the stack of every 500 lands in the server log the harness
    // keeps, next to the request that caused it.
    const app = await buildApp({
      db: handle.db,
      pool: handle.pool,
      clientDir,
      logger: { level: 'error' },
      security: rateLimit ? {} : { rateLimit: false },
    })
    await app.listen({ host: '127.0.0.1', port: 0 })
    const port = (app.server.address() as AddressInfo).port
    const baseUrl = `http://127.0.0.1:${port}`
    const fixture = await createFixture(handle.db, baseUrl)
    running = { app, handle, fixture, baseUrl }
    send({ type: 'ready', port, routes, fixture, database: handle.description })
  } catch (err) {
    await handle.close().catch(() => {})
    throw err
  }
}

async function call<T>(baseUrl: string, method: string, url: string, as: FixtureAccount | null, body?: unknown): Promise<T> {
  const res = await fetch(`${baseUrl}${url}`, {
    method,
    headers: { 'content-type': 'application/json', ...(as ? { cookie: as.cookie, 'x-csrf-token': as.csrfToken } : {}) },
    body: body === undefined ? null : JSON.stringify(body),
  })
  const text = await res.text()
  if (res.status >= 300) throw new Error(`fixture: ${method} ${url} answered ${res.status} ${text.slice(0, 300)}`)
  return (text ? JSON.parse(text) : null) as T
}

async function newAccount(db: Kysely<Database>, name: AccountName, unitId: string | null): Promise<FixtureAccount> {
  const roles = accountRoles[name]
  const created = await createAccount(db, roles, { unitId, displayName: `Người thử nghiệm ${name}`, expiresAt: new Date(Date.now() + 12 * 3600_000) })
  return { userId: created.user.id, username: created.user.username, roles, cookie: created.cookie, csrfToken: created.csrfToken }
}

async function pair(baseUrl: string, secretary: FixtureAccount, meetingId: string, role: 'chair' | 'projector', label: string): Promise<FixtureDevice> {
  // The QR link's secret, not the six digits: typed codes get paused after the fuzzer's many wrong
  // guesses, and the fixture must still be able to pair after a restart.
  const { link } = await call<{ link: string }>(baseUrl, 'POST', `/api/meetings/${meetingId}/pairings`, secretary, { role })
  const paired = await call<{ token: string; device: { id: string } }>(baseUrl, 'POST', '/api/pair', null, { code: link, label })
  return { id: paired.device.id, token: paired.token, role, meetingId }
}

async function createFixture(db: Kysely<Database>, baseUrl: string): Promise<Fixture> {
  const admin = await newAccount(db, 'admin', null)
  // Two units and two officials: commitments and answerers need directory ids to point at.
  const units: string[] = []
  for (const name of ['Phòng Tài nguyên và Môi trường', 'Văn phòng HĐND và UBND']) {
    units.push((await call<{ id: string }>(baseUrl, 'POST', '/api/directory/units', admin, { name })).id)
  }
  const officials: string[] = []
  for (const [name, unitId] of [
    ['Nguyễn Văn Bình', units[0]],
    ['Trần Thị Hạnh', units[1]],
  ] as const) {
    officials.push((await call<{ id: string }>(baseUrl, 'POST', '/api/directory/officials', admin, { name, title: 'Trưởng phòng', unitId })).id)
  }
  const accounts: Record<AccountName, FixtureAccount> = {
    admin,
    secretary: await newAccount(db, 'secretary', null),
    chair: await newAccount(db, 'chair', null),
    oversight: await newAccount(db, 'oversight', null),
    unitLead: await newAccount(db, 'unitLead', units[0] ?? null),
    victim: await newAccount(db, 'victim', null),
  }
  const today = new Date().toISOString().slice(0, 10)
  const meeting = async (title: string) =>
    (await call<{ meetingId: string }>(baseUrl, 'POST', '/api/meetings', accounts.secretary, { title, venue: 'Hội trường UBND xã', meetingDate: today })).meetingId
  const main = await meeting('Hội nghị đối thoại (thử nghiệm ngẫu nhiên)')
  const spare = await meeting('Hội nghị đối thoại dự phòng (thử nghiệm ngẫu nhiên)')
  const devices = {
    chair: await pair(baseUrl, accounts.secretary, main, 'chair', 'Máy tính bảng Chủ trì (thử nghiệm)'),
    projector: await pair(baseUrl, accounts.secretary, main, 'projector', 'Màn hình chiếu (thử nghiệm)'),
    victim: await pair(baseUrl, accounts.secretary, main, 'projector', 'Thiết bị để thu hồi (thử nghiệm)'),
  }
  return { accounts, units, officials, meetings: { main, spare }, devices }
}

/**
 * New sessions for every account, the victim restored (active, its roles back) and re-paired if it
 * was revoked: the fuzzer calls this after it signed out, locked or reset someone on purpose.
 */
async function refreshSessions(r: Running): Promise<Fixture> {
  const { db } = r.handle
  const accounts = { ...r.fixture.accounts }
  for (const name of Object.keys(accounts) as AccountName[]) {
    const account = accounts[name]
    const unitId = name === 'unitLead' ? (r.fixture.units[0] ?? null) : null
    await updateUser(db, account.userId, { displayName: `Người thử nghiệm ${name}`, roles: accountRoles[name], unitId, active: true })
    const token = randomBytes(32).toString('base64url')
    const csrfToken = randomBytes(32).toString('base64url')
    const now = new Date()
    await insertSession(db, {
      id: hashToken(token),
      userId: account.userId,
      csrfToken,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + 12 * 3600_000).toISOString(),
      address: '127.0.0.1',
    })
    accounts[name] = { ...account, cookie: `${SESSION_COOKIE}=${token}`, csrfToken }
  }
  let victimDevice = r.fixture.devices.victim
  const stored = await db.selectFrom('devices').select(['revoked_at']).where('id', '=', victimDevice.id).executeTakeFirst()
  if (!stored || stored.revoked_at !== null) {
    victimDevice = await pair(r.baseUrl, accounts.secretary, r.fixture.meetings.main, 'projector', 'Thiết bị để thu hồi (thử nghiệm)')
  }
  r.fixture = { ...r.fixture, accounts, devices: { ...r.fixture.devices, victim: victimDevice } }
  return r.fixture
}

// --- the fingerprint ------------------------------------------------------------------------

/**
 * Tables whose rows are compared by checksum as well as counted. The others are counted only:
 * they are large (the meeting log, documents, the audit trail), or rewritten by design on every
 * request (sessions are renewed while in use).
 */
const COUNTED_ONLY = new Set(['meeting_events', 'meeting_commands', 'meeting_documents', 'office_audit', 'pairing_failures', 'sessions'])
let tableNames: string[] | null = null

async function fingerprint(db: Kysely<Database>): Promise<Fingerprint> {
  tableNames ??= (
    await sql<{ table_name: string }>`select table_name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(db)
  ).rows
    .map((r) => r.table_name)
    // Kysely's own bookkeeping never changes after the migrations.
    .filter((t) => !t.startsWith('kysely_'))
  const columns = tableNames.flatMap((t) => {
    const count = sql`(select count(*) from ${sql.table(t)})::int8 as ${sql.id(`count:${t}`)}`
    if (COUNTED_ONLY.has(t)) return [count]
    // Rows as text, sorted, hashed: any change to any column of any row shows.
    const sum = sql`(select md5(coalesce(string_agg(x::text, '|' order by x::text), '')) from ${sql.table(t)} x) as ${sql.id(`sum:${t}`)}`
    return [count, sum]
  })
  // Documents are large: their keys and save times stand in for their content.
  columns.push(sql`(select md5(coalesce(string_agg(meeting_id::text || kind || version::text || saved_at::text || note, '|' order by meeting_id, kind, version), '')) from meeting_documents) as ${sql.id('sum:meeting_documents')}`)
  const row = (await sql<Record<string, unknown>>`select ${sql.join(columns)}`.execute(db)).rows[0] ?? {}
  const result: Fingerprint = { counts: {}, checksums: {} }
  for (const [key, value] of Object.entries(row)) {
    if (key.startsWith('count:')) result.counts[key.slice(6)] = Number(value)
    else result.checksums[key.slice(4)] = String(value)
  }
  return result
}

// --- the IPC loop ---------------------------------------------------------------------------

async function stop(code: number): Promise<never> {
  if (!stopping) {
    stopping = true
    const r = running
    running = null
    try {
      await r?.app.close()
    } catch (err) {
      console.error('[fuzz server] close failed:', err)
      code = 1
    }
    await r?.handle.close().catch((err: unknown) => console.error('[fuzz server] closing the database failed:', err))
  }
  if (process.connected) send({ type: 'stopped' })
  process.exit(code)
}

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err))

process.on('message', (message: ToChild) => {
  switch (message.type) {
    case 'start':
      start(message.database, message.rateLimit, message.clientDir).catch((err: unknown) => {
        console.error('[fuzz server] start failed:', err)
        send({ type: 'failed', message: errorText(err) })
        void stop(1)
      })
      break
    case 'fingerprint': {
      const r = running
      if (!r) return send({ type: 'error', id: message.id, message: 'not running' })
      fingerprint(r.handle.db).then(
        (fp) => send({ type: 'fingerprint', id: message.id, fingerprint: fp }),
        (err: unknown) => send({ type: 'error', id: message.id, message: errorText(err) }),
      )
      break
    }
    case 'refresh-sessions': {
      const r = running
      if (!r) return send({ type: 'error', id: message.id, message: 'not running' })
      refreshSessions(r).then(
        (fixture) => send({ type: 'refresh-sessions', id: message.id, fixture }),
        (err: unknown) => send({ type: 'error', id: message.id, message: errorText(err) }),
      )
      break
    }
    case 'stop':
      void stop(0)
      break
  }
})

// The harness went away (finished, crashed, killed): close the database and leave. An embedded
// database left open by an orphan would lock the data directory.
process.on('disconnect', () => void stop(1))
// Ctrl-C reaches the whole process group; the harness handles it and then tells us to stop.
process.on('SIGINT', () => {})

import { execFile } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { promisify } from 'node:util'
import pg from 'pg'
import { ThrowawayCluster } from '../../chaos/cluster'
import { connectSecretary, SocketPool, type AppSocket } from '../clients'
import type { BenchOptions } from '../options'
import { startServerHost, type ServerHost } from '../server-host'
import type { BenchSession } from '../servers'
import type { BenchSection, Figure } from '../section'
import type { Ack } from '../../../shared/errors'
import type { CommandResult } from '../../../shared/protocol'

const run = promisify(execFile)

// Acknowledged commands per second: secretaries' consoles sending commands back to back, each
// waiting for its ack (which comes only after the commit), with 1, 8 and 32 senders, each in a
// meeting of its own (one meeting's commands are applied one at a time, by design, so senders of
// one meeting measure its latency, not the server's capacity; a figure for 8 senders in one
// meeting is given too). On PostgreSQL the floor is `pgbench -N` (the simple-update transaction
// without the contended branch and teller rows) with as many clients, on the same server, in the
// same run; the embedded database has no such floor.

const SENDERS = [1, 8, 32] as const
const GOAL_PER_SECOND = 1_000
const GOAL_SHARE = 0.4

async function findPgbench(): Promise<string> {
  const root = '/usr/lib/postgresql'
  const versions = fs.existsSync(root) ? fs.readdirSync(root).filter((v) => fs.existsSync(path.join(root, v, 'bin', 'pgbench'))) : []
  const latest = versions.sort((a, b) => Number(a) - Number(b)).pop()
  if (!latest) throw new Error(`no pgbench under ${root}: install Debian's postgresql-client`)
  return path.join(root, latest, 'bin', 'pgbench')
}

async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 })
  try {
    await client.connect()
    await client.query('select 1')
    return true
  } catch {
    return false
  } finally {
    await client.end().catch(() => {})
  }
}

/** A PostgreSQL server to measure on: DATABASE_URL's, the local one, or a throwaway cluster. */
async function postgresServer(databaseUrl: string | undefined): Promise<{ adminUrl: string; close(): Promise<void>; description: string }> {
  if (databaseUrl) return { adminUrl: databaseUrl, close: async () => {}, description: 'DATABASE_URL' }
  const local = 'postgres://postgres@127.0.0.1:5432/postgres'
  if (await reachable(local)) return { adminUrl: local, close: async () => {}, description: 'local server 127.0.0.1:5432' }
  const cluster = await ThrowawayCluster.create(fs.mkdtempSync(path.join(os.tmpdir(), 'hnd-bench-pg-')))
  await cluster.start()
  return { adminUrl: cluster.url(), close: () => cluster.remove(), description: 'throwaway cluster' }
}

/** A fresh database of our own on that server, dropped afterwards. */
async function scratchDatabase(adminUrl: string, name: string): Promise<{ url: string; drop(): Promise<void> }> {
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5_000 })
    await client.connect()
    try {
      await client.query(sql)
    } finally {
      await client.end()
    }
  }
  const ident = pg.escapeIdentifier(name)
  await admin(`drop database if exists ${ident} with (force)`)
  await admin(`create database ${ident}`)
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  return { url: url.toString(), drop: () => admin(`drop database if exists ${ident} with (force)`) }
}

async function pgbenchTps(pgbench: string, url: string, clients: number, seconds: number): Promise<number> {
  const { stdout } = await run(pgbench, ['-n', '-N', '-c', String(clients), '-j', String(Math.min(clients, os.cpus().length)), '-T', String(seconds), url], {
    timeout: (seconds + 60) * 1000,
  })
  const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(stdout)?.[1]
  if (!tps) throw new Error(`pgbench printed no tps:\n${stdout}`)
  return Number(tps)
}

async function createMeeting(port: number, secretary: BenchSession, n: number): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${port}/api/meetings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: secretary.cookie, 'x-csrf-token': secretary.csrfToken },
    body: JSON.stringify({ title: `Đo lệnh mỗi giây ${n}`, venue: 'Máy đo (127.0.0.1)' }),
    signal: AbortSignal.timeout(30_000),
  })
  if (res.status !== 201) throw new Error(`POST /api/meetings answered ${res.status}: ${await res.text()}`)
  return ((await res.json()) as { meetingId: string }).meetingId
}

/** Sends commands back to back on each socket for `seconds`; answers acknowledged commands per second. */
async function sendFor(senders: AppSocket[], seconds: number): Promise<number> {
  let acknowledged = 0
  let refused: string | null = null
  const end = performance.now() + seconds * 1000
  const started = performance.now()
  await Promise.all(
    senders.map(async (socket, s) => {
      for (let i = 0; performance.now() < end && !refused; i++) {
        const ack = (await socket
          .timeout(30_000)
          .emitWithAck('speaker:register', { commandId: randomUUID(), name: `Người phát biểu ${s}-${i}`, unit: 'Tổ dân phố 3' })) as Ack<CommandResult>
        if (!ack.ok) refused = `${ack.error.code}: ${ack.error.message}`
        else acknowledged++
      }
    }),
  )
  if (refused) throw new Error(`a command was refused: ${refused}`)
  return acknowledged / ((performance.now() - started) / 1000)
}

async function measureApp(database: BenchOptions['database'], seconds: number, label: string): Promise<Map<string, number>> {
  const options: BenchOptions = {
    viewers: 0,
    commands: 0,
    warmup: 0,
    database,
    inProcess: false,
    connectBatch: 50,
    timeoutMs: 60_000,
    contentChars: 0,
    out: '',
    profileDir: process.env.BENCH_PROFILE_DIR ?? null,
  }
  const pool = new SocketPool()
  let host: ServerHost | null = null
  const rates = new Map<string, number>()
  try {
    host = await startServerHost(options)
    const maxSenders = Math.max(...SENDERS)
    const meetings = await Promise.all(Array.from({ length: maxSenders }, (_, n) => createMeeting(host!.appPort, host!.secretary, n)))
    const sockets = await Promise.all(meetings.map((meetingId) => connectSecretary(pool, { port: host!.appPort, meetingId }, host!.secretary, 30_000)))
    // Warm-up: the first command of each meeting fills its cache, and the JIT settles.
    await sendFor(sockets, 1)
    for (const n of SENDERS) {
      const rate = await sendFor(sockets.slice(0, n), seconds)
      rates.set(`${n}`, rate)
      console.error(`  ${label}: ${rate.toFixed(0)} commands/s with ${n} sender(s)`)
    }
    // Eight consoles in one meeting: its commands queue behind each other by design.
    const oneMeeting = await Promise.all(Array.from({ length: 8 }, () => connectSecretary(pool, { port: host!.appPort, meetingId: meetings[0]! }, host!.secretary, 30_000)))
    const rate = await sendFor(oneMeeting, seconds)
    rates.set('8-one-meeting', rate)
    console.error(`  ${label}: ${rate.toFixed(0)} commands/s with 8 senders in one meeting`)
  } finally {
    pool.closeAll()
    await host?.close()
  }
  return rates
}

export const commands: BenchSection = {
  name: 'commands',
  async run({ databaseUrl, quick }) {
    const seconds = quick ? 3 : 10
    const figures: Figure[] = []

    const server = await postgresServer(databaseUrl)
    try {
      const pgbench = await findPgbench()
      const suffix = `${process.pid}`
      const appDb = await scratchDatabase(server.adminUrl, `hnd_bench_app_${suffix}`)
      const pgbenchDb = await scratchDatabase(server.adminUrl, `hnd_bench_pgbench_${suffix}`)
      try {
        await run(pgbench, ['-i', '-q', '-s', '1', pgbenchDb.url], { timeout: 120_000 })
        const app = await measureApp({ kind: 'postgres', url: appDb.url }, seconds, `PostgreSQL (${server.description})`)
        for (const n of SENDERS) {
          const floor = await pgbenchTps(pgbench, pgbenchDb.url, n, seconds)
          const value = app.get(`${n}`)!
          console.error(`  pgbench -N: ${floor.toFixed(0)} tps with ${n} client(s)`)
          const goals = n === 1 ? {} : { goal: `≥ ${GOAL_PER_SECOND}/s and ≥ ${GOAL_SHARE * 100} % of pgbench -N`, met: value >= GOAL_PER_SECOND && value >= GOAL_SHARE * floor }
          figures.push({ name: `PostgreSQL, ${n} sender${n > 1 ? 's' : ''} (own meetings)`, value, unit: '/s', floor, ...goals })
        }
        figures.push({ name: 'PostgreSQL, 8 senders in one meeting', value: app.get('8-one-meeting')!, unit: '/s' })
      } finally {
        await appDb.drop().catch(() => {})
        await pgbenchDb.drop().catch(() => {})
      }
    } finally {
      await server.close()
    }

    const embedded = await measureApp({ kind: 'pglite' }, seconds, 'embedded database')
    for (const n of SENDERS) figures.push({ name: `embedded, ${n} sender${n > 1 ? 's' : ''} (own meetings)`, value: embedded.get(`${n}`)!, unit: '/s' })
    figures.push({ name: 'embedded, 8 senders in one meeting', value: embedded.get('8-one-meeting')!, unit: '/s' })
    return figures
  },
}

import fs from 'node:fs'
import path from 'node:path'
import { emptyMeetingState } from '../../shared/meeting/model'
import { prepareClientDir, prepareDatabase, type PreparedDatabase } from './database'
import { familyOf, Findings, type Probe } from './findings'
import type { World } from './hints'
import { Listeners } from './listeners'
import { readOptions, usage, UsageError, type FuzzOptions } from './options'
import { Random } from './random'
import { Referee, sleep } from './referee'
import { buildResult, errorLine, failedCount, printResult, writeResult } from './report'
import { CrashSuspectedHttp, RestFuzzer } from './rest-fuzz'
import { ServerExited, ServerProcess } from './server-host'
import { CrashSuspected, SocketFuzzer } from './socket-fuzz'

// Entry point: `npx tsx tests/fuzz/run.ts` (npm run fuzz). Starts the app in a child process on a
// fresh database, then sends malformed input at every socket event and REST route, one probe at a
// time, for --duration seconds, judging each (referee.ts). When the server process dies, the crash
// is recorded with what was sent last, and a new process is started on the same database. The last
// part of the run has the rate limits on. Figures go to bench/results/fuzz-latest.json; the exit
// code is 1 when anything failed.

/** One server process and everything connected to it: replaced after a crash. */
interface Target {
  server: ServerProcess
  listeners: Listeners
  referee: Referee
  socket: SocketFuzzer
  rest: RestFuzzer
}

const SEED_COMMANDS = 12

class Run {
  readonly findings = new Findings()
  readonly random: Random
  readonly world: World
  private interrupted = false
  /** Problems of the harness itself (not findings): shown so that a broken harness is not silent. */
  readonly harnessErrors = new Map<string, number>()

  constructor(
    private readonly options: FuzzOptions,
    private readonly db: PreparedDatabase,
    private readonly clientDir: string,
    readonly logFile: string,
  ) {
    this.random = new Random(options.seed)
    this.world = {
      random: this.random.fork('values'),
      fixture: undefined as never,
      state: () => emptyMeetingState(''),
      createdUnits: [],
      createdOfficials: [],
      createdDevices: [],
    }
  }

  interrupt(): void {
    this.interrupted = true
  }

  private async start(rateLimit: boolean): Promise<Target> {
    const o = this.options
    const server = await ServerProcess.start({ database: this.db.target, rateLimit, clientDir: this.clientDir, logFile: this.logFile, timeoutMs: 60_000 })
    try {
      if (!this.findings.routesSeen.length) this.findings.routesSeen = server.routes.map(({ method, url, action }) => ({ method, url, action }))
      this.world.fixture = server.fixture
      const listeners = new Listeners(server.fixture.meetings.main)
      await listeners.start(`http://127.0.0.1:${server.port}`, server.fixture, o.ackTimeoutMs)
      this.world.state = () => listeners.state
      const referee = new Referee(server, listeners, this.findings, o.slowMs)
      await referee.reset(server, listeners)
      const gone = () => !server.alive
      const socket = new SocketFuzzer({
        port: server.port,
        fixture: () => this.world.fixture,
        world: this.world,
        referee,
        findings: this.findings,
        random: this.random.fork('socket'),
        ackTimeoutMs: o.ackTimeoutMs,
        serverGone: gone,
      })
      const rest = new RestFuzzer({
        port: server.port,
        routes: server.routes,
        fixture: () => this.world.fixture,
        world: this.world,
        referee,
        findings: this.findings,
        random: this.random.fork('rest'),
        timeoutMs: o.httpTimeoutMs,
        serverGone: gone,
        focusLimited: rateLimit,
        refreshSessions: async () => {
          this.world.fixture = await server.refreshSessions()
          await referee.rebaseline()
        },
      })
      await socket.seed(SEED_COMMANDS)
      return { server, listeners, referee, socket, rest }
    } catch (err) {
      await server.stop().catch(() => {})
      throw err
    }
  }

  private async stop(t: Target): Promise<void> {
    t.socket.close()
    t.listeners.close()
    await t.server.stop()
  }

  /** Starts a server process, trying again a few times (a crash can leave the port or lock a moment). */
  private async startWithRetries(rateLimit: boolean): Promise<Target | null> {
    for (let attempt = 1; attempt <= 3; attempt++) {
      const started = Date.now()
      try {
        return await this.start(rateLimit)
      } catch (err) {
        this.harnessError(`starting the server process (attempt ${attempt}): ${(err as Error).message.split('\n')[0]}`)
        await sleep(1000)
      } finally {
        this.findings.startupSeconds += (Date.now() - started) / 1000
      }
    }
    return null
  }

  async phase(name: string, seconds: number, rateLimit: boolean): Promise<void> {
    if (seconds <= 0 || this.interrupted) return
    const startedAt = Date.now()
    const end = startedAt + seconds * 1000
    const before = this.totalProbes()
    console.log(`Phase «${name}»: ${seconds} s${rateLimit ? ' (rate limits on)' : ''}…`)
    let target = await this.startWithRetries(rateLimit)
    let lastTick = Date.now()
    while (target && Date.now() < end && !this.interrupted) {
      try {
        if (!target.listeners.connected) throw new Error('a listening screen was disconnected')
        // The rate limits guard REST only: with them on, most probes go there.
        await (this.random.chance(rateLimit ? 0.2 : 0.5) ? target.socket.next() : target.rest.next())
      } catch (err) {
        if (await this.crashed(target, err)) {
          await this.recordCrash(target)
          await this.stop(target).catch(() => {})
          target = Date.now() < end && !this.interrupted ? await this.startWithRetries(rateLimit) : null
          continue
        }
        this.harnessError((err as Error).message)
        if ((err as Error).message.includes('listening screen')) {
          // Reconnect the whole target rather than judge with deaf listeners.
          await this.stop(target).catch(() => {})
          target = await this.startWithRetries(rateLimit)
        }
      }
      if (Date.now() - lastTick > 10_000) {
        lastTick = Date.now()
        const f = this.findings.totals()
        console.log(`  ${Math.round((Date.now() - startedAt) / 1000)} s: ${this.totalProbes()} probes; crashes ${this.findings.crashes.length}, 5xx/INTERNAL ${f['server-error']}, unacked ${f.unacked}, shape ${f.shape}, partial writes ${f['partial-write']}, broadcasts ${f.broadcast}`)
      }
    }
    if (target) await this.stop(target).catch((err: unknown) => this.harnessError(`stopping the server: ${(err as Error).message}`))
    this.findings.phases.push({ name, seconds: Math.round((Date.now() - startedAt) / 1000), probes: this.totalProbes() - before })
  }

  private totalProbes(): number {
    return Object.values(this.findings.surfaces).reduce((n, s) => n + s.sent, 0)
  }

  /** Whether `err` is the server's death (now or in a moment) rather than a harness problem. */
  private async crashed(t: Target, err: unknown): Promise<boolean> {
    if (err instanceof CrashSuspected || err instanceof CrashSuspectedHttp || err instanceof ServerExited) return true
    if (!t.server.alive) return true
    await sleep(300)
    return !t.server.alive
  }

  private async recordCrash(t: Target): Promise<void> {
    // The exit event may trail the symptom (a dropped socket) by a moment.
    for (let i = 0; i < 50 && t.server.alive; i++) await sleep(100)
    const exit = t.server.exit
    const tail = exit?.outputTail ?? ''
    const recent: Probe[] = t.referee.recent.slice(-3)
    const last = recent[recent.length - 1]
    const said = errorLine(tail)
    this.findings.crashes.push({
      at: new Date().toISOString(),
      exit: exit ? `exit ${exit.signal ?? `code ${exit.code}`}` : 'not answering',
      lastProbes: recent.map((p) => `${p.surface} ${p.target} as ${p.as}: ${p.variant} — ${p.request.slice(0, 300)}`),
      outputTail: tail.slice(-3000),
    })
    this.findings.restarts++
    console.log(`  CRASH: the server process ${exit ? `exited (${exit.signal ?? `code ${exit.code}`})` : 'stopped answering'} after ${last ? `${last.surface} ${last.target} (${last.variant})` : 'nothing sent yet'}${said ? `: ${said}` : ''}`)
    if (last) {
      // The answer, for a crash, is what the process printed: from just before its exception.
      const at = said ? tail.indexOf(said.split(' (')[0]!) : -1
      this.findings.fail('crash', last, said || 'the process exited', at >= 0 ? tail.slice(Math.max(0, at - 200), at + 400) : tail.slice(-600))
      // Once is enough to know; the run goes on to find other things.
      this.findings.strike(`${last.target}|${last.inputClass}`, 1)
      this.findings.strike(last.target, 2)
      this.findings.strike(familyOf(last.target), 2)
    }
  }

  private harnessError(message: string): void {
    const key = message.slice(0, 160)
    const n = (this.harnessErrors.get(key) ?? 0) + 1
    this.harnessErrors.set(key, n)
    if (n === 1) console.warn(`  (harness) ${key}`)
  }
}

async function main(): Promise<number> {
  let options: FuzzOptions | 'help'
  try {
    options = readOptions(process.argv.slice(2), process.env)
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(`${err.message}\n\n${usage}`)
      return 2
    }
    throw err
  }
  if (options === 'help') {
    console.log(usage)
    return 0
  }
  const stamp = new Date().toISOString().replace(/[:.]/g, '-')
  const runDir = path.resolve('.tmp', `fuzz-${stamp}`)
  fs.mkdirSync(runDir, { recursive: true })
  const db = await prepareDatabase(options.database, runDir, process.env.DATABASE_URL)
  const run = new Run(options, db, prepareClientDir(runDir), path.join(runDir, 'server.log'))
  let interrupts = 0
  process.on('SIGINT', () => {
    if (++interrupts > 1) process.exit(130)
    console.log('\nInterrupted: finishing the current probe and writing the figures (Ctrl-C again to quit at once).')
    run.interrupt()
  })
  console.log(`Fuzzing for ${options.durationSeconds} s with seed ${options.seed} on ${db.description}.`)
  const startedAt = Date.now()
  try {
    await run.phase('fuzz', options.durationSeconds - options.rateLimitSeconds, false)
    await run.phase('rate limits on', options.rateLimitSeconds, true)
  } finally {
    await db.dispose().catch((err: unknown) => console.error(`Could not drop the run's database: ${(err as Error).message}`))
  }
  const result = buildResult(run.findings, options, {
    database: db.description,
    serverLog: run.logFile,
    elapsedSeconds: (Date.now() - startedAt) / 1000,
    fingerprintMeanMs: Referee.fingerprints ? Referee.fingerprintMs / Referee.fingerprints : 0,
  })
  writeResult(result, options.out)
  printResult(result, options.out)
  if (run.harnessErrors.size) {
    console.log(`Harness problems (not findings): ${[...run.harnessErrors].map(([m, n]) => `${m} ×${n}`).join('; ')}`)
  }
  if (result.probesTotal === 0) {
    console.error('Nothing was sent: the harness could not run.')
    return 2
  }
  return failedCount(result) > 0 ? 1 : 0
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err)
    process.exit(2)
  },
)

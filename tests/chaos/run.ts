import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { freePort, ThrowawayCluster } from './cluster'
import { Faults } from './faults'
import { Load } from './load'
import { logHead, readMeetingLog } from './log-reader'
import { readOptions, usage, UsageError, type ChaosOptions } from './options'
import { Random, sleep } from './random'
import { failuresOf, median, printReport, signatureCounts, writeReport, type ChaosReport } from './report'
import { allOnline, Screen, type ScreenSpec } from './screens'
import { AppServer } from './servers'
import { adminSession, createMeeting, pairDevice, SETUP_TOKEN, type Session } from './setup'
import { Timeline } from './timeline'
import { settle, verify } from './verify'

// The chaos harness: the app's real server processes on a database of our own, screens built on
// the real client connection, and faults on a seeded schedule; then the meeting's log is checked
// against what every screen was told and shows. See README.md in this folder.
//
//   npx tsx tests/chaos/run.ts [--database postgres|pglite] [--duration 60] [--kill-every 1-3] …

/** Everything the run started, undone in reverse order: at the end, on Ctrl-C, and on errors. */
class Cleanup {
  private readonly steps: { run: () => Promise<void>; runSync: () => void }[] = []

  add(run: () => Promise<void>, runSync: () => void): void {
    this.steps.push({ run, runSync })
  }

  async runAll(): Promise<void> {
    while (this.steps.length) {
      const step = this.steps.pop()!
      await step.run().catch((err: unknown) => console.error('cleanup:', (err as Error).message))
    }
  }

  /** From process.on('exit'): only synchronous work still happens there. */
  runAllSync(): void {
    while (this.steps.length) {
      try {
        this.steps.pop()!.runSync()
      } catch {
        // best effort
      }
    }
  }
}

interface Office {
  session: Session
  /** Why the first-run link did not work, when it did not. */
  firstRunFailure: string | null
  meetingId: string
  chairToken: string
  projectorTokens: string[]
}

async function main(options: ChaosOptions, cleanup: Cleanup): Promise<number> {
  const startedAt = new Date()
  const timeline = new Timeline()
  const runTag = `r${options.seed.toString(36)}`
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hnd-chaos-'))
  cleanup.add(
    async () => {
      if (!options.keep) fs.rmSync(workDir, { recursive: true, force: true })
    },
    () => {
      if (!options.keep) fs.rmSync(workDir, { recursive: true, force: true })
    },
  )
  const logDir = path.join(workDir, 'logs')
  fs.mkdirSync(logDir)

  // --- the database ---
  let cluster: ThrowawayCluster | null = null
  let databaseUrl: string | null = null
  const databaseName = 'hnd_chaos'
  const dataDir = path.join(workDir, 'app-data')
  if (options.database === 'postgres') {
    cluster = await ThrowawayCluster.create(workDir)
    const c = cluster
    cleanup.add(
      () => c.remove(options.keep),
      () => c.removeSync(options.keep),
    )
    databaseUrl = await cluster.createDatabase(databaseName)
    timeline.note(`throwaway PostgreSQL cluster on 127.0.0.1:${cluster.port} (${cluster.dir})`)
  }

  // --- the app's processes ---
  const inherited = { ...process.env }
  delete inherited.DATABASE_URL
  delete inherited.DATA_DIR
  const env = {
    ...inherited,
    LOG_LEVEL: 'warn',
    HND_SETUP_TOKEN: SETUP_TOKEN,
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : { DATA_DIR: dataDir }),
  }
  const names = options.database === 'postgres' ? ['app-A', 'app-B'] : ['app']
  const servers: AppServer[] = []
  for (const name of names) {
    servers.push(new AppServer({ name, port: await freePort(), env, logDir, timeline, databaseUp: () => cluster?.up ?? true }))
  }
  cleanup.add(
    async () => {
      await Promise.all(servers.map((s) => s.stop()))
    },
    () => servers.forEach((s) => s.killSync()),
  )
  // Both at once on the empty database, as two processes behind a balancer would be started.
  for (const server of servers) server.start()
  timeline.note(`started ${servers.map((s) => `${s.name} on ${s.url}`).join(', ')}`)
  await Promise.any(servers.map((s) => s.whenReady(90_000)))
  const first = servers.find((s) => s.status === 'ready')!
  const others = servers.filter((s) => s !== first)
  const office = await prepareOffice(first, runTag, env, {
    stop: async () => {
      await Promise.all(others.map((s) => s.stop()))
    },
    start: () => others.forEach((s) => s.start()),
  })
  if (office.firstRunFailure) timeline.note(`the first-run link FAILED (${office.firstRunFailure}); used reset-password instead`)
  await Promise.all(servers.map((s) => s.whenReady(90_000)))
  timeline.note(`office ready: meeting ${office.meetingId}, chair tablet and ${office.projectorTokens.length} projectors paired`)

  // --- the screens ---
  const screens = makeScreens(options, servers, office).map((spec) => new Screen(spec, office.meetingId))
  cleanup.add(
    async () => screens.forEach((s) => s.close()),
    () => screens.forEach((s) => s.close()),
  )
  for (const screen of screens) screen.start()
  await allOnline(screens, 60_000)
  timeline.note(`${screens.length} screens online (${screens.filter((s) => s.spec.sends).length} sending)`)

  // --- load and faults ---
  const load = new Load(
    screens.filter((s) => s.spec.sends),
    new Random(options.seed),
    { opsPerSec: options.opsPerSec, runTag },
  )
  const faults = new Faults(
    { servers, screens, cluster, databaseName, meetingId: office.meetingId, cookie: office.session.cookie, load, seed: options.seed, timeline },
    options,
  )
  const loadStartedAt = timeline.now()
  timeline.note('load and faults start')
  load.start()
  faults.start()
  await sleep(options.durationSec * 1000)
  load.stop()
  await faults.stop()
  timeline.note(`faults stopped after ${((timeline.now() - loadStartedAt) / 1000).toFixed(1)} s; no new operations; settling (at most ${options.settleSec} s)`)

  // --- settle, then read the log ---
  const settleDeadline = Date.now() + options.settleSec * 1000
  await Promise.all(servers.map((s) => s.whenReady(Math.max(1, settleDeadline - Date.now())).catch(() => undefined)))
  const settled = await settle({
    load,
    screens,
    head: () => (databaseUrl ? logHead(databaseUrl, office.meetingId) : Promise.resolve(null)),
    timeoutMs: Math.max(1, settleDeadline - Date.now()),
  })
  timeline.note(settled.settled ? 'settled' : `did not settle: ${settled.why}`)
  const snapshots = screens.map((s) => s.snapshot())
  load.close()
  for (const screen of screens) screen.close()
  await Promise.all(servers.map((s) => s.stop()))
  const events = await readMeetingLog(databaseUrl ? { url: databaseUrl } : { dataDir }, office.meetingId)

  const outage = faults.figures.outage
  const verdict = verify({
    meetingId: office.meetingId,
    events,
    load,
    screens: snapshots,
    outage: outage?.startedAt != null ? { from: timeline.startedAt + outage.stoppedAt, to: timeline.startedAt + outage.startedAt } : null,
  })
  const exits = servers.flatMap((s) => s.exits)
  const selfExits = exits.filter((e) => e.cause === 'crashed' || e.cause === 'failed-to-start')
  const { out: _out, ...shownOptions } = options
  const report: ChaosReport = {
    kind: 'chaos',
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    options: shownOptions,
    database: options.database === 'postgres' ? 'PostgreSQL (throwaway cluster), 2 app processes' : 'PGlite (embedded data directory), 1 app process',
    servers: servers.map((s) => ({ name: s.name, starts: s.generation, startMsMedian: median(s.startTimes), startMsMax: s.startTimes.length ? Math.max(...s.startTimes) : null })),
    faults: faults.figures,
    settle: settled,
    firstRunFailure: office.firstRunFailure,
    figures: verdict,
    selfExits: selfExits.map((e) => ({ ...e, stderrTail: e.stderrTail.slice(-2_000) })),
    selfExitSignatures: signatureCounts(selfExits),
    failures: [],
    timeline: timeline.entries,
  }
  report.failures = failuresOf(verdict, selfExits, settled, faults.figures.storm)
  if (office.firstRunFailure) report.failures.push(`the first-run link failed with two processes starting together: ${office.firstRunFailure}`)
  writeReport(report, options.out)
  printReport(report, options.out)
  if (options.keep) console.log(`Kept ${workDir} (server logs in ${logDir})`)
  return report.failures.length ? 1 : 0
}

/** The first-run link, the meeting, and the hall's devices, through the first server that is up. */
async function prepareOffice(
  server: AppServer,
  runTag: string,
  env: NodeJS.ProcessEnv,
  others: { stop(): Promise<void>; start(): void },
): Promise<Office> {
  const { session, firstRunFailure } = await adminSession(server.url, env, others)
  const meetingId = await createMeeting(server.url, session, `Hội nghị đối thoại thử hỗn loạn ${runTag}`)
  const chairToken = await pairDevice(server.url, session, meetingId, 'chair', 'Máy tính bảng chủ trì (thử)')
  const projectorTokens = [
    await pairDevice(server.url, session, meetingId, 'projector', 'Màn hình chiếu 1 (thử)'),
    await pairDevice(server.url, session, meetingId, 'projector', 'Màn hình chiếu 2 (thử)'),
  ]
  return { session, firstRunFailure, meetingId, chairToken, projectorTokens }
}

/**
 * Senders: secretaries signed in with the administrator's session (who is also a secretary), and the
 * third one the chair's paired tablet. Viewers: a mix of every screen a hall has, full views
 * (secretary, chair) and public ones (projectors, attendees' phones), spread over the processes.
 */
function makeScreens(options: ChaosOptions, servers: readonly AppServer[], office: Office): ScreenSpec[] {
  const on = (i: number) => servers[i % servers.length]!
  const cookie = office.session.cookie
  const specs: ScreenSpec[] = []
  for (let i = 0; i < options.senders; i++) {
    const chair = i % 3 === 2
    specs.push({
      name: chair ? `chair-${i + 1}` : `secretary-${i + 1}`,
      role: chair ? 'chair' : 'secretary',
      server: on(i),
      credentials: chair ? { deviceToken: office.chairToken } : { cookie },
      sends: true,
    })
  }
  const viewerKinds: Omit<ScreenSpec, 'name' | 'server' | 'sends'>[] = [
    { role: 'projector', credentials: { deviceToken: office.projectorTokens[0] } },
    { role: 'attendee', credentials: {} },
    { role: 'secretary', credentials: { cookie } },
    { role: 'projector', credentials: { deviceToken: office.projectorTokens[1] } },
    { role: 'attendee', credentials: {} },
    { role: 'chair', credentials: { deviceToken: office.chairToken } },
    // A secretary's own second screen showing the projector view.
    { role: 'projector', credentials: { cookie } },
    { role: 'attendee', credentials: {} },
  ]
  for (let i = 0; i < options.viewers; i++) {
    const kind = viewerKinds[i % viewerKinds.length]!
    specs.push({ ...kind, name: `viewer-${i + 1}-${kind.role}`, server: on(i + 1), sends: false })
  }
  return specs
}

async function entry(): Promise<void> {
  let options: ChaosOptions | 'help'
  try {
    options = readOptions(process.argv.slice(2))
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(`${err.message}\n\n${usage}`)
      process.exit(2)
    }
    throw err
  }
  if (options === 'help') {
    console.log(usage)
    return
  }
  const cleanup = new Cleanup()
  process.on('exit', () => cleanup.runAllSync())
  let interrupted = false
  const interrupt = (signal: string) => {
    if (interrupted) process.exit(130)
    interrupted = true
    console.error(`\n${signal}: stopping the servers and the cluster…`)
    void cleanup.runAll().finally(() => process.exit(130))
  }
  process.on('SIGINT', () => interrupt('SIGINT'))
  process.on('SIGTERM', () => interrupt('SIGTERM'))

  let code: number
  try {
    console.log(`Chaos harness: ${options.database}, ${options.durationSec} s, seed ${options.seed}`)
    code = await main(options, cleanup)
  } catch (err) {
    console.error('\nThe chaos run could not complete:', err)
    code = 2
  }
  await cleanup.runAll()
  process.exit(code)
}

void entry()

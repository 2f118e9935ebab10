import { execFileSync } from 'node:child_process'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import type { MeetingEvent } from '../../shared/meeting/events'
import { connectAppViewer, connectFloorTrigger, connectFloorViewer, connectInBatches, connectSecretary, SocketPool } from './clients'
import { Fanout } from './fanout'
import { measure, type Side } from './measure'
import { readOptions, usage, UsageError, type BenchOptions } from './options'
import { machineFacts, printReport, writeResult, type BenchResult } from './report'
import { startServerHost, type ServerHost } from './server-host'
import type { BenchSession } from './servers'
import { ratio, summarize } from './stats'

// `npm run bench`: how long a command takes to reach the last of N public screens, next to how
// long a plain Socket.IO broadcast of the same payload takes from the same process (the floor).
// Not a test — it prints figures and records them in bench/results/latest.json; nothing asserts on time.
//
// Where the servers run: by default in a child process, with every client socket in this one. On a
// 2-core machine that gives the servers a core of their own, as in a real meeting where the screens
// are other devices; with everything in one process the server's writes and a thousand clients'
// frame parsing would queue on one event loop while the second core idled. Both servers share the
// child, so the app and the floor are measured under the same conditions either way (--in-process
// is there to compare).

const cleanup: { pool: SocketPool; host: ServerHost | null } = { pool: new SocketPool(), host: null }

async function run(options: BenchOptions): Promise<void> {
  checkFileLimit(options)
  const loadBefore = os.loadavg()[0] ?? 0

  const host = await startServerHost(options)
  cleanup.host = host
  console.log(`Servers started in a ${host.placement}; database: ${host.database.kind} (${host.database.description}).`)

  const { meetingId } = await createMeeting(host.appPort, host.secretary, options.timeoutMs)
  const meeting = { port: host.appPort, meetingId }
  const { pool } = cleanup
  const app: Side = { fanout: new Fanout<MeetingEvent>(options.viewers), samples: [] }
  const floor: Side = { fanout: new Fanout<MeetingEvent>(options.viewers), samples: [] }

  const secretary = await connectSecretary(pool, meeting, host.secretary, options.timeoutMs)
  const heapBeforeViewers = await host.serverHeapBytes()
  let started = performance.now()
  await connectInBatches(options.viewers, options.connectBatch, 'app viewers', (i) =>
    connectAppViewer(pool, meeting, i, app.fanout, options.timeoutMs),
  )
  const appConnectSeconds = (performance.now() - started) / 1000
  const heapAfterAppViewers = await host.serverHeapBytes()

  const floorTrigger = await connectFloorTrigger(pool, host.floorPort, options.timeoutMs)
  started = performance.now()
  await connectInBatches(options.viewers, options.connectBatch, 'floor viewers', (i) =>
    connectFloorViewer(pool, host.floorPort, i, floor.fanout, options.timeoutMs),
  )
  const floorConnectSeconds = (performance.now() - started) / 1000
  const heapAfterFloorViewers = await host.serverHeapBytes()

  let nextReport = 0.1
  await measure(
    {
      secretary,
      floorTrigger,
      app,
      floor,
      warmup: options.warmup,
      commands: options.commands,
      contentChars: options.contentChars,
      timeoutMs: options.timeoutMs,
      serverCpuMicros: () => host.serverCpuMicros(),
    },
    (done, total) => {
      if (done / total < nextReport && done !== total) return
      process.stderr.write(`  rounds: ${done}/${total}\n`)
      while (nextReport <= done / total) nextReport += 0.1
    },
  )

  const latency = { app: summarize(app.samples.map((s) => s.latencyMs)), floor: summarize(floor.samples.map((s) => s.latencyMs)) }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length
  const result: BenchResult = {
    timestamp: new Date().toISOString(),
    command: ['npm run bench', ...(process.argv.length > 2 ? ['--', ...process.argv.slice(2)] : [])].join(' '),
    options: {
      viewers: options.viewers,
      commands: options.commands,
      warmup: options.warmup,
      connectBatch: options.connectBatch,
      contentChars: options.contentChars,
      timeoutSeconds: options.timeoutMs / 1000,
    },
    machine: machineFacts(),
    loadAverage1m: { before: loadBefore, after: os.loadavg()[0] ?? 0 },
    servers: { placement: host.placement, database: host.database },
    connectSeconds: { app: appConnectSeconds, floor: floorConnectSeconds },
    heapBytes: {
      beforeViewers: heapBeforeViewers,
      afterAppViewers: heapAfterAppViewers,
      afterFloorViewers: heapAfterFloorViewers,
      perViewer: { app: (heapAfterAppViewers - heapBeforeViewers) / options.viewers, floor: (heapAfterFloorViewers - heapAfterAppViewers) / options.viewers },
    },
    frameBytes: { app: mean(app.samples.map((s) => s.frameBytes)), floor: mean(floor.samples.map((s) => s.frameBytes)) },
    latencyMs: { ...latency, ratio: ratio(latency.app, latency.floor) },
    ackMs: { app: summarize(app.samples.map((s) => s.ackMs)), floor: summarize(floor.samples.map((s) => s.ackMs)) },
    serverCpuMs: { app: summarize(app.samples.map((s) => s.serverCpuMs)), floor: summarize(floor.samples.map((s) => s.serverCpuMs)) },
    anomalies: {
      duplicates: { app: app.fanout.duplicates, floor: floor.fanout.duplicates },
      strays: { app: app.fanout.strays, floor: floor.fanout.strays },
    },
  }
  printReport(result)
  writeResult(options.out, result)
  const shown = path.relative(process.cwd(), options.out)
  console.log(`\nWrote ${shown.startsWith('..') ? options.out : shown}`)
}

/**
 * Each 127.0.0.1 connection is one descriptor on each side. A limit hit halfway through shows up as
 * an obscure EMFILE deep in a connect, so check up front and say what to do.
 */
function checkFileLimit(options: BenchOptions): void {
  let limit: number
  try {
    const raw = execFileSync('sh', ['-c', 'ulimit -n'], { encoding: 'utf8' }).trim()
    limit = raw === 'unlimited' ? Infinity : Number(raw)
  } catch {
    return // no POSIX shell: let a connect fail with its own message
  }
  const sockets = 2 * options.viewers + 2
  // Headroom for the database, the HTTP client, stdio and Node's own descriptors.
  const needed = (options.inProcess ? 2 * sockets : sockets) + 200
  if (Number.isFinite(limit) && limit < needed) {
    throw new Error(
      `the open-file limit (ulimit -n) is ${limit}, and ${options.viewers} viewers on two servers need about ${needed} ` +
        `in ${options.inProcess ? 'this process' : 'each process'}. Raise it in this shell (e.g. \`ulimit -n ${needed + 1000}\`) or pass a smaller --viewers.`,
    )
  }
}

/** Created by the secretary's session, as the console does (the cookie and its CSRF token). */
async function createMeeting(port: number, secretary: BenchSession, timeoutMs: number): Promise<{ meetingId: string }> {
  const res = await fetch(`http://127.0.0.1:${port}/api/meetings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: secretary.cookie, 'x-csrf-token': secretary.csrfToken },
    body: JSON.stringify({ title: 'Đo hiệu năng phát sóng', venue: 'Máy đo (127.0.0.1)' }),
    signal: AbortSignal.timeout(timeoutMs),
  })
  if (res.status !== 201) throw new Error(`POST /api/meetings answered ${res.status}: ${await res.text()}`)
  return (await res.json()) as { meetingId: string }
}

let finishing = false

/** The only way out: closes every socket, then the servers and the database, then exits. */
async function finish(code: number, err?: unknown): Promise<void> {
  if (finishing) return
  finishing = true
  if (err instanceof UsageError) console.error(`${err.message}\n\n${usage}`)
  else if (err) console.error(`\nBenchmark failed: ${err instanceof Error ? err.message : String(err)}`)
  try {
    cleanup.pool.closeAll()
    await cleanup.host?.close()
  } catch (closeErr) {
    console.error(`Cleanup failed: ${closeErr instanceof Error ? closeErr.message : String(closeErr)}`)
    if (code === 0) code = 1
  }
  // Exit explicitly: a keep-alive HTTP socket or a timer somewhere must not keep a finished run alive.
  process.exit(code)
}

process.on('SIGINT', () => void finish(130, new Error('interrupted')))

function main(): void {
  let options: BenchOptions | 'help'
  try {
    options = readOptions(process.argv.slice(2), process.env)
  } catch (err) {
    void finish(2, err)
    return
  }
  if (options === 'help') {
    console.log(usage)
    return
  }
  run(options).then(
    () => finish(0),
    (err: unknown) => finish(1, err),
  )
}

main()

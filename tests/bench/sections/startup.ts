import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { projectRoot, staleReason } from '../../../scripts/build-stamp.mjs'
import type { BenchSection, Figure } from '../section'

// 'startup': what `npm start` waits for when nothing changed. It is two steps, timed apart: the
// build check (a process that hashes the sources and compares the stamp, scripts/build-stamp.mjs),
// and the compiled server (dist/server/main.js) from spawn until it answers HTTP, on an embedded
// database that exists already and on an empty one (initdb, every migration, the first
// administrator's link). Apart, because in a checkout where people are editing, a start through
// scripts/start.mjs would rebuild halfway through the bench. The floor is Node itself: a process
// that starts an empty http server. For comparison, the server as it started before it was
// compiled ahead (through tsx) on the same existing database. Each figure is the median of several
// starts; every start ends with SIGTERM, so the embedded database closes before the next opens it.

const GOAL_MS = 3000
const HEALTH = '/api/health'
const SETUP_TOKEN = 'bench-startup-first-run-token-0123456789'

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

async function answers(port: number, pathname: string): Promise<boolean> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}${pathname}`, { signal: AbortSignal.timeout(1000) })
    await response.arrayBuffer()
    return response.ok
  } catch {
    return false
  }
}

/**
 * CPU milliseconds (user + system, all threads) a process has used, from Linux's /proc; undefined
 * elsewhere. Beside the wall time because on a loaded machine a start mostly waits for a core: the
 * CPU it needs is what a quiet machine would take, give or take the threads that overlap.
 */
function cpuMillis(pid: number | undefined): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    // utime and stime, fields 14 and 15 of the line (12 and 13 after the name), in clock ticks of 10 ms.
    return (Number(fields[11]) + Number(fields[12])) * 10
  } catch {
    return undefined
  }
}

interface Start {
  /** From spawn to the first 200. */
  wallMs: number
  /** CPU the process had used by then. */
  cpuMs: number | undefined
}

/** Times a start until the first 200 on `pathname`; the process is then stopped and awaited. */
async function timeStart(args: string[], env: Record<string, string>, pathname: string, whileUp?: (base: string) => Promise<void>): Promise<Start> {
  const port = await freePort()
  const started = performance.now()
  const child = spawn(process.execPath, args, {
    cwd: projectRoot,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  let gone = false
  void exited.then(() => (gone = true))
  try {
    const deadline = started + 120_000
    for (;;) {
      if (gone) throw new Error(`the server stopped before answering:\n${output}`)
      if (await answers(port, pathname)) break
      if (performance.now() > deadline) throw new Error(`no answer within 120 s:\n${output}`)
      await new Promise((resolve) => setTimeout(resolve, 5))
    }
    const start = { wallMs: performance.now() - started, cpuMs: cpuMillis(child.pid) }
    await whileUp?.(`http://127.0.0.1:${port}`)
    return start
  } finally {
    if (!gone) child.kill('SIGTERM')
    await exited
  }
}

/** Milliseconds from spawn to exit of the check `npm start` makes before starting the server. */
async function timeBuildCheck(): Promise<number> {
  const started = performance.now()
  const check = `import(${JSON.stringify(path.join(projectRoot, 'scripts/build-stamp.mjs'))}).then((m) => m.staleReason())`
  const child = spawn(process.execPath, ['-e', check], { cwd: projectRoot, stdio: 'ignore' })
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve))
  if (code !== 0) throw new Error(`the build check failed (exit ${code})`)
  return performance.now() - started
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}
const seconds = (ms: number) => Math.round(ms / 10) / 100

export const startupSection: BenchSection = {
  name: 'startup',
  async run({ quick }) {
    const runs = quick ? 3 : 7
    // The build the starts use: made now if missing or stale, so its time is not counted below.
    if (staleReason()) {
      const built = spawnSync(process.execPath, [path.join(projectRoot, 'scripts/build.mjs')], { cwd: projectRoot, stdio: 'inherit' })
      if (built.status !== 0) throw new Error('npm run build failed')
    }
    const dataRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'hnd-bench-startup-'))
    const existing = path.join(dataRoot, 'existing')
    const start = ['dist/server/main.js']
    const tsx = ['--import', 'tsx', 'server/main.ts']
    const floorScript = `require('node:http').createServer((q, s) => s.end('ok')).listen(Number(process.env.PORT), '127.0.0.1')`
    try {
      const floor: Start[] = []
      const onExisting: Start[] = []
      const onExistingTsx: Start[] = []
      const onEmpty: Start[] = []
      const buildCheck: number[] = []
      // The first start makes the existing database (not counted), and the administrator sets a
      // password, as in an office that has been using it: later starts issue no first-run link.
      await timeStart(start, { DATA_DIR: existing, HND_SETUP_TOKEN: SETUP_TOKEN }, HEALTH, async (base) => {
        const response = await fetch(`${base}/api/auth/set-password`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ token: SETUP_TOKEN, password: 'mật khẩu của văn phòng' }),
        })
        if (!response.ok) throw new Error(`set-password: ${response.status} ${await response.text()}`)
      })
      for (let i = 0; i < runs; i++) {
        // Interleaved, so a burst of load on the machine falls on each kind alike.
        floor.push(await timeStart(['-e', floorScript], {}, '/'))
        buildCheck.push(await timeBuildCheck())
        onExisting.push(await timeStart(start, { DATA_DIR: existing }, HEALTH))
        if (i < Math.ceil(runs / 2)) {
          onExistingTsx.push(await timeStart(tsx, { DATA_DIR: existing }, HEALTH))
          const empty = path.join(dataRoot, `empty-${i}`)
          onEmpty.push(await timeStart(start, { DATA_DIR: empty }, HEALTH))
          fs.rmSync(empty, { recursive: true, force: true })
        }
      }
      const wall = (starts: Start[]) => median(starts.map((s) => s.wallMs))
      const cpu = (starts: Start[]) => (starts.every((s) => s.cpuMs !== undefined) ? median(starts.map((s) => s.cpuMs!)) : undefined)
      const floorMs = wall(floor)
      const checkMs = median(buildCheck)
      const existingMs = wall(onExisting)
      const figures: Figure[] = [
        { name: 'npm start when nothing changed (check + server), existing database', value: seconds(checkMs + existingMs), unit: 's', floor: seconds(floorMs), goal: '≤ 3 s', met: checkMs + existingMs <= GOAL_MS },
        { name: `build check: hash the sources, compare the stamp (median of ${buildCheck.length})`, value: seconds(checkMs), unit: 's' },
        { name: `compiled server, existing embedded database (median of ${onExisting.length})`, value: seconds(existingMs), unit: 's', floor: seconds(floorMs) },
        { name: `compiled server, empty embedded database (median of ${onEmpty.length})`, value: seconds(wall(onEmpty)), unit: 's', floor: seconds(floorMs) },
        { name: `server through tsx, existing database (before; median of ${onExistingTsx.length})`, value: seconds(wall(onExistingTsx)), unit: 's', floor: seconds(floorMs) },
        { name: 'node: empty http server (the floor)', value: seconds(floorMs), unit: 's' },
      ]
      const cpuFigures: [string, Start[]][] = [
        ['CPU until it answers: compiled server, existing database', onExisting],
        ['CPU until it answers: compiled server, empty database', onEmpty],
        ['CPU until it answers: server through tsx, existing database', onExistingTsx],
      ]
      const floorCpu = cpu(floor)
      for (const [name, starts] of cpuFigures) {
        const value = cpu(starts)
        if (value !== undefined) figures.push({ name, value: seconds(value), unit: 's', ...(floorCpu !== undefined ? { floor: seconds(floorCpu) } : {}) })
      }
      figures.push({ name: 'machine load average (1 min) at the end', value: Math.round(os.loadavg()[0]! * 100) / 100, unit: '' })
      return figures
    } finally {
      fs.rmSync(dataRoot, { recursive: true, force: true })
    }
  },
}

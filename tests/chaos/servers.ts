import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { projectRoot } from './options'
import { sleep } from './random'
import type { Timeline } from './timeline'

// The app as it runs in production: `node --import tsx server/main.ts`, one OS process per server,
// each on its own port, configured only through the environment. A supervisor loop stands in for
// systemd (Restart=always): a process that exits is started again on the same port, at once after
// our own kill -9, after a short delay when it exited by itself. Every exit is recorded with who
// caused it, because "the server died by itself" is the finding and "we killed it" is the test.

export type ExitCause =
  /** Our kill -9. */
  | 'killed'
  /** Exited by itself after it had started serving: a crash. */
  | 'crashed'
  /** Exited by itself before it listened: it could not start (e.g. the database was down). */
  | 'failed-to-start'
  /** Our SIGTERM at the end of the run. */
  | 'stopped'

export interface ServerExit {
  server: string
  /** Which start of this server it was (1 = the first). */
  generation: number
  /** Seconds since the run started. */
  at: number
  cause: ExitCause
  code: number | null
  signal: string | null
  /** Whether the cluster was meant to be up at that moment. */
  databaseUp: boolean
  /** The first line of the fatal error, for grouping. */
  signature: string
  /** The end of its stderr, for the report. */
  stderrTail: string
  logFile: string
}

export interface AppServerOptions {
  name: string
  port: number
  env: Record<string, string | undefined>
  logDir: string
  timeline: Timeline
  /** Whether the database is meant to be up (always true for the embedded one). */
  databaseUp: () => boolean
  /** Before starting again a process that exited by itself, as a supervisor would. */
  restartDelayMs?: number
}

export type ServerStatus = 'starting' | 'ready' | 'stopped'

const STDERR_TAIL_CHARS = 6_000

export class AppServer {
  status: ServerStatus = 'stopped'
  generation = 0
  readonly exits: ServerExit[] = []
  /** How long each start took until the port accepted connections (ms). */
  readonly startTimes: number[] = []
  private child: ChildProcess | null = null
  private expectKill = false
  private stopping = false
  private stderrTail = ''
  private readonly restartDelayMs: number

  constructor(private readonly options: AppServerOptions) {
    this.restartDelayMs = options.restartDelayMs ?? 1_000
  }

  get name(): string {
    return this.options.name
  }

  get url(): string {
    return `http://127.0.0.1:${this.options.port}`
  }

  get pid(): number | undefined {
    return this.child?.pid
  }

  start(): void {
    this.stopping = false
    this.spawnProcess()
  }

  /** Resolves once the port accepts connections; rejects after `timeoutMs`. */
  async whenReady(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs
    while (this.status !== 'ready') {
      if (Date.now() > deadline) throw new Error(`${this.name} did not start within ${timeoutMs / 1000} s${this.lastExitText()}`)
      await sleep(50)
    }
  }

  /**
   * kill -9, then start again at once on the same port (once the old process is gone, so the port
   * is free): the screens connected here must come back by themselves.
   */
  async kill9(): Promise<void> {
    const child = this.child
    if (!child || child.exitCode !== null || child.signalCode !== null) return
    this.expectKill = true
    const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()))
    child.kill('SIGKILL')
    await gone
  }

  /** SIGTERM (the app's clean shutdown), SIGKILL if it takes longer than `timeoutMs`; no restart. */
  async stop(timeoutMs = 15_000): Promise<void> {
    this.stopping = true
    const child = this.child
    if (!child || child.exitCode !== null || child.signalCode !== null) {
      this.status = 'stopped'
      return
    }
    const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()))
    child.kill('SIGTERM')
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
    await gone
    clearTimeout(timer)
  }

  /** For process.on('exit'): nothing asynchronous runs there any more. */
  killSync(): void {
    this.stopping = true
    try {
      this.child?.kill('SIGKILL')
    } catch {
      // already gone
    }
  }

  private spawnProcess(): void {
    this.generation += 1
    const generation = this.generation
    const logFile = path.join(this.options.logDir, `${this.name}-${String(generation).padStart(3, '0')}.log`)
    const log = fs.createWriteStream(logFile)
    const startedAt = Date.now()
    this.stderrTail = ''
    this.status = 'starting'
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      cwd: projectRoot,
      env: { ...this.options.env, PORT: String(this.options.port), HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    this.child = child
    child.stdout?.pipe(log, { end: false })
    child.stderr?.on('data', (chunk: Buffer) => {
      log.write(chunk)
      this.stderrTail = (this.stderrTail + chunk.toString('utf8')).slice(-STDERR_TAIL_CHARS)
    })
    void this.watchPort(child, startedAt)

    child.once('exit', (code, signal) => {
      log.end()
      const wasReady = this.status === 'ready'
      this.status = 'starting'
      const cause: ExitCause = this.stopping ? 'stopped' : this.expectKill ? 'killed' : wasReady ? 'crashed' : 'failed-to-start'
      this.expectKill = false
      const exit: ServerExit = {
        server: this.name,
        generation,
        at: Math.round(this.options.timeline.now() / 100) / 10,
        cause,
        code,
        signal,
        databaseUp: this.options.databaseUp(),
        signature: cause === 'killed' || cause === 'stopped' ? '' : fatalSignature(this.stderrTail, code),
        stderrTail: cause === 'killed' || cause === 'stopped' ? '' : this.stderrTail,
        logFile,
      }
      this.exits.push(exit)
      if (this.stopping) {
        this.status = 'stopped'
        return
      }
      if (cause === 'killed') {
        this.spawnProcess()
        return
      }
      const state = exit.databaseUp ? 'database up' : 'database DOWN'
      this.options.timeline.note(`${this.name} ${cause === 'crashed' ? 'CRASHED by itself' : 'FAILED TO START'} (${state}): ${exit.signature}`)
      setTimeout(() => {
        if (!this.stopping) this.spawnProcess()
      }, this.restartDelayMs)
    })
  }

  /** "Ready" is when the port accepts connections: main.ts listens only once everything is set up. */
  private async watchPort(child: ChildProcess, startedAt: number): Promise<void> {
    while (this.child === child && child.exitCode === null && child.signalCode === null) {
      if (await accepts(this.options.port)) {
        if (this.child === child && child.exitCode === null && child.signalCode === null) {
          this.status = 'ready'
          this.startTimes.push(Date.now() - startedAt)
        }
        return
      }
      await sleep(50)
    }
  }

  private lastExitText(): string {
    const last = this.exits[this.exits.length - 1]
    return last ? ` (last exit: ${last.cause}, ${last.signature || `code ${last.code}`})` : ''
  }
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' })
    const done = (ok: boolean) => {
      socket.destroy()
      resolve(ok)
    }
    socket.once('connect', () => done(true))
    socket.once('error', () => done(false))
    socket.setTimeout(1_000, () => done(false))
  })
}

/**
 * The line that says why a process died, found in the end of its stderr: Node's report of an
 * uncaught exception or an unhandled 'error' event, or main.ts's "could not start" line. Earlier
 * lines (errors the app logged and survived) are skipped by starting at the last fatal marker.
 */
export function fatalSignature(stderr: string, code: number | null): string {
  const lines = stderr.split('\n').map((l) => l.trimEnd())
  const markers = [/^node:\w+:\d+$/, /^\/.+:\d+$/, /^file:\/\/.+:\d+$/, /Unhandled 'error' event/, /^Không khởi động được/, /^Uncaught /]
  let from = -1
  lines.forEach((line, i) => {
    if (markers.some((m) => m.test(line.trim()))) from = i
  })
  // Node prints the pointer ("node:events:497"), the source line, then the error: start at the
  // first marker of the last group.
  while (from > 0 && markers.some((m) => m.test((lines[from - 1] ?? '').trim()))) from -= 1
  const tail = from >= 0 ? lines.slice(from) : lines
  const errorLine = tail.find((l) => /^(Không khởi động được|[\w.]*Error\b|error:|\w+Error:)/.test(l.trim()))?.trim()
  const emitted = tail.find((l) => l.startsWith("Emitted 'error' event on"))?.replace(/ at:$/, '')
  const text = [errorLine ?? `exit code ${code}`, emitted ? `(${emitted})` : ''].filter(Boolean).join(' ')
  return text.length > 220 ? `${text.slice(0, 217)}…` : text
}

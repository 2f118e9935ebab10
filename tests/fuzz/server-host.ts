import { fork, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { DatabaseTarget, Fingerprint, Fixture, FromChild, RouteInfo, ToChild } from './ipc'

// The harness's side of the app's process: forks server-child.ts under the same tsx loader, keeps
// its output in a log file (and the last lines in memory, to quote when it dies), asks it questions
// over IPC with a timeout each, and says when it exits on its own — a crash.

export interface ServerStart {
  database: DatabaseTarget
  rateLimit: boolean
  clientDir: string
  logFile: string
  timeoutMs: number
}

export interface ExitInfo {
  code: number | null
  signal: NodeJS.Signals | null
  /** The last lines the process wrote (its stack trace, when it crashed on an exception). */
  outputTail: string
}

const TAIL_BYTES = 6_000

export class ServerProcess {
  readonly port: number
  readonly routes: RouteInfo[]
  fixture: Fixture
  readonly databaseDescription: string
  /** Set when the process has exited, expectedly or not. */
  exit: ExitInfo | null = null
  private readonly exitListeners: ((info: ExitInfo) => void)[] = []
  private stopping = false
  private nextId = 1
  private readonly waiting = new Map<number, { resolve: (m: FromChild) => void; reject: (e: Error) => void; timer: NodeJS.Timeout }>()

  private constructor(
    private readonly child: ChildProcess,
    private readonly tail: { text: string },
    private readonly timeoutMs: number,
    ready: Extract<FromChild, { type: 'ready' }>,
  ) {
    this.port = ready.port
    this.routes = ready.routes
    this.fixture = ready.fixture
    this.databaseDescription = ready.database
    child.on('message', (m: FromChild) => {
      if (!('id' in m)) return
      const w = this.waiting.get(m.id)
      if (!w) return
      this.waiting.delete(m.id)
      clearTimeout(w.timer)
      w.resolve(m)
    })
    child.once('exit', (code, signal) => {
      this.exit = { code, signal, outputTail: this.tail.text }
      for (const w of this.waiting.values()) {
        clearTimeout(w.timer)
        w.reject(new ServerExited(this.exit))
      }
      this.waiting.clear()
      if (!this.stopping) for (const listener of this.exitListeners) listener(this.exit)
    })
  }

  static async start(options: ServerStart): Promise<ServerProcess> {
    const log = fs.createWriteStream(options.logFile, { flags: 'a' })
    log.write(`\n===== server process started ${new Date().toISOString()} (rate limits ${options.rateLimit ? 'on' : 'off'}) =====\n`)
    const child = fork(fileURLToPath(new URL('./server-child.ts', import.meta.url)), [], {
      execArgv: ['--import', import.meta.resolve('tsx')],
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    })
    const tail = { text: '' }
    const keep = (chunk: Buffer) => {
      log.write(chunk)
      tail.text = (tail.text + chunk.toString('utf8')).slice(-TAIL_BYTES)
    }
    child.stdout?.on('data', keep)
    child.stderr?.on('data', keep)
    child.once('exit', () => log.end())
    // A send racing with the child's death fails with EPIPE as an 'error' event: the exit says it.
    child.on('error', () => {})

    const ready = await new Promise<Extract<FromChild, { type: 'ready' }>>((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL')
        reject(new Error(`the server process did not start within ${options.timeoutMs / 1000} s`))
      }, options.timeoutMs)
      const onMessage = (m: FromChild) => {
        if (m.type === 'ready') {
          clearTimeout(timer)
          child.off('message', onMessage)
          resolve(m)
        } else if (m.type === 'failed') {
          clearTimeout(timer)
          reject(new Error(`the server process failed to start: ${m.message}\n${tail.text.slice(-1500)}`))
        }
      }
      child.on('message', onMessage)
      child.once('exit', (code, signal) => {
        clearTimeout(timer)
        reject(new Error(`the server process exited while starting (${signal ?? `code ${code}`})\n${tail.text.slice(-1500)}`))
      })
      child.send({ type: 'start', database: options.database, rateLimit: options.rateLimit, clientDir: options.clientDir } satisfies ToChild)
    })
    return new ServerProcess(child, tail, options.timeoutMs, ready)
  }

  get alive(): boolean {
    return this.exit === null
  }

  /** Called once if the process exits without having been asked to stop. */
  onCrash(listener: (info: ExitInfo) => void): void {
    this.exitListeners.push(listener)
  }

  private request(message: { type: 'fingerprint' | 'refresh-sessions' }): Promise<FromChild> {
    if (!this.alive || !this.child.connected) return Promise.reject(new ServerExited(this.exit ?? { code: null, signal: null, outputTail: this.tail.text }))
    const id = this.nextId++
    return new Promise<FromChild>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id)
        reject(new Error(`the server process did not answer «${message.type}» within ${this.timeoutMs / 1000} s`))
      }, this.timeoutMs)
      this.waiting.set(id, { resolve, reject, timer })
      this.child.send({ ...message, id } satisfies ToChild, (err) => {
        if (!err) return
        this.waiting.delete(id)
        clearTimeout(timer)
        reject(err)
      })
    })
  }

  async fingerprint(): Promise<Fingerprint> {
    const m = await this.request({ type: 'fingerprint' })
    if (m.type === 'fingerprint') return m.fingerprint
    throw new Error(`fingerprint: ${m.type === 'error' ? m.message : m.type}`)
  }

  async refreshSessions(): Promise<Fixture> {
    const m = await this.request({ type: 'refresh-sessions' })
    if (m.type === 'refresh-sessions') {
      this.fixture = m.fixture
      return m.fixture
    }
    throw new Error(`refresh-sessions: ${m.type === 'error' ? m.message : m.type}`)
  }

  /** Asks the process to close the app and the database; kills it if it does not exit in time. */
  async stop(): Promise<void> {
    this.stopping = true
    if (!this.alive) return
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()))
    if (this.child.connected) this.child.send({ type: 'stop' } satisfies ToChild, () => {})
    const timer = setTimeout(() => {
      console.error(`The server process did not stop within ${this.timeoutMs / 1000} s; killing it (pid ${this.child.pid}).`)
      this.child.kill('SIGKILL')
    }, this.timeoutMs)
    await exited
    clearTimeout(timer)
  }
}

export class ServerExited extends Error {
  constructor(readonly info: ExitInfo) {
    super(`the server process exited (${info.signal ?? `code ${info.code}`})`)
  }
}

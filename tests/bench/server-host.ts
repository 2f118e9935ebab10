import { fork, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import type { BenchOptions } from './options'
import type { FromChild, ToChild } from './server-process'
import { startServers, type RunningServers } from './servers'

/** The servers as the client side sees them, wherever they run. */
export interface ServerHost extends Omit<RunningServers, 'close'> {
  placement: 'child process' | 'same process'
  /** CPU time (µs) used so far by the process running the servers. */
  serverCpuMicros(): Promise<number>
  /** Heap in use by the process running the servers, after a full collection when it can ask for one. */
  serverHeapBytes(): Promise<number>
  close(): Promise<void>
}

export async function startServerHost(options: BenchOptions): Promise<ServerHost> {
  if (options.inProcess) {
    const servers = await withTimeout(startServers(options.database), options.timeoutMs, 'starting the servers')
    return {
      ...servers,
      placement: 'same process',
      close: () => withTimeout(servers.close(), options.timeoutMs, 'closing the servers and the database'),
      // Here the figure includes the clients' work too: server and clients share the process.
      serverCpuMicros: async () => {
        const { user, system } = process.cpuUsage()
        return user + system
      },
      serverHeapBytes: async () => {
        ;(globalThis as { gc?: () => void }).gc?.()
        return process.memoryUsage().heapUsed
      },
    }
  }
  return startChild(options)
}

async function startChild(options: BenchOptions): Promise<ServerHost> {
  // The child runs TypeScript through the same tsx loader as this process.
  const child = fork(fileURLToPath(new URL('./server-process.ts', import.meta.url)), [], {
    execArgv: [
      // For the heap per viewer: measured after a full collection, not whatever garbage is pending.
      '--expose-gc',
      ...(options.profileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.profileDir}`] : []),
      '--import',
      import.meta.resolve('tsx'),
    ],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  const channel = new ChildChannel(child, options.timeoutMs)
  try {
    const ready = await channel.request({ type: 'start', database: options.database }, 'ready')
    return {
      appPort: ready.appPort,
      floorPort: ready.floorPort,
      database: ready.database,
      secretary: ready.secretary,
      placement: 'child process',
      serverCpuMicros: async () => (await channel.request({ type: 'cpu' }, 'cpu')).micros,
      serverHeapBytes: async () => (await channel.request({ type: 'heap' }, 'heap')).bytes,
      close: () => channel.stop(),
    }
  } catch (err) {
    await channel.stop().catch(() => {})
    throw err
  }
}

type Reply<T extends FromChild['type']> = Extract<FromChild, { type: T }>

/** Request/response over the IPC channel, one request at a time, each with a timeout. */
class ChildChannel {
  private waiting: { type: FromChild['type']; resolve: (m: FromChild) => void; reject: (e: Error) => void } | null = null
  private exited: Promise<void>
  /** Set once the child is expected to exit, so that its exit is not reported as a crash. */
  private stopping = false

  constructor(
    private readonly child: ChildProcess,
    private readonly timeoutMs: number,
  ) {
    child.on('message', (message: FromChild) => {
      if (message.type === 'failed') {
        this.stopping = true // it exits by itself after saying so
        return this.fail(new Error(`the server process failed to start: ${message.message}`))
      }
      if (this.waiting?.type === message.type) {
        const { resolve } = this.waiting
        this.waiting = null
        resolve(message)
      }
    })
    this.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        const err = new Error(`the server process exited unexpectedly (${signal ?? `code ${code}`})`)
        // Said at once: the viewers' lost connections that follow are a consequence, not the cause.
        if (!this.stopping) console.error(`\n${err.message}.`)
        this.fail(err)
        resolve()
      })
    })
    // A send racing with the child's death fails with EPIPE as an 'error' event; the exit handler
    // above reports the death itself.
    child.on('error', (err) => this.fail(err))
  }

  private fail(err: Error) {
    const waiting = this.waiting
    this.waiting = null
    waiting?.reject(err)
  }

  request<T extends FromChild['type']>(message: ToChild, replyType: T): Promise<Reply<T>> {
    return new Promise<Reply<T>>((resolve, reject) => {
      if (this.child.exitCode !== null || !this.child.connected) return reject(new Error('the server process is not running'))
      const timer = setTimeout(() => this.fail(new Error(`the server process did not answer «${message.type}» within ${this.timeoutMs / 1000} s`)), this.timeoutMs)
      this.waiting = {
        type: replyType,
        resolve: (m) => {
          clearTimeout(timer)
          resolve(m as Reply<T>)
        },
        reject: (e) => {
          clearTimeout(timer)
          reject(e)
        },
      }
      this.child.send(message, (err) => err && this.fail(err))
    })
  }

  /** Asks the child to close its servers and database; kills it if it does not exit in time. */
  async stop(): Promise<void> {
    this.stopping = true
    if (this.child.exitCode !== null || this.child.signalCode !== null) return
    if (this.child.connected) this.child.send({ type: 'stop' } satisfies ToChild, () => {})
    const timer = setTimeout(() => {
      console.error(`The server process did not stop within ${this.timeoutMs / 1000} s; killing it (pid ${this.child.pid}).`)
      this.child.kill('SIGKILL')
    }, this.timeoutMs)
    await this.exited
    clearTimeout(timer)
    if (this.child.exitCode !== 0) throw new Error(`the server process stopped with ${this.child.signalCode ?? `code ${this.child.exitCode}`}`)
  }
}

/** Rejects with a clear message when `promise` takes longer than `ms`. */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms / 1000} s`)), ms)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}

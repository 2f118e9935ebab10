import { startServers, type RunningServers } from './servers'
import type { BenchOptions } from './options'

// Entry point of the child process that hosts both servers (forked by server-host.ts). It talks to
// the parent over the IPC channel only, and dies with it: a bench that was interrupted must not
// leave a server or an embedded database behind.

export type ToChild = { type: 'start'; database: BenchOptions['database'] } | { type: 'cpu' } | { type: 'heap' } | { type: 'stop' }
export type FromChild =
  | { type: 'ready'; appPort: number; floorPort: number; database: RunningServers['database']; secretary: RunningServers['secretary'] }
  | { type: 'cpu'; micros: number }
  /** Heap in use after a full collection (the child runs with --expose-gc). */
  | { type: 'heap'; bytes: number }
  | { type: 'stopped' }
  | { type: 'failed'; message: string }

const send = (message: FromChild) => process.send?.(message)

let servers: RunningServers | null = null
let stopping = false

async function stop(code: number): Promise<never> {
  if (!stopping) {
    stopping = true
    try {
      await servers?.close()
    } catch (err) {
      console.error('[bench server] close failed:', err)
      code = 1
    }
  }
  if (process.connected) send({ type: 'stopped' })
  process.exit(code)
}

process.on('message', (message: ToChild) => {
  switch (message.type) {
    case 'start':
      startServers(message.database).then(
        (s) => {
          servers = s
          send({ type: 'ready', appPort: s.appPort, floorPort: s.floorPort, database: s.database, secretary: s.secretary })
        },
        (err: unknown) => {
          send({ type: 'failed', message: err instanceof Error ? err.message : String(err) })
          void stop(1)
        },
      )
      break
    case 'cpu': {
      // Asked for between commands: user + system CPU time of the server process, to tell how much
      // of each command's wall time the server spent computing.
      const { user, system } = process.cpuUsage()
      send({ type: 'cpu', micros: user + system })
      break
    }
    case 'heap': {
      // Twice: the first collection lets finalizers run, the second frees what they released.
      const gc = (globalThis as { gc?: () => void }).gc
      gc?.()
      gc?.()
      send({ type: 'heap', bytes: process.memoryUsage().heapUsed })
      break
    }
    case 'stop':
      void stop(0)
      break
  }
})

// The parent went away (crashed, killed): close the database and leave.
process.on('disconnect', () => void stop(1))
// Ctrl-C reaches the whole process group; the parent handles it and then tells us to stop, so the
// sockets are closed from the client side first instead of the server vanishing under them.
process.on('SIGINT', () => {})

import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { Server } from 'socket.io'
import { openDatabase } from '../../db/connect'
import { migrateToLatest } from '../../db/migrate'
import { buildApp } from '../../server/app'
import { createAccount } from '../fixtures/accounts'
import type { MeetingEvent } from '../../shared/meeting/events'
import type { BenchOptions } from './options'

// The two servers under measurement, always started together so they share one process, one event
// loop and one core: the real app, and the floor — a plain Socket.IO server that does nothing but
// broadcast what it is handed. Whatever the app costs beyond the floor is ours.

export const FLOOR_ROOM = 'viewers'

/** What the floor's trigger client sends: the batch to broadcast, as the app would have sent it. */
export interface FloorTrigger {
  events: MeetingEvent[]
}

export interface FloorClientEvents {
  'floor:join': (ack: () => void) => void
  'floor:broadcast': (trigger: FloorTrigger, ack: () => void) => void
}
export interface FloorServerEvents {
  'meeting:appended': (batch: { events: MeetingEvent[] }) => void
}

/** A signed-in person, as the client side needs it: the session cookie and its CSRF token. */
export interface BenchSession {
  cookie: string
  csrfToken: string
}

export interface RunningServers {
  appPort: number
  floorPort: number
  database: { kind: 'pglite' | 'postgres'; description: string }
  /** The secretary who creates the meeting and sends the commands (public screens need no one). */
  secretary: BenchSession
  close(): Promise<void>
}

export async function startServers(database: BenchOptions['database']): Promise<RunningServers> {
  const handle = await openDatabase(database.kind === 'postgres' ? { url: database.url } : {})
  try {
    await migrateToLatest(handle.db)
    // Written straight to the database, as the test suites do: signing in would only add a scrypt
    // hash to the start-up, nothing to the figures.
    const { cookie, csrfToken } = await createAccount(handle.db, ['secretary'], { displayName: 'Thư ký đo hiệu năng', expiresAt: new Date(Date.now() + 12 * 3600_000) })
    // With the pool on PostgreSQL, as main.ts does: fan-out to other processes (LISTEN/NOTIFY) included in the figures.
    // The REST rate limit is per address, and every bench client is 127.0.0.1: it would refuse the
    // meetings the commands section creates. Commands over sockets are not limited by it anyway.
    const app = await buildApp({ db: handle.db, pool: handle.pool, security: { rateLimit: false } })
    await app.listen({ host: '127.0.0.1', port: 0 })
    const floor = await startFloor()
    return {
      appPort: (app.server.address() as AddressInfo).port,
      floorPort: floor.port,
      database: { kind: handle.kind, description: handle.description },
      secretary: { cookie, csrfToken },
      async close() {
        // Each step runs even if an earlier one failed: a PGlite left open keeps the process alive.
        const results = await Promise.allSettled([floor.close(), app.close()])
        await handle.close()
        const failed = results.find((r) => r.status === 'rejected')
        if (failed) throw (failed as PromiseRejectedResult).reason
      },
    }
  } catch (err) {
    await handle.close().catch(() => {})
    throw err
  }
}

async function startFloor(): Promise<{ port: number; close(): Promise<void> }> {
  const httpServer = http.createServer()
  // The same engine options as server/plugins/realtime.ts, so the transports behave alike.
  const io = new Server<FloorClientEvents, FloorServerEvents>(httpServer, { serveClient: false, maxHttpBufferSize: 1_000_000 })
  io.on('connection', (socket) => {
    // Joining on request, with an ack, mirrors the app's meeting:sync: the client knows it is in the
    // room before the measurement starts.
    socket.on('floor:join', (ack) => {
      void socket.join(FLOOR_ROOM)
      ack()
    })
    // Broadcast first, then ack — the order the app uses (the meeting log announces the batch
    // before the command's ack is sent).
    socket.on('floor:broadcast', (trigger, ack) => {
      io.to(FLOOR_ROOM).emit('meeting:appended', { events: trigger.events })
      ack()
    })
  })
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject)
    httpServer.listen(0, '127.0.0.1', resolve)
  })
  return {
    port: (httpServer.address() as AddressInfo).port,
    // io.close() also closes the HTTP server it is attached to.
    close: () => new Promise<void>((resolve, reject) => io.close((err) => (err ? reject(err) : resolve()))),
  }
}

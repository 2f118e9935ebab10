import http from 'node:http'
import { Server } from 'socket.io'
import { openDatabase, type DatabaseHandle } from '../../db/connect'
import { migrateToLatest } from '../../db/migrate'
import { buildApp } from '../../server/app'
import { HEARTBEAT } from '../../server/plugins/realtime'
import { createAccount } from '../fixtures/accounts'

// The server process of the restart section (sections/restart.ts), killed with SIGKILL and started
// again on the same port: either the app on an embedded database in a data directory (as main.ts
// runs it), or the floor, a plain Socket.IO server whose only handler answers a sync. It tells the
// parent over IPC when it listens, with its own clock's time, so "time from listening again" starts
// at the listen itself, not when the parent hears of it.

export type FromRestartServer =
  | { type: 'listening'; at: number }
  | { type: 'prepared'; meetingId: string; cookie: string; csrfToken: string }
  | { type: 'failed'; message: string }

const [kind, portArg, dataDir, prepare] = process.argv.slice(2)
const port = Number(portArg)
const send = (m: FromRestartServer) => process.send?.(m)

async function startApp(): Promise<void> {
  const handle: DatabaseHandle = await openDatabase({ dataDir })
  await migrateToLatest(handle.db)
  const app = await buildApp({ db: handle.db, security: { rateLimit: false } })
  await app.listen({ host: '127.0.0.1', port })
  send({ type: 'listening', at: Date.now() })
  if (prepare === 'prepare') {
    const { cookie, csrfToken } = await createAccount(handle.db, ['secretary'], { displayName: 'Thư ký đo khởi động lại', expiresAt: new Date(Date.now() + 12 * 3600_000) })
    const created = await app.meetingLog.createMeeting({ title: 'Đo khởi động lại', venue: 'Máy đo (127.0.0.1)' })
    if (!created.ok) throw new Error(created.error.message)
    send({ type: 'prepared', meetingId: created.data.meeting.meetingId, cookie, csrfToken })
  }
  process.on('SIGTERM', () => {
    void app.close().then(() => handle.close()).then(() => process.exit(0))
  })
}

async function startFloor(): Promise<void> {
  const httpServer = http.createServer()
  // The app's heartbeat, so both notice a dead link alike.
  const io = new Server(httpServer, { serveClient: false, ...HEARTBEAT })
  io.on('connection', (socket) => {
    socket.on('sync', (ack: (answer: { seq: number }) => void) => {
      if (typeof ack === 'function') ack({ seq: 0 })
    })
  })
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject)
    httpServer.listen(port, '127.0.0.1', resolve)
  })
  send({ type: 'listening', at: Date.now() })
  process.on('SIGTERM', () => io.close(() => process.exit(0)))
}

;(kind === 'app' ? startApp() : startFloor()).catch((err: unknown) => {
  send({ type: 'failed', message: err instanceof Error ? err.message : String(err) })
  process.exit(1)
})
process.on('disconnect', () => process.exit(1))

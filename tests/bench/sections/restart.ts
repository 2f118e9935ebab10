import { fork, type ChildProcess } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { io, type Socket } from 'socket.io-client'
import { MeetingConnection, RECONNECTION, type ConnectionStatus, type MeetingSocket } from '../../../client/src/realtime/connection'
import type { Ack } from '../../../shared/errors'
import { PROTOCOL_VERSION, type CommandResult } from '../../../shared/protocol'
import { freePort } from '../../chaos/cluster'
import type { FromRestartServer } from '../restart-server'
import type { BenchSection, Figure } from '../section'

// A hall of screens when the server restarts: N public screens (the real client connection of
// client/src/realtime, with its reconnection options) follow a meeting on the app, which runs on an
// embedded database in a data directory, as main.ts runs it. The server process is killed
// (SIGKILL) and started again on the same port; measured: from the moment it listens again until
// every screen has synced (status 'online' at the log's head). The floor: as many plain
// Socket.IO clients, with the same reconnection options, on a plain Socket.IO server killed and
// started the same way, each caught up when its one 'sync' is answered. Afterwards one more command
// must reach every screen: a screen that missed it fails the run (no screen may miss an event).

const GOAL_SECONDS = 2
const entry = fileURLToPath(new URL('../restart-server.ts', import.meta.url))

class ServerProcess {
  private constructor(readonly child: ChildProcess) {}

  static start(kind: 'app' | 'floor', port: number, dataDir: string, prepare = false): Promise<{ server: ServerProcess; listeningAt: number; prepared: Promise<Extract<FromRestartServer, { type: 'prepared' }>> }> {
    const child = fork(entry, [kind, String(port), dataDir, prepare ? 'prepare' : ''], { execArgv: ['--import', import.meta.resolve('tsx')], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
    let resolvePrepared: (m: Extract<FromRestartServer, { type: 'prepared' }>) => void = () => {}
    const prepared = new Promise<Extract<FromRestartServer, { type: 'prepared' }>>((resolve) => (resolvePrepared = resolve))
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the ${kind} server did not listen within 60 s`)), 60_000)
      child.on('message', (m: FromRestartServer) => {
        if (m.type === 'listening') {
          clearTimeout(timer)
          resolve({ server: new ServerProcess(child), listeningAt: m.at, prepared })
        } else if (m.type === 'prepared') resolvePrepared(m)
        else if (m.type === 'failed') reject(new Error(`the ${kind} server failed: ${m.message}`))
      })
      child.on('exit', (code, signal) => reject(new Error(`the ${kind} server exited (${signal ?? code})`)))
    })
  }

  kill(signal: NodeJS.Signals): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return Promise.resolve()
    return new Promise((resolve) => {
      this.child.once('exit', () => resolve())
      this.child.kill(signal)
    })
  }
}

/** Resolves when `check` holds, polling; rejects with `what` after `ms`. */
async function until(check: () => boolean, what: string, ms: number): Promise<void> {
  const end = Date.now() + ms
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 20))
  }
}

interface Screen {
  status: ConnectionStatus
  seq: number
  /** When it was last synced ('online'), and how many times it went offline. */
  onlineAt: number
  drops: number
}

async function inBatches<T>(items: T[], size: number, each: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(each))
}

async function measureApp(screensWanted: number): Promise<{ seconds: number; drops: number }> {
  const port = await freePort()
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hnd-bench-restart-'))
  let server: ServerProcess | null = null
  const connections: MeetingConnection[] = []
  let secretary: Socket | null = null
  try {
    const first = await ServerProcess.start('app', port, dataDir, true)
    server = first.server
    const { meetingId, cookie } = await first.prepared
    const url = `http://127.0.0.1:${port}`
    const openSecretary = () =>
      io(url, { transports: ['websocket'], forceNew: true, reconnection: false, auth: { protocol: PROTOCOL_VERSION, meetingId, role: 'secretary' }, extraHeaders: { cookie } })
    const send = async (socket: Socket, n: number) => {
      const ack = (await socket.timeout(30_000).emitWithAck('speaker:register', { commandId: randomUUID(), name: `Người phát biểu ${n}` })) as Ack<CommandResult>
      if (!ack.ok) throw new Error(`the secretary's command was refused: ${ack.error.code}`)
      return ack.data.seq
    }

    const screens: Screen[] = Array.from({ length: screensWanted }, () => ({ status: 'connecting', seq: 0, onlineAt: 0, drops: 0 }))
    await inBatches([...screens.keys()], 50, async (i) => {
      const screen = screens[i]!
      const connection = new MeetingConnection({
        meetingId,
        role: 'attendee',
        network: null,
        createSocket: (auth) => io(url, { autoConnect: false, auth, forceNew: true, ...RECONNECTION, transports: [...RECONNECTION.transports] }) as MeetingSocket,
        onState: (state) => (screen.seq = state.seq),
        onStatus: (status) => {
          if (status === 'offline' && screen.status !== 'offline') screen.drops++
          if (status === 'online') screen.onlineAt = Date.now()
          screen.status = status
        },
      })
      connections.push(connection)
      connection.start()
      await until(() => screen.status === 'online', `screen #${i} to sync`, 60_000)
    })

    secretary = openSecretary()
    await new Promise<void>((resolve, reject) => {
      secretary!.once('connect', resolve)
      secretary!.once('connect_error', reject)
    })
    let head = 0
    for (let n = 0; n < 5; n++) head = await send(secretary, n)
    await until(() => screens.every((s) => s.seq === head), 'every screen to reach the head before the restart', 60_000)
    secretary.close()

    await server.kill('SIGKILL')
    await until(() => screens.every((s) => s.status !== 'online'), 'every screen to notice the server is gone', 30_000)
    for (const s of screens) s.drops = 0
    const again = await ServerProcess.start('app', port, dataDir)
    server = again.server
    await until(() => screens.every((s) => s.status === 'online' && s.onlineAt >= again.listeningAt && s.seq === head), 'every screen to catch up after the restart', 120_000)
    const seconds = (Math.max(...screens.map((s) => s.onlineAt)) - again.listeningAt) / 1000
    const drops = screens.reduce((n, s) => n + s.drops, 0)

    // No screen may miss an event: one more command reaches every one of them.
    secretary = openSecretary()
    await new Promise<void>((resolve, reject) => {
      secretary!.once('connect', resolve)
      secretary!.once('connect_error', reject)
    })
    const next = await send(secretary, 99)
    await until(() => screens.every((s) => s.seq === next), 'every screen to receive the command sent after the restart', 60_000)
    return { seconds, drops }
  } finally {
    secretary?.close()
    for (const c of connections) c.close()
    await server?.kill('SIGTERM')
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}

async function measureFloor(screensWanted: number): Promise<number> {
  const port = await freePort()
  let server: ServerProcess | null = null
  const sockets: Socket[] = []
  try {
    server = (await ServerProcess.start('floor', port, '')).server
    const syncedAt: number[] = Array.from({ length: screensWanted }, () => 0)
    await inBatches([...syncedAt.keys()], 50, async (i) => {
      const socket = io(`http://127.0.0.1:${port}`, { forceNew: true, ...RECONNECTION, transports: [...RECONNECTION.transports] })
      sockets.push(socket)
      socket.on('connect', () => {
        socket.emit('sync', () => (syncedAt[i] = Date.now()))
      })
      await until(() => syncedAt[i]! > 0, `floor socket #${i}`, 60_000)
    })
    await server.kill('SIGKILL')
    await until(() => sockets.every((s) => !s.connected), 'every floor socket to notice', 30_000)
    const again = await ServerProcess.start('floor', port, '')
    server = again.server
    await until(() => syncedAt.every((t) => t >= again.listeningAt), 'every floor socket to sync again', 120_000)
    return (Math.max(...syncedAt) - again.listeningAt) / 1000
  } finally {
    for (const s of sockets) s.close()
    await server?.kill('SIGTERM')
  }
}

export const restart: BenchSection = {
  name: 'restart',
  async run({ quick }) {
    const screens = quick ? 200 : 1000
    const floor = await measureFloor(screens)
    console.error(`  floor: ${floor.toFixed(2)} s until ${screens} plain sockets synced again`)
    const app = await measureApp(screens)
    console.error(`  app: ${app.seconds.toFixed(2)} s until ${screens} screens caught up (${app.drops} dropped again after reconnecting)`)
    const figures: Figure[] = [
      { name: `${screens} screens caught up after restart`, value: app.seconds, unit: 's', floor, goal: `≤ ${GOAL_SECONDS} s`, met: app.seconds <= GOAL_SECONDS },
      { name: 'screens dropping again after reconnecting', value: app.drops, unit: '', goal: '0', met: app.drops === 0 },
    ]
    return figures
  },
}

import { randomUUID } from 'node:crypto'
import { createServer as createTcpServer, connect as tcpConnect, type AddressInfo, type Socket as TcpSocket } from 'node:net'
import { io as connect } from 'socket.io-client'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { fail, type Ack } from '@shared/errors'
import { isCommandType } from '@shared/meeting/commands'
import type { MeetingEvent } from '@shared/meeting/events'
import { emptyMeetingState, type MeetingState } from '@shared/meeting/model'
import { PROTOCOL_VERSION, type HandshakeAuth } from '@shared/protocol'
import type { Role } from '@shared/roles'
import { publicRoom } from '../../../server/realtime/rooms'
import type { RealtimeSocket } from '../../../server/realtime/types'
import { startTestServer } from '../../../tests/fixtures/server'
import { MeetingConnection, type ConnectionStatus, type MeetingConnectionOptions, type MeetingSocket } from './connection'
import { memoryOutbox, type StoredCommand } from './outbox'

// The connection against the real server (real app, real database, real Socket.IO), the one it
// talks to in the hall: sync on every (re)connect, ordered folding with gap repair, resending an
// unacknowledged command with the same commandId, and the server's own refusals. What the hall does
// wrong is played around the server, never inside it: a network between the screens and the server
// (a TCP relay that can cut the link or go silent), and a packet middleware on the server's sockets
// that can lose an ack, hold a command unanswered, or answer as a server whose database failed.

type Server = Awaited<ReturnType<typeof startTestServer>>

/** A network between the screens and the server that can be cut, or go silent as a dropped Wi-Fi does. */
class Network {
  private readonly tcp = createTcpServer((inbound) => this.carry(inbound))
  private readonly links = new Set<TcpSocket>()
  private state: 'up' | 'cut' | 'silent' = 'up'
  /** Connections the screens opened through it, refused ones included: one per handshake attempt. */
  attempts = 0

  constructor(private readonly target: number) {}

  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.tcp.listen(0, '127.0.0.1', resolve))
    return `http://127.0.0.1:${(this.tcp.address() as AddressInfo).port}`
  }

  /** The server is gone (a restart): every link closes and nothing reaches it until restore(). */
  cut(): void {
    this.state = 'cut'
    for (const link of this.links) link.destroy()
  }

  /** Nothing gets through any more, and no side is told: no FIN, no RST, only silence. */
  silence(): void {
    this.state = 'silent'
    for (const link of this.links) {
      link.unpipe()
      link.pause()
    }
  }

  restore(): void {
    this.state = 'up'
  }

  async close(): Promise<void> {
    for (const link of this.links) link.destroy()
    await new Promise<void>((resolve) => this.tcp.close(() => resolve()))
  }

  private carry(inbound: TcpSocket): void {
    this.attempts++
    if (this.state !== 'up') return void inbound.destroy() // unreachable while down
    const outbound = tcpConnect(this.target, '127.0.0.1')
    for (const end of [inbound, outbound]) {
      this.links.add(end)
      end.on('error', () => end.destroy())
      end.on('close', () => this.links.delete(end))
    }
    inbound.pipe(outbound)
    outbound.pipe(inbound)
  }
}

/**
 * What the server received from this test's screens, and the faults the test turns on. Commands
 * still go through the real server: a lost ack is lost after the commit, an unknown outcome is
 * answered after the real one was decided.
 */
interface Hall {
  /** Every commandId received, retries included. */
  received: string[]
  /** The lastSeq of every sync asked for, by the screen's role. */
  syncs: { role: Role; lastSeq: number }[]
  /** Every accepted handshake's `auth`, as received. */
  handshakes: HandshakeAuth[]
  /** The server's sockets of this test's screens. */
  sockets: RealtimeSocket[]
  /** When set, the next command is applied but its ack is lost with the connection. */
  dropNextAck: boolean
  /** When set, commands are received but never answered (nor applied). */
  silent: boolean
  /**
   * While above 0, a command's answer is replaced by this error, as a server whose connection to
   * its database broke during COMMIT answers: committed, but it cannot say so.
   */
  unknownOutcomes: number
  unknownOutcomeCode: 'INTERNAL' | 'UNAVAILABLE'
  /** While above 0, a sync is answered UNAVAILABLE (the database is down). */
  failingSyncs: number
}

const freshHall = (): Hall => ({
  received: [],
  syncs: [],
  handshakes: [],
  sockets: [],
  dropNextAck: false,
  silent: false,
  unknownOutcomes: 0,
  unknownOutcomeCode: 'UNAVAILABLE',
  failingSyncs: 0,
})

let server: Server
let hall: Hall = freshHall()
let meetingId: string
let network: Network
let url: string
const open: MeetingConnection[] = []

/** Plays the faults on the real server's sockets for this test's meeting. */
function watch(socket: RealtimeSocket): void {
  if (socket.data.meetingId !== meetingId) return
  const { role } = socket.data
  hall.handshakes.push(socket.handshake.auth as HandshakeAuth)
  hall.sockets.push(socket)
  socket.use((packet, next) => {
    const [event, payload] = packet
    const last = packet.length - 1
    const ack = typeof packet[last] === 'function' ? (packet[last] as (result: Ack<unknown>) => void) : null
    if (event === 'meeting:sync') {
      hall.syncs.push({ role, lastSeq: (payload as { lastSeq: number }).lastSeq })
      if (hall.failingSyncs > 0 && ack) {
        hall.failingSyncs--
        return ack(fail('UNAVAILABLE'))
      }
      return next()
    }
    if (!isCommandType(event) || !ack) return next()
    hall.received.push(String((payload as { commandId?: unknown }).commandId))
    if (hall.silent) return
    packet[last] = (result: Ack<unknown>) => {
      if (hall.dropNextAck) {
        hall.dropNextAck = false
        socket.conn.close() // the ack is lost with the connection
        return
      }
      if (hall.unknownOutcomes > 0) {
        hall.unknownOutcomes--
        return ack(fail(hall.unknownOutcomeCode))
      }
      ack(result)
    }
    next()
  })
}

beforeAll(async () => {
  server = await startTestServer()
  server.app.io.on('connection', (socket) => watch(socket))
})

afterAll(async () => {
  await server?.close()
})

beforeEach(async () => {
  retries = []
  hall = freshHall()
  ;({ meetingId } = await server.createMeeting('Hội nghị thử'))
  network = new Network(Number(new URL(server.url).port))
  url = await network.listen()
})

afterEach(async () => {
  for (const connection of open.splice(0)) connection.close()
  await network.close()
})

function until(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now()
    const tick = () => {
      if (check()) return resolve()
      if (Date.now() - started > timeoutMs) return reject(new Error('timed out waiting for condition'))
      setTimeout(tick, 10)
    }
    tick()
  })
}

/** The meeting as the server holds it, as it serves it to a screen of `role`. */
async function serverState(role: 'secretary' | 'projector' = 'secretary'): Promise<MeetingState> {
  const res = await server.app.inject({ url: `/api/meetings/${meetingId}/state?role=${role}`, headers: server.people.secretary.headers })
  if (res.statusCode !== 200) throw new Error(`state: ${res.statusCode} ${res.body}`)
  return res.json() as MeetingState
}

/** Every event of the meeting so far, as a projector receives them. */
async function projectorEvents(): Promise<MeetingEvent[]> {
  const res = await server.app.inject({ url: `/api/meetings/${meetingId}/events?role=projector`, headers: server.people.secretary.headers })
  if (res.statusCode !== 200) throw new Error(`events: ${res.statusCode} ${res.body}`)
  return (res.json() as { events: MeetingEvent[] }).events
}

const syncsOf = (role: Role) => hall.syncs.filter((s) => s.role === role).map((s) => s.lastSeq)

interface Observed {
  connection: MeetingConnection
  state: () => MeetingState
  /** How many times the screen was handed a new state. */
  published: () => number
  statuses: ConnectionStatus[]
  lastError: () => string | null
}

/** Every retry the screens waited for, by attempt number (their real backoff, shortened). */
let retries: number[] = []

/**
 * Opens the meeting as `role`: the secretary and the projector with the secretary's session (a
 * signed-in desk opens the projector), the chair with a paired tablet's token, or with nothing.
 */
function start(role: 'secretary' | 'chair' | 'projector' = 'secretary', deviceToken?: string, offsets: number[] = [], extra: Partial<MeetingConnectionOptions> = {}): Observed {
  let state = emptyMeetingState(meetingId)
  let published = 0
  let lastError: string | null = null
  const statuses: ConnectionStatus[] = []
  const cookie = role === 'chair' ? undefined : server.people.secretary.cookie
  const connection = new MeetingConnection({
    meetingId,
    role,
    deviceToken,
    ackTimeoutMs: 300,
    manualRetryMs: 50,
    retryDelay: (attempt) => {
      retries.push(attempt)
      return 20 * 2 ** attempt
    },
    createSocket: (auth) =>
      connect(url, {
        autoConnect: false,
        auth,
        transports: ['websocket'],
        reconnectionDelay: 20,
        reconnectionDelayMax: 50,
        ...(cookie ? { extraHeaders: { cookie } } : {}),
      }) as MeetingSocket,
    onState: (next) => {
      state = next
      published++
    },
    onStatus: (status, error) => {
      statuses.push(status)
      lastError = error?.code ?? null
    },
    onClockOffset: (offset) => offsets.push(offset),
    ...extra,
  })
  open.push(connection)
  connection.start()
  return { connection, state: () => state, published: () => published, statuses, lastError: () => lastError }
}

/** A socket with the secretary's session and Socket.IO's own retries at `delayMs`. */
const secretarySocket = (delayMs: number) => (auth: HandshakeAuth) =>
  connect(url, {
    autoConnect: false,
    auth,
    transports: ['websocket'],
    reconnectionDelay: delayMs,
    reconnectionDelayMax: delayMs,
    randomizationFactor: 0,
    extraHeaders: { cookie: server.people.secretary.cookie },
  }) as MeetingSocket

/**
 * Waits out every retry a refused screen could make: Socket.IO's own (reconnectionDelayMax 50 ms)
 * and the connection's manual one (manualRetryMs 50 ms, spread to at most 75 ms), several times over.
 */
const pastEveryRetry = () => new Promise((r) => setTimeout(r, 300))

describe('MeetingConnection', () => {
  it('syncs from seq 0 on connect and goes online', async () => {
    const screen = start()
    await until(() => screen.connection.currentStatus === 'online')
    expect(syncsOf('secretary')).toEqual([0])
    expect(screen.state().title).toBe('Hội nghị thử')
    expect(screen.statuses[0]).toBe('connecting')
  })

  it('folds its own command from the ack and others from the broadcast', async () => {
    const secretary = start()
    const projector = start('projector')
    await until(() => secretary.connection.currentStatus === 'online' && projector.connection.currentStatus === 'online')

    const ack = await secretary.connection.send('speaker:register', { name: 'Cầm Văn Thanh', unit: 'Bản Mòng' })
    expect(ack.ok).toBe(true)
    expect(secretary.state().speakers.map((s) => s.name)).toEqual(['Cầm Văn Thanh'])
    await until(() => projector.state().speakers.length === 1)
    expect(secretary.state()).toEqual(await serverState('secretary'))
    expect(projector.state()).toEqual(await serverState('projector'))
  })

  it('surfaces a refusal from the server as the ack, leaving the state alone', async () => {
    const screen = start()
    await until(() => screen.connection.currentStatus === 'online')
    const ack = await screen.connection.send('speaker:call-next', {})
    expect(ack).toMatchObject({ ok: false, error: { code: 'QUEUE_EMPTY' } })
    expect(screen.state().currentSpeakerNo).toBeNull()
  })

  it('resends an unacknowledged command with the same commandId after a reconnect, applied once', async () => {
    const screen = start()
    await until(() => screen.connection.currentStatus === 'online')
    hall.dropNextAck = true
    const ack = await screen.connection.send('petition:record', { origin: 'added', title: 'Sửa đường vào bản' })

    expect(ack.ok).toBe(true)
    expect(ack.ok && ack.data.duplicate).toBe(true)
    expect(hall.received).toHaveLength(2)
    expect(hall.received[0]).toBe(hall.received[1])
    expect((await serverState()).petitions).toHaveLength(1)
    // It synced again after the reconnect, from where it was.
    expect(syncsOf('secretary').length).toBeGreaterThanOrEqual(2)
    await until(() => screen.state().petitions.length === 1)
    expect(screen.statuses).toContain('offline')
  })

  it('resends with the same commandId when the ack is overdue on a live connection', async () => {
    const screen = start()
    await until(() => screen.connection.currentStatus === 'online')
    hall.silent = true
    const pending = screen.connection.send('speaker:register', { name: 'Lò Thị Hương' })
    await until(() => hall.received.length >= 2)
    hall.silent = false
    const ack = await pending
    expect(ack.ok).toBe(true)
    expect(new Set(hall.received).size).toBe(1)
    expect((await serverState()).speakers).toHaveLength(1)
  })

  it('resends a command whose outcome is unknown with the same id until the server says, so "call next" is never applied twice', async () => {
    const screen = start()
    await until(() => screen.connection.currentStatus === 'online')
    await screen.connection.send('speaker:register', { name: 'Lò Văn Inh' })
    await screen.connection.send('speaker:register', { name: 'Quàng Thị Mai' })
    for (const code of ['INTERNAL', 'UNAVAILABLE'] as const) {
      hall.received = []
      retries = []
      hall.unknownOutcomes = 2
      hall.unknownOutcomeCode = code
      const ack = await screen.connection.send('speaker:call-next', {})
      // Applied by the first attempt; the third learns of it as a duplicate and gets its events.
      expect(ack).toMatchObject({ ok: true, data: { duplicate: true } })
      expect(hall.received).toHaveLength(3)
      expect(new Set(hall.received).size).toBe(1)
      expect(retries).toEqual([0, 1]) // it waited, longer each time
    }
    // While in doubt the screen said so; once answered, it is back online.
    expect(screen.statuses).toContain('degraded')
    expect(screen.connection.currentStatus).toBe('online')
    // Two calls, two speakers called in turn: nobody was skipped.
    expect((await serverState()).speakers.map((s) => s.status)).toEqual(['finished', 'called'])
    await until(() => screen.state().currentSpeakerNo === 2)
    expect(screen.connection.pendingCount).toBe(0)
  })

  it('waits longer before each sync while the server cannot answer, instead of asking again at once', async () => {
    hall.failingSyncs = 4
    const screen = start('projector')
    await until(() => screen.connection.currentStatus === 'online')
    expect(syncsOf('projector')).toEqual([0, 0, 0, 0, 0])
    expect(retries).toEqual([0, 1, 2, 3])
    // Once answered, the count starts again from the first delay.
    hall.failingSyncs = 1
    for (const socket of hall.sockets) socket.disconnect(true)
    await until(() => syncsOf('projector').length === 7)
    expect(retries).toEqual([0, 1, 2, 3, 0])
  })

  it('keeps a command typed while offline and sends it once the link is back', async () => {
    const screen = start()
    await until(() => screen.connection.currentStatus === 'online')
    // The server goes away (a restart): nothing can reach it until it listens again.
    network.cut()
    await until(() => screen.connection.currentStatus === 'offline')
    const pending = screen.connection.send('speaker:register', { name: 'Tòng Văn Sơn' })
    expect(screen.connection.pendingCount).toBe(1)
    network.restore()
    const ack = await pending
    expect(ack.ok).toBe(true)
    // Sent once, after the link came back.
    expect(hall.received).toHaveLength(1)
    expect(screen.connection.pendingCount).toBe(0)
    expect((await serverState()).speakers.map((s) => s.name)).toEqual(['Tòng Văn Sơn'])
  })

  it('repairs a gap in the broadcast by syncing', async () => {
    const desk = start()
    const projector = start('projector')
    await until(() => desk.connection.currentStatus === 'online' && projector.connection.currentStatus === 'online')
    // Two events committed, but only the second reaches the projector: it is out of the public
    // room while the first is broadcast.
    const [projectorSocket] = await server.app.io.in(publicRoom(meetingId)).fetchSockets()
    projectorSocket!.leave(publicRoom(meetingId))
    await desk.connection.send('speaker:register', { name: 'Lò Văn Sáng' })
    projectorSocket!.join(publicRoom(meetingId))
    await desk.connection.send('speaker:register', { name: 'Cà Thị Phương' })
    await until(() => projector.state().seq === desk.state().seq)
    expect(projector.state().speakers).toHaveLength(2)
    expect(projector.state()).toEqual(await serverState('projector'))
    // It asked for what it missed, from the last seq it had.
    expect(syncsOf('projector')).toEqual([0, 1])
  })

  it('ignores a broadcast it already applied', async () => {
    const desk = start()
    const projector = start('projector')
    await until(() => desk.connection.currentStatus === 'online' && projector.connection.currentStatus === 'online')
    const published = projector.published()
    // The meeting's first event again, then a new one: the projector folds only the new one.
    server.app.io.to(publicRoom(meetingId)).emit('meeting:appended', { events: (await projectorEvents()).slice(0, 1) })
    await desk.connection.send('speaker:register', { name: 'Vi Văn Lả' })
    await until(() => projector.state().speakers.length === 1)
    expect(projector.published()).toBe(published + 1)
    expect(syncsOf('projector')).toEqual([0])
  })

  it('sends the protocol, the meeting, the role and the device token in the handshake, and no key', async () => {
    const { token } = await server.pairDevice(meetingId, 'chair')
    const tablet = start('chair', token)
    const desk = start('secretary')
    await until(() => tablet.connection.currentStatus === 'online' && desk.connection.currentStatus === 'online')
    expect(hall.handshakes).toContainEqual({ protocol: PROTOCOL_VERSION, meetingId, role: 'chair', deviceToken: token })
    expect(hall.handshakes).toContainEqual({ protocol: PROTOCOL_VERSION, meetingId, role: 'secretary' })
  })

  it('reports a refused handshake and does not retry it', async () => {
    const screen = start('chair') // neither a paired tablet nor a chair's session
    await until(() => screen.connection.currentStatus === 'refused')
    expect(screen.lastError()).toBe('UNAUTHENTICATED')
    await pastEveryRetry()
    expect(screen.statuses.filter((s) => s === 'refused')).toHaveLength(1)
    expect(network.attempts).toBe(1)
  })

  it('treats a revoked device as final too', async () => {
    const { token, device } = await server.pairDevice(meetingId, 'chair')
    const revoked = await server.app.inject({ method: 'DELETE', url: `/api/meetings/${meetingId}/devices/${device.id}`, headers: server.people.secretary.headers })
    expect(revoked.statusCode).toBe(204)
    const screen = start('chair', token)
    await until(() => screen.connection.currentStatus === 'refused')
    expect(screen.lastError()).toBe('DEVICE_REVOKED')
    await pastEveryRetry()
    expect(network.attempts).toBe(1)
  })

  it('comes back by itself after the server disconnects it on purpose', async () => {
    const screen = start('projector')
    await until(() => screen.connection.currentStatus === 'online')
    const seq = screen.state().seq
    for (const socket of hall.sockets) socket.disconnect(true)
    await until(() => screen.connection.currentStatus === 'offline')
    await until(() => screen.connection.currentStatus === 'online')
    expect(syncsOf('projector')).toEqual([0, seq])
  })

  it("measures the server clock's offset from each sync answer", async () => {
    // This screen's clock is 90 s behind the server's.
    const offsets: number[] = []
    const screen = start('projector', undefined, offsets, { now: () => Date.now() - 90_000 })
    await until(() => screen.connection.currentStatus === 'online')
    expect(offsets).toHaveLength(1)
    // 90 s, less the time the answer took to arrive (well under a second on loopback).
    expect(offsets[0]).toBeGreaterThan(89_000)
    expect(offsets[0]).toBeLessThanOrEqual(90_000)
    expect(screen.connection.clockOffsetMs).toBe(offsets[0])
  })

  it('answers pending commands when closed, so no form waits forever', async () => {
    const screen = start()
    await until(() => screen.connection.currentStatus === 'online')
    hall.silent = true
    const pending = screen.connection.send('speaker:register', { name: 'Hoàng Văn Đức' })
    screen.connection.close()
    expect(await pending).toMatchObject({ ok: false })
  })
})

/** The browser's online/offline events, played by the test. */
function deviceNetwork() {
  const listeners = new Set<(online: boolean) => void>()
  return {
    signals: {
      subscribe(listener: (online: boolean) => void) {
        listeners.add(listener)
        return () => listeners.delete(listener)
      },
    },
    set: (online: boolean) => listeners.forEach((l) => l(online)),
  }
}

describe('MeetingConnection noticing a dead link', () => {
  it('says offline by itself when the network goes silent, keeps the command typed meanwhile and sends it once the network is back', async () => {
    const screen = start()
    await until(() => screen.connection.currentStatus === 'online')
    network.silence()
    // No transport close ever arrives: only the server's missed pings tell (plugins/realtime.ts's
    // heartbeat: a few seconds).
    await until(() => screen.connection.currentStatus === 'offline', 20_000)
    const pending = screen.connection.send('speaker:register', { name: 'Lường Văn Pọm' })
    network.restore()
    const ack = await pending
    expect(ack.ok).toBe(true)
    expect((await serverState()).speakers.map((s) => s.name)).toEqual(['Lường Văn Pọm'])
    expect(new Set(hall.received).size).toBe(1)
  })

  it('drops the link as soon as the device reports it is offline, and tries again as soon as it is back', async () => {
    const device = deviceNetwork()
    const screen = start('secretary', undefined, [], { network: device.signals })
    await until(() => screen.connection.currentStatus === 'online')
    // Socket.IO's own heartbeat takes seconds: going offline at once is the device's event.
    device.set(false)
    expect(screen.connection.currentStatus).toBe('offline')
    // The server itself is still there, so the link comes back by itself and syncs again.
    await until(() => screen.connection.currentStatus === 'online')
    expect(syncsOf('secretary')).toEqual([0, 1])
    device.set(true)
    expect(screen.connection.currentStatus).toBe('online')
  })
})

describe('MeetingConnection when the device gets its network back', () => {
  it('reconnects at once rather than at the end of its backoff', async () => {
    const device = deviceNetwork()
    // Socket.IO's own retries here wait 20 s: only the device's event can bring the link back in time.
    const screen = start('secretary', undefined, [], { network: device.signals, createSocket: secretarySocket(20_000) })
    await until(() => screen.connection.currentStatus === 'online')
    network.cut()
    await until(() => screen.connection.currentStatus === 'offline')
    network.restore()
    device.set(true)
    await until(() => screen.connection.currentStatus === 'online')
    expect(syncsOf('secretary')).toEqual([0, 1])
  })
})

describe('MeetingConnection keeping unanswered commands across reloads', () => {
  const stored = (commandId: string, type: StoredCommand['type'], fields: Record<string, unknown>): StoredCommand => ({
    commandId,
    type,
    payload: { ...fields, commandId },
  })

  it('keeps a command in the outbox until the server answers it, then forgets it', async () => {
    const outbox = memoryOutbox()
    const screen = start('secretary', undefined, [], { outbox })
    await until(() => screen.connection.currentStatus === 'online')
    // A final refusal is an answer too.
    const refused = await screen.connection.send('speaker:call-next', {})
    expect(refused).toMatchObject({ ok: false, error: { code: 'QUEUE_EMPTY' } })
    expect(outbox.entries).toEqual([])
    hall.silent = true
    const pending = screen.connection.send('speaker:register', { name: 'Vi Văn Lả', unit: 'Bản Hua' })
    expect(outbox.entries).toEqual([
      { commandId: expect.any(String), type: 'speaker:register', payload: { name: 'Vi Văn Lả', unit: 'Bản Hua', commandId: outbox.entries[0]?.commandId } },
    ])
    hall.silent = false
    expect((await pending).ok).toBe(true)
    expect(outbox.entries).toEqual([])
  })

  it('leaves unanswered commands in the outbox when the screen closes', async () => {
    const outbox = memoryOutbox()
    const screen = start('secretary', undefined, [], { outbox })
    await until(() => screen.connection.currentStatus === 'online')
    hall.silent = true
    const pending = screen.connection.send('petition:record', { origin: 'added', title: 'Nước sạch cho bản' })
    screen.connection.close()
    expect(await pending).toMatchObject({ ok: false })
    expect(outbox.entries.map((c) => c.type)).toEqual(['petition:record'])
  })

  it('sends what a previous page left with the same commandId, applies it once even if it had landed, and reports each answer', async () => {
    // The previous page sent two commands; the first reached the server just before the reload.
    const first = stored(randomUUID(), 'speaker:register', { name: 'Lò Văn Sáng' })
    const second = stored(randomUUID(), 'speaker:register', { name: 'Cà Thị Phương' })
    const earlier = start()
    await until(() => earlier.connection.currentStatus === 'online')
    const landed = await earlier.connection.send('speaker:register', { name: 'Lò Văn Sáng' }, first.commandId)
    expect(landed.ok).toBe(true)
    earlier.connection.close()

    const outbox = memoryOutbox([first, second])
    const answers: { commandId: string; ok: boolean; duplicate?: boolean }[] = []
    const screen = start('secretary', undefined, [], {
      outbox,
      onRestoredAnswer: (command, ack) => answers.push({ commandId: command.commandId, ok: ack.ok, ...(ack.ok ? { duplicate: ack.data.duplicate } : {}) }),
    })
    await until(() => answers.length === 2)
    expect(answers).toEqual([
      { commandId: first.commandId, ok: true, duplicate: true },
      { commandId: second.commandId, ok: true, duplicate: false },
    ])
    expect((await serverState()).speakers.map((s) => s.name)).toEqual(['Lò Văn Sáng', 'Cà Thị Phương'])
    await until(() => screen.state().speakers.length === 2)
    expect(outbox.entries).toEqual([])
    expect(screen.connection.pendingCount).toBe(0)
  })

  it('reports a refusal of a restored command, since no form is left to show it', async () => {
    const outbox = memoryOutbox([stored(randomUUID(), 'speaker:call-next', {})])
    const refusals: string[] = []
    const screen = start('secretary', undefined, [], {
      outbox,
      onRestoredAnswer: (_command, ack) => {
        if (!ack.ok) refusals.push(ack.error.code)
      },
    })
    await until(() => refusals.length === 1)
    expect(refusals).toEqual(['QUEUE_EMPTY'])
    expect(outbox.entries).toEqual([])
    expect(screen.state().currentSpeakerNo).toBeNull()
  })
})

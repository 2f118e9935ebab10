import { createServer, type Server as HttpServer } from 'node:http'
import { createServer as createTcpServer, connect as tcpConnect, type AddressInfo, type Socket as TcpSocket } from 'node:net'
import { Server, type ServerOptions, type Socket as ServerSocket } from 'socket.io'
import { io as connect } from 'socket.io-client'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { emptyCalendar } from '@shared/calendar/working-days'
import { emptyDirectory } from '@shared/directory'
import { errorMessages, fail, ok, type Ack } from '@shared/errors'
import { commandSchemas, isCommandType, type Command } from '@shared/meeting/commands'
import { decide } from '@shared/meeting/decide'
import type { MeetingEvent } from '@shared/meeting/events'
import { evolve } from '@shared/meeting/evolve'
import { emptyMeetingState, type MeetingState } from '@shared/meeting/model'
import { PROTOCOL_VERSION, type CommandResult, type HandshakeAuth, type SyncResult } from '@shared/protocol'
import { MeetingConnection, type ConnectionStatus, type MeetingConnectionOptions, type MeetingSocket } from './connection'
import { memoryOutbox, type StoredCommand } from './outbox'

// The connection against a real Socket.IO server that plays the meeting log with the shared domain:
// just enough server to check what the client promises — sync on every (re)connect, ordered folding
// with gap repair, and resending an unacknowledged command with the same commandId.

const meetingId = '7d3c2f0e-8b5a-4c1d-9e2f-3a4b5c6d7e8f'
const chairToken = 'chair-device-token'
const revokedToken = 'revoked-device-token'

class FakeMeetingServer {
  readonly http: HttpServer = createServer()
  readonly io: Server
  state: MeetingState = emptyMeetingState(meetingId)
  log: MeetingEvent[] = []
  results = new Map<string, CommandResult>()
  /** Every commandId received, retries included. */
  received: string[] = []
  syncRequests: number[] = []
  /** When set, the next command is applied but its ack is lost with the connection. */
  dropNextAck = false
  /** When set, commands are received but never answered. */
  silent = false
  /** Added to the real clock for the `serverTime` of sync answers (a server whose clock is off). */
  clockSkewMs = 0
  /** Every handshake's `auth`, as received. */
  handshakes: HandshakeAuth[] = []
  /**
   * While above 0, a command is applied and then answered with this error, as a server whose
   * connection to its database broke during COMMIT does: committed, but it cannot say so.
   */
  unknownOutcomes = 0
  unknownOutcomeCode: 'INTERNAL' | 'UNAVAILABLE' = 'UNAVAILABLE'
  /** While above 0, a sync is answered UNAVAILABLE (the database is down). */
  failingSyncs = 0

  constructor(options: Partial<ServerOptions> = {}) {
    this.io = new Server(this.http, options)
    this.append([{ type: 'meeting.created', payload: { title: 'Hội nghị thử', venue: 'Hội trường' } }], null)
    // The real server knows a person by the session cookie and a device by its token. Here the
    // secretary and the projector pass, the chair screen needs the chair device's token.
    this.io.use((socket, next) => {
      const auth = socket.handshake.auth as HandshakeAuth
      this.handshakes.push(auth)
      const refuse = (code: 'UNAUTHENTICATED' | 'DEVICE_REVOKED') => {
        const err = new Error('refused') as Error & { data: unknown }
        err.data = { code, message: errorMessages[code] }
        next(err)
      }
      if (auth.deviceToken === revokedToken) return refuse('DEVICE_REVOKED')
      if (auth.role === 'chair' && auth.deviceToken !== chairToken) return refuse('UNAUTHENTICATED')
      next()
    })
    this.io.on('connection', (socket) => this.serve(socket))
  }

  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.http.listen(0, '127.0.0.1', resolve))
    return `http://127.0.0.1:${(this.http.address() as AddressInfo).port}`
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => void this.io.close(() => resolve()))
  }

  append(drafts: { type: string; payload: unknown }[], commandId: string | null): MeetingEvent[] {
    const events: MeetingEvent[] = []
    for (const draft of drafts) {
      const event = {
        ...draft,
        meetingId,
        seq: this.state.seq + 1,
        at: new Date().toISOString(),
        commandId,
        actorRole: 'secretary',
      } as MeetingEvent
      this.log.push(event)
      this.state = evolve(this.state, event)
      events.push(event)
    }
    return events
  }

  /** Appends and broadcasts, as the real server does after commit. */
  push(events: MeetingEvent[]): void {
    this.io.to('meeting').emit('meeting:appended', { events })
  }

  private serve(socket: ServerSocket): void {
    socket.on('meeting:sync', async (request: { lastSeq: number }, ack: (r: Ack<SyncResult>) => void) => {
      this.syncRequests.push(request.lastSeq)
      if (this.failingSyncs > 0) {
        this.failingSyncs--
        return ack(fail('UNAVAILABLE'))
      }
      await socket.join('meeting')
      const serverTime = new Date(Date.now() + this.clockSkewMs).toISOString()
      ack(ok({ kind: 'events', events: this.log.filter((e) => e.seq > request.lastSeq), seq: this.state.seq, serverTime }))
    })
    socket.onAny((type: string, payload: Record<string, unknown>, ack: (r: Ack<CommandResult>) => void) => {
      if (!isCommandType(type)) return
      const commandId = String(payload.commandId)
      this.received.push(commandId)
      if (this.silent) return
      const previous = this.results.get(commandId)
      if (previous && this.unknownOutcomes > 0) {
        this.unknownOutcomes-- // still failing: the retry cannot be answered either
        return ack(fail(this.unknownOutcomeCode))
      }
      if (previous) return ack(ok({ ...previous, duplicate: true }))
      const parsed = commandSchemas[type].safeParse(payload)
      if (!parsed.success) return ack(fail('VALIDATION_FAILED'))
      const decided = decide(this.state, { type, ...parsed.data } as Command, { at: new Date().toISOString(), directory: emptyDirectory, calendar: emptyCalendar })
      if (!decided.ok) return ack(decided)
      const events = this.append(decided.data, commandId)
      const result = { seq: this.state.seq, events, duplicate: false }
      this.results.set(commandId, result)
      socket.broadcast.to('meeting').emit('meeting:appended', { events })
      if (this.dropNextAck) {
        this.dropNextAck = false
        socket.conn.close() // the ack is lost with the connection
        return
      }
      if (this.unknownOutcomes > 0) {
        this.unknownOutcomes--
        return ack(fail(this.unknownOutcomeCode))
      }
      ack(ok(result))
    })
  }
}

function until(check: () => boolean, timeoutMs = 4000): Promise<void> {
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

let server: FakeMeetingServer
let url: string
const open: MeetingConnection[] = []

interface Observed {
  connection: MeetingConnection
  state: () => MeetingState
  statuses: ConnectionStatus[]
  lastError: () => string | null
}

/** Every retry the screens waited for, by attempt number (their real backoff, shortened). */
let retries: number[] = []

function start(
  role: 'secretary' | 'chair' | 'projector' = 'secretary',
  deviceToken?: string,
  offsets: number[] = [],
  extra: Partial<MeetingConnectionOptions> = {},
): Observed {
  let state = emptyMeetingState(meetingId)
  let lastError: string | null = null
  const statuses: ConnectionStatus[] = []
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
      }) as MeetingSocket,
    onState: (next) => {
      state = next
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
  return { connection, state: () => state, statuses, lastError: () => lastError }
}

beforeEach(async () => {
  retries = []
  server = new FakeMeetingServer()
  url = await server.listen()
})

afterEach(async () => {
  for (const connection of open.splice(0)) connection.close()
  await server.close()
})

describe('MeetingConnection', () => {
  it('syncs from seq 0 on connect and goes online', async () => {
    const screen = start()
    await until(() => screen.connection.currentStatus === 'online')
    expect(server.syncRequests).toEqual([0])
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
    expect(projector.state()).toEqual(server.state)
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
    server.dropNextAck = true
    const ack = await screen.connection.send('petition:record', { origin: 'added', title: 'Sửa đường vào bản' })

    expect(ack.ok).toBe(true)
    expect(ack.ok && ack.data.duplicate).toBe(true)
    expect(server.received).toHaveLength(2)
    expect(server.received[0]).toBe(server.received[1])
    expect(server.state.petitions).toHaveLength(1)
    // It synced again after the reconnect, from where it was.
    expect(server.syncRequests.length).toBeGreaterThanOrEqual(2)
    await until(() => screen.state().petitions.length === 1)
    expect(screen.statuses).toContain('offline')
  })

  it('resends with the same commandId when the ack is overdue on a live connection', async () => {
    const screen = start()
    await until(() => screen.connection.currentStatus === 'online')
    server.silent = true
    const pending = screen.connection.send('speaker:register', { name: 'Lò Thị Hương' })
    await until(() => server.received.length >= 2)
    server.silent = false
    const ack = await pending
    expect(ack.ok).toBe(true)
    expect(new Set(server.received).size).toBe(1)
    expect(server.state.speakers).toHaveLength(1)
  })

  it('resends a command whose outcome is unknown with the same id until the server says, so "call next" is never applied twice', async () => {
    const screen = start()
    await until(() => screen.connection.currentStatus === 'online')
    await screen.connection.send('speaker:register', { name: 'Lò Văn Inh' })
    await screen.connection.send('speaker:register', { name: 'Quàng Thị Mai' })
    for (const code of ['INTERNAL', 'UNAVAILABLE'] as const) {
      server.received = []
      retries = []
      server.unknownOutcomes = 2
      server.unknownOutcomeCode = code
      const ack = await screen.connection.send('speaker:call-next', {})
      // Applied by the first attempt; the third learns of it as a duplicate and gets its events.
      expect(ack).toMatchObject({ ok: true, data: { duplicate: true } })
      expect(server.received).toHaveLength(3)
      expect(new Set(server.received).size).toBe(1)
      expect(retries).toEqual([0, 1]) // it waited, longer each time
    }
    // While in doubt the screen said so; once answered, it is back online.
    expect(screen.statuses).toContain('degraded')
    expect(screen.connection.currentStatus).toBe('online')
    // Two calls, two speakers called in turn: nobody was skipped.
    expect(server.state.speakers.map((s) => s.status)).toEqual(['finished', 'called'])
    await until(() => screen.state().currentSpeakerNo === 2)
    expect(screen.connection.pendingCount).toBe(0)
  })

  it('waits longer before each sync while the server cannot answer, instead of asking again at once', async () => {
    server.failingSyncs = 4
    const screen = start('projector')
    await until(() => screen.connection.currentStatus === 'online')
    expect(server.syncRequests).toEqual([0, 0, 0, 0, 0])
    expect(retries).toEqual([0, 1, 2, 3])
    // Once answered, the count starts again from the first delay.
    server.failingSyncs = 1
    server.io.disconnectSockets(true)
    await until(() => server.syncRequests.length === 7)
    expect(retries).toEqual([0, 1, 2, 3, 0])
  })

  it('keeps a command typed while offline and sends it once the link is back', async () => {
    const screen = start()
    await until(() => screen.connection.currentStatus === 'online')
    // The server goes away (a restart): nothing can reach it until it listens again.
    const port = Number(new URL(url).port)
    await server.close()
    await until(() => screen.connection.currentStatus === 'offline')
    const pending = screen.connection.send('speaker:register', { name: 'Tòng Văn Sơn' })
    await new Promise((r) => setTimeout(r, 100))
    expect(screen.connection.pendingCount).toBe(1)
    expect(server.received).toHaveLength(0)
    server.io.listen(port)
    const ack = await pending
    expect(ack.ok).toBe(true)
    expect(server.received).toHaveLength(1)
    expect(screen.connection.pendingCount).toBe(0)
  })

  it('repairs a gap in the broadcast by syncing', async () => {
    const screen = start('projector')
    await until(() => screen.connection.currentStatus === 'online')
    // Two events committed, but only the second reaches this screen.
    const lost = server.append([{ type: 'meeting.created', payload: { title: 'Đổi tên', venue: '' } }], null)
    const second = server.append([{ type: 'meeting.created', payload: { title: 'Tên mới', venue: 'Nhà văn hóa' } }], null)
    expect(lost[0]?.seq).toBe(2)
    server.push(second)
    await until(() => screen.state().seq === 3)
    expect(screen.state().title).toBe('Tên mới')
    expect(server.syncRequests).toEqual([0, 1])
  })

  it('ignores a broadcast it already applied', async () => {
    const screen = start('projector')
    await until(() => screen.connection.currentStatus === 'online')
    const before = screen.state()
    server.push(server.log.slice(0, 1))
    await new Promise((r) => setTimeout(r, 50))
    expect(screen.state()).toBe(before)
    expect(server.syncRequests).toEqual([0])
  })

  it('sends the protocol, the meeting, the role and the device token in the handshake, and no key', async () => {
    const tablet = start('chair', chairToken)
    const desk = start('secretary')
    await until(() => tablet.connection.currentStatus === 'online' && desk.connection.currentStatus === 'online')
    expect(server.handshakes).toContainEqual({ protocol: PROTOCOL_VERSION, meetingId, role: 'chair', deviceToken: chairToken })
    expect(server.handshakes).toContainEqual({ protocol: PROTOCOL_VERSION, meetingId, role: 'secretary' })
  })

  it('reports a refused handshake and does not retry it', async () => {
    const screen = start('chair')
    await until(() => screen.connection.currentStatus === 'refused')
    expect(screen.lastError()).toBe('UNAUTHENTICATED')
    await new Promise((r) => setTimeout(r, 150))
    expect(screen.statuses.filter((s) => s === 'refused')).toHaveLength(1)
    expect(server.handshakes).toHaveLength(1)
  })

  it('treats a revoked device as final too', async () => {
    const screen = start('projector', revokedToken)
    await until(() => screen.connection.currentStatus === 'refused')
    expect(screen.lastError()).toBe('DEVICE_REVOKED')
    await new Promise((r) => setTimeout(r, 150))
    expect(server.handshakes).toHaveLength(1)
  })

  it('comes back by itself after the server disconnects it on purpose', async () => {
    const screen = start('projector')
    await until(() => screen.connection.currentStatus === 'online')
    server.io.disconnectSockets(true)
    await until(() => screen.connection.currentStatus === 'offline')
    await until(() => screen.connection.currentStatus === 'online')
    expect(server.syncRequests).toEqual([0, 1])
  })

  it("measures the server clock's offset from each sync answer", async () => {
    server.clockSkewMs = 90_000
    const offsets: number[] = []
    const screen = start('projector', undefined, offsets)
    await until(() => screen.connection.currentStatus === 'online')
    expect(offsets).toHaveLength(1)
    // 90 s ahead, less the time the answer took to arrive (well under a second on loopback).
    expect(offsets[0]).toBeGreaterThan(89_000)
    expect(offsets[0]).toBeLessThanOrEqual(90_000)
    expect(screen.connection.clockOffsetMs).toBe(offsets[0])
  })

  it('answers pending commands when closed, so no form waits forever', async () => {
    const screen = start()
    await until(() => screen.connection.currentStatus === 'online')
    server.silent = true
    const pending = screen.connection.send('speaker:register', { name: 'Hoàng Văn Đức' })
    screen.connection.close()
    expect(await pending).toMatchObject({ ok: false })
  })
})

/** A network between the screens and the server that can go silent, as a dropped Wi-Fi does. */
class Network {
  private readonly tcp = createTcpServer((inbound) => this.carry(inbound))
  private readonly links = new Set<TcpSocket>()
  private down = false

  constructor(private readonly target: number) {}

  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.tcp.listen(0, '127.0.0.1', resolve))
    return `http://127.0.0.1:${(this.tcp.address() as AddressInfo).port}`
  }

  /** Nothing gets through any more, and no side is told: no FIN, no RST, only silence. */
  drop(): void {
    this.down = true
    for (const link of this.links) {
      link.unpipe()
      link.pause()
    }
  }

  restore(): void {
    this.down = false
  }

  async close(): Promise<void> {
    for (const link of this.links) link.destroy()
    await new Promise<void>((resolve) => this.tcp.close(() => resolve()))
  }

  private carry(inbound: TcpSocket): void {
    if (this.down) return void inbound.destroy() // unreachable while down
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
    // A server with a short heartbeat, as plugins/realtime.ts sets one (shortened further here).
    const port = Number(new URL(url).port)
    await server.close()
    server = new FakeMeetingServer({ pingInterval: 150, pingTimeout: 150 })
    server.http.listen(port, '127.0.0.1')
    const network = new Network(port)
    url = await network.listen()
    try {
      const screen = start()
      await until(() => screen.connection.currentStatus === 'online')
      network.drop()
      // No transport close ever arrives: only the missed pings tell.
      await until(() => screen.connection.currentStatus === 'offline')
      const pending = screen.connection.send('speaker:register', { name: 'Lường Văn Pọm' })
      network.restore()
      const ack = await pending
      expect(ack.ok).toBe(true)
      expect(server.state.speakers.map((s) => s.name)).toEqual(['Lường Văn Pọm'])
      expect(new Set(server.received).size).toBe(1)
    } finally {
      for (const connection of open.splice(0)) connection.close()
      await network.close()
    }
  })

  it("drops the link as soon as the device reports it is offline, and tries again as soon as it is back", async () => {
    const device = deviceNetwork()
    const screen = start('secretary', undefined, [], { network: device.signals })
    await until(() => screen.connection.currentStatus === 'online')
    // Socket.IO's own heartbeat here is the default 25 s: going offline at once is the device's event.
    device.set(false)
    expect(screen.connection.currentStatus).toBe('offline')
    // The server itself is still there, so the link comes back by itself and syncs again.
    await until(() => screen.connection.currentStatus === 'online')
    expect(server.syncRequests).toEqual([0, 1])
    device.set(true)
    expect(screen.connection.currentStatus).toBe('online')
  })
})

describe('MeetingConnection when the device gets its network back', () => {
  it('reconnects at once rather than at the end of its backoff', async () => {
    const device = deviceNetwork()
    // Socket.IO's own retries here wait 20 s: only the device's event can bring the link back in time.
    const screen = start('secretary', undefined, [], {
      network: device.signals,
      createSocket: (auth) =>
        connect(url, { autoConnect: false, auth, transports: ['websocket'], reconnectionDelay: 20_000, reconnectionDelayMax: 20_000, randomizationFactor: 0 }) as MeetingSocket,
    })
    await until(() => screen.connection.currentStatus === 'online')
    const port = Number(new URL(url).port)
    await server.close()
    await until(() => screen.connection.currentStatus === 'offline')
    server.io.listen(port)
    device.set(true)
    await until(() => screen.connection.currentStatus === 'online')
    expect(server.syncRequests).toEqual([0, 1])
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
    server.silent = true
    const pending = screen.connection.send('speaker:register', { name: 'Vi Văn Lả', unit: 'Bản Hua' })
    expect(outbox.entries).toEqual([
      { commandId: expect.any(String), type: 'speaker:register', payload: { name: 'Vi Văn Lả', unit: 'Bản Hua', commandId: outbox.entries[0]?.commandId } },
    ])
    server.silent = false
    expect((await pending).ok).toBe(true)
    expect(outbox.entries).toEqual([])
  })

  it('leaves unanswered commands in the outbox when the screen closes', async () => {
    const outbox = memoryOutbox()
    const screen = start('secretary', undefined, [], { outbox })
    await until(() => screen.connection.currentStatus === 'online')
    server.silent = true
    const pending = screen.connection.send('petition:record', { origin: 'added', title: 'Nước sạch cho bản' })
    screen.connection.close()
    expect(await pending).toMatchObject({ ok: false })
    expect(outbox.entries.map((c) => c.type)).toEqual(['petition:record'])
  })

  it('sends what a previous page left with the same commandId, applies it once even if it had landed, and reports each answer', async () => {
    // The previous page sent two commands; the first reached the server just before the reload.
    const first = stored('11111111-1111-4111-8111-111111111111', 'speaker:register', { name: 'Lò Văn Sáng' })
    const second = stored('22222222-2222-4222-8222-222222222222', 'speaker:register', { name: 'Cà Thị Phương' })
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
    expect(server.state.speakers.map((s) => s.name)).toEqual(['Lò Văn Sáng', 'Cà Thị Phương'])
    await until(() => screen.state().speakers.length === 2)
    expect(outbox.entries).toEqual([])
    expect(screen.connection.pendingCount).toBe(0)
  })

  it('reports a refusal of a restored command, since no form is left to show it', async () => {
    const outbox = memoryOutbox([stored('33333333-3333-4333-8333-333333333333', 'speaker:call-next', {})])
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

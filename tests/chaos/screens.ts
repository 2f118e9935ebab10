import { io } from 'socket.io-client'
import { MeetingConnection, type ConnectionStatus, type MeetingSocket } from '../../client/src/realtime/connection'
import type { AppError } from '../../shared/errors'
import type { MeetingState } from '../../shared/meeting/model'
import type { HandshakeAuth } from '../../shared/protocol'
import type { Role } from '../../shared/roles'
import type { AppServer } from './servers'

// A screen is the real client's MeetingConnection (what the Vue stores use), pointed at one server
// process. Only the socket factory is ours: Node has no browser to send the session cookie, so it
// goes in extraHeaders, and WebSocket only, as a hall's screens behind a balancer would (long-polling
// would need sticky sessions). The reconnection delays are the client's own defaults
// (client/src/realtime/connection.ts), so what we measure is what a browser would do.
//
// The socket's emit is wrapped to count `meeting:sync` requests: the issue's sync storm.

export interface ScreenCredentials {
  /** A signed-in person's session cookie (`name=value`). */
  cookie?: string
  /** A paired device's token. */
  deviceToken?: string
}

export interface ScreenSpec {
  name: string
  role: Role
  server: AppServer
  credentials: ScreenCredentials
  /** Senders issue commands; the others only follow. */
  sends: boolean
}

/** What a screen showed at the end, kept after its connection is closed. */
export interface ScreenSnapshot {
  name: string
  role: Role
  server: string
  status: ConnectionStatus
  state: MeetingState
  /** Commands still waiting for their ack in its connection. */
  pending: number
  connects: number
  syncTimes: readonly number[]
  handshakeFailures: readonly number[]
}

export class Screen {
  readonly connection: MeetingConnection
  status: ConnectionStatus = 'connecting'
  lastError: AppError | null = null
  /** Timestamps (ms since epoch) of each `meeting:sync` this screen sent. */
  readonly syncTimes: number[] = []
  /** How many times the socket (re)connected. */
  connects = 0
  /** Timestamps of refused or failed handshakes (connect_error). */
  readonly handshakeFailures: number[] = []
  private socket: MeetingSocket | null = null
  /** Status changes into 'refused': the server turned this screen away for good. */
  refusals: AppError[] = []

  constructor(
    readonly spec: ScreenSpec,
    meetingId: string,
  ) {
    this.connection = new MeetingConnection({
      meetingId,
      role: spec.role,
      deviceToken: spec.credentials.deviceToken,
      onState: () => undefined,
      onStatus: (status, error) => {
        this.status = status
        this.lastError = error
        if (status === 'refused' && error) this.refusals.push(error)
      },
      createSocket: (auth) => this.createSocket(auth),
    })
  }

  get name(): string {
    return this.spec.name
  }

  get state(): MeetingState {
    return this.connection.currentState
  }

  snapshot(): ScreenSnapshot {
    return {
      name: this.name,
      role: this.spec.role,
      server: this.spec.server.name,
      status: this.status,
      state: this.state,
      pending: this.connection.pendingCount,
      connects: this.connects,
      syncTimes: [...this.syncTimes],
      handshakeFailures: [...this.handshakeFailures],
    }
  }

  start(): void {
    this.connection.start()
  }

  /**
   * A network blip (the hall's Wi-Fi drops for a moment): the transport closes under the client,
   * which reconnects by itself and syncs, as after a server restart, but to a server still running.
   */
  dropNetwork(): void {
    this.socket?.io.engine?.close()
  }

  close(): void {
    this.connection.close()
  }

  private createSocket(auth: HandshakeAuth): MeetingSocket {
    const socket: MeetingSocket = io(this.spec.server.url, {
      autoConnect: false,
      auth,
      transports: ['websocket'],
      forceNew: true,
      reconnectionDelay: 500,
      reconnectionDelayMax: 5000,
      ...(this.spec.credentials.cookie ? { extraHeaders: { cookie: this.spec.credentials.cookie } } : {}),
    })
    this.socket = socket
    socket.on('connect', () => {
      this.connects += 1
    })
    socket.on('connect_error', () => {
      this.handshakeFailures.push(Date.now())
    })
    const target = socket as unknown as { emit: (event: string, ...args: unknown[]) => unknown }
    const emit = target.emit.bind(socket)
    target.emit = (event: string, ...args: unknown[]) => {
      if (event === 'meeting:sync') this.syncTimes.push(Date.now())
      return emit(event, ...args)
    }
    return socket
  }
}

/** Resolves once every screen is online (connected and synced); rejects after `timeoutMs`. */
export async function allOnline(screens: readonly Screen[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const waiting = screens.filter((s) => s.status !== 'online')
    if (!waiting.length) return
    const refused = waiting.find((s) => s.status === 'refused')
    if (refused) throw new Error(`${refused.name} was refused: ${refused.lastError?.code} ${refused.lastError?.message}`)
    if (Date.now() > deadline) throw new Error(`screens not online after ${timeoutMs / 1000} s: ${waiting.map((s) => `${s.name} (${s.status})`).join(', ')}`)
    await new Promise((r) => setTimeout(r, 50))
  }
}

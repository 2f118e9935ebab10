import { io, type Socket } from 'socket.io-client'
import type { Ack, AppError } from '@shared/errors'
import type { CommandInput, CommandType } from '@shared/meeting/commands'
import type { MeetingEvent } from '@shared/meeting/events'
import { emptyMeetingState, type MeetingState } from '@shared/meeting/model'
import {
  PROTOCOL_VERSION,
  type ClientToServerEvents,
  type CommandResult,
  type HandshakeAuth,
  type ServerToClientEvents,
  type SpeakRequestStanding,
  type SpeakRequestStatusRequest,
  type SyncResult,
} from '@shared/protocol'
import type { Role } from '@shared/roles'
import { applyBatch, applySync, type BatchOutcome } from './catchUp'
import { addClockSample, bestClockOffset, clockSample, type ClockSample } from './clock'
import { newCommandId } from './commandId'
import { asAppError, isRetryable, localError } from './errors'
import { backoffDelay } from './backoff'
import type { Outbox, StoredCommand } from './outbox'

// One screen's live link to one meeting. It owns the socket, the folded state and the commands
// waiting for their ack, and knows nothing about Vue: the store subscribes through callbacks.
//
// Guarantees we build ourselves rather than borrow from Socket.IO (its recovery lives in server
// memory and does not survive a restart):
// - after every (re)connect the screen syncs from the last seq it applied;
// - events are folded strictly in order; a hole triggers another sync;
// - a command stays pending until acknowledged and is re-sent with the same commandId after a
//   reconnect (or when its ack is overdue); the server answers a retry with the original result;
// - an answer that leaves the outcome unknown (INTERNAL, UNAVAILABLE: the server or its database
//   failed, perhaps after the commit) is not final either: the command is re-sent, same id, with
//   backoff, until the server says what became of it. A new id would risk applying it twice;
// - every retry (commands, sync, reconnect) backs off with jitter, so a hall of screens does not
//   hammer a server that is struggling.
// - with an outbox, every command waiting for its final answer is also kept in localStorage, so a
//   screen reloaded (or a browser restarted) during a drop sends it when it opens the meeting again,
//   with the same commandId;
// - a dead link is noticed within seconds: the server pings often (plugins/realtime.ts), and the
//   browser's own `offline` event drops the link at once instead of waiting for the heartbeat.

export type MeetingSocket = Socket<ServerToClientEvents, ClientToServerEvents>

export type ConnectionStatus =
  /** Not yet synced on this connection. */
  | 'connecting'
  /** Connected and caught up. */
  | 'online'
  /**
   * Connected, but the server could not complete what it was asked (its database is unreachable,
   * or it failed): pending commands and the sync are being retried by themselves.
   */
  | 'degraded'
  /** The link is down; Socket.IO (or we) keep trying. */
  | 'offline'
  /**
   * The server refused the handshake: not signed in, a role this person or device does not hold, a
   * revoked device, an unknown meeting, an old app. Retrying will not help.
   */
  | 'refused'

export type CommandFields<K extends CommandType> = Omit<CommandInput<K>, 'commandId'>

export interface MeetingConnectionOptions {
  meetingId: string
  role: Role
  /** The paired device's token, when this screen is the role the device was paired for. */
  deviceToken?: string | undefined
  onState: (state: MeetingState) => void
  onStatus: (status: ConnectionStatus, error: AppError | null) => void
  onPendingChange?: (count: number) => void
  /** The server clock's offset from this screen's (ms to add to Date.now()), after each sync. */
  onClockOffset?: (offsetMs: number) => void
  /** This screen's clock; tests replace it. */
  now?: () => number
  /** Builds the (not yet connected) socket; tests point it at their own server. */
  createSocket?: (auth: HandshakeAuth) => MeetingSocket
  /** How long to wait for a command's ack before re-sending it on the same connection. */
  ackTimeoutMs?: number
  /** Delay before reconnecting by hand when Socket.IO will not (refused-but-retryable, server kick). */
  manualRetryMs?: number
  /** The wait before retry number `attempt` (0-based) of a command or a sync; tests shorten it. */
  retryDelay?: (attempt: number) => number
  /** Where unanswered commands are kept across reloads; without it they live in memory only. */
  outbox?: Outbox
  /**
   * The final answer to a command restored from the outbox: the form that sent it is gone, so the
   * screen says what became of it (a refusal above all).
   */
  onRestoredAnswer?: (command: StoredCommand, ack: Ack<CommandResult>) => void
  /** The device's own view of its network (the browser's online/offline events); null: none. */
  network?: NetworkSignals | null
}

/** Tells when the device itself loses or regains its network. */
export interface NetworkSignals {
  subscribe(listener: (online: boolean) => void): () => void
}

/** The browser's `online` and `offline` events (none outside a browser). */
export const browserNetwork: NetworkSignals | null =
  typeof window === 'undefined'
    ? null
    : {
        subscribe(listener) {
          const online = () => listener(true)
          const offline = () => listener(false)
          window.addEventListener('online', online)
          window.addEventListener('offline', offline)
          return () => {
            window.removeEventListener('online', online)
            window.removeEventListener('offline', offline)
          }
        },
      }

interface PendingCommand {
  commandId: string
  type: CommandType
  payload: { commandId: string } & Record<string, unknown>
  resolve: (ack: Ack<CommandResult>) => void
  timer: ReturnType<typeof setTimeout> | null
  /** Answers so far that left the outcome unknown. */
  unknownOutcomes: number
  /** Taken back from the outbox: no form is waiting for its answer. */
  restored: boolean
}

/**
 * How a screen (re)connects. WebSocket first: one round trip instead of HTTP long-polling's
 * handshake, poll and upgrade, and no sticky sessions needed behind a balancer; polling only when a
 * WebSocket cannot be opened (a proxy that blocks it). Retries come soon, and spread at random
 * (randomizationFactor 0.5: each wait is 0.5–1.5× the nominal one) so a hall of screens that lost
 * the server together does not hit it in lockstep when it is back: with a 1 s cap, every screen
 * tries again within 1.5 s of the server listening, and the attempts of a thousand screens arrive
 * spread over that second rather than at once.
 */
export const RECONNECTION = {
  transports: ['websocket', 'polling'],
  tryAllTransports: true,
  reconnectionDelay: 250,
  reconnectionDelayMax: 1_000,
  randomizationFactor: 0.5,
} as const

const defaultCreateSocket = (auth: HandshakeAuth): MeetingSocket =>
  io({ autoConnect: false, auth, ...RECONNECTION, transports: [...RECONNECTION.transports] })

export class MeetingConnection {
  private state: MeetingState
  private readonly socket: MeetingSocket
  private readonly pending = new Map<string, PendingCommand>()
  /** Bumped on every disconnect so answers from a dead connection are ignored. */
  private epoch = 0
  private syncing = false
  private syncAgain = false
  /** Sync answers in a row that were errors worth retrying; reset by a good one. */
  private syncFailures = 0
  private syncTimer: ReturnType<typeof setTimeout> | null = null
  private closed = false
  private retryTimer: ReturnType<typeof setTimeout> | null = null
  private status: ConnectionStatus = 'connecting'
  private readonly ackTimeoutMs: number
  private readonly manualRetryMs: number
  private readonly retryDelay: (attempt: number) => number
  private clockSamples: ClockSample[] = []
  private clockOffset = 0
  private readonly outbox: Outbox | null
  private unsubscribeNetwork: (() => void) | null = null

  constructor(private readonly options: MeetingConnectionOptions) {
    this.state = emptyMeetingState(options.meetingId)
    this.ackTimeoutMs = options.ackTimeoutMs ?? 10_000
    this.manualRetryMs = options.manualRetryMs ?? 2_000
    this.retryDelay = options.retryDelay ?? ((attempt) => backoffDelay(attempt))
    const auth: HandshakeAuth = { protocol: PROTOCOL_VERSION, meetingId: options.meetingId, role: options.role }
    // A signed-in person needs nothing here: the browser sends the session cookie with the handshake.
    if (options.deviceToken) auth.deviceToken = options.deviceToken
    this.socket = (options.createSocket ?? defaultCreateSocket)(auth)
    this.outbox = options.outbox ?? null
    this.restore()

    this.socket.on('connect', () => {
      this.setStatus('connecting')
      this.sync()
      for (const command of this.pending.values()) this.transmit(command)
    })
    this.socket.on('disconnect', (reason) => {
      this.epoch += 1
      this.syncing = false
      this.syncAgain = false
      this.clearSyncTimer()
      for (const command of this.pending.values()) this.clearTimer(command)
      if (this.closed) return
      this.setStatus('offline')
      // Socket.IO reconnects by itself after a transport loss, but not when the server disconnected
      // us on purpose; a projector nobody touches must come back on its own anyway.
      if (reason === 'io server disconnect') this.scheduleReconnect()
    })
    this.socket.on('connect_error', (err) => {
      if (this.closed) return
      const refusal = asAppError((err as Error & { data?: unknown }).data)
      if (refusal && !isRetryable(refusal)) {
        this.setStatus('refused', refusal)
        return
      }
      this.setStatus('offline', refusal)
      // A refusal from the server's middleware stops Socket.IO's own reconnection loop.
      if (!this.socket.active) this.scheduleReconnect()
    })
    this.socket.on('meeting:appended', ({ events }) => this.receive(events))
  }

  get currentState(): MeetingState {
    return this.state
  }

  /** Add to this screen's Date.now() to get the server's time. */
  get clockOffsetMs(): number {
    return this.clockOffset
  }

  get pendingCount(): number {
    return this.pending.size
  }

  /** Where a phone's own request to speak stands (with the reason it was declined); asked while connected only. */
  requestStatus(request: SpeakRequestStatusRequest): Promise<Ack<SpeakRequestStanding>> {
    if (!this.socket.connected) return Promise.resolve({ ok: false, error: localError('network') })
    return this.socket
      .timeout(this.ackTimeoutMs)
      .emitWithAck('speak-request:status', request)
      .catch(() => ({ ok: false as const, error: localError('network') }))
  }

  start(): void {
    this.closed = false
    const network = this.options.network === undefined ? browserNetwork : this.options.network
    this.unsubscribeNetwork ??= network?.subscribe((online) => this.networkChanged(online)) ?? null
    this.socket.connect()
  }

  /**
   * The device lost its network: the socket would only notice at the next missed ping, so the link
   * is dropped now (Socket.IO then reconnects by itself, and fails until the network is back). The
   * network is back: try now rather than at the end of the current backoff.
   */
  private networkChanged(online: boolean): void {
    if (this.closed) return
    if (!online) {
      if (this.socket.connected) this.socket.io.engine?.close()
      else if (this.status !== 'refused') this.setStatus('offline')
      return
    }
    if (this.socket.connected || this.status === 'refused') return
    if (this.retryTimer) clearTimeout(this.retryTimer)
    this.retryTimer = null
    this.socket.disconnect()
    this.socket.connect()
  }

  /** Takes back the commands a previous page left unanswered, first in line, under their own ids. */
  private restore(): void {
    const stored = this.outbox?.list() ?? []
    for (const entry of stored) {
      this.pending.set(entry.commandId, {
        commandId: entry.commandId,
        type: entry.type,
        payload: entry.payload,
        resolve: (ack) => this.options.onRestoredAnswer?.(entry, ack),
        timer: null,
        unknownOutcomes: 0,
        restored: true,
      })
    }
    if (stored.length > 0) this.options.onPendingChange?.(this.pending.size)
  }

  /**
   * Closes the link. Commands still unanswered are answered 'closed' here, but stay in the outbox:
   * the next screen to open this meeting in this browser sends them.
   */
  close(): void {
    this.closed = true
    this.unsubscribeNetwork?.()
    this.unsubscribeNetwork = null
    if (this.retryTimer) clearTimeout(this.retryTimer)
    this.retryTimer = null
    this.clearSyncTimer()
    this.socket.disconnect()
    for (const command of this.pending.values()) {
      this.clearTimer(command)
      if (!command.restored) command.resolve({ ok: false, error: localError('closed') })
    }
    this.pending.clear()
    this.options.onPendingChange?.(0)
  }

  /**
   * Sends a command and resolves with the server's ack. While offline the command waits and goes out
   * on reconnect with the same commandId, so the promise resolves once the server has answered.
   */
  send<K extends CommandType>(type: K, fields: CommandFields<K>, commandId = newCommandId()): Promise<Ack<CommandResult>> {
    return new Promise((resolve) => {
      const command: PendingCommand = { commandId, type, payload: { ...fields, commandId }, resolve, timer: null, unknownOutcomes: 0, restored: false }
      this.pending.set(commandId, command)
      this.outbox?.add({ commandId, type, payload: command.payload })
      this.options.onPendingChange?.(this.pending.size)
      if (this.socket.connected) this.transmit(command)
    })
  }

  private transmit(command: PendingCommand): void {
    this.clearTimer(command)
    const epoch = this.epoch
    // The event map types each command's payload; here the type is only known at run time.
    const emit = this.socket.emit.bind(this.socket) as unknown as (
      event: CommandType,
      payload: unknown,
      ack: (result: Ack<CommandResult>) => void,
    ) => void
    emit(command.type, command.payload, (result) => this.settle(command.commandId, result))
    command.timer = setTimeout(() => {
      command.timer = null
      if (this.pending.has(command.commandId) && this.socket.connected && this.epoch === epoch) this.transmit(command)
    }, this.ackTimeoutMs)
  }

  private settle(commandId: string, result: Ack<CommandResult>): void {
    const command = this.pending.get(commandId)
    if (!command) return // already answered (a retry and the original both came back)
    this.clearTimer(command)
    if (!result.ok && isRetryable(result.error)) {
      if (this.status === 'online') this.setStatus('degraded', result.error)
      return this.retryLater(command)
    }
    this.pending.delete(commandId)
    this.outbox?.remove(commandId)
    this.options.onPendingChange?.(this.pending.size)
    // The server answered for real: it is writing again, unless another command is still in doubt.
    if (this.status === 'degraded' && ![...this.pending.values()].some((c) => c.unknownOutcomes > 0)) this.setStatus('online')
    // The ack carries the events the command produced: fold them now so the secretary sees the
    // result at once; the broadcast of the same events is then ignored by seq.
    if (result.ok) this.receive(result.data.events)
    command.resolve(result)
  }

  /**
   * The outcome is unknown: the server failed mid-command, perhaps after its commit. The command
   * stays pending (the screen keeps saying "sending") and goes again with the same id after a
   * backoff; the server then answers what it did the first time, or applies it now, never twice.
   */
  private retryLater(command: PendingCommand): void {
    const epoch = this.epoch
    command.timer = setTimeout(() => {
      command.timer = null
      // After a reconnect the 'connect' handler has re-sent it already.
      if (this.pending.has(command.commandId) && this.socket.connected && this.epoch === epoch) this.transmit(command)
    }, this.retryDelay(command.unknownOutcomes++))
  }

  private receive(events: readonly MeetingEvent[]): void {
    this.publish(applyBatch(this.state, events))
  }

  private publish(outcome: BatchOutcome): void {
    if (outcome.state !== this.state) {
      this.state = outcome.state
      this.options.onState(this.state)
    }
    if (outcome.gap) this.sync()
  }

  /** Asks for everything after our last seq. Concurrent requests collapse into one follow-up. */
  private sync(fromScratch = false): void {
    if (!this.socket.connected) return
    if (this.syncTimer) {
      // A retry is already scheduled after a backoff: asking now would defeat it.
      this.syncAgain = false
      return
    }
    if (this.syncing) {
      this.syncAgain = true
      return
    }
    this.syncing = true
    const epoch = this.epoch
    const base = fromScratch ? emptyMeetingState(this.options.meetingId) : this.state
    const now = this.options.now ?? Date.now
    const sentAt = now()
    this.socket.emit('meeting:sync', { lastSeq: base.seq }, (result: Ack<SyncResult>) => {
      if (epoch !== this.epoch || this.closed) return
      this.syncing = false
      if (!result.ok) {
        // Not at once: a server whose database is down answers in a millisecond, and asking again
        // at that pace is a storm. The next answer it gives may be the good one.
        this.syncAgain = false
        if (!isRetryable(result.error)) return this.setStatus('refused', result.error)
        this.setStatus('degraded', result.error)
        this.syncLater()
        return
      }
      this.syncFailures = 0
      this.sampleClock(result.data.serverTime, sentAt, now())
      const outcome = applySync(base, result.data)
      if (outcome.state !== this.state && outcome.state.seq >= this.state.seq) {
        this.state = outcome.state
        this.options.onState(this.state)
      }
      this.setStatus('online')
      // A hole right after a sync means the server's answer and ours disagree: start over once
      // from seq 0 rather than ask for the same missing range forever.
      if (outcome.gap && !fromScratch) return this.sync(true)
      if (this.syncAgain) {
        this.syncAgain = false
        this.sync()
      }
    })
  }

  /** Asks again after a backoff that grows with every failed answer in a row. */
  private syncLater(): void {
    if (this.syncTimer || this.closed) return
    const epoch = this.epoch
    this.syncTimer = setTimeout(() => {
      this.syncTimer = null
      if (this.epoch === epoch && !this.closed) this.sync()
    }, this.retryDelay(this.syncFailures++))
  }

  private clearSyncTimer(): void {
    if (this.syncTimer) clearTimeout(this.syncTimer)
    this.syncTimer = null
  }

  private sampleClock(serverTime: string | undefined, sentAt: number, receivedAt: number): void {
    const sample = clockSample(serverTime, sentAt, receivedAt)
    if (!sample) return
    this.clockSamples = addClockSample(this.clockSamples, sample)
    this.clockOffset = bestClockOffset(this.clockSamples)
    this.options.onClockOffset?.(this.clockOffset)
  }

  private scheduleReconnect(): void {
    if (this.retryTimer || this.closed) return
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null
      if (!this.closed && !this.socket.connected) this.socket.connect()
    }, Math.round(this.manualRetryMs * (0.5 + Math.random()))) // spread, as Socket.IO's own reconnects are
  }

  private setStatus(status: ConnectionStatus, error: AppError | null = null): void {
    this.status = status
    this.options.onStatus(status, error)
  }

  get currentStatus(): ConnectionStatus {
    return this.status
  }

  private clearTimer(command: PendingCommand): void {
    if (command.timer) clearTimeout(command.timer)
    command.timer = null
  }
}

import { io, type Socket } from 'socket.io-client'
import type { MeetingEvent } from '../../shared/meeting/events'
import { PROTOCOL_VERSION, type ClientToServerEvents, type HandshakeAuth, type ServerToClientEvents } from '../../shared/protocol'
import type { Fanout } from './fanout'
import type { BenchSession, FloorClientEvents, FloorServerEvents } from './servers'

export type AppSocket = Socket<ServerToClientEvents, ClientToServerEvents>
export type FloorSocket = Socket<FloorServerEvents, FloorClientEvents>

/** Every socket the bench opens, so that all of them are closed whatever happens. */
export class SocketPool {
  private readonly sockets: Socket[] = []
  /** Set before closing on purpose, so that the disconnects that follow are not taken as failures. */
  closing = false

  /** `session`: the person's cookie, sent with the handshake as a browser would. */
  open<S extends Socket>(port: number, timeoutMs: number, auth?: HandshakeAuth, session?: BenchSession): S {
    const socket = io(`http://127.0.0.1:${port}`, {
      // WebSocket only, as the real screens connect, and no long-polling upgrade dance in the figures.
      transports: ['websocket'],
      // One connection per socket: each viewer is a separate screen, not a multiplexed namespace.
      forceNew: true,
      // A dropped viewer is a failed run, not something to paper over with a silent reconnect.
      reconnection: false,
      timeout: timeoutMs,
      ...(auth ? { auth } : {}),
      ...(session ? { extraHeaders: { cookie: session.cookie } } : {}),
    })
    this.sockets.push(socket)
    return socket as S
  }

  get size() {
    return this.sockets.length
  }

  closeAll(): void {
    this.closing = true
    for (const s of this.sockets) s.disconnect()
  }
}

function waitConnected(socket: Socket, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => done(new Error(`no connection within ${timeoutMs / 1000} s`)), timeoutMs)
    const done = (err?: Error) => {
      clearTimeout(timer)
      socket.off('connect', onConnect)
      socket.off('connect_error', onError)
      if (err) reject(err)
      else resolve()
    }
    const onConnect = () => done()
    const onError = (err: Error) => done(new Error(describeConnectError(err)))
    socket.on('connect', onConnect)
    socket.on('connect_error', onError)
  })
}

/** A refused handshake carries the app's error in `data`; a transport failure hides the OS error in `description`. */
function describeConnectError(err: Error & { data?: unknown; description?: unknown }): string {
  const data = err.data as { code?: string; message?: string } | undefined
  if (data?.code) return `refused by the server: ${data.code} (${data.message})`
  const cause = err.description as { message?: string; error?: { message?: string } } | undefined
  const detail = cause?.error?.message ?? cause?.message
  return detail ? `${err.message}: ${detail}` : err.message
}

function watchForLoss(socket: Socket, pool: SocketPool, fanout: Fanout<MeetingEvent>, label: string) {
  socket.on('disconnect', (reason) => {
    if (!pool.closing) fanout.fail(new Error(`${label} lost its connection (${reason})`))
  })
}

export interface AppMeeting {
  port: number
  meetingId: string
}

/**
 * A public screen (an attendee's phone: anonymous, no token; a paired projector gets the same
 * redacted view from the same room): joins by syncing, then counts what it is pushed.
 */
export async function connectAppViewer(pool: SocketPool, meeting: AppMeeting, viewer: number, fanout: Fanout<MeetingEvent>, timeoutMs: number) {
  const socket = pool.open<AppSocket>(meeting.port, timeoutMs, { protocol: PROTOCOL_VERSION, meetingId: meeting.meetingId, role: 'attendee' })
  socket.on('meeting:appended', ({ events }) => {
    for (const event of events) fanout.receive(event.commandId, viewer, event)
  })
  await waitConnected(socket, timeoutMs)
  watchForLoss(socket, pool, fanout, `app viewer #${viewer}`)
  const synced = await socket.timeout(timeoutMs).emitWithAck('meeting:sync', { lastSeq: 0 })
  if (!synced.ok) throw new Error(`meeting:sync refused: ${synced.error.code} (${synced.error.message})`)
}

/**
 * The secretary's screen. It syncs as the real one does, so it sits in the privileged room and the
 * server pays for that second emit, as in a real meeting.
 */
export async function connectSecretary(pool: SocketPool, meeting: AppMeeting, session: BenchSession, timeoutMs: number): Promise<AppSocket> {
  const socket = pool.open<AppSocket>(meeting.port, timeoutMs, { protocol: PROTOCOL_VERSION, meetingId: meeting.meetingId, role: 'secretary' }, session)
  await waitConnected(socket, timeoutMs)
  const synced = await socket.timeout(timeoutMs).emitWithAck('meeting:sync', { lastSeq: 0 })
  if (!synced.ok) throw new Error(`the secretary's meeting:sync was refused: ${synced.error.code}`)
  return socket
}

export async function connectFloorViewer(pool: SocketPool, port: number, viewer: number, fanout: Fanout<MeetingEvent>, timeoutMs: number) {
  const socket = pool.open<FloorSocket>(port, timeoutMs)
  socket.on('meeting:appended', ({ events }) => {
    for (const event of events) fanout.receive(event.commandId, viewer, event)
  })
  await waitConnected(socket, timeoutMs)
  watchForLoss(socket, pool, fanout, `floor viewer #${viewer}`)
  await socket.timeout(timeoutMs).emitWithAck('floor:join')
}

/** The floor's counterpart of the secretary: it hands the server a batch to broadcast. */
export async function connectFloorTrigger(pool: SocketPool, port: number, timeoutMs: number): Promise<FloorSocket> {
  const socket = pool.open<FloorSocket>(port, timeoutMs)
  await waitConnected(socket, timeoutMs)
  return socket
}

/**
 * Connects `count` sockets, `batch` at a time: a thousand simultaneous handshakes would measure the
 * accept queue and the handshake's database lookups, not broadcasting.
 */
export async function connectInBatches(count: number, batch: number, label: string, connectOne: (i: number) => Promise<void>): Promise<void> {
  let nextReport = 0.25
  for (let start = 0; start < count; start += batch) {
    const indices = Array.from({ length: Math.min(batch, count - start) }, (_, k) => start + k)
    const results = await Promise.allSettled(indices.map(connectOne))
    const failures = results.flatMap((r, k) => (r.status === 'rejected' ? [{ i: indices[k], err: r.reason as Error }] : []))
    if (failures.length > 0) {
      const first = failures[0]!
      throw new Error(
        `${failures.length} of ${indices.length} ${label} in the batch starting at #${start} failed to connect ` +
          `(${start} had connected). First: #${first.i}: ${first.err.message}${hintFor(first.err.message)}`,
      )
    }
    const done = start + indices.length
    if (done / count >= nextReport || done === count) {
      process.stderr.write(`  ${label}: ${done}/${count} connected\n`)
      while (nextReport <= done / count) nextReport += 0.25
    }
  }
}

function hintFor(message: string): string {
  if (/EMFILE|ENFILE/.test(message)) return '\n  → out of file descriptors: raise `ulimit -n` in this shell, or pass a smaller --viewers.'
  if (/EADDRNOTAVAIL/.test(message)) return '\n  → out of local ports for 127.0.0.1: pass a smaller --viewers.'
  if (/timed out|no connection within/.test(message)) return '\n  → the server is overloaded or stuck: try a smaller --connect-batch or a larger --timeout.'
  return ''
}

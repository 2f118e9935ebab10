import { io as connect, type Socket } from 'socket.io-client'
import type { MeetingEvent } from '../../shared/meeting/events'
import { evolve } from '../../shared/meeting/evolve'
import { emptyMeetingState, type MeetingState } from '../../shared/meeting/model'
import { PROTOCOL_VERSION } from '../../shared/protocol'
import type { Fixture } from './ipc'

// Screens that only watch: one in the meeting's full room (a secretary's console) and two in its
// public room (the paired projector, an attendee's phone). Every batch they receive is queued for the
// referee, which tells broadcasts of accepted commands from broadcasts of refused ones. The
// secretary's copy of the meeting, folded with the same evolve the client uses, is the fuzzer's
// model: which petitions and speakers exist to act on.

export interface Heard {
  screen: string
  event: MeetingEvent
  at: number
}

export interface ScreenOptions {
  url: string
  meetingId: string
  role: string
  cookie?: string | undefined
  deviceToken?: string | undefined
  timeoutMs: number
}

/** Connects a Socket.IO client as a screen; rejects with the refusal's data (or the error). */
export function connectScreen(o: ScreenOptions & { auth?: unknown }): Promise<Socket> {
  const socket = connect(o.url, {
    auth: (o.auth ?? { protocol: PROTOCOL_VERSION, meetingId: o.meetingId, role: o.role, ...(o.deviceToken ? { deviceToken: o.deviceToken } : {}) }) as Record<string, unknown>,
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    timeout: o.timeoutMs,
    ...(o.cookie ? { extraHeaders: { cookie: o.cookie } } : {}),
  })
  return new Promise<Socket>((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.disconnect()
      reject(new Error('connect timed out'))
    }, o.timeoutMs)
    socket.once('connect', () => {
      clearTimeout(timer)
      resolve(socket)
    })
    socket.once('connect_error', (err) => {
      clearTimeout(timer)
      socket.disconnect()
      reject(err)
    })
  })
}

export class Listeners {
  readonly heard: Heard[] = []
  state: MeetingState
  private sockets: Socket[] = []

  constructor(private readonly meetingId: string) {
    this.state = emptyMeetingState(meetingId)
  }

  async start(url: string, fixture: Fixture, timeoutMs: number): Promise<void> {
    const meetingId = this.meetingId
    const screens: [string, ScreenOptions][] = [
      ['secretary', { url, meetingId, role: 'secretary', cookie: fixture.accounts.secretary.cookie, timeoutMs }],
      ['projector', { url, meetingId, role: 'projector', deviceToken: fixture.devices.projector.token, timeoutMs }],
      ['attendee', { url, meetingId, role: 'attendee', timeoutMs }],
    ]
    for (const [name, options] of screens) {
      const socket = await connectScreen(options)
      socket.on('meeting:appended', (batch: { events?: MeetingEvent[] }) => {
        for (const event of batch?.events ?? []) {
          this.heard.push({ screen: name, event, at: Date.now() })
          if (name === 'secretary' && event.seq === this.state.seq + 1) this.apply(event)
        }
      })
      // Joining the room is what meeting:sync does; the snapshot starts the model.
      const ack = (await socket.timeout(timeoutMs).emitWithAck('meeting:sync', { lastSeq: 0 })) as {
        ok: boolean
        data?: { kind: string; state?: MeetingState; events?: MeetingEvent[] }
      }
      if (!ack.ok) throw new Error(`listener ${name}: meeting:sync refused: ${JSON.stringify(ack)}`)
      if (name === 'secretary') {
        if (ack.data?.kind === 'snapshot' && ack.data.state) this.state = ack.data.state
        else for (const e of ack.data?.events ?? []) this.apply(e)
      }
      this.sockets.push(socket)
    }
  }

  private apply(event: MeetingEvent): void {
    try {
      this.state = evolve(this.state, event)
    } catch {
      // An event the model cannot fold only makes the next valid commands less likely to apply.
    }
  }

  /** The batches heard since the last call. */
  drain(): Heard[] {
    return this.heard.splice(0, this.heard.length)
  }

  /** Whether every listening screen is still connected (a restart or a revocation drops them). */
  get connected(): boolean {
    return this.sockets.length > 0 && this.sockets.every((s) => s.connected)
  }

  close(): void {
    for (const s of this.sockets) s.disconnect()
    this.sockets = []
  }
}

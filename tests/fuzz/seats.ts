import type { Socket } from 'socket.io-client'
import { PROTOCOL_VERSION } from '../../shared/protocol'
import type { AccountName, Fixture } from './ipc'
import { connectScreen } from './listeners'
import { RawSocket } from './raw-socket'

// The screens the fuzzer speaks through: every role a socket can hold in the main meeting, reached
// the ways the hall reaches them (a person's session cookie, a paired device's token, nobody at
// all). Each seat has a well-behaved client (socket.io-client) and a raw one (raw-socket.ts), both
// opened on first use and again after the server closed them.

export interface SeatSpec {
  name: string
  role: 'secretary' | 'chair' | 'oversight' | 'projector' | 'attendee'
  account?: AccountName
  device?: 'chair' | 'projector'
}

export const SEAT_SPECS: SeatSpec[] = [
  { name: 'secretary', role: 'secretary', account: 'secretary' },
  { name: 'chair', role: 'chair', account: 'chair' },
  { name: 'oversight', role: 'oversight', account: 'oversight' },
  { name: 'chair tablet (device)', role: 'chair', device: 'chair' },
  { name: 'projector (device)', role: 'projector', device: 'projector' },
  { name: 'attendee (anonymous)', role: 'attendee' },
  { name: 'unit lead as attendee', role: 'attendee', account: 'unitLead' },
  { name: 'admin as projector', role: 'projector', account: 'admin' },
]

export class Seat {
  private io: Socket | null = null
  private raw: RawSocket | null = null
  private nextAckId = 1

  constructor(
    readonly spec: SeatSpec,
    private readonly port: number,
    private readonly fixture: () => Fixture,
    private readonly timeoutMs: number,
  ) {}

  get cookie(): string | undefined {
    return this.spec.account ? this.fixture().accounts[this.spec.account].cookie : undefined
  }

  get deviceToken(): string | undefined {
    return this.spec.device ? this.fixture().devices[this.spec.device].token : undefined
  }

  get auth(): Record<string, unknown> {
    const token = this.deviceToken
    return { protocol: PROTOCOL_VERSION, meetingId: this.fixture().meetings.main, role: this.spec.role, ...(token ? { deviceToken: token } : {}) }
  }

  /** The socket.io-client connection, opened if needed; null when the server refuses this seat now. */
  async client(): Promise<Socket | null> {
    if (this.io?.connected) return this.io
    this.io?.disconnect()
    this.io = null
    try {
      this.io = await connectScreen({ url: `http://127.0.0.1:${this.port}`, meetingId: this.fixture().meetings.main, role: this.spec.role, cookie: this.cookie, deviceToken: this.deviceToken, auth: this.auth, timeoutMs: this.timeoutMs })
      return this.io
    } catch {
      return null
    }
  }

  /** The raw connection, opened and joined to the namespace with this seat's credentials. */
  async rawClient(): Promise<RawSocket | null> {
    if (this.raw && !this.raw.closed) return this.raw
    this.raw?.close()
    this.raw = null
    try {
      const raw = await RawSocket.open({ port: this.port, cookie: this.cookie, timeoutMs: this.timeoutMs })
      const joined = await raw.connect(JSON.stringify(this.auth), this.timeoutMs)
      if (joined.kind !== 'connected') {
        raw.close()
        return null
      }
      this.raw = raw
      return raw
    } catch {
      return null
    }
  }

  /** Closes the raw connection; the next raw probe opens a fresh one. */
  dropRaw(): void {
    this.raw?.close()
    this.raw = null
  }

  ackId(): number {
    return this.nextAckId++
  }

  close(): void {
    this.io?.disconnect()
    this.raw?.close()
    this.io = null
    this.raw = null
  }
}

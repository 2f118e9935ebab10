import { Decoder, PacketType, type Packet } from 'socket.io-parser'
import WebSocket from 'ws'

// A Socket.IO client small enough to misbehave: Engine.IO v4 over a bare WebSocket, with the
// Socket.IO packets written by hand. socket.io-client refuses to send most of what a hostile phone
// could (an event named 1, a packet that is not JSON, a handshake whose auth is a string), and
// JSON.stringify cannot even build a payload 10,000 levels deep; this client sends any text.

export type AckResult = { kind: 'ack'; data: unknown[] } | { kind: 'closed'; detail: string } | { kind: 'timeout' }
export type ConnectResult =
  | { kind: 'connected' }
  | { kind: 'refused'; data: unknown; message: unknown }
  | { kind: 'closed'; detail: string }
  | { kind: 'timeout' }

export interface RawOpenOptions {
  port: number
  cookie?: string | undefined
  /** Extra request headers (Origin…). */
  headers?: Record<string, string>
  /** The Engine.IO query; default EIO=4 over websocket. */
  query?: string
  timeoutMs: number
}

export class RawSocket {
  private readonly decoder = new Decoder()
  private readonly acks = new Map<number, (r: AckResult) => void>()
  private connectWaiter: ((r: ConnectResult) => void) | null = null
  private closeDetail: string | null = null
  private readonly closeWaiters: ((detail: string) => void)[] = []
  /** Packets the server sent that this client could not decode (counted, not judged). */
  garbled = 0

  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (data, isBinary) => this.onMessage(isBinary ? null : data.toString()))
    ws.on('close', (code, reason) => this.onClose(`closed by server (${code}${reason.length ? ` ${reason.toString()}` : ''})`))
    ws.on('error', (err) => this.onClose(`socket error (${err.message})`))
    this.decoder.on('decoded', (packet: Packet) => this.onPacket(packet))
  }

  /** Opens the Engine.IO session; resolves once the server's open packet arrived. */
  static open(o: RawOpenOptions): Promise<RawSocket> {
    const url = `ws://127.0.0.1:${o.port}/socket.io/?${o.query ?? 'EIO=4&transport=websocket'}`
    const ws = new WebSocket(url, { headers: { ...(o.cookie ? { cookie: o.cookie } : {}), ...o.headers }, handshakeTimeout: o.timeoutMs, maxPayload: 8 * 1024 * 1024 })
    const socket = new RawSocket(ws)
    return new Promise<RawSocket>((resolve, reject) => {
      const timer = setTimeout(() => {
        ws.terminate()
        reject(new Error('engine open timed out'))
      }, o.timeoutMs)
      ws.once('message', (data) => {
        clearTimeout(timer)
        const text = data.toString()
        if (text.startsWith('0')) resolve(socket)
        else {
          ws.terminate()
          reject(new Error(`unexpected first packet ${text.slice(0, 60)}`))
        }
      })
      ws.once('error', (err) => {
        clearTimeout(timer)
        reject(err)
      })
      ws.once('unexpected-response', (_req, res) => {
        clearTimeout(timer)
        reject(new Error(`HTTP ${res.statusCode} on upgrade`))
      })
    })
  }

  get closed(): boolean {
    return this.closeDetail !== null
  }

  /** Sends the Socket.IO CONNECT packet with `authText` (any text, or nothing) and waits for the verdict. */
  connect(authText: string | null, timeoutMs: number): Promise<ConnectResult> {
    return new Promise<ConnectResult>((resolve) => {
      if (this.closeDetail) return resolve({ kind: 'closed', detail: this.closeDetail })
      const timer = setTimeout(() => {
        this.connectWaiter = null
        resolve({ kind: 'timeout' })
      }, timeoutMs)
      this.connectWaiter = (r) => {
        clearTimeout(timer)
        this.connectWaiter = null
        resolve(r)
      }
      this.send(`40${authText ?? ''}`)
    })
  }

  /** Sends one WebSocket frame as is: text (an Engine.IO packet) or binary (an attachment). */
  send(frame: string | Buffer): void {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(frame)
  }

  waitAck(id: number, timeoutMs: number): Promise<AckResult> {
    return new Promise<AckResult>((resolve) => {
      if (this.closeDetail) return resolve({ kind: 'closed', detail: this.closeDetail })
      const timer = setTimeout(() => {
        this.acks.delete(id)
        resolve({ kind: 'timeout' })
      }, timeoutMs)
      this.acks.set(id, (r) => {
        clearTimeout(timer)
        this.acks.delete(id)
        resolve(r)
      })
    })
  }

  /** Waits `ms` for the server to close the connection; 'open' if it did not. */
  waitClose(ms: number): Promise<string> {
    return new Promise<string>((resolve) => {
      if (this.closeDetail) return resolve(this.closeDetail)
      const timer = setTimeout(() => resolve('open'), ms)
      this.closeWaiters.push((detail) => {
        clearTimeout(timer)
        resolve(detail)
      })
    })
  }

  close(): void {
    this.ws.terminate()
  }

  private onMessage(text: string | null): void {
    if (text === null) return
    // Engine.IO: the server pings, the client pongs; "4…" carries a Socket.IO packet.
    if (text === '2') return this.send('3')
    if (!text.startsWith('4')) return
    try {
      this.decoder.add(text.slice(1))
    } catch {
      this.garbled++
    }
  }

  private onPacket(packet: Packet): void {
    if (packet.type === PacketType.ACK && packet.id !== undefined) {
      this.acks.get(packet.id)?.({ kind: 'ack', data: Array.isArray(packet.data) ? packet.data : [packet.data] })
    } else if (packet.type === PacketType.CONNECT) {
      this.connectWaiter?.({ kind: 'connected' })
    } else if (packet.type === PacketType.CONNECT_ERROR) {
      const d = packet.data as { message?: unknown; data?: unknown } | undefined
      this.connectWaiter?.({ kind: 'refused', data: d?.data, message: d?.message })
    }
  }

  private onClose(detail: string): void {
    if (this.closeDetail) return
    this.closeDetail = detail
    for (const resolve of this.acks.values()) resolve({ kind: 'closed', detail })
    this.acks.clear()
    this.connectWaiter?.({ kind: 'closed', detail })
    for (const w of this.closeWaiters.splice(0)) w(detail)
  }
}

/**
 * What the server's own parser makes of a Socket.IO packet text (without the Engine.IO "4"): an
 * event it will dispatch (and whether it asks for an ack), one it waits on attachments for, or one
 * it rejects — and then closes the connection, as the protocol says.
 */
export type Parsed = { kind: 'event'; ackId: number | undefined; nsp: string; name: unknown; args: unknown[] } | { kind: 'other'; type: PacketType } | { kind: 'pending' } | { kind: 'invalid' }

export function parseLikeServer(packetText: string, attachments: Buffer[] = []): Parsed {
  const decoder = new Decoder()
  let decoded: Packet | null = null
  decoder.on('decoded', (p: Packet) => (decoded = p))
  try {
    decoder.add(packetText)
    for (const b of attachments) decoder.add(b)
  } catch {
    return { kind: 'invalid' }
  } finally {
    decoder.destroy()
  }
  const p = decoded as Packet | null
  if (!p) return { kind: 'pending' }
  if (p.type === PacketType.EVENT || p.type === PacketType.BINARY_EVENT) {
    const data = Array.isArray(p.data) ? (p.data as unknown[]) : []
    return { kind: 'event', ackId: p.id, nsp: p.nsp, name: data[0], args: data.slice(1) }
  }
  return { kind: 'other', type: p.type }
}

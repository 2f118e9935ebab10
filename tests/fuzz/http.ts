import http from 'node:http'
import net from 'node:net'

// Two ways to send HTTP: node:http for requests a client library can express (any method, any
// header, any bytes as the body, a path with percent signs), and a bare TCP socket for what no
// client library would send (a request line with spaces, a Content-Length that is not a number).

export interface HttpAnswer {
  status: number
  headers: http.IncomingHttpHeaders
  body: Buffer
  latencyMs: number
}
export interface HttpFailure {
  error: string
  latencyMs: number
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 4 })

type Request = { method: string; path: string; headers: Record<string, string | string[]>; body?: string | Buffer | undefined }

/**
 * Sends one request. A kept-alive connection the server closed just as it was reused fails with
 * ECONNRESET before the request reached anything: that one is sent again on a new connection, as
 * HTTP clients do. Any other failure is the answer.
 */
export async function httpRequest(port: number, req: Request, timeoutMs: number): Promise<HttpAnswer | HttpFailure> {
  const first = await httpOnce(port, req, timeoutMs, agent)
  if (isFailure(first) && first.reusedSocket && /ECONNRESET|socket hang up/.test(first.error)) return httpOnce(port, req, timeoutMs, false)
  return first
}

function httpOnce(port: number, req: Request, timeoutMs: number, via: http.Agent | false): Promise<HttpAnswer | (HttpFailure & { reusedSocket?: boolean })> {
  const started = performance.now()
  // node:http frames a body with neither Content-Length nor chunked encoding on GET, DELETE and
  // OPTIONS: the server would read it as the next request. Say its length, always.
  const headers = req.body === undefined ? req.headers : { ...req.headers, 'content-length': String(Buffer.byteLength(req.body)) }
  return new Promise((resolve) => {
    let done = false
    const finish = (v: HttpAnswer | (HttpFailure & { reusedSocket?: boolean })) => {
      if (done) return
      done = true
      resolve(v)
    }
    let request: http.ClientRequest
    try {
      request = http.request({ host: '127.0.0.1', port, method: req.method, path: req.path, headers, agent: via, timeout: timeoutMs }, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => finish({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks), latencyMs: performance.now() - started }))
        res.on('error', (err) => finish({ error: err.message, latencyMs: performance.now() - started }))
      })
    } catch (err) {
      // node:http refuses some paths and header values itself: nothing reached the server.
      return finish({ error: `client refused: ${(err as Error).message}`, latencyMs: 0 })
    }
    request.on('timeout', () => {
      request.destroy(new Error(`no answer within ${timeoutMs / 1000} s`))
    })
    request.on('error', (err) => finish({ error: err.message, latencyMs: performance.now() - started, reusedSocket: request.reusedSocket }))
    request.end(req.body)
  })
}

export const isFailure = (a: HttpAnswer | HttpFailure): a is HttpFailure => 'error' in a

/** Writes `bytes` to a fresh TCP connection and reads what comes back until the server closes or goes quiet. */
export function rawHttp(port: number, bytes: string | Buffer, timeoutMs: number): Promise<HttpAnswer | HttpFailure> {
  const started = performance.now()
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port })
    const chunks: Buffer[] = []
    let quiet: NodeJS.Timeout | null = null
    const finish = () => {
      if (quiet) clearTimeout(quiet)
      clearTimeout(overall)
      socket.destroy()
      const text = Buffer.concat(chunks)
      const head = text.toString('latin1')
      const match = /^HTTP\/1\.[01] (\d{3})/.exec(head)
      if (!match) return resolve({ error: chunks.length ? `not an HTTP answer: ${head.slice(0, 60)}` : 'closed without an answer', latencyMs: performance.now() - started })
      const split = text.indexOf('\r\n\r\n')
      const headers: http.IncomingHttpHeaders = {}
      for (const line of head.slice(0, split).split('\r\n').slice(1)) {
        const i = line.indexOf(':')
        if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim()
      }
      let body: Buffer = split >= 0 ? text.subarray(split + 4) : Buffer.alloc(0)
      if (/chunked/i.test(String(headers['transfer-encoding'] ?? ''))) body = dechunk(body)
      resolve({ status: Number(match[1]), headers, body, latencyMs: performance.now() - started })
    }
    const overall = setTimeout(finish, timeoutMs)
    socket.on('connect', () => socket.write(bytes))
    socket.on('data', (c: Buffer) => {
      chunks.push(c)
      // One answer is all that is wanted: stop shortly after the data stops.
      if (quiet) clearTimeout(quiet)
      quiet = setTimeout(finish, 100)
    })
    socket.on('end', finish)
    socket.on('close', finish)
    socket.on('error', () => finish())
  })
}

function dechunk(body: Buffer): Buffer {
  const out: Buffer[] = []
  let i = 0
  while (i < body.length) {
    const eol = body.indexOf('\r\n', i)
    if (eol < 0) break
    const size = parseInt(body.subarray(i, eol).toString('latin1'), 16)
    if (!size) break
    out.push(body.subarray(eol + 2, eol + 2 + size))
    i = eol + 2 + size + 2
  }
  return Buffer.concat(out)
}

import { spawn } from 'node:child_process'
import net from 'node:net'
import readline from 'node:readline'
import { afterAll, describe, expect, it } from 'vitest'
import { openPrivatePostgres } from '../tests/fixtures/database'

/**
 * A door to PostgreSQL that can be shut: while shut, connecting to its port is refused, as when
 * PostgreSQL is still booting or failing over; once open, it forwards to the real server.
 */
async function pgDoor(target: URL) {
  const sockets = new Set<net.Socket>()
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port || 5432), target.hostname)
    for (const s of [client, upstream]) {
      sockets.add(s)
      s.on('error', () => undefined)
      s.on('close', () => sockets.delete(s))
    }
    client.pipe(upstream).pipe(client)
  })
  // A free port, known before the door opens.
  const probe = net.createServer()
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r))
  const port = (probe.address() as net.AddressInfo).port
  await new Promise<void>((r) => probe.close(() => r()))
  return {
    port,
    open: () => new Promise<void>((r) => server.listen(port, '127.0.0.1', r)),
    close: () => {
      for (const s of sockets) s.destroy()
      return new Promise<void>((r) => server.close(() => r()))
    },
  }
}

describe.runIf(process.env.DATABASE_URL)('starting while PostgreSQL cannot be reached', () => {
  const cleanups: (() => Promise<unknown> | void)[] = []
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c()
  })

  it('waits, says so in the log, retries with backoff, and serves once the database is back', async () => {
    const database = await openPrivatePostgres()
    await database.handle.close()
    cleanups.push(database.drop)
    const door = await pgDoor(new URL(database.url))
    cleanups.push(door.close)
    const url = new URL(database.url)
    url.host = `127.0.0.1:${door.port}`

    const server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: { ...process.env, DATABASE_URL: url.toString(), PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    cleanups.push(() => void server.kill('SIGKILL'))
    const lines: string[] = []
    const waiters: { match: RegExp; resolve: (line: string) => void }[] = []
    for (const stream of [server.stdout, server.stderr]) {
      readline.createInterface({ input: stream }).on('line', (line) => {
        lines.push(line)
        for (const w of waiters.splice(0)) {
          if (w.match.test(line)) w.resolve(line)
          else waiters.push(w)
        }
      })
    }
    const exited = new Promise<number | null>((r) => server.once('exit', (code) => r(code)))
    const lineMatching = (match: RegExp) =>
      new Promise<string>((resolve, reject) => {
        const seen = lines.find((l) => match.test(l))
        if (seen) return resolve(seen)
        waiters.push({ match, resolve })
        void exited.then((code) => reject(new Error(`the server exited (${code}) before printing ${match}:\n${lines.join('\n')}`)))
      })

    // Twice: it keeps waiting rather than giving up after the first refusal.
    await lineMatching(/Chưa kết nối được cơ sở dữ liệu .*ECONNREFUSED.*Thử lại sau 1 giây/)
    await lineMatching(/Thử lại sau 2 giây/)
    expect(server.exitCode).toBeNull()

    await door.open()
    const started = await lineMatching(/Trang chủ .*http:\/\/localhost:(\d+)\//)
    const port = Number(/localhost:(\d+)/.exec(started)![1])
    const health = await fetch(`http://127.0.0.1:${port}/api/health`)
    expect(health.status).toBe(200)

    server.kill('SIGTERM')
    expect(await exited).toBe(0)
  }, 60_000)
})

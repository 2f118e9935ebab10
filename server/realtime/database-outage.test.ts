import { randomUUID } from 'node:crypto'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { countEvents } from '../../db/repositories/events'
import type { CommandResult } from '../../shared/protocol'
import { openPrivatePostgres } from '../../tests/fixtures/database'
import { request, startTestServer } from '../../tests/fixtures/server'

// A connection to PostgreSQL that breaks while a command is using it: a failover, a restart, an
// administrator's pg_terminate_backend. It costs that command a clear, retryable error (the client
// retries it with the same id) and never the process. Only a real PostgreSQL has connections to
// break; the embedded database runs in the process.
describe.runIf(process.env.DATABASE_URL)('a PostgreSQL connection lost in the middle of a command', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>
  let admin: pg.Client
  let database: Awaited<ReturnType<typeof openPrivatePostgres>>
  // A database of its own: terminating "every connection" must not touch other suites' work.
  beforeAll(async () => {
    database = await openPrivatePostgres()
    server = await startTestServer({ database: database.handle })
    admin = new pg.Client({ connectionString: database.url })
    await admin.connect()
  })
  afterAll(async () => {
    await admin.end()
    await server.close()
    await database.drop()
  })

  it('answers UNAVAILABLE to the command whose connection was terminated while it waited for the meeting, keeps serving, and applies its retry once', async () => {
    const { meetingId } = await server.createMeeting()
    const secretary = await server.connectAs(meetingId, 'secretary')
    await request(secretary, 'meeting:sync', { lastSeq: 0 })

    // Another writer holds the meeting's row: the command's transaction waits for it.
    const holder = new pg.Client({ connectionString: database.url })
    await holder.connect()
    await holder.query('begin')
    await holder.query('select 1 from meetings where id = $1 for update', [meetingId])
    const payload = { commandId: randomUUID(), name: 'Lường Văn Dũng', unit: 'Bản Pá Khoang' }
    const answer = request<CommandResult>(secretary, 'speaker:register', payload)
    let waiting: number[] = []
    for (let i = 0; i < 200 && waiting.length === 0; i++) {
      const rows = await admin.query<{ pid: number }>(
        `select pid from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and pid <> pg_backend_pid()`,
      )
      waiting = rows.rows.map((r) => r.pid)
      if (!waiting.length) await new Promise((r) => setTimeout(r, 25))
    }
    expect(waiting.length).toBeGreaterThan(0)
    for (const pid of waiting) await admin.query('select pg_terminate_backend($1)', [pid])

    const refused = await answer
    expect(refused).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE', message: expect.stringMatching(/cơ sở dữ liệu/) } })
    await holder.query('commit')
    await holder.end()

    // Still serving: the retry (same id) is applied now, once, and a new command follows it.
    expect(await request<CommandResult>(secretary, 'speaker:register', payload)).toMatchObject({ ok: true, data: { seq: 2, duplicate: false } })
    expect(await request<CommandResult>(secretary, 'speaker:register', payload)).toMatchObject({ ok: true, data: { seq: 2, duplicate: true } })
    expect(await request<CommandResult>(secretary, 'speaker:register', { commandId: randomUUID(), name: 'Quàng Thị Mai' })).toMatchObject({ ok: true, data: { seq: 3 } })
    expect(await countEvents(server.db, meetingId)).toBe(3)
  })

  it('survives every one of its connections being terminated at once, idle or not, and serves again', async () => {
    const { meetingId } = await server.createMeeting()
    const secretary = await server.connectAs(meetingId, 'secretary')
    await request(secretary, 'meeting:sync', { lastSeq: 0 })
    const sends = Array.from({ length: 8 }, (_, i) => request<CommandResult>(secretary, 'speaker:register', { commandId: randomUUID(), name: `Đại biểu ${i + 1}` }))
    await admin.query(`select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`)
    const results = await Promise.all(sends)
    for (const r of results) expect(r.ok || r.error.code === 'UNAVAILABLE').toBe(true)
    const after = await request<CommandResult>(secretary, 'speaker:register', { commandId: randomUUID(), name: 'Sau sự cố' })
    expect(after).toMatchObject({ ok: true })
    expect(await countEvents(server.db, meetingId)).toBe(1 + results.filter((r) => r.ok).length + 1)
  })
})

import { randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import { io as connect, type Socket } from 'socket.io-client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../db/connect'
import type { MeetingEvent } from '../../shared/meeting/events'
import { PROTOCOL_VERSION } from '../../shared/protocol'
import { buildTestApp } from '../../tests/fixtures/app'
import { until } from '../../tests/fixtures/server'
import { createAccount } from '../../tests/fixtures/accounts'
import type { buildApp } from '../app'

// Two server processes (two apps, two pools) behind one PostgreSQL: a projector connected to one
// sees what the secretary does on the other. Needs a real server: LISTEN/NOTIFY crosses processes.
describe.skipIf(!process.env.DATABASE_URL)('fan-out across server processes through PostgreSQL', () => {
  const servers: { handle: DatabaseHandle; app: Awaited<ReturnType<typeof buildApp>>; url: string }[] = []
  const sockets: Socket[] = []

  beforeAll(async () => {
    for (let i = 0; i < 2; i++) {
      // The second process keeps one meeting's state in its cache: followed meetings must stay.
      const { app, handle, listen } = await buildTestApp({ fanout: true, fanoutRetryMs: 50, ...(i === 1 ? { meetingLog: { maxCachedMeetings: 1 } } : {}) })
      servers.push({ handle, app, url: await listen() })
    }
  })
  afterAll(async () => {
    for (const s of sockets) s.disconnect()
    for (const { app, handle } of servers) {
      await app.close()
      await handle.close()
    }
  })

  function open(url: string, auth: object, cookie?: string) {
    const socket = connect(url, {
      auth: { protocol: PROTOCOL_VERSION, ...auth },
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
      ...(cookie ? { extraHeaders: { cookie } } : {}),
    })
    sockets.push(socket)
    return new Promise<Socket>((resolve, reject) => {
      socket.once('connect', () => resolve(socket))
      socket.once('connect_error', reject)
    })
  }

  it('delivers events committed by one process to the screens of the other, in order, even after LISTEN is cut', async () => {
    const [a, b] = servers as [(typeof servers)[0], (typeof servers)[0]]
    // One session, accepted by both processes: sessions live in the shared database.
    const person = await createAccount(a.handle.db, ['secretary'])
    const created = await fetch(`${a.url}/api/meetings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...person.headers },
      body: JSON.stringify({ title: 'Hai tiến trình' }),
    }).then((r) => r.json() as Promise<{ meetingId: string }>)
    const secretary = await open(a.url, { meetingId: created.meetingId, role: 'secretary' }, person.cookie)
    const projector = await open(b.url, { meetingId: created.meetingId, role: 'projector' }, person.cookie)
    const seen: MeetingEvent[] = []
    projector.on('meeting:appended', ({ events }: { events: MeetingEvent[] }) => seen.push(...events))
    await projector.timeout(5000).emitWithAck('meeting:sync', { lastSeq: 0 })

    const register = (name: string) => secretary.timeout(5000).emitWithAck('speaker:register', { commandId: randomUUID(), name })
    await register('Người 1')
    await register('Người 2')
    await until(() => seen.length === 2, 'events on the other process')
    expect(seen.map((e) => e.seq)).toEqual([2, 3])

    // Cut every LISTEN connection: the processes must listen again and repair what they missed.
    await sql`select pg_terminate_backend(pid) from pg_stat_activity where query ilike 'LISTEN%' and pid <> pg_backend_pid()`.execute(a.handle.db)
    await register('Người 3')
    await register('Người 4')
    await until(() => seen.length === 4, 'events after the LISTEN connection was cut', 10_000)
    expect(seen.map((e) => e.seq)).toEqual([2, 3, 4, 5])
    // Both processes still serve.
    expect(await fetch(`${b.url}/api/health`).then((r) => r.status)).toBe(200)
  })

  it('keeps a followed meeting in step when the other process has read more meetings than its cache holds', async () => {
    const [a, b] = servers as [(typeof servers)[0], (typeof servers)[0]]
    const person = await createAccount(a.handle.db, ['secretary'])
    const json = { 'content-type': 'application/json', ...person.headers }
    const create = (title: string) => fetch(`${a.url}/api/meetings`, { method: 'POST', headers: json, body: JSON.stringify({ title }) }).then((r) => r.json() as Promise<{ meetingId: string }>)
    const followed = await create('Hội trường đang theo dõi')
    const projector = await open(b.url, { meetingId: followed.meetingId, role: 'projector' }, person.cookie)
    const seen: MeetingEvent[] = []
    projector.on('meeting:appended', ({ events }: { events: MeetingEvent[] }) => seen.push(...events))
    await projector.timeout(5000).emitWithAck('meeting:sync', { lastSeq: 0 })
    // The other process reads two more meetings: with room for one, the followed one is the oldest.
    for (const title of ['Hội nghị khác 1', 'Hội nghị khác 2']) {
      const other = await create(title)
      expect((await fetch(`${b.url}/api/meetings/${other.meetingId}`, { headers: person.headers })).status).toBe(200)
    }
    const secretary = await open(a.url, { meetingId: followed.meetingId, role: 'secretary' }, person.cookie)
    await secretary.timeout(5000).emitWithAck('speaker:register', { commandId: randomUUID(), name: 'Người sau cùng' })
    await until(() => seen.length === 1, 'the event on the projector of the process that read other meetings')
    expect(seen[0]).toMatchObject({ type: 'speaker.registered', seq: 2 })
  })

  it('disconnects a device revoked through one process from the other process at once', async () => {
    const [a, b] = servers as [(typeof servers)[0], (typeof servers)[0]]
    const person = await createAccount(a.handle.db, ['secretary'])
    const json = { 'content-type': 'application/json', ...person.headers }
    const { meetingId } = await fetch(`${a.url}/api/meetings`, { method: 'POST', headers: json, body: JSON.stringify({ title: 'Thu hồi' }) }).then((r) => r.json())
    const { code } = await fetch(`${a.url}/api/meetings/${meetingId}/pairings`, { method: 'POST', headers: json, body: JSON.stringify({ role: 'projector' }) }).then((r) => r.json())
    const { token, device } = await fetch(`${b.url}/api/pair`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) }).then((r) => r.json())
    const projector = await open(b.url, { meetingId, role: 'projector', deviceToken: token })
    const revoked = await fetch(`${a.url}/api/meetings/${meetingId}/devices/${device.id}`, { method: 'DELETE', headers: person.headers })
    expect(revoked.status).toBe(204)
    await until(() => !projector.connected, 'the projector on the other process is disconnected')
  })
})

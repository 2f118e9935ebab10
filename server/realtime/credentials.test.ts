import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { countEvents } from '../../db/repositories/events'
import { insertDevice, revokeDevice } from '../../db/repositories/devices'
import type { CommandResult } from '../../shared/protocol'
import { createAccount } from '../../tests/fixtures/accounts'
import { backendName } from '../../tests/fixtures/database'
import { request, startTestServer, until, type TestSocket } from '../../tests/fixtures/server'
import { hashToken, newToken } from '../auth/secrets'
import { SESSION_IDLE_MS, SESSION_MAX_MS } from '../auth/lifetimes'
import { extendSession, insertSession, revokeSession } from '../../db/repositories/accounts'
import { sql } from 'kysely'

// What happens to a connected screen when the credentials behind it end: a revoked tablet, a
// session signed out elsewhere, a pairing or session that expires during the meeting.
describe(`credentials mid-session on ${backendName}`, () => {
  let server: Awaited<ReturnType<typeof startTestServer>>
  beforeAll(async () => {
    server = await startTestServer()
  })
  afterAll(() => server.close())

  const send = (socket: TestSocket, type: string, payload: object = {}) =>
    request<CommandResult>(socket, type, { commandId: randomUUID(), ...payload })

  const post = (path: string, headers: Record<string, string>, body?: object) =>
    fetch(`${server.url}${path}`, {
      method: body ? 'POST' : 'DELETE',
      headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...headers },
      body: body ? JSON.stringify(body) : null,
    })

  it('disconnects a revoked chair tablet at once and refuses it from then on', async () => {
    const { meetingId } = await server.createMeeting()
    const tablet = await server.pairDevice(meetingId, 'chair')
    const socket = await server.connectClient({ meetingId, role: 'chair', deviceToken: tablet.token })
    await request(socket, 'meeting:sync', { lastSeq: 0 })
    const secretary = await server.connectAs(meetingId, 'secretary')
    expect(await send(secretary, 'speaker:register', { name: 'Lò Thị Hoa' })).toMatchObject({ ok: true })
    expect(await send(socket, 'speaker:call-next')).toMatchObject({ ok: true })

    const revoked = await post(`/api/meetings/${meetingId}/devices/${tablet.device.id}`, server.people.secretary.headers)
    expect(revoked.status).toBe(204)
    await until(() => !socket.connected, 'the tablet is disconnected')
    await expect(server.connectClient({ meetingId, role: 'chair', deviceToken: tablet.token })).rejects.toMatchObject({ code: 'DEVICE_REVOKED' })
    // Over REST too.
    const rest = await fetch(`${server.url}/api/meetings/${meetingId}/state`, { headers: { authorization: `Bearer ${tablet.token}` } })
    expect(rest.status).toBe(401)
    expect((await rest.json()).error.code).toBe('DEVICE_REVOKED')
  })

  it('refuses a command from a device whose pairing expired during the meeting, and writes nothing', async () => {
    const { meetingId } = await server.createMeeting()
    const token = newToken()
    const now = Date.now()
    await insertDevice(server.db, {
      id: randomUUID(),
      meetingId,
      role: 'chair',
      label: 'Máy tính bảng sắp hết hạn',
      tokenHash: hashToken(token),
      pairedBy: null,
      pairedAt: new Date(now).toISOString(),
      expiresAt: new Date(now + 1_500).toISOString(),
    })
    const socket = await server.connectClient({ meetingId, role: 'chair', deviceToken: token })
    const before = await countEvents(server.db, meetingId)
    await until(() => Date.now() > now + 1_600, 'the pairing to expire', 5_000)
    // Whichever comes first, the refusal of the command or the disconnect at expiry, nothing is applied.
    const answer = await Promise.race([
      send(socket, 'speaker:register', { name: 'Không được ghi' }),
      until(() => !socket.connected, 'disconnect').then(() => ({ ok: false, error: { code: 'DISCONNECTED' } })),
    ]).catch(() => ({ ok: false, error: { code: 'DISCONNECTED' } }))
    expect(answer).toMatchObject({ ok: false })
    expect(await countEvents(server.db, meetingId)).toBe(before)
    await expect(server.connectClient({ meetingId, role: 'chair', deviceToken: token })).rejects.toMatchObject({ code: 'DEVICE_REVOKED' })
  })

  it("disconnects a person's console when they sign out, and refuses the old cookie", async () => {
    const { meetingId } = await server.createMeeting()
    const person = await createAccount(server.db, ['secretary'])
    const socket = await server.connectClient({ meetingId, role: 'secretary' }, { as: person })
    const out = await fetch(`${server.url}/api/auth/sign-out`, { method: 'POST', headers: person.headers })
    expect(out.status).toBe(204)
    await until(() => !socket.connected, 'the console is disconnected')
    await expect(server.connectClient({ meetingId, role: 'secretary' }, { as: person })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' })
  })

  it('records who issued each event, person or device, for oversight', async () => {
    const { meetingId } = await server.createMeeting()
    const tablet = await server.pairDevice(meetingId, 'chair')
    const chair = await server.connectClient({ meetingId, role: 'chair', deviceToken: tablet.token })
    const secretary = await server.connectAs(meetingId, 'secretary')
    await send(secretary, 'speaker:register', { name: 'Cầm Văn Thanh' })
    await send(chair, 'speaker:call-next')
    const audit = await fetch(`${server.url}/api/meetings/${meetingId}/audit`, { headers: server.people.oversight.headers })
    expect(audit.status).toBe(200)
    const { entries } = (await audit.json()) as { entries: { seq: number; type: string; role: string; actor: { kind: string; name: string } | null }[] }
    expect(entries.find((e) => e.type === 'meeting.created')?.actor).toMatchObject({ kind: 'user', name: expect.stringContaining('Quàng Thị Thu') })
    expect(entries.find((e) => e.type === 'speaker.registered')).toMatchObject({ role: 'secretary', actor: { kind: 'user', name: expect.stringContaining('Quàng Thị Thu') } })
    expect(entries.find((e) => e.type === 'speaker.called')).toMatchObject({ role: 'chair', actor: { kind: 'device', id: tablet.device.id, name: 'Máy tính bảng của Chủ trì' } })
    // From which machine: the address each command came from.
    expect(entries.find((e) => e.type === 'speaker.registered')?.actor).toMatchObject({ address: expect.stringMatching(/127\.0\.0\.1/) })
    // The secretary runs the meeting but does not read the audit trail: that is for oversight.
    const refused = await fetch(`${server.url}/api/meetings/${meetingId}/audit`, { headers: server.people.secretary.headers })
    expect(refused.status).toBe(403)
  })

  it('names the secretary who created the demo conference behind every one of its events', async () => {
    const demo = await fetch(`${server.url}/api/demo`, { method: 'POST', headers: server.people.secretary.headers }).then((r) => r.json())
    const { entries } = await fetch(`${server.url}/api/meetings/${demo.meetingId}/audit`, { headers: server.people.oversight.headers }).then((r) => r.json())
    expect(entries.length).toBeGreaterThan(5)
    for (const e of entries) expect(e.actor).toMatchObject({ kind: 'user', id: server.people.secretary.user.id })
  })

  const expiryOf = async (cookie: string) =>
    new Date((await sql<{ e: Date | string }>`select expires_at as e from sessions where id = ${hashToken(cookie.split('=')[1]!)}`.execute(server.db)).rows[0]!.e).getTime()

  it('renews a session while it is used, never beyond a week after sign-in', async () => {
    const person = await createAccount(server.db, ['secretary'], { expiresAt: new Date(Date.now() + 60 * 60 * 1000) })
    const before = Date.now()
    expect((await fetch(`${server.url}/api/auth/session`, { headers: { cookie: person.cookie } }).then((r) => r.json())).user).not.toBeNull()
    expect(await expiryOf(person.cookie)).toBeGreaterThanOrEqual(before + SESSION_IDLE_MS - 1_000)

    // Signed in almost a week ago: renewal stops at the week.
    const token = newToken()
    const signedInAt = Date.now() - SESSION_MAX_MS + 2 * 60 * 60 * 1000
    await insertSession(server.db, {
      id: hashToken(token),
      userId: person.user.id,
      csrfToken: newToken(),
      createdAt: new Date(signedInAt).toISOString(),
      expiresAt: new Date(Date.now() + 60 * 60 * 1000).toISOString(),
      address: null,
    })
    await fetch(`${server.url}/api/auth/session`, { headers: { cookie: `hnd_session=${token}` } })
    expect(await expiryOf(`hnd_session=${token}`)).toBe(signedInAt + SESSION_MAX_MS)
  })

  it('asks again when a console session reaches its known expiry: kept if still live, closed if not', async () => {
    const { meetingId } = await server.createMeeting()
    const person = await createAccount(server.db, ['secretary'])
    // Two sessions signed in a week ago, less 1.5 s: neither can be renewed by use any more.
    const cappedSession = async () => {
      const token = newToken()
      const now = Date.now()
      await insertSession(server.db, {
        id: hashToken(token),
        userId: person.user.id,
        csrfToken: newToken(),
        createdAt: new Date(now - SESSION_MAX_MS + 1_500).toISOString(),
        expiresAt: new Date(now + 1_500).toISOString(),
        address: null,
      })
      return { ...person, cookie: `hnd_session=${token}`, token }
    }
    const kept = await cappedSession()
    const ended = await cappedSession()
    const keptSocket = await server.connectClient({ meetingId, role: 'secretary' }, { as: kept })
    const endedSocket = await server.connectClient({ meetingId, role: 'secretary' }, { as: ended })
    // Meanwhile the first session is prolonged in the database (as renewal by another request would).
    await extendSession(server.db, hashToken(kept.token), new Date(Date.now() + 60 * 60 * 1000).toISOString())
    await until(() => !endedSocket.connected, 'the ended session to close its console', 5_000)
    expect(keptSocket.connected).toBe(true)
    expect(await send(keptSocket, 'speaker:register', { name: 'Vẫn ghi được' })).toMatchObject({ ok: true })
    await expect(server.connectClient({ meetingId, role: 'secretary' }, { as: ended })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' })
  })

  it('refuses the next command of a tablet or console revoked where this process did not hear of it', async () => {
    const { meetingId } = await server.createMeeting()
    const tablet = await server.pairDevice(meetingId, 'chair')
    const chair = await server.connectClient({ meetingId, role: 'chair', deviceToken: tablet.token })
    const person = await createAccount(server.db, ['secretary'])
    const console = await server.connectClient({ meetingId, role: 'secretary' }, { as: person })
    const before = await countEvents(server.db, meetingId)
    // Revoked in the database only: as another server process would, its NOTIFY lost on the way.
    const at = new Date().toISOString()
    await revokeDevice(server.db, meetingId, tablet.device.id, at)
    await revokeSession(server.db, hashToken(person.cookie.split('=')[1]!), at)
    expect(chair.connected && console.connected).toBe(true)
    expect(await send(chair, 'meeting:record-conclusion', { text: 'Không được ghi' })).toMatchObject({ ok: false, error: { code: 'DEVICE_REVOKED' } })
    expect(await send(console, 'speaker:register', { name: 'Không được ghi' })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
    expect(await countEvents(server.db, meetingId)).toBe(before)
    await until(() => !chair.connected && !console.connected, 'both closed after the refusal')
  })
})

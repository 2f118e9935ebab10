import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { countEvents } from '../../db/repositories/events'
import type { MeetingState } from '../../shared/meeting/model'
import { redactState } from '../../shared/meeting/redact'
import type { CommandResult } from '../../shared/protocol'
import { backendName } from '../../tests/fixtures/database'
import { io as connect } from 'socket.io-client'
import { PROTOCOL_VERSION } from '../../shared/protocol'
import { Replica, recordEvents, request, startTestServer, until, type TestSocket } from '../../tests/fixtures/server'

describe(`realtime on ${backendName}`, () => {
  let server: Awaited<ReturnType<typeof startTestServer>>
  beforeAll(async () => {
    server = await startTestServer()
  })
  afterAll(() => server.close())

  async function meetingWithScreens() {
    const { meetingId } = await server.createMeeting()
    const secretary = await server.connectAs(meetingId, 'secretary')
    const chair = await server.connectAs(meetingId, 'chair')
    const projector = await server.connectClient({ meetingId, role: 'projector', deviceToken: (await server.pairDevice(meetingId, 'projector')).token })
    const attendee = await server.connectAs(meetingId, 'attendee')
    const oversight = await server.connectAs(meetingId, 'oversight')
    const screens = { secretary, chair, projector, attendee, oversight }
    for (const s of Object.values(screens)) await request(s, 'meeting:sync', { lastSeq: 0 })
    return { meetingId, ...screens }
  }

  const send = (socket: TestSocket, type: string, payload: object = {}) =>
    request<CommandResult>(socket, type, { commandId: randomUUID(), ...payload })

  describe('handshake', () => {
    it('refuses a meeting that does not exist, anonymous privileged screens, an old protocol and a malformed handshake', async () => {
      const { meetingId } = await server.createMeeting()
      await expect(server.connectAs(randomUUID(), 'attendee')).rejects.toMatchObject({ code: 'MEETING_NOT_FOUND' })
      for (const role of ['secretary', 'chair', 'projector', 'oversight'] as const) {
        await expect(server.connectClient({ meetingId, role })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' })
      }
      await expect(server.connectClient({ meetingId, role: 'secretary', deviceToken: 'guess' })).rejects.toMatchObject({ code: 'DEVICE_REVOKED' })
      await expect(server.connectClient({ meetingId, role: 'attendee', protocol: 0 })).rejects.toMatchObject({ code: 'PROTOCOL_MISMATCH' })
      await expect(server.connectClient({ meetingId, role: 'admin' as 'chair' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' })
    })

    it('opens only the screens a role allows: a chair cannot open the console, oversight cannot open the chair tablet', async () => {
      const { meetingId } = await server.createMeeting()
      await expect(server.connectClient({ meetingId, role: 'secretary' }, { as: server.people.chair })).rejects.toMatchObject({ code: 'FORBIDDEN' })
      await expect(server.connectClient({ meetingId, role: 'chair' }, { as: server.people.oversight })).rejects.toMatchObject({ code: 'FORBIDDEN' })
      await expect(server.connectClient({ meetingId, role: 'oversight' }, { as: server.people.secretary })).rejects.toMatchObject({ code: 'FORBIDDEN' })
    })

    it("does not let one meeting's paired device open another meeting, or another screen of its own", async () => {
      const a = await server.createMeeting()
      const b = await server.createMeeting()
      const tablet = await server.pairDevice(a.meetingId, 'chair')
      await expect(server.connectClient({ meetingId: b.meetingId, role: 'chair', deviceToken: tablet.token })).rejects.toMatchObject({ code: 'FORBIDDEN' })
      await expect(server.connectClient({ meetingId: a.meetingId, role: 'secretary', deviceToken: tablet.token })).rejects.toMatchObject({ code: 'FORBIDDEN' })
      await expect(server.connectClient({ meetingId: a.meetingId, role: 'chair', deviceToken: tablet.token })).resolves.toBeDefined()
    })

    it('refuses a browser page from another site (cross-site WebSocket hijacking)', async () => {
      const { meetingId } = await server.createMeeting()
      const socket = connect(server.url, {
        auth: { protocol: PROTOCOL_VERSION, meetingId, role: 'secretary' },
        transports: ['websocket'],
        forceNew: true,
        reconnection: false,
        extraHeaders: { cookie: server.people.secretary.cookie, origin: 'http://evil.example' },
      })
      const refusal = await new Promise((resolve) => socket.once('connect_error', (err) => resolve((err as Error & { data?: unknown }).data)))
      socket.disconnect()
      expect(refusal).toMatchObject({ code: 'FORBIDDEN' })
    })
  })

  it('acknowledges a command after commit and broadcasts it to every other screen', async () => {
    const { meetingId, secretary, chair, projector, attendee } = await meetingWithScreens()
    const seen = [chair, projector, attendee].map(recordEvents)
    const ack = await send(secretary, 'petition:record', { origin: 'registered', title: 'Đường vào bản', petitionerName: 'Cầm Văn Sinh', showName: true })
    expect(ack).toMatchObject({ ok: true, data: { seq: 2, events: [{ type: 'petition.recorded' }] } })
    expect(await countEvents(server.db, meetingId)).toBe(2) // committed when the ack arrived
    await until(() => seen.every((s) => s.length === 1), 'broadcast')
    for (const s of seen) expect(s[0]).toMatchObject({ seq: 2, payload: { petition: { title: 'Đường vào bản', petitionerName: 'Cầm Văn Sinh' } } })
  })

  it('lets the chair call the next speaker and every screen sees who speaks', async () => {
    const { secretary, chair, projector } = await meetingWithScreens()
    const onProjector = new Replica(projector, '')
    await onProjector.sync()
    await send(secretary, 'speaker:register', { name: 'Lường Văn Dũng', unit: 'Bản Pá Khoang', showName: true })
    expect(await send(chair, 'speaker:call-next')).toMatchObject({ ok: true })
    await until(() => onProjector.state.currentSpeakerNo === 1, 'projector update')
    expect(onProjector.state.speakers[0]).toMatchObject({ name: 'Lường Văn Dũng', status: 'called' })
  })

  it('refuses every command from the projector, attendee and oversight screens, and from the chair where not allowed, broadcasting nothing', async () => {
    const { meetingId, secretary, chair, projector, attendee, oversight } = await meetingWithScreens()
    const seen = recordEvents(secretary)
    for (const screen of [projector, attendee, oversight]) {
      for (const type of ['petition:record', 'speaker:register', 'speaker:call-next', 'speaker:finish']) {
        const payload = type === 'petition:record' ? { origin: 'added', title: 'X' } : type === 'speaker:register' ? { name: 'X' } : {}
        expect(await send(screen, type, payload)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
      }
    }
    expect(await send(chair, 'petition:record', { origin: 'added', title: 'X' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await send(chair, 'speaker:register', { name: 'X' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    // The next accepted command follows directly on the creation event: nothing was appended.
    expect(await send(secretary, 'speaker:register', { name: 'Y' })).toMatchObject({ ok: true, data: { seq: 2 } })
    await until(() => seen.length === 1, 'the one broadcast')
    expect(await countEvents(server.db, meetingId)).toBe(2)
  })

  it('answers bad input with a clear error, writes nothing, and keeps serving', async () => {
    const { meetingId, secretary, projector } = await meetingWithScreens()
    const seen = recordEvents(projector)
    const cases: [string, unknown, string][] = [
      ['speaker:teleport', { commandId: randomUUID() }, 'UNKNOWN_COMMAND'],
      ['petition:record', { commandId: randomUUID(), origin: 'added' }, 'VALIDATION_FAILED'],
      ['petition:record', { commandId: randomUUID(), origin: 'added', title: 'ế'.repeat(100_000) }, 'VALIDATION_FAILED'],
      ['speaker:register', { commandId: randomUUID(), name: ['not', 'a', 'string'] }, 'VALIDATION_FAILED'],
      ['speaker:register', { commandId: 'not-a-uuid', name: 'A' }, 'VALIDATION_FAILED'],
      ['speaker:register', 'just a string', 'VALIDATION_FAILED'],
      ['speaker:register', null, 'VALIDATION_FAILED'],
      ['speaker:register', { commandId: randomUUID(), name: 'A', petitionNos: [99] }, 'PETITION_NOT_FOUND'],
      ['speaker:call-next', { commandId: randomUUID() }, 'QUEUE_EMPTY'],
      ['meeting:sync', { lastSeq: -1 }, 'VALIDATION_FAILED'],
    ]
    for (const [event, payload, code] of cases) {
      const result = await request(secretary, event, payload)
      expect({ event, result: result.ok ? 'ok' : result.error.code }).toEqual({ event, result: code })
      expect(!result.ok && result.error.message).toMatch(/[À-ỹ]/)
    }
    // A message without an ack cannot be answered; it must not break anything either.
    ;(secretary as unknown as { emit: (e: string, p: unknown) => void }).emit('speaker:register', { commandId: randomUUID(), name: 'Không chờ ack' })
    expect(await send(secretary, 'speaker:register', { name: 'Vẫn phục vụ' })).toMatchObject({ ok: true, data: { seq: 2 } })
    expect(await countEvents(server.db, meetingId)).toBe(2)
    await until(() => seen.length === 1, 'the one broadcast')
    expect(secretary.connected).toBe(true)
  })

  it('applies a retried command once and broadcasts it once', async () => {
    const { secretary, projector } = await meetingWithScreens()
    const seen = recordEvents(projector)
    const payload = { commandId: randomUUID(), name: 'Mào Văn Phong' }
    const first = await request<CommandResult>(secretary, 'speaker:register', payload)
    const retry = await request<CommandResult>(secretary, 'speaker:register', payload)
    expect(first).toMatchObject({ ok: true, data: { duplicate: false, seq: 2 } })
    expect(retry).toMatchObject({ ok: true, data: { duplicate: true, seq: 2 } })
    await send(secretary, 'speaker:register', { name: 'Sau' })
    await until(() => seen.length === 2, 'broadcasts')
    expect(seen.map((e) => e.seq)).toEqual([2, 3])
  })

  it('never sends a confidential petitioner to a public screen, live or on catch-up', async () => {
    const secret = 'Lò Văn Bí Mật'
    const { meetingId, secretary, chair, projector, attendee } = await meetingWithScreens()
    const raw: string[] = []
    for (const s of [projector, attendee]) s.onAny((...args) => raw.push(JSON.stringify(args)))
    const chairSeen = recordEvents(chair)
    await send(secretary, 'petition:record', { origin: 'registered', title: 'Tố cáo sai phạm đất đai', petitionerName: secret, petitionerAddress: 'Bản Co Muông', confidential: true })
    await send(secretary, 'speaker:register', { name: secret, unit: 'Bản Co Muông', petitionNos: [1] })
    await send(secretary, 'speaker:call-next')
    // call-next also changes the phase and brings the speaker's petition under discussion: 5 events.
    await until(() => chairSeen.length === 5 && raw.length >= 6, 'broadcasts')
    // A public screen that joins late gets a snapshot; one that was away gets the missed events.
    const late = await server.connectAs(meetingId, 'attendee')
    const snapshot = await request(late, 'meeting:sync', { lastSeq: 0 })
    const tail = await request(late, 'meeting:sync', { lastSeq: 1 })
    const rest = await fetch(`${server.url}/api/meetings/${meetingId}/events`).then((r) => r.text())
    for (const text of [...raw, JSON.stringify(snapshot), JSON.stringify(tail), rest]) {
      expect(text).not.toContain(secret)
      expect(text).not.toContain('Bản Co Muông')
    }
    // A confidential petition is public by its number only: its subject can name the denouncer.
    for (const text of [...raw, JSON.stringify(snapshot), rest]) expect(text).not.toContain('Tố cáo sai phạm đất đai')
    expect(JSON.stringify(snapshot)).toContain('Kiến nghị số 1 (bảo mật)')
    expect(JSON.stringify(chairSeen)).toContain(secret) // the chair sees who it is
  })

  it('catches a screen up by sequence number after a disconnect, to the same state as the server', async () => {
    const { meetingId, secretary } = await meetingWithScreens()
    const projector = await server.connectAs(meetingId, 'attendee', { reconnection: true })
    const screen = new Replica(projector, meetingId)
    expect((await screen.sync()).kind).toBe('snapshot')
    await send(secretary, 'petition:record', { origin: 'registered', title: 'KN 1', petitionerName: 'Giấu', confidential: true })
    await until(() => screen.state.seq === 2, 'first event')

    projector.io.engine.close() // the network drops; the client will reconnect by itself
    await until(() => !projector.connected, 'disconnect')
    await send(secretary, 'petition:record', { origin: 'added', title: 'KN 2' })
    await send(secretary, 'speaker:register', { name: 'Người A', petitionNos: [1], showName: true })
    await send(secretary, 'speaker:register', { name: 'Người B', petitionNos: [2], showName: true })
    await send(secretary, 'speaker:call-next')
    expect(screen.state.seq).toBe(2) // it missed all of that

    await until(() => projector.connected, 'reconnect')
    const caughtUp = await screen.sync()
    expect(caughtUp).toMatchObject({ kind: 'events', seq: 8 }) // call-next: phase, call, discussion
    const full = (await fetch(`${server.url}/api/meetings/${meetingId}/state`, { headers: { cookie: server.people.secretary.cookie } }).then((r) =>
      r.json(),
    )) as MeetingState
    expect(screen.state).toEqual(redactState(full))
    expect(screen.state.speakers.map((s) => s.name)).toEqual([null, 'Người B'])
  })
})

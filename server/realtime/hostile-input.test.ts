import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { countEvents } from '../../db/repositories/events'
import type { CommandResult } from '../../shared/protocol'
import { backendName } from '../../tests/fixtures/database'
import { recordEvents, request, startTestServer, until, type TestSocket } from '../../tests/fixtures/server'

// What anyone in the hall can send from a phone, byte for byte: Socket.IO frames written by hand,
// not by a well-behaved client. None of it may end the process (every screen in the hall would go
// dark), each gets an answer in the app's one error shape when it asked for one, and nothing of it
// is written or broadcast.

/** Writes a Socket.IO packet as is: `21[1,{}]` goes on the wire as the frame `421[1,{}]`. */
function sendRaw(socket: TestSocket, packet: string) {
  ;(socket as unknown as { io: { engine: { write(data: string): void } } }).io.engine.write(packet)
}

/** The acks the server sent this socket for packets written by hand (ids the client never issued). */
function rawAcks(socket: TestSocket) {
  const acks = new Map<number, unknown>()
  ;(socket as unknown as { io: { engine: { on(e: 'packet', f: (p: { type: string; data?: unknown }) => void): void } } }).io.engine.on('packet', (p) => {
    const match = p.type === 'message' && typeof p.data === 'string' ? /^3(\d+)(\[.*)$/s.exec(p.data) : null
    if (match) acks.set(Number(match[1]), (JSON.parse(match[2]!) as unknown[])[0])
  })
  return acks
}

describe(`hostile frames on ${backendName}`, () => {
  let server: Awaited<ReturnType<typeof startTestServer>>
  beforeAll(async () => {
    server = await startTestServer()
  })
  afterAll(() => server.close())

  it('answers an event named by a number, an object-like name or "error" as an unknown command, from an anonymous phone, and keeps serving', async () => {
    const { meetingId } = await server.createMeeting()
    const secretary = await server.connectAs(meetingId, 'secretary')
    const phone = await server.connectAs(meetingId, 'attendee')
    await request(phone, 'meeting:sync', { lastSeq: 0 })
    const seen = recordEvents(phone)
    const acks = rawAcks(phone)
    const frames: [number, string][] = [
      [1, '21[1,{}]'], // the frame that used to end the process: event 1, with an ack
      [2, '22[1.5]'],
      [3, '23["error",{"message":"boom"}]'], // Node throws an 'error' event nobody listens to
      [4, '24["__proto__",{}]'],
      [5, '25["constructor"]'],
      [6, `26[${JSON.stringify('x\u0000'.repeat(5000))}]`],
      [7, '27["speaker:register"]'], // a real command, with no payload at all
      [8, '28["meeting:sync","not an object"]'],
    ]
    for (const [, frame] of frames) sendRaw(phone, frame)
    await until(() => acks.size === frames.length, 'an answer to every frame')
    for (const [id] of frames.slice(0, 6)) expect(acks.get(id)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_COMMAND', message: expect.stringMatching(/^Lệnh không được hỗ trợ/) } })
    expect(acks.get(7)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } })
    expect(acks.get(8)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } })
    // Frames without an ack, and packets the parser cannot read (the latter close that phone's
    // connection, nobody else's).
    sendRaw(phone, '2[2,{}]')
    sendRaw(phone, '2["error"]')
    sendRaw(phone, '2[{"a":1}]')
    sendRaw(phone, '2{')

    const ack = await request<CommandResult>(secretary, 'speaker:register', { commandId: randomUUID(), name: 'Vẫn phục vụ' })
    expect(ack).toMatchObject({ ok: true, data: { seq: 2 } })
    expect(await countEvents(server.db, meetingId)).toBe(2)
    expect(seen.every((e) => e.seq === 2)).toBe(true)
    const another = await server.connectAs(meetingId, 'attendee')
    expect(await request(another, 'meeting:sync', { lastSeq: 0 })).toMatchObject({ ok: true })
  })
})

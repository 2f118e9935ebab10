import { randomBytes, randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { countEvents, readEvents } from '../../db/repositories/events'
import { requestStanding } from '../../shared/meeting/speak-requests'
import type { CommandResult, SpeakRequestStanding } from '../../shared/protocol'
import { backendName } from '../../tests/fixtures/database'
import { Replica, recordEvents, request, startTestServer, until, type TestSocket } from '../../tests/fixtures/server'
import { DEFAULT_PHONE_REQUEST_LIMITS } from './speak-request-limits'

// Attendees ask to speak from their phones: the phone submits over its anonymous attendee socket,
// the projector and the other phones learn nothing identifying, the secretary decides, and the
// phone follows its own request by the id only it knows.

const newSecret = () => randomBytes(24).toString('base64url')

describe(`requests to speak from phones on ${backendName}`, () => {
  let server: Awaited<ReturnType<typeof startTestServer>>
  beforeAll(async () => {
    server = await startTestServer()
  })
  afterAll(() => server.close())

  const send = (socket: TestSocket, type: string, payload: object = {}) => request<CommandResult>(socket, type, { commandId: randomUUID(), ...payload })

  async function hall() {
    const { meetingId } = await server.createMeeting()
    const secretary = new Replica(await server.connectAs(meetingId, 'secretary'), meetingId)
    const projector = new Replica(
      await server.connectClient({ meetingId, role: 'projector', deviceToken: (await server.pairDevice(meetingId, 'projector')).token }),
      meetingId,
    )
    const phoneA = new Replica(await server.connectAs(meetingId, 'attendee'), meetingId)
    const phoneB = new Replica(await server.connectAs(meetingId, 'attendee'), meetingId)
    const oversight = new Replica(await server.connectAs(meetingId, 'oversight'), meetingId)
    for (const s of [secretary, projector, phoneA, phoneB, oversight]) await s.sync()
    await send(secretary.socket, 'petition:record', { origin: 'registered', title: 'Đường liên bản Mòn', showName: false })
    return { meetingId, secretary, projector, phoneA, phoneB, oversight }
  }

  it('a phone asks to speak with a new petition, another confidentially; public screens learn nothing identifying; the secretary accepts and declines; each phone sees its outcome', async () => {
    const { meetingId, secretary, projector, phoneA, phoneB, oversight } = await hall()
    const raw: string[] = []
    for (const s of [projector, phoneA, phoneB, oversight]) s.socket.on('meeting:appended', (batch) => raw.push(JSON.stringify(batch)))

    const a = { requestId: randomUUID(), secret: newSecret() }
    const b = { requestId: randomUUID(), secret: newSecret() }
    const submittedA = await send(phoneA.socket, 'speak-request:submit', {
      ...a,
      name: 'Lò Thị Hoa',
      unit: 'Bản Mòn',
      showName: true,
      newPetition: { field: 'Giao thông', content: 'Cầu treo qua suối Nậm Lạnh bị hỏng' },
    })
    expect(submittedA).toMatchObject({ ok: true })
    const submittedB = await send(phoneB.socket, 'speak-request:submit', {
      ...b,
      name: 'Quàng Văn Kín',
      unit: 'Bản Hẻo',
      confidential: true,
      newPetition: { field: 'Đất đai', content: 'Tố cáo cán bộ địa chính thu tiền' },
    })
    expect(submittedB).toMatchObject({ ok: true })
    await until(() => secretary.state.speakRequests.length === 2 && phoneA.state.speakRequests.length === 2, 'the requests on every screen')
    expect(secretary.state.speakRequests.map((r) => [r.name, r.status])).toEqual([
      ['Lò Thị Hoa', 'waiting'],
      ['Quàng Văn Kín', 'waiting'],
    ])
    expect(requestStanding(phoneA.state, a.requestId)).toEqual({ kind: 'waiting' })
    // Waiting: nothing of either request on a public screen.
    const beforeDecisions = raw.join('\n') + JSON.stringify([projector.state, phoneA.state, phoneB.state, oversight.state])
    for (const text of ['Lò Thị Hoa', 'Bản Mòn', 'Nậm Lạnh', 'Giao thông', 'Quàng Văn Kín', 'Bản Hẻo', 'Tố cáo', 'địa chính', 'Đất đai', a.secret, b.secret]) {
      expect(beforeDecisions).not.toContain(text)
    }

    const accepted = await send(secretary.socket, 'speak-request:accept', {
      requestId: a.requestId,
      name: 'Lò Thị Hoa',
      unit: 'Bản Mòn',
      showName: true,
      addedPetition: { field: 'Giao thông', title: 'Cầu treo suối Nậm Lạnh hỏng', content: 'Cầu treo qua suối Nậm Lạnh bị hỏng' },
    })
    expect(accepted).toMatchObject({ ok: true })
    const declined = await send(secretary.socket, 'speak-request:decline', { requestId: b.requestId, reason: 'Mời ông gặp trực tiếp Tổ tiếp công dân sau hội nghị' })
    expect(declined).toMatchObject({ ok: true })
    await until(() => requestStanding(phoneA.state, a.requestId)?.kind === 'queued' && requestStanding(phoneB.state, b.requestId)?.kind === 'declined', 'the outcomes on the phones')

    // Phone A: speaker No. 1, nobody before; the speaker and the new petition were registered together.
    expect(requestStanding(phoneA.state, a.requestId)).toEqual({ kind: 'queued', speakerNo: 1, before: 0 })
    expect(secretary.state.speakers[0]).toMatchObject({ no: 1, name: 'Lò Thị Hoa', petitionNos: [2] })
    expect(secretary.state.petitions[1]).toMatchObject({ no: 2, origin: 'added', title: 'Cầu treo suối Nậm Lạnh hỏng' })
    // Phone B learns the reason by asking with its secret; nobody else can.
    expect(await request<SpeakRequestStanding>(phoneB.socket, 'speak-request:status', b)).toEqual({
      ok: true,
      data: { status: 'declined', speakerNo: null, reason: 'Mời ông gặp trực tiếp Tổ tiếp công dân sau hội nghị' },
    })
    expect(await request(phoneA.socket, 'speak-request:status', { requestId: b.requestId, secret: a.secret })).toMatchObject({ ok: false, error: { code: 'SPEAK_REQUEST_NOT_FOUND' } })
    expect(await request(projector.socket, 'speak-request:status', { requestId: b.requestId, secret: 'x' })).toMatchObject({ ok: false, error: { code: 'SPEAK_REQUEST_NOT_FOUND' } })

    // A second phone queued behind: phone A's count moves live.
    await send(secretary.socket, 'speaker:register', { name: 'Người đến sau' })
    await send(secretary.socket, 'speaker:move', { speakerNo: 2, position: 0 })
    await until(() => requestStanding(phoneA.state, a.requestId)?.kind === 'queued' && (requestStanding(phoneA.state, a.requestId) as { before: number }).before === 1, 'phone A moved back one place')

    // Accepted, phone A's speaker and petition are on the hall's screens as any registered at the
    // desk (she consented to her name); of the declined confidential request, still nothing.
    expect(projector.state.speakers[0]).toMatchObject({ no: 1, name: 'Lò Thị Hoa' })
    expect(projector.state.petitions[1]).toMatchObject({ title: 'Cầu treo suối Nậm Lạnh hỏng' })
    const seenByPublic = raw.join('\n') + JSON.stringify([projector.state, phoneA.state, phoneB.state, oversight.state])
    for (const text of ['Quàng Văn Kín', 'Bản Hẻo', 'Tố cáo', 'địa chính', 'Đất đai', 'Tổ tiếp công dân', a.secret, b.secret]) {
      expect(seenByPublic).not.toContain(text)
    }
    expect(projector.state.speakRequests).toEqual([
      expect.objectContaining({ requestId: a.requestId, status: 'accepted', speakerNo: 1, name: null, unit: '', newPetition: null, secret: '' }),
      expect.objectContaining({ requestId: b.requestId, status: 'declined', speakerNo: null, name: null, reason: '', confidential: false }),
    ])
    // The log keeps the secrets' digests only.
    const log = JSON.stringify(await readEvents(server.db, meetingId, 0))
    expect(log).not.toContain(a.secret)
    expect(log).not.toContain(b.secret)
  })

  it('lets only the phone that sent a request withdraw it', async () => {
    const { meetingId, secretary, phoneA, phoneB } = await hall()
    const a = { requestId: randomUUID(), secret: newSecret() }
    expect(await send(phoneA.socket, 'speak-request:submit', { ...a, name: 'Cầm Văn Công', petitionNos: [1] })).toMatchObject({ ok: true })
    const before = await countEvents(server.db, meetingId)
    expect(await send(phoneB.socket, 'speak-request:withdraw', { requestId: a.requestId, secret: newSecret() })).toMatchObject({ ok: false, error: { code: 'SPEAK_REQUEST_NOT_FOUND' } })
    expect(await send(secretary.socket, 'speak-request:withdraw', a)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await countEvents(server.db, meetingId)).toBe(before)
    expect(await send(phoneA.socket, 'speak-request:withdraw', a)).toMatchObject({ ok: true })
    await until(() => requestStanding(phoneA.state, a.requestId)?.kind === 'withdrawn', 'withdrawn on the phone')
    await until(() => secretary.state.speakRequests[0]?.status === 'withdrawn', 'withdrawn on the console')
  })

  it('refuses a second waiting request from one phone, too many from one phone, and requests while registration is closed: nothing written, nothing broadcast', async () => {
    const { meetingId, secretary, projector, phoneA } = await hall()
    const heard = recordEvents(projector.socket)
    const first = { requestId: randomUUID(), secret: newSecret() }
    expect(await send(phoneA.socket, 'speak-request:submit', { ...first, name: 'Cầm Văn Công', petitionNos: [1] })).toMatchObject({ ok: true })
    await until(() => heard.length === 1, 'the one broadcast')
    const written = await countEvents(server.db, meetingId)

    const second = await send(phoneA.socket, 'speak-request:submit', { requestId: randomUUID(), secret: newSecret(), name: 'Cầm Văn Công', petitionNos: [1] })
    expect(second).toMatchObject({ ok: false, error: { code: 'SPEAK_REQUEST_PENDING', message: expect.stringMatching(/đang có một đăng ký/) } })
    expect(await countEvents(server.db, meetingId)).toBe(written)

    // Withdraw and ask again, until the phone has sent its share for the window.
    expect(await send(phoneA.socket, 'speak-request:withdraw', first)).toMatchObject({ ok: true })
    for (let i = 1; i < DEFAULT_PHONE_REQUEST_LIMITS.perPhone; i++) {
      const r = { requestId: randomUUID(), secret: newSecret() }
      expect(await send(phoneA.socket, 'speak-request:submit', { ...r, name: 'Cầm Văn Công', petitionNos: [1] })).toMatchObject({ ok: true })
      expect(await send(phoneA.socket, 'speak-request:withdraw', r)).toMatchObject({ ok: true })
    }
    await until(() => heard.length === 2 * DEFAULT_PHONE_REQUEST_LIMITS.perPhone, 'every accepted request and withdrawal broadcast')
    const full = await countEvents(server.db, meetingId)
    const refused = await send(phoneA.socket, 'speak-request:submit', { requestId: randomUUID(), secret: newSecret(), name: 'Cầm Văn Công', petitionNos: [1] })
    expect(refused).toMatchObject({ ok: false, error: { code: 'SPEAK_REQUESTS_TOO_MANY', message: expect.stringMatching(/10 phút/) } })
    expect(await countEvents(server.db, meetingId)).toBe(full)

    // Another phone, registration closed: refused by the meeting itself.
    await send(secretary.socket, 'registration:close')
    const other = await server.connectAs(meetingId, 'attendee')
    const closed = await send(other, 'speak-request:submit', { requestId: randomUUID(), secret: newSecret(), name: 'Lò Văn Muộn', petitionNos: [1] })
    expect(closed).toMatchObject({ ok: false, error: { code: 'REGISTRATION_CLOSED' } })
    // A form with nothing chosen and a bad name: the shared schema's Vietnamese messages, by field.
    const invalid = await send(other, 'speak-request:submit', { requestId: randomUUID(), secret: newSecret(), name: '   ', newPetition: { content: '' } })
    expect(invalid).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', fields: { name: 'Không được để trống.', 'newPetition.content': 'Không được để trống.' } } })
    await send(secretary.socket, 'registration:reopen')
    await until(() => heard.length === 2 * DEFAULT_PHONE_REQUEST_LIMITS.perPhone + 2, 'the registration broadcasts')
    expect(heard.filter((e) => e.type.startsWith('speak-request.'))).toHaveLength(2 * DEFAULT_PHONE_REQUEST_LIMITS.perPhone)
  })

  it('answers a retried request with the first result, not as a second request', async () => {
    const { phoneA } = await hall()
    const payload = { commandId: randomUUID(), requestId: randomUUID(), secret: newSecret(), name: 'Cầm Văn Công', petitionNos: [1] }
    const first = await request<CommandResult>(phoneA.socket, 'speak-request:submit', payload)
    const again = await request<CommandResult>(phoneA.socket, 'speak-request:submit', payload)
    expect(first).toMatchObject({ ok: true, data: { duplicate: false } })
    expect(again).toMatchObject({ ok: true, data: { duplicate: true, seq: first.ok ? first.data.seq : -1 } })
  })
})

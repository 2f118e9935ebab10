import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../../db/connect'
import { countEvents } from '../../../db/repositories/events'
import { backendName } from '../../../tests/fixtures/database'
import { buildTestApp } from '../../../tests/fixtures/app'
import { createAccount, officeAccounts, type OfficeAccounts } from '../../../tests/fixtures/accounts'
import type { buildApp } from '../../app'

describe(`meeting routes on ${backendName}`, () => {
  let handle: DatabaseHandle
  let app: Awaited<ReturnType<typeof buildApp>>
  let people: OfficeAccounts

  beforeAll(async () => {
    ;({ app, handle } = await buildTestApp())
    people = await officeAccounts(handle.db)
  })
  afterAll(async () => {
    await app.close()
    await handle.close()
  })

  /** Whoever calls: a person's session (cookie + CSRF token), a paired device's token, or nobody. */
  type Caller = { headers: Record<string, string> } | undefined

  async function createMeeting(title = 'Hội nghị đối thoại năm 2026') {
    const res = await app.inject({ method: 'POST', url: '/api/meetings', headers: people.secretary.headers, payload: { title, venue: 'Hội trường' } })
    expect(res.statusCode).toBe(201)
    return res.json() as { meetingId: string }
  }

  /** Pairs a device as the hall does: the secretary asks for a code, the device enters it. */
  async function pairDevice(meetingId: string, role: 'chair' | 'projector') {
    const issued = await app.inject({ method: 'POST', url: `/api/meetings/${meetingId}/pairings`, headers: people.secretary.headers, payload: { role } })
    expect(issued.statusCode).toBe(201)
    const paired = await app.inject({ method: 'POST', url: '/api/pair', payload: { code: issued.json().code } })
    expect(paired.statusCode).toBe(201)
    const { token, device } = paired.json() as { token: string; device: { id: string; label: string } }
    return { device, headers: { authorization: `Bearer ${token}` } }
  }

  const command = (meetingId: string, caller: Caller, body: object) =>
    app.inject({
      method: 'POST',
      url: `/api/meetings/${meetingId}/commands`,
      headers: caller?.headers ?? {},
      payload: { commandId: randomUUID(), ...body },
    })

  const listedTitles = async () =>
    ((await app.inject({ url: '/api/meetings', headers: people.secretary.headers })).json().meetings as { title: string }[]).map((m) => m.title)

  it('creates a meeting, lists it and describes it, with the title stored in NFC', async () => {
    const nfd = 'Đối thoại với nhân dân xã Sốp Cộp'.normalize('NFD')
    const created = await app.inject({ method: 'POST', url: '/api/meetings', headers: people.secretary.headers, payload: { title: nfd, venue: 'Hội trường' } })
    expect(created.statusCode).toBe(201)
    // No secret comes back: who may open which screen follows from accounts and paired devices.
    expect(Object.keys(created.json()).sort()).toEqual(['createdAt', 'meetingId', 'title', 'venue'])
    const { meetingId } = created.json() as { meetingId: string }
    const one = await app.inject({ url: `/api/meetings/${meetingId}` }) // anyone with the address
    expect(one.json()).toMatchObject({ meetingId, title: 'Đối thoại với nhân dân xã Sốp Cộp'.normalize('NFC'), venue: 'Hội trường' })
    // The list is for the office's people, any of them; not for an attendee's phone.
    for (const person of [people.chair, people.unitLead, people.oversight, people.admin]) {
      const list = await app.inject({ url: '/api/meetings', headers: person.headers })
      expect(list.json().meetings.some((m: { meetingId: string }) => m.meetingId === meetingId)).toBe(true)
    }
    const anonymous = await app.inject({ url: '/api/meetings' })
    expect({ status: anonymous.statusCode, code: anonymous.json().error.code }).toEqual({ status: 401, code: 'UNAUTHENTICATED' })
  })

  it('lists each meeting with its date and phase, so two of the same title can be told apart', async () => {
    const title = `Đối thoại với nhân dân ${randomUUID().slice(0, 8)}`
    const first = await createMeeting(title)
    const second = await createMeeting(title)
    expect((await command(second.meetingId, people.secretary, { type: 'meeting:update-details', title, venue: 'Hội trường', meetingDate: '2026-06-20' })).statusCode).toBe(200)
    expect((await command(second.meetingId, people.secretary, { type: 'meeting:set-phase', phase: 'dialogue' })).statusCode).toBe(200)
    const listed = (await app.inject({ url: '/api/meetings', headers: people.chair.headers })).json().meetings as { meetingId: string; meetingDate: string; phase: string }[]
    const pick = (id: string) => listed.find((m) => m.meetingId === id)
    expect(pick(first.meetingId)).toMatchObject({ title, meetingDate: '', phase: 'opening' })
    expect(pick(second.meetingId)).toMatchObject({ title, meetingDate: '2026-06-20', phase: 'dialogue' })
  })

  it('lets only a secretary create a meeting, and a signed-in write needs its CSRF token; nothing is created otherwise', async () => {
    const title = `Không được tạo ${randomUUID()}`
    const payload = { title, venue: 'Hội trường' }
    const expired = await createAccount(handle.db, ['secretary'], { expiresAt: new Date(Date.now() - 1000) })
    const { cookie } = people.secretary
    const cases: [Record<string, string>, number, string][] = [
      [{}, 401, 'UNAUTHENTICATED'],
      [expired.headers, 401, 'UNAUTHENTICATED'], // an expired session is nobody
      [people.chair.headers, 403, 'FORBIDDEN'],
      [people.unitLead.headers, 403, 'FORBIDDEN'],
      [people.oversight.headers, 403, 'FORBIDDEN'],
      [people.admin.headers, 403, 'FORBIDDEN'],
      [{ cookie }, 403, 'CSRF_FAILED'],
      [{ cookie, 'x-csrf-token': people.chair.csrfToken }, 403, 'CSRF_FAILED'], // another session's token
      [{ ...people.secretary.headers, origin: 'http://evil.example' }, 403, 'CSRF_FAILED'],
    ]
    for (const [headers, status, code] of cases) {
      const res = await app.inject({ method: 'POST', url: '/api/meetings', headers, payload })
      expect({ status: res.statusCode, code: res.json().error?.code }).toEqual({ status, code })
      expect(res.json().error.message).toMatch(/[À-ỹ]/)
      const demo = await app.inject({ method: 'POST', url: '/api/demo', headers })
      expect({ status: demo.statusCode, code: demo.json().error?.code }).toEqual({ status, code })
    }
    expect(await listedTitles()).not.toContain(title)
    // The same request from the secretary's own page goes through.
    const own = await app.inject({ method: 'POST', url: '/api/meetings', headers: { ...people.secretary.headers, origin: 'http://192.168.1.10:3000', host: '192.168.1.10:3000' }, payload })
    expect(own.statusCode).toBe(201)
    expect(await listedTitles()).toContain(title)
  })

  it('lists a meeting under the title it was given last, not the one it was created with', async () => {
    const { meetingId } = await createMeeting('Tên tạm')
    await command(meetingId, people.secretary, { type: 'meeting:update-details', title: 'Hội nghị đối thoại quý IV', venue: 'Hội trường B' })
    const listed = (await app.inject({ url: '/api/meetings', headers: people.chair.headers })).json().meetings.find((m: { meetingId: string }) => m.meetingId === meetingId)
    expect(listed).toMatchObject({ title: 'Hội nghị đối thoại quý IV', venue: 'Hội trường B' })
  })

  it('runs commands as the secretary and as the chair’s paired tablet, returns the committed events, and keeps who issued them for oversight', async () => {
    const { meetingId } = await createMeeting()
    const res = await command(meetingId, people.secretary, { type: 'petition:record', origin: 'registered', title: 'Đường nội đồng' })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ seq: 2, duplicate: false, events: [{ type: 'petition.recorded', seq: 2, actorRole: 'secretary' }] })
    await command(meetingId, people.secretary, { type: 'speaker:register', name: 'Lò Thị Hoa' })
    // A device's token is a header no browser adds by itself: no CSRF token needed.
    const tablet = await pairDevice(meetingId, 'chair')
    const called = await command(meetingId, tablet, { type: 'speaker:call-next' })
    expect(called.statusCode).toBe(200)
    expect(called.json().events.map((e: { type: string; actorRole: string }) => [e.type, e.actorRole])).toEqual([
      ['meeting.phase-changed', 'chair'],
      ['speaker.called', 'chair'],
    ])
    // The chair's own account directs the queue too.
    expect((await command(meetingId, people.chair, { type: 'speaker:finish' })).statusCode).toBe(200)

    const audit = await app.inject({ url: `/api/meetings/${meetingId}/audit`, headers: people.oversight.headers })
    expect(audit.statusCode).toBe(200)
    const actors = (audit.json().entries as { seq: number; actor: { kind: string; name: string } | null }[]).map((e) => [e.seq, e.actor?.kind, e.actor?.name])
    expect(actors).toEqual([
      [1, 'user', `Quàng Thị Thu (${people.secretary.user.username})`],
      [2, 'user', `Quàng Thị Thu (${people.secretary.user.username})`],
      [3, 'user', `Quàng Thị Thu (${people.secretary.user.username})`],
      [4, 'device', tablet.device.label],
      [5, 'device', tablet.device.label],
      [6, 'user', `Lò Văn Hùng (${people.chair.user.username})`],
    ])
    // Who did what is for oversight, not for those whose actions it records.
    expect((await app.inject({ url: `/api/meetings/${meetingId}/audit`, headers: people.secretary.headers })).statusCode).toBe(403)
    expect((await app.inject({ url: `/api/meetings/${meetingId}/audit` })).statusCode).toBe(401)
  })

  it('names in the meeting audit which petition and speaker each entry concerns, a confidential one by number and field only', async () => {
    const { meetingId } = await createMeeting()
    const record = (fields: object) => command(meetingId, people.secretary, { type: 'petition:record', origin: 'registered', ...fields })
    expect((await record({ field: 'Đất đai', title: 'Cấp đổi sổ đỏ', petitionerName: 'Cầm Văn Công' })).statusCode).toBe(200)
    expect((await record({ field: 'Tổ chức cán bộ', title: 'Tố cáo cán bộ thôn', petitionerName: 'Quàng Thị Kín', confidential: true })).statusCode).toBe(200)
    expect((await command(meetingId, people.secretary, { type: 'speaker:register', name: 'Lò Văn Nói', petitionNos: [1] })).statusCode).toBe(200)
    expect((await command(meetingId, people.secretary, { type: 'speaker:register', name: 'Quàng Thị Kín', petitionNos: [2] })).statusCode).toBe(200)
    expect((await command(meetingId, people.secretary, { type: 'speaker:call', speakerNo: 2 })).statusCode).toBe(200)

    const audit = await app.inject({ url: `/api/meetings/${meetingId}/audit`, headers: people.oversight.headers })
    expect(audit.statusCode).toBe(200)
    const subjects = (audit.json().entries as { type: string; subject: unknown }[]).map((e) => [e.type, e.subject])
    expect(subjects).toEqual([
      ['meeting.created', null],
      ['petition.recorded', { petition: { no: 1, title: 'Cấp đổi sổ đỏ', withheld: false } }],
      ['petition.recorded', { petition: { no: 2, title: 'Kiến nghị số 2 (bảo mật, lĩnh vực Tổ chức cán bộ)', withheld: true } }],
      ['speaker.registered', { speaker: { no: 1, name: 'Lò Văn Nói' } }],
      ['speaker.registered', { speaker: { no: 2, name: null } }],
      // Calling a speaker moves the meeting to the dialogue and opens their petition.
      ['meeting.phase-changed', null],
      ['speaker.called', { speaker: { no: 2, name: null } }],
      ['petition.discussion-started', { petition: { no: 2, title: 'Kiến nghị số 2 (bảo mật, lĩnh vực Tổ chức cán bộ)', withheld: true } }],
    ])
    expect(audit.body).not.toContain('Tố cáo cán bộ thôn')
    expect(audit.body).not.toContain('Quàng Thị Kín')
  })

  it('answers a retried command id with the first result and writes nothing more', async () => {
    const { meetingId } = await createMeeting()
    const payload = { commandId: randomUUID(), type: 'speaker:register', name: 'Lò Thị Hoa' }
    const send = () => app.inject({ method: 'POST', url: `/api/meetings/${meetingId}/commands`, headers: people.secretary.headers, payload })
    const first = (await send()).json()
    const second = (await send()).json()
    expect(second).toEqual({ ...first, duplicate: true })
    expect(await countEvents(handle.db, meetingId)).toBe(2)
  })

  it('refuses, with a code and a Vietnamese message, and writes nothing', async () => {
    const { meetingId } = await createMeeting()
    const other = await createMeeting('Hội nghị khác')
    const otherTablet = await pairDevice(other.meetingId, 'chair')
    const projector = await pairDevice(meetingId, 'projector')
    const { cookie } = people.secretary
    const s = people.secretary
    const cases: [Awaited<ReturnType<typeof command>>, number, string][] = [
      [await command(meetingId, undefined, { type: 'speaker:call-next' }), 401, 'UNAUTHENTICATED'],
      [await command(meetingId, { headers: { authorization: 'Bearer not-a-device' } }, { type: 'speaker:call-next' }), 401, 'DEVICE_REVOKED'],
      [await command(meetingId, { headers: { cookie } }, { type: 'speaker:register', name: 'A' }), 403, 'CSRF_FAILED'],
      [await command(meetingId, people.oversight, { type: 'speaker:register', name: 'A' }), 403, 'FORBIDDEN'], // follows, issues nothing
      [await command(meetingId, people.unitLead, { type: 'speaker:register', name: 'A' }), 403, 'FORBIDDEN'],
      [await command(meetingId, people.admin, { type: 'speaker:register', name: 'A' }), 403, 'FORBIDDEN'],
      [await command(meetingId, projector, { type: 'speaker:register', name: 'A' }), 403, 'FORBIDDEN'],
      [await command(meetingId, otherTablet, { type: 'petition:record', origin: 'added', title: 'X' }), 403, 'FORBIDDEN'], // another meeting's tablet
      [await command(meetingId, people.chair, { type: 'petition:record', origin: 'added', title: 'X' }), 403, 'FORBIDDEN'],
      [await command(meetingId, s, { type: 'speaker:fly' }), 400, 'UNKNOWN_COMMAND'],
      // A request to speak comes from a phone's socket, where its limits are kept: never over HTTP.
      [await command(meetingId, s, { type: 'speak-request:submit', requestId: randomUUID(), secret: 'a'.repeat(43), name: 'Lò Văn A' }), 403, 'FORBIDDEN'],
      [await command(meetingId, undefined, { type: 'speak-request:submit', requestId: randomUUID(), secret: 'a'.repeat(43), name: 'Lò Văn A' }), 401, 'UNAUTHENTICATED'],
      [await command(meetingId, s, { type: 'petition:record', origin: 'added' }), 400, 'VALIDATION_FAILED'],
      [await command(meetingId, s, { type: 'petition:record', origin: 'added', title: 'ế'.repeat(100_000) }), 400, 'VALIDATION_FAILED'],
      [await command(meetingId, s, { type: 'speaker:register', name: 42 }), 400, 'VALIDATION_FAILED'],
      [await command(meetingId, s, { type: 'speaker:call-next' }), 409, 'QUEUE_EMPTY'],
      [await command(meetingId, s, { type: 'speaker:register', name: 'A', petitionNos: [9] }), 422, 'PETITION_NOT_FOUND'],
      [await command(randomUUID(), s, { type: 'speaker:call-next' }), 404, 'MEETING_NOT_FOUND'],
      [await command('not-a-uuid', s, { type: 'speaker:call-next' }), 400, 'VALIDATION_FAILED'],
    ]
    for (const [res, status, code] of cases) {
      expect({ status: res.statusCode, code: res.json().error?.code }).toEqual({ status, code })
      expect(res.json().error.message).toMatch(/[À-ỹ]/) // Vietnamese, not a stack trace
    }
    expect(await countEvents(handle.db, meetingId)).toBe(1)
    expect(await countEvents(handle.db, other.meetingId)).toBe(1)
  })

  it('stops a revoked tablet at once, and the secretary alone manages the hall’s devices', async () => {
    const { meetingId } = await createMeeting()
    await command(meetingId, people.secretary, { type: 'speaker:register', name: 'Lò Thị Hoa' })
    const tablet = await pairDevice(meetingId, 'chair')
    for (const person of [people.chair, people.oversight]) {
      const refused = await app.inject({ method: 'DELETE', url: `/api/meetings/${meetingId}/devices/${tablet.device.id}`, headers: person.headers })
      expect(refused.statusCode).toBe(403)
    }
    expect((await app.inject({ method: 'DELETE', url: `/api/meetings/${meetingId}/devices/${tablet.device.id}`, headers: people.secretary.headers })).statusCode).toBe(204)
    const after = await command(meetingId, tablet, { type: 'speaker:call-next' })
    expect({ status: after.statusCode, code: after.json().error.code }).toEqual({ status: 401, code: 'DEVICE_REVOKED' })
    expect((await app.inject({ url: `/api/meetings/${meetingId}/state`, headers: tablet.headers })).statusCode).toBe(401)
    expect(await countEvents(handle.db, meetingId)).toBe(2)
  })

  it('explains a long field in Vietnamese and names it', async () => {
    const { meetingId } = await createMeeting()
    const res = await command(meetingId, people.secretary, { type: 'petition:record', origin: 'added', title: 'x'.repeat(201) })
    expect(res.json().error.fields).toEqual({ title: 'Quá dài (tối đa 200 ký tự).' })
  })

  it('refuses malformed JSON and oversized bodies without leaking internals', async () => {
    const headers = { 'content-type': 'application/json', ...people.secretary.headers }
    const bad = await app.inject({ method: 'POST', url: '/api/meetings', headers, payload: '{"title": ' })
    expect(bad.statusCode).toBe(400)
    expect(bad.json()).toEqual({ ok: false, error: { code: 'VALIDATION_FAILED', message: 'Yêu cầu không hợp lệ.' } })
    const huge = await app.inject({ method: 'POST', url: '/api/meetings', headers: people.secretary.headers, payload: { title: 'x'.repeat(2_000_000) } })
    expect(huge.statusCode).toBe(413)
    expect(huge.json().error.code).toBe('VALIDATION_FAILED')
    // Someone not signed in is turned away before the body is even read.
    const anonymous = await app.inject({ method: 'POST', url: '/api/meetings', headers: { 'content-type': 'application/json' }, payload: '{"title": ' })
    expect(anonymous.json().error.code).toBe('UNAUTHENTICATED')
  })

  it('gives the full state and events to the secretary and the chair only; public readers and oversight the redacted ones', async () => {
    const { meetingId } = await createMeeting()
    await command(meetingId, people.secretary, { type: 'petition:record', origin: 'registered', title: 'Tố cáo', petitionerName: 'Người Giấu Tên', confidential: true })
    await command(meetingId, people.secretary, { type: 'speaker:register', name: 'Người Giấu Tên', petitionNos: [1] })
    const tablet = await pairDevice(meetingId, 'chair')
    const projector = await pairDevice(meetingId, 'projector')
    for (const path of ['state', 'events']) {
      const url = `/api/meetings/${meetingId}/${path}`
      const redacted = [
        await app.inject({ url }), // an attendee's phone
        await app.inject({ url, headers: projector.headers }),
        await app.inject({ url: `${url}?role=attendee`, headers: people.secretary.headers }), // the secretary checking the public view
        await app.inject({ url, headers: people.unitLead.headers }), // no screen of its own in a meeting
        // Oversight reads the record and who did what, never a denouncer's name (the brief).
        await app.inject({ url, headers: people.oversight.headers }),
      ]
      for (const res of redacted) {
        expect(res.statusCode).toBe(200)
        expect(res.body).toContain('Kiến nghị số 1 (bảo mật)') // by its number only
        expect(res.body).not.toContain('Tố cáo')
        expect(res.body).not.toContain('Người Giấu Tên')
      }
      for (const headers of [people.secretary.headers, people.chair.headers, tablet.headers]) {
        const full = await app.inject({ url, headers })
        expect(full.statusCode).toBe(200)
        expect(full.body).toContain('Người Giấu Tên')
      }
    }
    // Asking for a screen one does not hold is refused, not quietly downgraded.
    const refused = [
      [await app.inject({ url: `/api/meetings/${meetingId}/state?role=secretary` }), 401, 'UNAUTHENTICATED'],
      [await app.inject({ url: `/api/meetings/${meetingId}/state?role=secretary`, headers: people.chair.headers }), 403, 'FORBIDDEN'],
      [await app.inject({ url: `/api/meetings/${meetingId}/state?role=oversight`, headers: tablet.headers }), 403, 'FORBIDDEN'],
      [await app.inject({ url: `/api/meetings/${meetingId}/state`, headers: { authorization: 'Bearer nope' } }), 401, 'DEVICE_REVOKED'],
    ] as const
    for (const [res, status, code] of refused) {
      expect({ status: res.statusCode, code: res.json().error.code }).toEqual({ status, code })
      expect(res.body).not.toContain('Người Giấu Tên')
    }
    // A tablet paired for this meeting sees nothing more of another one.
    const other = await createMeeting('Hội nghị khác')
    await command(other.meetingId, people.secretary, { type: 'petition:record', origin: 'registered', title: 'Khác', petitionerName: 'Người Khác Giấu', confidential: true })
    const elsewhere = await app.inject({ url: `/api/meetings/${other.meetingId}/state`, headers: tablet.headers })
    expect(elsewhere.statusCode).toBe(403)
    expect(elsewhere.body).not.toContain('Người Khác Giấu')
  })

  it('runs a REST command as the role that may issue it, for a person holding several', async () => {
    const { meetingId } = await createMeeting()
    const chairAndOversight = await createAccount(handle.db, ['chair', 'oversight'])
    await app.inject({ method: 'POST', url: `/api/meetings/${meetingId}/commands`, headers: people.secretary.headers, payload: { type: 'speaker:register', commandId: randomUUID(), name: 'Lò Văn A' } })
    const called = await app.inject({
      method: 'POST',
      url: `/api/meetings/${meetingId}/commands`,
      headers: chairAndOversight.headers,
      payload: { type: 'speaker:call-next', commandId: randomUUID() },
    })
    expect(called.statusCode).toBe(200)
    expect(called.json().events.at(-1)).toMatchObject({ actorRole: 'chair' })
    // Still not the secretary's commands.
    const record = await app.inject({
      method: 'POST',
      url: `/api/meetings/${meetingId}/commands`,
      headers: chairAndOversight.headers,
      payload: { type: 'petition:record', commandId: randomUUID(), origin: 'added', title: 'X' },
    })
    expect(record.json().error.code).toBe('FORBIDDEN')
  })

  it('answers unknown API paths with the error shape', async () => {
    const res = await app.inject({ url: '/api/nothing-here' })
    expect(res.statusCode).toBe(404)
    expect(res.json()).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'Không tìm thấy.' } })
  })
})

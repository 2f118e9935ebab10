import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../../db/connect'
import { countEvents } from '../../../db/repositories/events'
import { backendName, openTestDatabase } from '../../../tests/fixtures/database'
import { buildApp } from '../../app'

describe(`meeting routes on ${backendName}`, () => {
  let handle: DatabaseHandle
  let app: Awaited<ReturnType<typeof buildApp>>

  beforeAll(async () => {
    handle = await openTestDatabase()
    app = await buildApp({ db: handle.db, clientDir: '/nonexistent' })
  })
  afterAll(async () => {
    await app.close()
    await handle.close()
  })

  async function createMeeting(title = 'Hội nghị đối thoại năm 2026') {
    const res = await app.inject({ method: 'POST', url: '/api/meetings', payload: { title, venue: 'Hội trường' } })
    expect(res.statusCode).toBe(201)
    return res.json() as { meetingId: string; keys: { secretary: string; chair: string } }
  }

  const command = (meetingId: string, key: string | undefined, body: object) =>
    app.inject({
      method: 'POST',
      url: `/api/meetings/${meetingId}/commands`,
      headers: key ? { 'x-meeting-key': key } : {},
      payload: { commandId: randomUUID(), ...body },
    })

  it('creates a meeting, lists it and describes it, with the title stored in NFC', async () => {
    const nfd = 'Đối thoại với nhân dân xã Sốp Cộp'.normalize('NFD')
    const { meetingId, keys } = await createMeeting(nfd)
    expect(keys.secretary).not.toBe(keys.chair)
    const one = await app.inject({ url: `/api/meetings/${meetingId}` })
    expect(one.json()).toMatchObject({ meetingId, title: 'Đối thoại với nhân dân xã Sốp Cộp'.normalize('NFC'), venue: 'Hội trường' })
    const list = await app.inject({ url: '/api/meetings' })
    expect(list.json().meetings.some((m: { meetingId: string }) => m.meetingId === meetingId)).toBe(true)
    expect(JSON.stringify(list.json())).not.toContain(keys.secretary)
  })

  it('lists a meeting under the title it was given last, not the one it was created with', async () => {
    const { meetingId, keys } = await createMeeting('Tên tạm')
    await command(meetingId, keys.secretary, { type: 'meeting:update-details', title: 'Hội nghị đối thoại quý IV', venue: 'Hội trường B' })
    const listed = (await app.inject({ url: '/api/meetings' })).json().meetings.find((m: { meetingId: string }) => m.meetingId === meetingId)
    expect(listed).toMatchObject({ title: 'Hội nghị đối thoại quý IV', venue: 'Hội trường B' })
  })

  it('runs commands with the secretary key and returns the committed events', async () => {
    const { meetingId, keys } = await createMeeting()
    const res = await command(meetingId, keys.secretary, { type: 'petition:record', origin: 'registered', title: 'Đường nội đồng' })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ seq: 2, duplicate: false, events: [{ type: 'petition.recorded', seq: 2, actorRole: 'secretary' }] })
  })

  it('answers a retried command id with the first result and writes nothing more', async () => {
    const { meetingId, keys } = await createMeeting()
    const payload = { commandId: randomUUID(), type: 'speaker:register', name: 'Lò Thị Hoa' }
    const send = () => app.inject({ method: 'POST', url: `/api/meetings/${meetingId}/commands`, headers: { 'x-meeting-key': keys.secretary }, payload })
    const first = (await send()).json()
    const second = (await send()).json()
    expect(second).toEqual({ ...first, duplicate: true })
    expect(await countEvents(handle.db, meetingId)).toBe(2)
  })

  it('refuses, with a code and a Vietnamese message, and writes nothing', async () => {
    const { meetingId, keys } = await createMeeting()
    const cases: [Awaited<ReturnType<typeof command>>, number, string][] = [
      [await command(meetingId, undefined, { type: 'speaker:call-next' }), 403, 'FORBIDDEN'],
      [await command(meetingId, 'wrong-key', { type: 'speaker:call-next' }), 401, 'UNAUTHENTICATED'],
      [await command(meetingId, keys.chair, { type: 'petition:record', origin: 'added', title: 'X' }), 403, 'FORBIDDEN'],
      [await command(meetingId, keys.secretary, { type: 'speaker:fly' }), 400, 'UNKNOWN_COMMAND'],
      [await command(meetingId, keys.secretary, { type: 'petition:record', origin: 'added' }), 400, 'VALIDATION_FAILED'],
      [await command(meetingId, keys.secretary, { type: 'petition:record', origin: 'added', title: 'ế'.repeat(100_000) }), 400, 'VALIDATION_FAILED'],
      [await command(meetingId, keys.secretary, { type: 'speaker:register', name: 42 }), 400, 'VALIDATION_FAILED'],
      [await command(meetingId, keys.secretary, { type: 'speaker:call-next' }), 409, 'QUEUE_EMPTY'],
      [await command(meetingId, keys.secretary, { type: 'speaker:register', name: 'A', petitionNos: [9] }), 422, 'PETITION_NOT_FOUND'],
      [await command(randomUUID(), keys.secretary, { type: 'speaker:call-next' }), 404, 'MEETING_NOT_FOUND'],
      [await command('not-a-uuid', keys.secretary, { type: 'speaker:call-next' }), 400, 'VALIDATION_FAILED'],
    ]
    for (const [res, status, code] of cases) {
      expect({ status: res.statusCode, code: res.json().error?.code }).toEqual({ status, code })
      expect(res.json().error.message).toMatch(/[À-ỹ]/) // Vietnamese, not a stack trace
    }
    expect(await countEvents(handle.db, meetingId)).toBe(1)
  })

  it('explains a long field in Vietnamese and names it', async () => {
    const { meetingId, keys } = await createMeeting()
    const res = await command(meetingId, keys.secretary, { type: 'petition:record', origin: 'added', title: 'x'.repeat(201) })
    expect(res.json().error.fields).toEqual({ title: 'Quá dài (tối đa 200 ký tự).' })
  })

  it('refuses malformed JSON and oversized bodies without leaking internals', async () => {
    const bad = await app.inject({ method: 'POST', url: '/api/meetings', headers: { 'content-type': 'application/json' }, payload: '{"title": ' })
    expect(bad.statusCode).toBe(400)
    expect(bad.json()).toEqual({ ok: false, error: { code: 'VALIDATION_FAILED', message: 'Yêu cầu không hợp lệ.' } })
    const huge = await app.inject({ method: 'POST', url: '/api/meetings', payload: { title: 'x'.repeat(2_000_000) } })
    expect(huge.statusCode).toBe(413)
    expect(huge.json().error.code).toBe('VALIDATION_FAILED')
  })

  it('gives public readers the redacted state and events; the secretary the full ones', async () => {
    const { meetingId, keys } = await createMeeting()
    await command(meetingId, keys.secretary, { type: 'petition:record', origin: 'registered', title: 'Tố cáo', petitionerName: 'Người Giấu Tên', confidential: true })
    await command(meetingId, keys.secretary, { type: 'speaker:register', name: 'Người Giấu Tên', petitionNos: [1] })
    for (const path of ['state', 'events']) {
      const pub = await app.inject({ url: `/api/meetings/${meetingId}/${path}` })
      expect(pub.statusCode).toBe(200)
      expect(pub.body).not.toContain('Người Giấu Tên')
      const full = await app.inject({ url: `/api/meetings/${meetingId}/${path}`, headers: { 'x-meeting-key': keys.secretary } })
      expect(full.body).toContain('Người Giấu Tên')
    }
    const wrong = await app.inject({ url: `/api/meetings/${meetingId}/state`, headers: { 'x-meeting-key': 'nope' } })
    expect(wrong.statusCode).toBe(401)
  })

  it('answers unknown API paths with the error shape', async () => {
    const res = await app.inject({ url: '/api/nothing-here' })
    expect(res.statusCode).toBe(404)
    expect(res.json()).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'Không tìm thấy.' } })
  })
})

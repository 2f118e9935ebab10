import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { countEvents } from '../../db/repositories/events'
import { commandTypes, type CommandType } from '../../shared/meeting/commands'
import { commandPolicy } from '../../shared/access/policy'
import type { MeetingState } from '../../shared/meeting/model'
import { roles } from '../../shared/roles'
import { backendName } from '../../tests/fixtures/database'
import { recordEvents, request, startTestServer, until } from '../../tests/fixtures/server'
import { createAccount, type TestAccount } from '../../tests/fixtures/accounts'

describe(`the live conference over sockets on ${backendName}`, () => {
  let server: Awaited<ReturnType<typeof startTestServer>>
  let admin: TestAccount
  beforeAll(async () => {
    server = await startTestServer()
    admin = await createAccount(server.db, ['admin'])
  })
  afterAll(() => server.close())

  /** `as`: whose session the request carries (the office's administrator unless said otherwise). */
  async function api<T>(path: string, init: { method?: string; body?: unknown; as?: TestAccount | null } = {}) {
    const as = init.as === undefined ? admin : init.as
    const res = await fetch(`${server.url}${path}`, {
      method: init.method ?? 'GET',
      headers: { ...(init.body ? { 'content-type': 'application/json' } : {}), ...(as ? as.headers : {}) },
      body: init.body ? JSON.stringify(init.body) : undefined,
    })
    return { status: res.status, body: (res.status === 204 ? null : await res.json()) as T }
  }

  // A payload for every command that passes validation (the domain may still refuse it).
  const sample: Record<CommandType, object> = {
    'meeting:update-details': { title: 'Hội nghị', level: 'commune' },
    'meeting:set-phase': { phase: 'report' },
    'meeting:set-speaking-limit': { seconds: 240 },
    'meeting:set-programme': { items: [{ time: '8:00', title: 'Khai mạc' }] },
    'meeting:record-conclusion': { text: 'Kết luận' },
    'registration:close': {},
    'registration:reopen': {},
    'projector:show': { mode: 'programme' },
    'projector:assign': { deviceId: randomUUID(), mode: 'petitions' },
    'petition:record': { origin: 'added', title: 'Kiến nghị' },
    'petition:edit': { petitionNo: 1, origin: 'registered', title: 'Sửa' },
    'petition:prepare-answer': { petitionNo: 1, unitName: 'Phòng Kinh tế', text: 'Dự thảo' },
    'petition:discuss': { petitionNo: 1 },
    'petition:assign-answerer': { petitionNo: 1, answerer: { kind: 'chair' } },
    'petition:record-answer': { petitionNo: 1 },
    'petition:commit-written-answer': { petitionNo: 1, unitId: randomUUID() },
    'petition:forward': { petitionNo: 1, body: 'UBND tỉnh' },
    'petition:withdraw': { petitionNo: 1 },
    'petition:merge': { petitionNo: 1, intoNo: 2 },
    'petition:conclude': { petitionNo: 1, conclusion: 'Kết luận' },
    'petition:reopen': { petitionNo: 1 },
    'petition:set-aside': { petitionNo: 1, reason: 'Hết thời gian' },
    'speaker:register': { name: 'Người mới' },
    'speaker:edit': { speakerNo: 1, name: 'Sửa tên' },
    'speaker:move': { speakerNo: 1, position: 1 },
    'speaker:withdraw': { speakerNo: 1 },
    'speaker:readd': {},
    'speaker:call-next': {},
    'speaker:call': { speakerNo: 1 },
    'speaker:start': {},
    'speaker:pause': {},
    'speaker:resume': {},
    'speaker:extend': { seconds: 60 },
    'speaker:finish': {},
    'speaker:summarize': { speakerNo: 1, summary: 'Tóm tắt' },
    'speak-request:submit': { requestId: randomUUID(), secret: 's'.repeat(40), name: 'Người hỏi', newPetition: { content: 'Đường bản hỏng' } },
    'speak-request:withdraw': { requestId: randomUUID(), secret: 's'.repeat(40) },
    'speak-request:accept': { requestId: randomUUID(), name: 'Người hỏi' },
    'speak-request:decline': { requestId: randomUUID(), reason: 'Trùng nội dung' },
  }

  it('checks every role against every command: refused ones say FORBIDDEN and change nothing', async () => {
    const { meetingId } = await server.createMeeting()
    const sockets = {
      secretary: await server.connectAs(meetingId, 'secretary'),
      chair: await server.connectClient({ meetingId, role: 'chair', deviceToken: (await server.pairDevice(meetingId, 'chair')).token }),
      projector: await server.connectClient({ meetingId, role: 'projector', deviceToken: (await server.pairDevice(meetingId, 'projector')).token }),
      attendee: await server.connectAs(meetingId, 'attendee'),
      oversight: await server.connectAs(meetingId, 'oversight'),
    }
    for (const role of roles) {
      for (const type of commandTypes) {
        const allowed = commandPolicy[type].includes(role)
        // Only a refusal must leave the log as it was.
        const before = allowed ? 0 : await countEvents(server.db, meetingId)
        const result = await request(sockets[role], type, { commandId: randomUUID(), ...sample[type] })
        const code = result.ok ? 'ok' : result.error.code
        if (allowed) expect({ role, type, code }).not.toEqual({ role, type, code: 'FORBIDDEN' })
        else {
          expect({ role, type, code }).toEqual({ role, type, code: 'FORBIDDEN' })
          expect(await countEvents(server.db, meetingId)).toBe(before)
        }
      }
    }
    expect(commandPolicy['petition:record']).toEqual(['secretary'])
    for (const type of commandTypes) expect(commandPolicy[type]).not.toContain('projector')
    for (const type of commandTypes) expect(commandPolicy[type]).not.toContain('oversight')
  })

  it('runs the demo conference: directory, petitions with one confidential, prepared answers, speakers', async () => {
    const demo = await api<{ meetingId: string }>('/api/demo', { method: 'POST', as: server.people.secretary })
    expect(demo.status).toBe(201)
    const full = await api<MeetingState>(`/api/meetings/${demo.body.meetingId}/state`, { as: server.people.secretary })
    expect(full.body.petitions.length).toBeGreaterThanOrEqual(5)
    expect(full.body.petitions.some((p) => p.confidential)).toBe(true)
    expect(full.body.petitions.some((p) => p.preparedAnswers.length > 0)).toBe(true)
    expect(full.body.speakers.length).toBeGreaterThanOrEqual(2)
    expect(full.body.details).toMatchObject({ level: 'commune', chairName: expect.any(String) })
    const confidential = full.body.petitions.find((p) => p.confidential)!
    const pub = await api<MeetingState>(`/api/meetings/${demo.body.meetingId}/state`, { as: null })
    expect(JSON.stringify(pub.body)).not.toContain(confidential.petitionerName!)
    // The demo fills an empty directory (server/meetings/demo.test.ts); here other suites share it.
  })

  it('lets the chair assign a unit from the directory to answer in writing, and every screen sees it', async () => {
    const unit = await api<{ id: string; name: string }>('/api/directory/units', { method: 'POST', body: { name: 'Phòng Tài nguyên và Môi trường' } })
    expect(unit.status).toBe(201)
    const official = await api<{ id: string }>('/api/directory/officials', {
      method: 'POST',
      body: { name: 'Hà Văn Khoa', title: 'Phó Chủ tịch UBND xã', unitId: null },
    })
    const { meetingId } = await server.createMeeting()
    const secretary = await server.connectAs(meetingId, 'secretary')
    const chair = await server.connectAs(meetingId, 'chair')
    const projector = await server.connectAs(meetingId, 'attendee')
    await request(projector, 'meeting:sync', { lastSeq: 0 })
    const seen = recordEvents(projector)
    const send = (s: typeof chair, type: string, payload: object) => request(s, type, { commandId: randomUUID(), ...payload })

    await send(secretary, 'petition:record', { origin: 'registered', title: 'Ô nhiễm suối', field: 'Môi trường' })
    await send(secretary, 'petition:record', { origin: 'registered', title: 'Đường', field: 'Giao thông' })
    expect(await send(chair, 'petition:assign-answerer', { petitionNo: 2, answerer: { kind: 'official', officialId: official.body.id } })).toMatchObject({ ok: true })
    expect(await send(chair, 'petition:commit-written-answer', { petitionNo: 1, unitId: unit.body.id, form: 'in_writing' })).toMatchObject({
      ok: true,
    })
    await until(() => seen.some((e) => e.type === 'petition.written-answer-committed'), 'the commitment on the projector')
    const committed = seen.find((e) => e.type === 'petition.written-answer-committed')!
    expect(committed.payload).toMatchObject({ petitionNo: 1, commitment: { unitName: 'Phòng Tài nguyên và Môi trường', form: 'in_writing' } })
    expect(seen.find((e) => e.type === 'petition.answerer-assigned')?.payload).toMatchObject({ answerer: { name: 'Hà Văn Khoa' } })

    // Renaming the unit afterwards does not rewrite the record.
    await api(`/api/directory/units/${unit.body.id}`, { method: 'PUT', body: { name: 'Tên mới' } })
    const state = await api<MeetingState>(`/api/meetings/${meetingId}/state`, { as: server.people.secretary })
    expect(state.body.petitions[0]?.writtenAnswer?.unitName).toBe('Phòng Tài nguyên và Môi trường')
  })

  it('lets only the administrator edit the directory', async () => {
    for (const as of [server.people.secretary, server.people.chair, null]) {
      const res = await api<{ error: { code: string } }>('/api/directory/units', { method: 'POST', body: { name: 'Phòng lạ' }, as })
      expect(res.body.error.code).toBe(as ? 'FORBIDDEN' : 'UNAUTHENTICATED')
    }
    const directory = await api<{ units: { name: string }[] }>('/api/directory', { as: server.people.chair })
    expect(directory.body.units.some((u) => u.name === 'Phòng lạ')).toBe(false)
  })

  it('validates directory edits in Vietnamese', async () => {
    const blank = await api<{ error: { code: string; fields: Record<string, string> } }>('/api/directory/units', { method: 'POST', body: { name: '  ' } })
    expect(blank.status).toBe(400)
    expect(blank.body.error.fields).toEqual({ name: 'Không được để trống.' })
    const badUnit = await api<{ error: { code: string } }>('/api/directory/officials', { method: 'POST', body: { name: 'A', unitId: randomUUID() } })
    expect(badUnit.body.error.code).toBe('UNIT_NOT_FOUND')
    expect((await api(`/api/directory/units/${randomUUID()}`, { method: 'DELETE' })).status).toBe(422)
  })
})

describe(`the holiday calendar on ${backendName}`, () => {
  let server: Awaited<ReturnType<typeof startTestServer>>
  beforeAll(async () => {
    server = await startTestServer()
  })
  afterAll(() => server.close())

  it('is edited as data, and deadlines decided afterwards count it', async () => {
    const admin = await createAccount(server.db, ['admin'])
    const json = { 'content-type': 'application/json', ...admin.headers }
    const put = (day: string, body: object) => fetch(`${server.url}/api/calendar/${day}`, { method: 'PUT', headers: json, body: JSON.stringify(body) })
    // Seeded: Tết Bính Ngọ 2026.
    const seeded = (await (await fetch(`${server.url}/api/calendar`, { headers: admin.headers })).json()) as { days: { day: string; kind: string }[] }
    expect(seeded.days.filter((d) => d.day >= '2026-02-16' && d.day <= '2026-02-20').map((d) => d.kind)).toEqual(Array(5).fill('day_off'))
    expect((await put('2031-02-03', { kind: 'day_off', note: 'Tết' })).status).toBe(200) // a Monday
    expect((await put('2031-02-01', { kind: 'day_off' })).status).toBe(400) // a Saturday is off already
    expect((await put('2031-02-08', { kind: 'working_day', note: 'Làm bù' })).status).toBe(200)

    const unit = await (await fetch(`${server.url}/api/directory/units`, { method: 'POST', headers: json, body: JSON.stringify({ name: 'Phòng Nội vụ' }) })).json()
    const created = await (
      await fetch(`${server.url}/api/meetings`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...server.people.secretary.headers },
        body: JSON.stringify({ title: 'Đối thoại', meetingDate: '2031-01-31', level: 'office' }),
      })
    ).json()
    const secretary = await server.connectAs(created.meetingId, 'secretary')
    await request(secretary, 'petition:record', { commandId: randomUUID(), origin: 'registered', title: 'A' })
    const committed = await request<{ events: { payload: { commitment?: { dueDate: string } } }[] }>(secretary, 'petition:commit-written-answer', {
      commandId: randomUUID(),
      petitionNo: 1,
      unitId: unit.id,
    })
    // Office: 5 + 7 = 12 working days from Friday 31/01/2031, skipping Monday 03/02 and counting Saturday 08/02.
    expect(committed.ok && committed.data.events.at(-1)?.payload.commitment?.dueDate).toBe('2031-02-18') // 04–07, 08 (làm bù), 10–14, 17, 18
    await fetch(`${server.url}/api/calendar/2031-02-03`, { method: 'DELETE', headers: admin.headers })
    await fetch(`${server.url}/api/calendar/2031-02-08`, { method: 'DELETE', headers: admin.headers })
  })
})

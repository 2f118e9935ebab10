import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { countEvents } from '../../db/repositories/events'
import type { SyncResult } from '../../shared/protocol'
import { backendName } from '../../tests/fixtures/database'
import { recordEvents, request, startTestServer, until } from '../../tests/fixtures/server'

// Several screens in the hall: the secretary gives one paired projector its own view; it is in the
// meeting log, so every screen (and a screen that connects later) agrees on what each one shows.
describe(`one view per projector on ${backendName}`, () => {
  let server: Awaited<ReturnType<typeof startTestServer>>
  beforeAll(async () => {
    server = await startTestServer()
  })
  afterAll(() => server.close())

  it('lets the secretary give a paired projector its own view, which the projectors receive and a late screen finds', async () => {
    const { meetingId } = await server.createMeeting()
    const main = await server.pairDevice(meetingId, 'projector')
    const side = await server.pairDevice(meetingId, 'projector')
    const secretary = await server.connectAs(meetingId, 'secretary')
    const sideScreen = await server.connectClient({ meetingId, role: 'projector', deviceToken: side.token })
    const heard = recordEvents(sideScreen)
    await request(sideScreen, 'meeting:sync', { lastSeq: 0 })

    const assigned = await request<{ seq: number }>(secretary, 'projector:assign', { commandId: randomUUID(), deviceId: side.device.id, mode: 'petitions' })
    expect(assigned.ok).toBe(true)
    await until(() => heard.some((e) => e.type === 'projector.assigned'), 'the assignment reaches the side screen')
    expect(heard.find((e) => e.type === 'projector.assigned')?.payload).toMatchObject({ deviceId: side.device.id, mode: 'petitions' })

    // The main screen, connecting afterwards, reads the same from the log.
    const mainScreen = await server.connectClient({ meetingId, role: 'projector', deviceToken: main.token })
    const sync = await request<SyncResult>(mainScreen, 'meeting:sync', { lastSeq: 0 })
    if (!sync.ok || sync.data.kind !== 'snapshot') throw new Error('expected a snapshot')
    expect(sync.data.state.projector.mode).toBe('live')
    expect(sync.data.state.projector.screens).toEqual([{ deviceId: side.device.id, label: expect.any(String), mode: 'petitions' }])
  })

  it('refuses the chair, a screen, a device of no projector of this meeting and a revoked one, writing nothing', async () => {
    const { meetingId } = await server.createMeeting()
    const other = await server.createMeeting()
    const projector = await server.pairDevice(meetingId, 'projector')
    const tablet = await server.pairDevice(meetingId, 'chair')
    const elsewhere = await server.pairDevice(other.meetingId, 'projector')
    const secretary = await server.connectAs(meetingId, 'secretary')
    const chair = await server.connectClient({ meetingId, role: 'chair', deviceToken: tablet.token })
    const screen = await server.connectClient({ meetingId, role: 'projector', deviceToken: projector.token })
    const before = await countEvents(server.db, meetingId)

    const assign = (deviceId: string) => ({ commandId: randomUUID(), deviceId, mode: 'blank' })
    expect(await request(chair, 'projector:assign', assign(projector.device.id))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await request(screen, 'projector:assign', assign(projector.device.id))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    for (const deviceId of [tablet.device.id, elsewhere.device.id, randomUUID()]) {
      const refused = await request(secretary, 'projector:assign', assign(deviceId))
      expect(refused).toMatchObject({ ok: false, error: { code: 'PROJECTOR_NOT_FOUND' } })
      if (!refused.ok) expect(refused.error.message).toMatch(/màn hình chiếu/)
    }
    expect(await request(secretary, 'projector:assign', { ...assign(projector.device.id), deviceId: 'không phải mã' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } })

    const revoked = await fetch(`${server.url}/api/meetings/${meetingId}/devices/${projector.device.id}`, { method: 'DELETE', headers: server.people.secretary.headers })
    expect(revoked.status).toBe(204)
    expect(await request(secretary, 'projector:assign', assign(projector.device.id))).toMatchObject({ ok: false, error: { code: 'PROJECTOR_NOT_FOUND' } })
    expect(await countEvents(server.db, meetingId)).toBe(before)
  })
})

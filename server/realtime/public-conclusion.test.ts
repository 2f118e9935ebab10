import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { backendName } from '../../tests/fixtures/database'
import { Replica, request, startTestServer, until } from '../../tests/fixtures/server'

// The chair's closing conclusion reaches the hall only while it names none of the people behind a
// confidential petition. When such a petition is recorded after the conclusion, the projector that
// has been showing the conclusion all along must drop it too, not only a projector that reconnects
// (the case the redaction property test found: shared/meeting/redact.property.test.ts).
describe(`the hall's closing conclusion on ${backendName}`, () => {
  let server: Awaited<ReturnType<typeof startTestServer>>
  beforeAll(async () => {
    server = await startTestServer()
  })
  afterAll(() => server.close())

  it('leaves a live projector once it names a confidential petitioner recorded afterwards, and the record keeps it', async () => {
    const { meetingId } = await server.createMeeting()
    const paired = await server.pairDevice(meetingId, 'projector')
    const secretary = new Replica(await server.connectAs(meetingId, 'secretary'), meetingId)
    const projector = new Replica(await server.connectClient({ meetingId, role: 'projector', deviceToken: paired.token }), meetingId)
    await secretary.sync()
    await projector.sync()

    const conclusion = 'Giao Thanh tra xã xác minh việc ông Lò Văn Bí phản ánh.'
    expect(await request(secretary.socket, 'meeting:record-conclusion', { commandId: randomUUID(), text: conclusion })).toMatchObject({ ok: true })
    await until(() => projector.state.closingConclusion === conclusion, 'the conclusion reaches the projector')

    const recorded = await request(secretary.socket, 'petition:record', {
      commandId: randomUUID(),
      origin: 'registered',
      title: 'Tố cáo sai phạm',
      petitionerName: 'Lò Văn Bí',
      confidential: true,
    })
    expect(recorded).toMatchObject({ ok: true })
    await until(() => projector.state.petitions.length === 1, 'the petition reaches the projector')
    expect(projector.state.closingConclusion).toBe('')
    expect(JSON.stringify(projector.state)).not.toContain('Lò Văn Bí')

    // The secretary's console and the record keep the conclusion as written.
    await until(() => secretary.state.petitions.length === 1, 'the petition reaches the console')
    expect(secretary.state.closingConclusion).toBe(conclusion)

    // A projector connecting now agrees with the one that followed live.
    const late = new Replica(await server.connectClient({ meetingId, role: 'projector', deviceToken: paired.token }), meetingId)
    await late.sync()
    expect(late.state).toEqual(projector.state)
  })
})

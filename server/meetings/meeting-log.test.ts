import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../db/connect'
import { countEvents, readEvents, readMeetingAudit } from '../../db/repositories/events'
import { listMeetings } from '../../db/repositories/meetings'
import { buildCommand, type Command, type CommandInput, type CommandType } from '../../shared/meeting/commands'
import { backendName, openTestDatabase } from '../../tests/fixtures/database'
import { MeetingLog, type AppendedBatch } from './meeting-log'

const nextTick = () => new Promise((resolve) => setImmediate(resolve))

function cmd<K extends CommandType>(type: K, input: Omit<CommandInput<K>, 'commandId'>, commandId = randomUUID()): Command {
  return buildCommand(type, commandId, input)
}

describe(`meeting log on ${backendName}`, () => {
  let handle: DatabaseHandle
  let log: MeetingLog
  const announced: AppendedBatch[] = []

  beforeAll(async () => {
    handle = await openTestDatabase()
    log = new MeetingLog(handle.db, { maxCatchUpEvents: 5 })
    log.on('appended', (b) => announced.push(b))
  })
  afterAll(() => handle.close())

  async function newMeeting() {
    const created = await log.createMeeting({ title: 'Hội nghị đối thoại', venue: 'Hội trường' })
    if (!created.ok) throw new Error(created.error.code)
    return created.data.meeting.meetingId
  }

  it('appends numbered events, commits them before answering, and announces them after', async () => {
    const meetingId = await newMeeting()
    const result = await log.execute(meetingId, 'secretary', cmd('petition:record', { origin: 'registered', title: 'Đường' }))
    const announcedAtAck = announced.filter((b) => b.meetingId === meetingId).length
    expect(announcedAtAck).toBe(0) // the ack goes out before the fan-out
    expect(result).toMatchObject({ ok: true, data: { seq: 2, duplicate: false } })
    const stored = await readEvents(handle.db, meetingId, 0)
    expect(stored.map((e) => [e.seq, e.type])).toEqual([
      [1, 'meeting.created'],
      [2, 'petition.recorded'],
    ])
    await nextTick()
    expect(announced.filter((b) => b.meetingId === meetingId).flatMap((b) => b.events.map((e) => e.seq))).toEqual([2])
  })

  it('applies a retried command once and answers the retry with the first result', async () => {
    const meetingId = await newMeeting()
    const c = cmd('speaker:register', { name: 'Hà Văn Tươi' })
    const first = await log.execute(meetingId, 'secretary', c)
    const again = await log.execute(meetingId, 'secretary', c)
    expect(first.ok && again.ok).toBe(true)
    if (!first.ok || !again.ok) return
    expect(again.data).toEqual({ ...first.data, duplicate: true })
    expect(await countEvents(handle.db, meetingId)).toBe(2)
  })

  it('applies the same command sent five times at once exactly once', async () => {
    const meetingId = await newMeeting()
    const c = cmd('petition:record', { origin: 'added', title: 'Nước sạch' })
    const results = await Promise.all([1, 2, 3, 4, 5].map(() => log.execute(meetingId, 'secretary', c)))
    expect(results.every((r) => r.ok)).toBe(true)
    expect(results.filter((r) => r.ok && !r.data.duplicate)).toHaveLength(1)
    expect(await countEvents(handle.db, meetingId)).toBe(2)
  })

  it('refuses a command id reused for a different command, and writes nothing', async () => {
    const meetingId = await newMeeting()
    const id = randomUUID()
    await log.execute(meetingId, 'secretary', cmd('speaker:register', { name: 'A' }, id))
    const reused = await log.execute(meetingId, 'secretary', cmd('speaker:register', { name: 'B' }, id))
    expect(reused).toMatchObject({ ok: false, error: { code: 'COMMAND_ID_REUSED' } })
    const other = await newMeeting()
    const crossMeeting = await log.execute(other, 'secretary', cmd('speaker:register', { name: 'A' }, id))
    expect(crossMeeting).toMatchObject({ ok: false, error: { code: 'COMMAND_ID_REUSED' } })
    expect(await countEvents(handle.db, meetingId)).toBe(2)
    expect(await countEvents(handle.db, other)).toBe(1)
  })

  it('writes and announces nothing for a refused command', async () => {
    const meetingId = await newMeeting()
    expect(await log.execute(meetingId, 'secretary', cmd('speaker:call-next', {}))).toMatchObject({ ok: false, error: { code: 'QUEUE_EMPTY' } })
    expect(await log.execute(meetingId, 'projector', cmd('speaker:register', { name: 'X' }))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await log.execute(meetingId, 'chair', cmd('petition:record', { origin: 'added', title: 'X' }))).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    expect(await log.execute(randomUUID(), 'secretary', cmd('speaker:register', { name: 'X' }))).toMatchObject({
      ok: false,
      error: { code: 'MEETING_NOT_FOUND' },
    })
    expect(await countEvents(handle.db, meetingId)).toBe(1)
    await nextTick()
    expect(announced.filter((b) => b.meetingId === meetingId)).toEqual([])
  })

  it('answers a retry of a refused command id with its first answer, even once the command would apply', async () => {
    const meetingId = await newMeeting()
    const call = cmd('speaker:call-next', {})
    expect(await log.execute(meetingId, 'secretary', call)).toMatchObject({ ok: false, error: { code: 'QUEUE_EMPTY' } })
    await log.execute(meetingId, 'secretary', cmd('speaker:register', { name: 'A' }))
    expect(await log.execute(meetingId, 'chair', call)).toMatchObject({ ok: false, error: { code: 'QUEUE_EMPTY' } })
    // Pressing again is a new command, with a new id: that one applies.
    expect(await log.execute(meetingId, 'chair', cmd('speaker:call-next', {}))).toMatchObject({ ok: true, data: { duplicate: false } })
  })

  it('spends the id of a command the role may not send: its retry is refused again, and the id never carries another command', async () => {
    const meetingId = await newMeeting()
    const id = randomUUID()
    const forbidden = cmd('petition:record', { origin: 'registered', title: 'Gửi từ máy chiếu' }, id)
    expect(await log.execute(meetingId, 'projector', forbidden)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await log.execute(meetingId, 'projector', forbidden)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    const reused = cmd('meeting:set-speaking-limit', { seconds: 180 }, id)
    expect(await log.execute(meetingId, 'secretary', reused)).toMatchObject({ ok: false, error: { code: 'COMMAND_ID_REUSED' } })
    expect((await log.state(meetingId))?.seq).toBe(1)
  })

  it('keeps one gap-free sequence when two server processes write to the same meeting', async () => {
    const meetingId = await newMeeting()
    const other = new MeetingLog(handle.db) // a second process: its own cache and its own mutex
    const writes = Array.from({ length: 12 }, (_, i) =>
      (i % 2 ? other : log).execute(meetingId, 'secretary', cmd('petition:record', { origin: 'added', title: `Kiến nghị ${i}` })),
    )
    const results = await Promise.all(writes)
    expect(results.every((r) => r.ok)).toBe(true)
    const events = await readEvents(handle.db, meetingId, 0)
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: 13 }, (_, i) => i + 1))
    // Both processes decided against the latest state: petition numbers are unique too.
    const state = await other.state(meetingId)
    expect(state?.petitions.map((p) => p.no)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1))
    expect(await log.state(meetingId)).toEqual(state)
  })

  it('applies a command once when two processes receive the same retry at the same moment', async () => {
    const meetingId = await newMeeting()
    const other = new MeetingLog(handle.db)
    const c = cmd('speaker:register', { name: 'Vì Văn Thành' })
    const results = await Promise.all([log.execute(meetingId, 'secretary', c), other.execute(meetingId, 'secretary', c)])
    expect(results.every((r) => r.ok)).toBe(true)
    expect(results.filter((r) => r.ok && r.data.duplicate)).toHaveLength(1)
    expect(await countEvents(handle.db, meetingId)).toBe(2)
  })

  it('answers a catch-up with the missed events, or a snapshot when new, far behind or ahead', async () => {
    const meetingId = await newMeeting()
    for (let i = 0; i < 8; i++) await log.execute(meetingId, 'secretary', cmd('speaker:register', { name: `Người ${i}` }))
    const near = await log.sync(meetingId, 6)
    expect(near.ok && near.data.kind === 'events' && near.data.events.map((e) => e.seq)).toEqual([7, 8, 9])
    const fresh = await log.sync(meetingId, 0)
    expect(fresh.ok && fresh.data.kind).toBe('snapshot')
    const far = await log.sync(meetingId, 2) // 7 behind, limit 5
    expect(far.ok && far.data.kind === 'snapshot' && far.data.state.speakers).toHaveLength(8)
    const ahead = await log.sync(meetingId, 50)
    expect(ahead.ok && ahead.data.kind === 'snapshot' && ahead.data.seq).toBe(9)
    expect(await log.sync(randomUUID(), 0)).toMatchObject({ ok: false, error: { code: 'MEETING_NOT_FOUND' } })
  })

  it('keeps who created the meeting and who issued each command with the events, for oversight', async () => {
    const person = { kind: 'user' as const, id: randomUUID(), name: 'Quàng Thị Thu (thuqt)' }
    const tablet = { kind: 'device' as const, id: randomUUID(), name: 'Máy tính bảng chủ trì' }
    const created = await log.createMeeting({ title: 'Hội nghị đối thoại', venue: '' }, person)
    if (!created.ok) throw new Error(created.error.code)
    const meetingId = created.data.meeting.meetingId
    await log.execute(meetingId, 'secretary', cmd('speaker:register', { name: 'A' }), person)
    await log.execute(meetingId, 'chair', cmd('speaker:call-next', {}), tablet)
    await log.execute(meetingId, 'secretary', cmd('speaker:register', { name: 'B' }))
    expect((await readMeetingAudit(handle.db, meetingId)).map((e) => [e.seq, e.type, e.role, e.actor])).toEqual([
      [1, 'meeting.created', 'secretary', person],
      [2, 'speaker.registered', 'secretary', person],
      [3, 'meeting.phase-changed', 'chair', tablet],
      [4, 'speaker.called', 'chair', tablet],
      [5, 'speaker.registered', 'secretary', null],
    ])
    // The screens' events never carry who is behind a role.
    expect(JSON.stringify(await readEvents(handle.db, meetingId, 0))).not.toContain('thuqt')
  })

  it('answers a retried meeting creation with the same meeting', async () => {
    const commandId = randomUUID()
    const a = await log.createMeeting({ commandId, title: 'Hội nghị A', venue: '' })
    const b = await log.createMeeting({ commandId, title: 'Hội nghị A', venue: '' })
    expect(a.ok && b.ok && b.data.duplicate && b.data.meeting.meetingId === a.data.meeting.meetingId).toBe(true)
    expect(a.ok && b.ok && b.data.meeting).toEqual(a.ok && { ...a.data.meeting })
    // Nothing but the meeting: no per-meeting secret any more, access follows accounts and devices.
    expect(a.ok && a.data).toEqual({ meeting: { meetingId: expect.any(String), title: 'Hội nghị A', venue: '', createdAt: expect.any(String), lastSeq: 1 }, duplicate: false })
    expect(await log.createMeeting({ commandId, title: 'Hội nghị B', venue: '' })).toMatchObject({ ok: false, error: { code: 'COMMAND_ID_REUSED' } })
  })

  it('decides a meeting creation like any command: the policy refuses it for a hall role, and nothing is written', async () => {
    const before = (await listMeetings(handle.db)).length
    const commandId = randomUUID()
    for (const role of ['chair', 'projector', 'attendee', 'oversight'] as const) {
      expect(await log.createMeeting({ commandId, title: 'Hội nghị C', venue: '' }, null, role)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    }
    expect((await listMeetings(handle.db)).length).toBe(before)
    // The refused id was not kept: the secretary's creation with it is a first creation, decided
    // on the empty state into the meeting's first event with its details.
    const created = await log.createMeeting({ commandId, title: 'Hội nghị C', venue: 'Nhà văn hóa', level: 'commune', meetingDate: '2026-06-19' }, null, 'secretary')
    expect(created).toMatchObject({ ok: true, data: { duplicate: false, meeting: { title: 'Hội nghị C', venue: 'Nhà văn hóa', lastSeq: 1 } } })
    if (!created.ok) return
    const events = await readEvents(handle.db, created.data.meeting.meetingId, 0)
    expect(events.map((e) => [e.seq, e.type, e.commandId, e.payload])).toEqual([
      [1, 'meeting.created', commandId, { title: 'Hội nghị C', venue: 'Nhà văn hóa', details: expect.objectContaining({ level: 'commune', meetingDate: '2026-06-19', audience: 'citizens', form: 'periodic', delegated: false }) }],
    ])
    expect((await log.state(created.data.meeting.meetingId))?.details.level).toBe('commune')
  })
})

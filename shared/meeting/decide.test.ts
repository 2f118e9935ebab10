import { describe, expect, it } from 'vitest'
import { decide } from './decide'
import { fold } from './evolve'
import { emptyMeetingState } from './model'
import { commandPolicy, mayIssue } from '../access/policy'
import { currentSpeaker, petitionCounts, speakerLabel, waitingSpeakers } from './selectors'
import { command, DomainHarness, MEETING_ID, testDirectory } from './test-helpers'
import { emptyCalendar } from '../calendar/working-days'

describe('petitions', () => {
  it('numbers petitions in order and keeps registered and added apart in the counts', () => {
    const m = new DomainHarness()
    m.must(command('petition:record', { origin: 'registered', title: 'Đường vào bản Nà Cang xuống cấp', field: 'Giao thông' }))
    m.must(command('petition:record', { origin: 'registered', title: 'Chậm cấp giấy chứng nhận QSDĐ', field: 'Đất đai' }))
    m.must(command('petition:record', { origin: 'added', title: 'Thiếu nước sinh hoạt mùa khô' }))
    expect(m.state.petitions.map((p) => [p.no, p.origin])).toEqual([
      [1, 'registered'],
      [2, 'registered'],
      [3, 'added'],
    ])
    expect(petitionCounts(m.state)).toMatchObject({ registered: 2, added: 1, total: 3, pending: 3, answered: 0 })
  })

  it('records every field the secretary typed, with the petition waiting', () => {
    const m = new DomainHarness()
    m.must(
      command('petition:record', {
        origin: 'registered',
        title: 'Tố cáo cán bộ địa chính',
        field: 'Đất đai',
        content: 'Nội dung chi tiết',
        petitionerName: 'Lò Văn Minh',
        petitionerAddress: 'Bản Hua Mường',
        confidential: true,
      }),
    )
    expect(m.state.petitions[0]).toMatchObject({
      title: 'Tố cáo cán bộ địa chính',
      field: 'Đất đai',
      content: 'Nội dung chi tiết',
      petitionerName: 'Lò Văn Minh',
      petitionerAddress: 'Bản Hua Mường',
      confidential: true,
      status: 'waiting',
    })
  })
})

describe('speaker queue', () => {
  it('registers speakers in order, linked to existing petitions', () => {
    const m = new DomainHarness()
    m.must(command('petition:record', { origin: 'registered', title: 'A' }))
    m.must(command('petition:record', { origin: 'added', title: 'B' }))
    m.must(command('speaker:register', { name: 'Quàng Văn Hải', unit: 'Bản Púng Bánh', petitionNos: [2, 1, 2] }))
    m.must(command('speaker:register', { name: 'Lường Thị Mai' }))
    expect(m.state.speakers.map((s) => [s.no, s.name, s.petitionNos, s.status])).toEqual([
      [1, 'Quàng Văn Hải', [2, 1], 'waiting'],
      [2, 'Lường Thị Mai', [], 'waiting'],
    ])
  })

  it('refuses a link to a petition that does not exist, and changes nothing', () => {
    const m = new DomainHarness()
    m.must(command('petition:record', { origin: 'registered', title: 'A' }))
    const before = m.state
    const result = m.run(command('speaker:register', { name: 'Tòng Văn Sơn', petitionNos: [1, 7] }))
    expect(result).toMatchObject({ ok: false, error: { code: 'PETITION_NOT_FOUND' } })
    expect(!result.ok && result.error.message).toContain('7')
    expect(m.state).toBe(before)
  })

  it('calls the first waiting speaker; calling the next finishes the current speech first', () => {
    const m = new DomainHarness()
    m.must(command('speaker:register', { name: 'Người 1' }))
    m.must(command('speaker:register', { name: 'Người 2' }))
    m.must(command('speaker:register', { name: 'Người 3' }))

    // The first call also moves the meeting from its opening to the dialogue.
    expect(m.must(command('speaker:call-next', {})).map((e) => e.type)).toEqual(['meeting.phase-changed', 'speaker.called'])
    expect(m.state.phase).toBe('dialogue')
    expect(currentSpeaker(m.state)).toMatchObject({ name: 'Người 1', status: 'called' })

    expect(m.must(command('speaker:call-next', {}))).toEqual([
      { type: 'speaker.finished', payload: { speakerNo: 1 } },
      { type: 'speaker.called', payload: { speakerNo: 2 } },
    ])
    expect(currentSpeaker(m.state)?.name).toBe('Người 2')
    expect(m.state.speakers.map((s) => s.status)).toEqual(['finished', 'called', 'waiting'])
    expect(waitingSpeakers(m.state).map((s) => s.no)).toEqual([3])
    expect(m.state.speakers[0]?.finishedAt).not.toBeNull()
    expect(m.state.speakers[1]?.calledAt).not.toBeNull()
  })

  it('refuses to call when nobody is waiting, even while someone speaks', () => {
    const m = new DomainHarness()
    expect(m.run(command('speaker:call-next', {}))).toMatchObject({ ok: false, error: { code: 'QUEUE_EMPTY' } })
    m.must(command('speaker:register', { name: 'Người 1' }))
    m.must(command('speaker:call-next', {}))
    const before = m.state
    expect(m.run(command('speaker:call-next', {}))).toMatchObject({ ok: false, error: { code: 'QUEUE_EMPTY' } })
    expect(m.state).toBe(before)
    expect(currentSpeaker(m.state)?.name).toBe('Người 1')
  })

  it('finishes the current speech, and refuses when nobody speaks', () => {
    const m = new DomainHarness()
    expect(m.run(command('speaker:finish', {}))).toMatchObject({ ok: false, error: { code: 'NO_CURRENT_SPEAKER' } })
    m.must(command('speaker:register', { name: 'Người 1' }))
    m.must(command('speaker:call-next', {}))
    m.must(command('speaker:finish', {}))
    expect(m.state.currentSpeakerNo).toBeNull()
    expect(m.state.speakers[0]?.status).toBe('finished')
  })

  it('labels a speaker whose name is withheld as "Đại biểu số N"', () => {
    const m = new DomainHarness()
    m.must(command('speaker:register', { name: 'Người 1' }))
    expect(speakerLabel({ ...m.state.speakers[0]!, name: null })).toBe('Đại biểu số 1')
  })
})

describe('the log', () => {
  it('folding the same events gives the same state (server and every screen agree)', () => {
    const m = new DomainHarness()
    m.must(command('petition:record', { origin: 'registered', title: 'A' }))
    m.must(command('speaker:register', { name: 'Người 1', petitionNos: [1] }))
    m.must(command('speaker:call-next', {}))
    const replayed = fold(emptyMeetingState(MEETING_ID), m.log)
    expect(replayed).toEqual(m.state)
    expect(replayed.seq).toBe(m.log.length)
  })

  it('decide is pure: it does not touch the state it is given', () => {
    const m = new DomainHarness()
    m.must(command('speaker:register', { name: 'Người 1' }))
    const snapshot = structuredClone(m.state)
    decide(m.state, command('speaker:call-next', {}), { at: '2026-06-20T09:00:00Z', directory: testDirectory, calendar: emptyCalendar })
    expect(m.state).toEqual(snapshot)
  })
})

describe('policy', () => {
  it('lets no public screen and not oversight issue any command; the secretary issues every one', () => {
    const fromPhones = ['speak-request:submit', 'speak-request:withdraw']
    for (const type of (Object.keys(commandPolicy) as (keyof typeof commandPolicy)[]).filter((t) => !fromPhones.includes(t))) {
      expect({ type, projector: mayIssue('projector', type), attendee: mayIssue('attendee', type), oversight: mayIssue('oversight', type), secretary: mayIssue('secretary', type) }).toEqual({
        type,
        projector: false,
        attendee: false,
        oversight: false,
        secretary: true,
      })
    }
  })

  it("lets an attendee's phone ask to speak and withdraw its request, and nothing else; only the secretary decides on requests", () => {
    const phoneCommands = (Object.keys(commandPolicy) as (keyof typeof commandPolicy)[]).filter((t) => mayIssue('attendee', t))
    expect(phoneCommands.sort()).toEqual(['speak-request:submit', 'speak-request:withdraw'])
    for (const t of phoneCommands) expect(commandPolicy[t]).toEqual(['attendee'])
    expect(commandPolicy['speak-request:accept']).toEqual(['secretary'])
    expect(commandPolicy['speak-request:decline']).toEqual(['secretary'])
  })

  it('lets the chair direct the queue but not record petitions or register speakers', () => {
    expect(mayIssue('chair', 'speaker:call-next')).toBe(true)
    expect(mayIssue('chair', 'speaker:finish')).toBe(true)
    expect(mayIssue('chair', 'petition:record')).toBe(false)
    expect(mayIssue('chair', 'speaker:register')).toBe(false)
  })

  it('lets the chair move a waiting speaker next from the tablet, but not withdraw or edit one', () => {
    expect(mayIssue('chair', 'speaker:move')).toBe(true)
    expect(mayIssue('chair', 'speaker:withdraw')).toBe(false)
    expect(mayIssue('chair', 'speaker:edit')).toBe(false)
  })
})

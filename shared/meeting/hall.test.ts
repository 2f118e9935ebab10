import { describe, expect, it } from 'vitest'
import { decide } from './decide'
import { fold } from './evolve'
import { closingFigures, conclusionLines, hallCurrentPetition, hallScreen, hallStatus, invitesRegistration, projectorModeFor } from './hall'
import { emptyMeetingState, type MeetingState, type Petition, type PetitionStatus } from './model'
import { redactEvent, redactState } from './redact'
import { countPartOf, petitionCountParts, petitionCounts, petitionsByField, projectorPetitionGroups } from './selectors'
import { command, DomainHarness, MEETING_ID, testDirectory } from './test-helpers'
import { emptyCalendar } from '../calendar/working-days'
import { mayIssue } from '../access/policy'

const MAIN = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa'
const SIDE = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb'
const projectors = [
  { id: MAIN, label: 'Màn hình chính' },
  { id: SIDE, label: 'Màn hình phụ bên trái' },
]

/** Decides with the meeting's paired projectors in the context, as the server does. */
function assign(m: DomainHarness, input: { deviceId: string; mode: 'live' | 'petitions' | 'announcement' | 'programme' | 'blank' | null }, paired = projectors) {
  return decide(m.state, command('projector:assign', input), { at: '2026-06-20T09:00:00.000Z', directory: testDirectory, calendar: emptyCalendar, projectors: paired })
}

// A small deterministic generator: the same seed gives the same meeting.
function random(seed: number) {
  let x = seed
  return () => {
    x = (x * 1_103_515_245 + 12_345) % 2_147_483_648
    return x / 2_147_483_648
  }
}

const statuses: PetitionStatus[] = ['waiting', 'discussing', 'answered', 'written_answer', 'forwarded', 'withdrawn', 'merged', 'set_aside']

function generatedState(seed: number): MeetingState {
  const next = random(seed)
  const n = Math.floor(next() * 40)
  const petitions: Petition[] = Array.from({ length: n }, (_, i) => ({
    no: i + 1,
    origin: next() < 0.3 ? 'added' : 'registered',
    field: ['Đất đai', 'Giao thông', ''][Math.floor(next() * 3)]!,
    title: `Kiến nghị ${i + 1}`,
    content: '',
    petitionerName: null,
    petitionerAddress: null,
    representing: 0,
    confidential: next() < 0.2,
    showName: false,
    status: statuses[Math.floor(next() * statuses.length)]!,
    answerer: null,
    answer: null,
    writtenAnswer: null,
    forwardedTo: '',
    mergedInto: null,
    conclusion: '',
    setAsideReason: '',
    preparedAnswers: [],
    recordedAt: '2026-06-20T08:00:00.000Z',
  }))
  return { ...emptyMeetingState(MEETING_ID), petitions }
}

describe('the petition counts every screen shows', () => {
  it('add up to the total, for any mix of statuses and origins', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const state = generatedState(seed)
      const c = petitionCounts(state)
      const sum = petitionCountParts.reduce((n, part) => n + c[part], 0)
      expect(sum, `seed ${seed}`).toBe(c.total)
      expect(c.registered + c.added).toBe(c.total)
      // Each petition is in exactly one part.
      for (const part of petitionCountParts) expect(c[part]).toBe(state.petitions.filter((p) => countPartOf(p) === part).length)
    }
  })

  it('count a petition assigned for a written answer or forwarded as decided, not pending', () => {
    const m = new DomainHarness()
    for (const title of ['Đường', 'Điện', 'Nước', 'Trường']) m.must(command('petition:record', { origin: 'registered', title }))
    m.must(command('petition:commit-written-answer', { petitionNo: 1, unitId: testDirectory.units[0]!.id, dueDate: '2026-07-20' }))
    m.must(command('petition:forward', { petitionNo: 2, body: 'Sở Xây dựng' }))
    m.must(command('petition:withdraw', { petitionNo: 3 }))
    expect(petitionCounts(m.state)).toMatchObject({ total: 4, answered: 0, writtenAnswer: 1, forwarded: 1, withdrawnOrMerged: 1, pending: 1 })
  })

  it('list every petition by field, those added in the room too', () => {
    const state = generatedState(7)
    const listed = projectorPetitionGroups(state).reduce((n, g) => n + g.petitions.length, 0)
    expect(listed).toBe(state.petitions.length)
    expect(petitionsByField(state).flatMap((g) => g.petitions).some((p) => p.origin === 'added')).toBe(true)
  })
})

describe('what the hall shows as the meeting ends', () => {
  function meetingWithOutcomes() {
    const m = new DomainHarness()
    m.must(command('petition:record', { origin: 'registered', field: 'Giao thông', title: 'Đường liên bản hỏng' }))
    m.must(command('petition:record', { origin: 'registered', field: 'Đất đai', title: 'Tố cáo cán bộ địa chính', petitionerName: 'Lò Văn Kín', confidential: true }))
    m.must(command('petition:record', { origin: 'added', field: 'Y tế', title: 'Trạm y tế thiếu thuốc' }))
    m.must(command('speaker:register', { name: 'Cầm Văn Công', petitionNos: [1], showName: true }))
    m.must(command('speaker:call-next', {}))
    m.must(command('speaker:start', {}))
    m.must(command('speaker:finish', {}))
    m.must(command('petition:record-answer', { petitionNo: 1, summary: 'Sửa trong quý III' }))
    m.must(command('petition:conclude', { petitionNo: 1, conclusion: 'Giao UBND xã sửa đường trong quý III.' }))
    m.must(command('petition:commit-written-answer', { petitionNo: 2, unitId: testDirectory.units[0]!.id, dueDate: '2026-07-20' }))
    m.must(command('petition:conclude', { petitionNo: 2, conclusion: 'Giao Phòng Kinh tế xác minh việc Lò Văn Kín nêu.' }))
    m.must(command('petition:set-aside', { petitionNo: 3, reason: 'Hết thời gian' }))
    return m
  }

  it('shows the chair’s conclusions during the conclusion and the closing figures once closed, on the live view', () => {
    const m = meetingWithOutcomes()
    expect(hallScreen(m.state)).toBe('live')
    m.must(command('meeting:set-phase', { phase: 'conclusion' }))
    expect(hallScreen(m.state)).toBe('conclusion')
    m.must(command('meeting:set-phase', { phase: 'closed' }))
    expect(hallScreen(m.state)).toBe('closing')
    // A view the secretary chose on purpose stays.
    m.must(command('projector:show', { mode: 'programme', announcement: '' }))
    expect(hallScreen(m.state)).toBe('programme')
    expect(closingFigures(m.state)).toMatchObject({ total: 3, answered: 1, writtenAnswer: 1, forwarded: 0, setAside: 1, pending: 0, speakersHeard: 1 })
  })

  it('stops inviting registration and showing a petition "under discussion" once the discussion is over', () => {
    const m = new DomainHarness()
    m.must(command('petition:record', { origin: 'registered', title: 'Đường liên bản hỏng' }))
    m.must(command('petition:discuss', { petitionNo: 1 }))
    expect(invitesRegistration(m.state)).toBe(true)
    expect(hallCurrentPetition(m.state)?.no).toBe(1)
    expect(hallStatus(m.state.petitions[0]!, m.state)).toBe('discussing')
    m.must(command('meeting:set-phase', { phase: 'conclusion' }))
    expect(invitesRegistration(m.state)).toBe(false)
    expect(hallCurrentPetition(m.state)).toBeNull()
    expect(hallStatus(m.state.petitions[0]!, m.state)).toBe('waiting')
  })

  it('names a confidential petition by number and field only among the conclusions, even from the full state', () => {
    const m = meetingWithOutcomes()
    for (const state of [m.state, redactState(m.state)]) {
      const lines = conclusionLines(state)
      expect(lines.map((l) => l.no)).toEqual([1, 2, 3])
      expect(lines[0]).toMatchObject({ title: 'Đường liên bản hỏng', conclusion: 'Giao UBND xã sửa đường trong quý III.' })
      expect(lines[1]).toMatchObject({ title: 'Kiến nghị số 2 (bảo mật, lĩnh vực Đất đai)', outcome: null, conclusion: '', status: 'written_answer' })
      expect(JSON.stringify(lines)).not.toContain('Kín')
      expect(JSON.stringify(lines)).not.toContain('Tố cáo')
    }
  })

  it('keeps off public screens a closing conclusion that names a confidential petitioner, live and on catch-up', () => {
    const m = meetingWithOutcomes()
    m.must(command('meeting:record-conclusion', { text: 'Hội nghị ghi nhận ý kiến của ông Lò Văn Kín.' }))
    expect(redactState(m.state).closingConclusion).toBe('')
    expect(JSON.stringify(m.log.map((e) => redactEvent(e, m.state)))).not.toContain('Lò Văn Kín')
    m.must(command('meeting:record-conclusion', { text: 'Hội nghị diễn ra dân chủ, thẳng thắn.' }))
    expect(redactState(m.state).closingConclusion).toBe('Hội nghị diễn ra dân chủ, thẳng thắn.')
    expect(fold(emptyMeetingState(MEETING_ID), m.log.map((e) => redactEvent(e, m.state)))).toEqual(redactState(m.state))
  })
})

describe('several screens in the hall', () => {
  it('gives one paired projector its own view while the others follow the meeting-wide one', () => {
    const m = new DomainHarness()
    m.record(assign(m, { deviceId: SIDE, mode: 'petitions' }))
    expect(m.log.at(-1)).toMatchObject({ type: 'projector.assigned', payload: { deviceId: SIDE, label: 'Màn hình phụ bên trái', mode: 'petitions' } })
    m.must(command('projector:show', { mode: 'programme', announcement: '' }))
    expect(projectorModeFor(m.state, SIDE)).toBe('petitions')
    expect(projectorModeFor(m.state, MAIN)).toBe('programme')
    expect(projectorModeFor(m.state, null)).toBe('programme')
    expect(hallScreen(m.state, SIDE)).toBe('petitions')
    // Back with the others.
    m.record(assign(m, { deviceId: SIDE, mode: null }))
    expect(projectorModeFor(m.state, SIDE)).toBe('programme')
    expect(m.state.projector.screens).toEqual([])
  })

  it('refuses a device that is not a paired projector of the meeting, and a view it already shows, changing nothing', () => {
    const m = new DomainHarness()
    const stranger = assign(m, { deviceId: 'cccccccc-cccc-4ccc-8ccc-cccccccccccc', mode: 'blank' })
    expect(stranger).toMatchObject({ ok: false, error: { code: 'PROJECTOR_NOT_FOUND' } })
    expect(assign(m, { deviceId: SIDE, mode: 'blank' }, [])).toMatchObject({ ok: false, error: { code: 'PROJECTOR_NOT_FOUND' } })
    expect(assign(m, { deviceId: SIDE, mode: null })).toMatchObject({ ok: false, error: { code: 'NO_CHANGE' } })
    m.record(assign(m, { deviceId: SIDE, mode: 'blank' }))
    expect(assign(m, { deviceId: SIDE, mode: 'blank' })).toMatchObject({ ok: false, error: { code: 'NO_CHANGE' } })
    expect(m.state.projector.screens).toEqual([{ deviceId: SIDE, label: 'Màn hình phụ bên trái', mode: 'blank' }])
  })

  it('is still allowed after closing, and every screen folds the same per-screen views from the log', () => {
    const m = new DomainHarness()
    m.must(command('meeting:set-phase', { phase: 'closed' }))
    m.record(assign(m, { deviceId: MAIN, mode: 'blank' }))
    const redacted = m.log.map((e) => redactEvent(e, m.state))
    expect(fold(emptyMeetingState(MEETING_ID), redacted)).toEqual(redactState(m.state))
    expect(redactState(m.state).projector.screens).toEqual([{ deviceId: MAIN, label: 'Màn hình chính', mode: 'blank' }])
  })

  it('is the secretary’s to choose, like the meeting-wide view: not the chair’s, not a screen’s', () => {
    for (const role of ['secretary', 'chair', 'projector', 'attendee', 'oversight'] as const) {
      expect({ role, assign: mayIssue(role, 'projector:assign') }).toEqual({ role, assign: mayIssue(role, 'projector:show') })
    }
    expect(mayIssue('secretary', 'projector:assign')).toBe(true)
    expect(mayIssue('chair', 'projector:assign')).toBe(false)
  })

  it('rejects a malformed assignment at the schema', () => {
    expect(() => command('projector:assign', { deviceId: 'not-a-uuid', mode: 'live' })).toThrow()
    expect(() => command('projector:assign', { deviceId: SIDE, mode: 'everything' as never })).toThrow()
  })
})

import { describe, expect, it } from 'vitest'
import { emptyCalendar, type HolidayCalendar } from '../calendar/working-days'
import { decide } from './decide'
import { evolve, fold } from './evolve'
import type { MeetingEvent } from './events'
import { emptyMeetingState } from './model'
import { redactEvent, redactState } from './redact'
import { currentPetition, petitionCounts, petitionsByField } from './selectors'
import { command, DomainHarness, MEETING_ID, testDirectory } from './test-helpers'

const [economy] = testDirectory.units
const [deputy, headOfEconomy] = testDirectory.officials

function withPetitions() {
  const m = new DomainHarness()
  m.must(command('petition:record', { origin: 'registered', field: 'Giao thông', title: 'Đường vào bản' }))
  m.must(command('petition:record', { origin: 'registered', field: 'Đất đai', title: 'Cấp sổ đỏ' }))
  m.must(command('petition:record', { origin: 'added', field: 'Giao thông', title: 'Cầu treo hỏng' }))
  return m
}

describe('petitions under discussion and their outcomes', () => {
  it('brings one petition under discussion at a time; the previous one goes back to waiting', () => {
    const m = withPetitions()
    m.must(command('petition:discuss', { petitionNo: 1 }))
    expect(currentPetition(m.state)?.no).toBe(1)
    m.must(command('petition:discuss', { petitionNo: 2 }))
    expect(m.state.petitions.map((p) => p.status)).toEqual(['waiting', 'discussing', 'waiting'])
    expect(m.run(command('petition:discuss', { petitionNo: 2 }))).toMatchObject({ ok: false, error: { code: 'NO_CHANGE' } })
  })

  it('records the chair answering personally, with the chair named from the meeting', () => {
    const m = withPetitions()
    m.must(command('petition:record-answer', { petitionNo: 1, answerer: { kind: 'chair' }, summary: 'Sẽ sửa trong quý II.' }))
    expect(m.state.petitions[0]).toMatchObject({
      status: 'answered',
      answer: { answerer: { kind: 'chair', name: 'Lò Văn Hùng', title: 'Chủ tịch UBND xã' }, summary: 'Sẽ sửa trong quý II.' },
    })
    expect(petitionCounts(m.state)).toMatchObject({ answered: 1, pending: 2 })
  })

  it('assigns a leader to answer now, shows who, then records the answer as theirs', () => {
    const m = withPetitions()
    const events = m.must(command('petition:assign-answerer', { petitionNo: 2, answerer: { kind: 'official', officialId: headOfEconomy!.id } }))
    expect(events.map((e) => e.type)).toEqual(['petition.discussion-started', 'petition.answerer-assigned'])
    expect(currentPetition(m.state)?.answerer).toEqual({
      kind: 'official',
      officialId: headOfEconomy!.id,
      name: 'Tòng Văn Minh',
      title: 'Trưởng phòng',
      unitName: 'Phòng Kinh tế',
    })
    m.must(command('petition:record-answer', { petitionNo: 2, summary: 'Hồ sơ đang chờ đo đạc bổ sung.' }))
    expect(m.state.petitions[1]?.answer?.answerer).toMatchObject({ kind: 'official', name: 'Tòng Văn Minh' })
  })

  it('refuses an answerer who is not in the directory, and changes nothing', () => {
    const m = withPetitions()
    const before = m.state
    expect(m.run(command('petition:assign-answerer', { petitionNo: 1, answerer: { kind: 'official', officialId: '99999999-9999-4999-8999-999999999999' } }))).toMatchObject({
      ok: false,
      error: { code: 'OFFICIAL_NOT_FOUND' },
    })
    expect(m.run(command('petition:commit-written-answer', { petitionNo: 1, unitId: '99999999-9999-4999-8999-999999999999' }))).toMatchObject({
      ok: false,
      error: { code: 'UNIT_NOT_FOUND' },
    })
    expect(m.state).toBe(before)
  })

  it('commits a unit to a written answer with the default deadline in working days (commune: 7 + 15)', () => {
    const m = withPetitions() // meeting on Friday 19/06/2026, commune level
    m.must(command('petition:commit-written-answer', { petitionNo: 1, unitId: economy!.id, form: 'in_writing' }))
    // 22 working days after Friday 19/06/2026, with no holidays: Tuesday 21/07/2026.
    expect(m.state.petitions[0]).toMatchObject({
      status: 'written_answer',
      writtenAnswer: { unitId: economy!.id, unitName: 'Phòng Kinh tế', dueDate: '2026-07-21', form: 'in_writing' },
    })
    expect(petitionCounts(m.state)).toMatchObject({ writtenAnswer: 1, pending: 2 })
  })

  it('counts the default deadline around holidays from the office calendar', () => {
    const tet: HolidayCalendar = { daysOff: ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20'], workingWeekendDays: [] }
    const m = new DomainHarness(tet, '2026-02-12')
    m.must(command('petition:record', { origin: 'registered', title: 'A' }))
    m.must(command('petition:commit-written-answer', { petitionNo: 1, unitId: economy!.id }))
    // From Thursday 12/02: Fri 13, then Tết, then 21 working days from Monday 23/02 → Monday 23/03.
    expect(m.state.petitions[0]?.writtenAnswer?.dueDate).toBe('2026-03-23')
  })

  it('accepts a chosen deadline, but not one on or before the meeting day', () => {
    const m = withPetitions()
    expect(m.run(command('petition:commit-written-answer', { petitionNo: 1, unitId: economy!.id, dueDate: '2026-06-19' }))).toMatchObject({
      ok: false,
      error: { code: 'DUE_DATE_IN_PAST' },
    })
    m.must(command('petition:commit-written-answer', { petitionNo: 1, unitId: economy!.id, dueDate: '2026-06-30', form: 'in_person' }))
    expect(m.state.petitions[0]?.writtenAnswer).toMatchObject({ dueDate: '2026-06-30', form: 'in_person' })
  })

  it('refuses a chosen deadline more than a year after the meeting, or on a weekend or holiday, offering the next working day', () => {
    const tet: HolidayCalendar = { daysOff: ['2027-02-08', '2027-02-09'], workingWeekendDays: [] }
    const m = new DomainHarness(tet)
    m.must(command('petition:record', { origin: 'registered', title: 'A' }))
    const commit = (dueDate: string) => m.run(command('petition:commit-written-answer', { petitionNo: 1, unitId: economy!.id, dueDate }))
    expect(commit('2027-06-21')).toMatchObject({ ok: false, error: { code: 'DUE_DATE_TOO_LATE' } })
    expect(commit('2026-06-21')).toMatchObject({ ok: false, error: { code: 'DUE_DATE_DAY_OFF', message: 'Ngày 21/06/2026 là Chủ nhật, không phải ngày làm việc. Hãy chọn một ngày làm việc, ví dụ 22/06/2026.' } })
    expect(commit('2026-06-20')).toMatchObject({ ok: false, error: { message: expect.stringMatching(/^Ngày 20\/06\/2026 là thứ Bảy/) } })
    expect(commit('2027-02-08')).toMatchObject({ ok: false, error: { message: expect.stringMatching(/ngày nghỉ lễ.*10\/02\/2027/) } })
    expect(m.state.petitions[0]?.status).toBe('waiting')
    m.must(command('petition:commit-written-answer', { petitionNo: 1, unitId: economy!.id, dueDate: '2027-06-18' })) // within the year, a Friday
  })

  it('carries only the new draft in each prepared-answer event, however many came before', () => {
    const m = withPetitions()
    const draft = 'Phòng Kinh tế dự thảo: '.padEnd(10_000, 'x')
    for (let i = 0; i < 60; i++) m.must(command('petition:prepare-answer', { petitionNo: 1, unitName: `Đơn vị ${i}`, text: draft }))
    const last = m.log.at(-1)!
    expect(JSON.stringify(last).length).toBeLessThan(11_000) // one draft, not sixty
    expect(m.state.petitions[0]?.preparedAnswers.map((a) => a.unitName)).toEqual(Array.from({ length: 60 }, (_, i) => `Đơn vị ${i}`))
    // An edit of the petition keeps its drafts, and does not carry them either.
    m.must(command('petition:edit', { petitionNo: 1, origin: 'registered', field: 'Giao thông', title: 'Đường vào bản (sửa)' }))
    expect(JSON.stringify(m.log.at(-1)).length).toBeLessThan(2_000)
    expect(m.state.petitions[0]?.preparedAnswers).toHaveLength(60)
  })

  it('still folds a log written before drafts were sent one by one (each event carried the whole list)', () => {
    const m = withPetitions()
    const legacy = { ...m.log.at(-1)!, seq: m.state.seq + 1, type: 'petition.answer-prepared', payload: { petitionNo: 2, preparedAnswers: [{ unitName: 'A', text: '1' }, { unitName: 'B', text: '2' }] } } as MeetingEvent
    expect(evolve(m.state, legacy).petitions[1]?.preparedAnswers).toEqual([{ unitName: 'A', text: '1' }, { unitName: 'B', text: '2' }])
  })

  it('forwards a petition beyond the office’s authority, naming the body', () => {
    const m = withPetitions()
    m.must(command('petition:forward', { petitionNo: 2, body: 'Sở Tài nguyên và Môi trường' }))
    expect(m.state.petitions[1]).toMatchObject({ status: 'forwarded', forwardedTo: 'Sở Tài nguyên và Môi trường' })
    expect(petitionCounts(m.state)).toMatchObject({ forwarded: 1 })
  })

  it('refuses a second decision on a resolved petition until it is reopened', () => {
    const m = withPetitions()
    m.must(command('petition:forward', { petitionNo: 1, body: 'UBND tỉnh' }))
    expect(m.run(command('petition:record-answer', { petitionNo: 1 }))).toMatchObject({ ok: false, error: { code: 'PETITION_RESOLVED' } })
    m.must(command('petition:reopen', { petitionNo: 1 }))
    expect(m.state.petitions[0]).toMatchObject({ status: 'discussing', forwardedTo: '' })
    m.must(command('petition:record-answer', { petitionNo: 1, answerer: { kind: 'official', officialId: deputy!.id } }))
    expect(m.state.petitions[0]?.status).toBe('answered')
  })

  it('concludes only a decided petition, and ends its discussion', () => {
    const m = withPetitions()
    m.must(command('petition:discuss', { petitionNo: 1 }))
    expect(m.run(command('petition:conclude', { petitionNo: 1, conclusion: 'X' }))).toMatchObject({ ok: false, error: { code: 'PETITION_NOT_RESOLVED' } })
    m.must(command('petition:record-answer', { petitionNo: 1 }))
    m.must(command('petition:conclude', { petitionNo: 1, conclusion: 'Đã trả lời, người dân đồng tình.' }))
    expect(m.state.petitions[0]?.conclusion).toBe('Đã trả lời, người dân đồng tình.')
    expect(m.state.currentPetitionNo).toBeNull()
  })

  it('withdraws and merges petitions, refusing a merge into itself', () => {
    const m = withPetitions()
    expect(m.run(command('petition:merge', { petitionNo: 3, intoNo: 3 }))).toMatchObject({ ok: false, error: { code: 'INVALID_MERGE' } })
    m.must(command('petition:merge', { petitionNo: 3, intoNo: 1 }))
    m.must(command('petition:withdraw', { petitionNo: 2 }))
    expect(m.state.petitions.map((p) => [p.status, p.mergedInto])).toEqual([
      ['waiting', null],
      ['withdrawn', null],
      ['merged', 1],
    ])
    expect(petitionCounts(m.state)).toMatchObject({ registered: 2, added: 1, pending: 1 })
  })

  it('brings the called speaker’s first open petition under discussion when nothing else is', () => {
    const m = withPetitions()
    m.must(command('speaker:register', { name: 'A', petitionNos: [2, 3] }))
    m.must(command('speaker:register', { name: 'B', petitionNos: [1] }))
    m.must(command('speaker:call-next', {}))
    expect(currentPetition(m.state)?.no).toBe(2)
    m.must(command('speaker:call-next', {})) // petition 2 still open: it stays under discussion
    expect(currentPetition(m.state)?.no).toBe(2)
  })

  it('groups petitions by field for the report and the projector', () => {
    const m = withPetitions()
    expect(petitionsByField(m.state, (p) => p.origin === 'registered').map((g) => [g.field, g.petitions.map((p) => p.no)])).toEqual([
      ['Giao thông', [1]],
      ['Đất đai', [2]],
    ])
  })
})

describe('closing the meeting', () => {
  it('refuses to close while a petition is still open, naming each, and nothing is left under discussion after', () => {
    const m = withPetitions()
    m.must(command('petition:discuss', { petitionNo: 2 }))
    m.must(command('petition:record-answer', { petitionNo: 1 }))
    expect(m.run(command('meeting:set-phase', { phase: 'closed' }))).toMatchObject({
      ok: false,
      error: { code: 'OPEN_PETITIONS', message: expect.stringMatching(/^Còn 2 kiến nghị chưa xử lý \(KN 2, KN 3\)/) },
    })
    expect(m.state.phase).not.toBe('closed')
    // The secretary decides each: one committed to a unit, one set aside with the reason.
    m.must(command('petition:commit-written-answer', { petitionNo: 2, unitId: economy!.id }))
    m.must(command('petition:set-aside', { petitionNo: 3, reason: 'Hết thời gian, chuyển hội nghị quý sau' }))
    expect(m.state.petitions[2]).toMatchObject({ status: 'set_aside', setAsideReason: 'Hết thời gian, chuyển hội nghị quý sau' })
    expect(petitionCounts(m.state)).toMatchObject({ setAside: 1, pending: 0 })
    m.must(command('meeting:set-phase', { phase: 'closed' }))
    expect(m.state.currentPetitionNo).toBeNull()
    expect(m.state.petitions.some((p) => p.status === 'discussing')).toBe(false)
  })

  it('sets a petition aside only while open, and reopening clears the reason', () => {
    const m = withPetitions()
    m.must(command('petition:set-aside', { petitionNo: 1, reason: 'Không thuộc nội dung hội nghị' }))
    expect(m.run(command('petition:set-aside', { petitionNo: 1, reason: 'Lần nữa' }))).toMatchObject({ ok: false, error: { code: 'PETITION_RESOLVED' } })
    expect(m.run(command('petition:set-aside', { petitionNo: 9, reason: 'X' }))).toMatchObject({ ok: false, error: { code: 'PETITION_NOT_FOUND' } })
    m.must(command('petition:reopen', { petitionNo: 1 }))
    expect(m.state.petitions[0]).toMatchObject({ status: 'discussing', setAsideReason: '' })
  })
})

describe('phases', () => {
  it('moves through the phases; closing finishes the speech and freezes what happened', () => {
    const m = withPetitions()
    m.must(command('meeting:set-phase', { phase: 'report' }))
    expect(m.run(command('meeting:set-phase', { phase: 'report' }))).toMatchObject({ ok: false, error: { code: 'NO_CHANGE' } })
    m.must(command('speaker:register', { name: 'A' }))
    m.must(command('speaker:call-next', {}))
    expect(m.state.phase).toBe('dialogue')
    m.must(command('speaker:start', {}))
    m.must(command('meeting:set-phase', { phase: 'conclusion' }))
    m.must(command('meeting:record-conclusion', { text: 'Chủ trì kết luận hội nghị.' }))
    for (const no of [1, 2, 3]) m.must(command('petition:record-answer', { petitionNo: no }))
    const events = m.must(command('meeting:set-phase', { phase: 'closed' }))
    expect(events.map((e) => e.type)).toEqual(['speaker.finished', 'meeting.phase-changed'])
    expect(m.state).toMatchObject({ phase: 'closed', currentSpeakerNo: null, closingConclusion: 'Chủ trì kết luận hội nghị.' })
    expect(m.state.closedAt).not.toBeNull()
    for (const c of [
      command('speaker:register', { name: 'B' }),
      command('petition:record', { origin: 'added', title: 'X' }),
      command('petition:record-answer', { petitionNo: 1 }),
      command('meeting:set-phase', { phase: 'dialogue' }),
    ]) {
      expect(m.run(c)).toMatchObject({ ok: false, error: { code: 'MEETING_CLOSED' } })
    }
    // Completing the record is still allowed.
    m.must(command('speaker:summarize', { speakerNo: 1, summary: 'Tóm tắt bổ sung sau hội nghị.' }))
  })

  it('switches the projector between its views', () => {
    const m = new DomainHarness()
    expect(m.state.projector.mode).toBe('live')
    m.must(command('projector:show', { mode: 'announcement', announcement: 'Nghỉ giải lao 10 phút' }))
    expect(m.state.projector).toEqual({ mode: 'announcement', announcement: 'Nghỉ giải lao 10 phút', screens: [] })
    m.must(command('meeting:set-programme', { items: [{ time: '8:00', title: 'Khai mạc' }] }))
    expect(m.state.programme).toEqual([{ time: '8:00', title: 'Khai mạc' }])
  })
})

describe('what public screens see', () => {
  function conference() {
    const m = new DomainHarness()
    m.must(command('petition:record', { origin: 'registered', title: 'Công khai', petitionerName: 'Đồng Ý', showName: true, content: 'Nội dung công khai' }))
    m.must(command('petition:record', { origin: 'registered', title: 'Không đồng ý hiện tên', petitionerName: 'Không Muốn', petitionerAddress: 'Bản X' }))
    m.must(command('petition:record', { origin: 'registered', title: 'Tố cáo', petitionerName: 'Bí Mật', content: 'Chi tiết nhận diện', confidential: true }))
    m.must(command('petition:prepare-answer', { petitionNo: 1, unitName: 'Phòng Kinh tế', text: 'Dự thảo nội bộ' }))
    m.must(command('speaker:register', { name: 'Người Nói', unit: 'Bản Y', showName: false }))
    m.must(command('speaker:summarize', { speakerNo: 1, summary: 'Tóm tắt nội bộ' }))
    return m
  }

  it('withholds names without consent, confidential content, drafts and summaries', () => {
    const m = conference()
    const view = redactState(m.state)
    const text = JSON.stringify(view)
    for (const secret of ['Không Muốn', 'Bản X', 'Bí Mật', 'Chi tiết nhận diện', 'Dự thảo nội bộ', 'Tóm tắt nội bộ', 'Người Nói']) expect(text).not.toContain(secret)
    expect(view.petitions[0]).toMatchObject({ petitionerName: 'Đồng Ý', content: 'Nội dung công khai' })
    expect(view.speakers[0]).toMatchObject({ name: null, unit: 'Bản Y' }) // no consent: "Đại biểu số 1" of Bản Y
  })

  it('hides a speaker once the petition they raised is made confidential, live and on catch-up', () => {
    const m = conference()
    m.must(command('speaker:register', { name: 'Cầm Văn Lộ', unit: 'Bản Z', petitionNos: [1], showName: true }))
    const liveBefore = m.log.map((e) => redactEvent(e, m.state))
    expect(JSON.stringify(liveBefore)).toContain('Cầm Văn Lộ') // not secret yet
    m.must(
      command('petition:edit', {
        petitionNo: 1,
        origin: 'registered',
        title: 'Công khai',
        petitionerName: 'Đồng Ý',
        content: 'Nội dung công khai',
        confidential: true,
      }),
    )
    // A screen that received everything live, then the redacted edit, no longer shows the name.
    const live = fold(emptyMeetingState(MEETING_ID), [...liveBefore, redactEvent(m.log[m.log.length - 1]!, m.state)])
    expect(JSON.stringify(live.speakers)).not.toContain('Cầm Văn Lộ')
    expect(live).toEqual(redactState(m.state))
    // A screen catching up from the start gets the same.
    expect(fold(emptyMeetingState(MEETING_ID), m.log.map((e) => redactEvent(e, m.state)))).toEqual(redactState(m.state))
  })
})

describe('an office’s own deadline sets', () => {
  it('count the default written-answer deadline with the office’s numbers', () => {
    const m = new DomainHarness() // commune meeting, Friday 19/06/2026
    m.must(command('petition:record', { origin: 'registered', title: 'A' }))
    const own = { office: { noticeWorkingDays: 3, resultWorkingDays: 5, extendedResultWorkingDays: 10 }, commune: { noticeWorkingDays: 5, resultWorkingDays: 10, extendedResultWorkingDays: 20 } }
    const decided = decide(m.state, command('petition:commit-written-answer', { petitionNo: 1, unitId: economy!.id }), {
      at: '2026-06-19T02:00:00Z',
      directory: testDirectory,
      calendar: emptyCalendar,
      rules: own,
    })
    // 5 + 10 = 15 working days after Friday 19/06/2026: Friday 10/07/2026 (the provincial 7 + 15 gives 21/07).
    expect(decided.ok && decided.data.at(-1)).toMatchObject({ payload: { commitment: { dueDate: '2026-07-10' } } })
  })
})

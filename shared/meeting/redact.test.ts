import { describe, expect, it } from 'vitest'
import { fold } from './evolve'
import { emptyMeetingState } from './model'
import { redactEvent, redactState } from './redact'
import { command, DomainHarness, MEETING_ID } from './test-helpers'

function conferenceWithASecret() {
  const m = new DomainHarness()
  m.must(command('petition:record', { origin: 'registered', title: 'Đường liên bản', petitionerName: 'Cầm Văn Công', petitionerAddress: 'Bản Mòn', showName: true }))
  m.must(
    command('petition:record', { origin: 'registered', title: 'Tố cáo sai phạm', petitionerName: 'Lò Văn Bí Mật', petitionerAddress: 'Bản Kẻ', confidential: true }),
  )
  m.must(command('speaker:register', { name: 'Cầm Văn Công', unit: 'Bản Mòn', petitionNos: [1], showName: true }))
  m.must(command('speaker:register', { name: 'Lò Văn Bí Mật', unit: 'Bản Kẻ', petitionNos: [2], showName: true }))
  m.must(command('speaker:call-next', {}))
  m.must(command('speaker:call-next', {}))
  return m
}

describe('redaction for public screens', () => {
  it('withholds a confidential petitioner and the speaker who raises that petition', () => {
    const m = conferenceWithASecret()
    const view = redactState(m.state)
    expect(JSON.stringify(view)).not.toContain('Bí Mật')
    // By its number only: the subject of a denunciation can name the denouncer in a small office.
    expect(view.petitions[1]).toMatchObject({ petitionerName: null, petitionerAddress: null, title: 'Kiến nghị số 2 (bảo mật)', content: '' })
    expect(JSON.stringify(view)).not.toContain('Tố cáo sai phạm')
    expect(view.speakers[1]).toMatchObject({ name: null, unit: '', no: 2, status: 'called' })
    expect(JSON.stringify(view)).not.toContain('Bản Kẻ')
    // Everything that is not confidential stays.
    expect(view.petitions[0]?.petitionerName).toBe('Cầm Văn Công')
    expect(view.speakers[0]?.name).toBe('Cầm Văn Công')
  })

  it('keeps the answer, conclusion and reason of a confidential petition off public screens, live and on catch-up', () => {
    const m = conferenceWithASecret()
    m.must(command('petition:record-answer', { petitionNo: 2, summary: 'Đã kiểm tra việc Lò Văn Bí Mật nêu' }))
    m.must(command('petition:conclude', { petitionNo: 2, conclusion: 'Giao Thanh tra xác minh tố cáo sai phạm' }))
    m.must(command('petition:record', { origin: 'added', title: 'Thêm', confidential: true, field: 'Đất đai' }))
    m.must(command('petition:set-aside', { petitionNo: 3, reason: 'Tố cáo tiếp của cùng người' }))
    const live = m.log.map((e) => redactEvent(e, m.state))
    for (const secret of ['Bí Mật', 'Tố cáo sai phạm', 'Thanh tra xác minh', 'cùng người']) expect(JSON.stringify(live)).not.toContain(secret)
    expect(redactState(m.state).petitions[2]).toMatchObject({ title: 'Kiến nghị số 3 (bảo mật, lĩnh vực Đất đai)', status: 'set_aside', setAsideReason: '' })
    expect(fold(emptyMeetingState(MEETING_ID), live)).toEqual(redactState(m.state))
  })

  it('keeps the name of a speaker holding a confidential petition off the petition she raises in the room, even if "show name" was ticked', () => {
    const m = conferenceWithASecret()
    m.must(command('speaker:register', { name: 'Lò Văn Bí Mật', unit: 'Bản Kẻ', petitionNos: [2], showName: true, addedPetition: { title: 'Nhà văn hóa bản dột' } }))
    const added = m.state.petitions.at(-1)!
    expect(added).toMatchObject({ origin: 'added', confidential: false, showName: false })
    const view = JSON.stringify(redactState(m.state))
    expect(view).not.toContain('Bí Mật')
    expect(view).not.toContain('Bản Kẻ')
    expect(view).toContain('Nhà văn hóa bản dột') // the subject of a petition that is not confidential stays
    // A speaker who did not consent raises a petition without her name on screen either.
    m.must(command('speaker:register', { name: 'Hà Thị Riêng', unit: 'Bản Lạnh', addedPetition: { title: 'Cầu treo hỏng' } }))
    expect(m.state.petitions.at(-1)).toMatchObject({ showName: false })
    expect(JSON.stringify(redactState(m.state))).not.toContain('Hà Thị Riêng')
  })

  it('folding redacted events gives exactly the redacted state (snapshot and catch-up agree)', () => {
    const m = conferenceWithASecret()
    const redactedEvents = m.log.map((e) => redactEvent(e, m.state))
    expect(JSON.stringify(redactedEvents)).not.toContain('Bí Mật')
    expect(fold(emptyMeetingState(MEETING_ID), redactedEvents)).toEqual(redactState(m.state))
  })

  it('redacts with the state before the event as well as with a later one', () => {
    const m = conferenceWithASecret()
    let before = emptyMeetingState(MEETING_ID)
    for (const event of m.log) {
      expect(redactEvent(event, before.seq === 0 ? m.state : before)).toEqual(redactEvent(event, m.state))
      before = fold(before, [event])
    }
  })
})

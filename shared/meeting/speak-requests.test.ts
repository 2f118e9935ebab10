import { describe, expect, it } from 'vitest'
import { speakRequestLimits } from './commands'
import { fold } from './evolve'
import { emptyMeetingState } from './model'
import { redactEvent, redactState } from './redact'
import { requestStanding, waitingRequestCount } from './speak-requests'
import { command, DomainHarness, MEETING_ID } from './test-helpers'

const REQ_A = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa'
const REQ_B = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb'
const SECRET_A = 'secret-of-phone-a-0123456789abcdef'
const SECRET_B = 'secret-of-phone-b-0123456789abcdef'

function hallWithPetitions() {
  const m = new DomainHarness()
  m.must(command('petition:record', { origin: 'registered', title: 'Đường liên bản', petitionerName: 'Cầm Văn Công', showName: true }))
  return m
}

const submit = (requestId: string, secret: string, fields: Record<string, unknown>) =>
  command('speak-request:submit', { requestId, secret, name: 'Lò Thị Hoa', unit: 'Bản Mòn', ...fields } as never)

describe('requests to speak from phones', () => {
  it('keeps the meeting open while a phone waits for an answer: the secretary accepts or declines each first', () => {
    const m = hallWithPetitions()
    m.must(command('petition:record-answer', { petitionNo: 1 }))
    m.must(submit(REQ_A, SECRET_A, { newPetition: { field: 'Y tế', content: 'Trạm y tế thiếu thuốc' } }))
    expect(m.run(command('meeting:set-phase', { phase: 'closed' }))).toMatchObject({
      ok: false,
      error: { code: 'REQUESTS_WAITING', message: expect.stringMatching(/^Còn 1 đăng ký phát biểu từ điện thoại chưa xem/) },
    })
    expect(m.state.phase).not.toBe('closed')
    m.must(command('speak-request:decline', { requestId: REQ_A, reason: 'Đã hết giờ; mời bà gửi đơn tới Bộ phận một cửa' }))
    m.must(command('meeting:set-phase', { phase: 'closed' }))
    expect(m.state.phase).toBe('closed')
  })

  it('registers the speaker and the new petition in one decision when the secretary accepts, and the phone sees its number and place', () => {
    const m = hallWithPetitions()
    m.must(command('speaker:register', { name: 'Người đến trước' }))
    m.must(submit(REQ_A, SECRET_A, { showName: true, newPetition: { field: 'Giao thông', content: 'Cầu treo bản Mòn hỏng' } }))
    expect(m.state.speakRequests[0]).toMatchObject({ requestId: REQ_A, status: 'waiting', name: 'Lò Thị Hoa', newPetition: { field: 'Giao thông', content: 'Cầu treo bản Mòn hỏng' } })
    expect(requestStanding(m.state, REQ_A)).toEqual({ kind: 'waiting' })
    expect(waitingRequestCount(m.state)).toBe(1)

    const events = m.must(
      command('speak-request:accept', {
        requestId: REQ_A,
        name: 'Lò Thị Hoa',
        unit: 'Bản Mòn',
        showName: true,
        addedPetition: { field: 'Giao thông', title: 'Cầu treo bản Mòn hỏng', content: 'Cầu treo bản Mòn hỏng' },
      }),
    )
    expect(events.map((e) => e.type)).toEqual(['petition.recorded', 'speaker.registered', 'speak-request.accepted'])
    expect(m.state.petitions[1]).toMatchObject({ no: 2, origin: 'added', title: 'Cầu treo bản Mòn hỏng', petitionerName: 'Lò Thị Hoa' })
    expect(m.state.speakers[1]).toMatchObject({ no: 2, name: 'Lò Thị Hoa', petitionNos: [2], status: 'waiting' })
    expect(requestStanding(m.state, REQ_A)).toEqual({ kind: 'queued', speakerNo: 2, before: 1 })
    m.must(command('speaker:call-next', {}))
    expect(requestStanding(m.state, REQ_A)).toEqual({ kind: 'queued', speakerNo: 2, before: 0 })
    m.must(command('speaker:call-next', {}))
    expect(requestStanding(m.state, REQ_A)).toEqual({ kind: 'called', speakerNo: 2 })
    // Decided once: a second decision is refused.
    expect(m.run(command('speak-request:decline', { requestId: REQ_A, reason: 'Muộn' }))).toMatchObject({ ok: false, error: { code: 'SPEAK_REQUEST_DECIDED' } })
  })

  it('declines with a reason, and lets only the phone holding the secret withdraw a waiting request', () => {
    const m = hallWithPetitions()
    m.must(submit(REQ_A, SECRET_A, { petitionNos: [1] }))
    m.must(submit(REQ_B, SECRET_B, { petitionNos: [1] }))
    expect(m.run(command('speak-request:withdraw', { requestId: REQ_A, secret: SECRET_B }))).toMatchObject({ ok: false, error: { code: 'SPEAK_REQUEST_NOT_FOUND' } })
    m.must(command('speak-request:withdraw', { requestId: REQ_A, secret: SECRET_A }))
    expect(requestStanding(m.state, REQ_A)).toEqual({ kind: 'withdrawn' })
    m.must(command('speak-request:decline', { requestId: REQ_B, reason: 'Nội dung đã được trả lời ở kiến nghị số 1' }))
    expect(m.state.speakRequests[1]).toMatchObject({ status: 'declined', reason: 'Nội dung đã được trả lời ở kiến nghị số 1' })
    expect(requestStanding(m.state, REQ_B)).toEqual({ kind: 'declined' })
    expect(m.run(command('speak-request:withdraw', { requestId: REQ_B, secret: SECRET_B }))).toMatchObject({ ok: false, error: { code: 'SPEAK_REQUEST_DECIDED' } })
    expect(m.state.speakers).toHaveLength(0)
  })

  it('refuses a request while registration is closed, one that names nothing to speak about, an unknown petition and a reused id, changing nothing', () => {
    const m = hallWithPetitions()
    expect(m.run(submit(REQ_A, SECRET_A, {}))).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', fields: { petitionNos: expect.any(String) } } })
    expect(m.run(submit(REQ_A, SECRET_A, { petitionNos: [9] }))).toMatchObject({ ok: false, error: { code: 'PETITION_NOT_FOUND' } })
    m.must(command('registration:close', {}))
    expect(m.run(submit(REQ_A, SECRET_A, { petitionNos: [1] }))).toMatchObject({ ok: false, error: { code: 'REGISTRATION_CLOSED' } })
    m.must(command('registration:reopen', {}))
    m.must(submit(REQ_A, SECRET_A, { petitionNos: [1] }))
    const seq = m.state.seq
    expect(m.run(submit(REQ_A, SECRET_B, { petitionNos: [1] }))).toMatchObject({ ok: false, error: { code: 'SPEAK_REQUEST_EXISTS' } })
    expect(m.state.seq).toBe(seq)
  })

  it('holds at most so many waiting requests in a meeting; deciding one makes room', () => {
    const m = hallWithPetitions()
    const id = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`
    for (let i = 0; i < speakRequestLimits.waitingPerMeeting; i++) m.must(submit(id(i), SECRET_A, { petitionNos: [1] }))
    expect(m.run(submit(REQ_A, SECRET_A, { petitionNos: [1] }))).toMatchObject({ ok: false, error: { code: 'SPEAK_REQUESTS_FULL', message: expect.stringMatching(/quá nhiều/) } })
    m.must(command('speak-request:decline', { requestId: id(0), reason: 'Trùng' }))
    m.must(submit(REQ_A, SECRET_A, { petitionNos: [1] }))
  })

  it('makes the speaker and petition of a confidential request confidential, whatever the form said', () => {
    const m = hallWithPetitions()
    m.must(submit(REQ_A, SECRET_A, { name: 'Quàng Văn Kín', unit: 'Bản Hẻo', showName: true, confidential: true, newPetition: { content: 'Tố cáo cán bộ địa chính' } }))
    expect(m.state.speakRequests[0]).toMatchObject({ confidential: true, showName: false })
    // Without a confidential petition the speaker would be shown: refused.
    expect(m.run(command('speak-request:accept', { requestId: REQ_A, name: 'Quàng Văn Kín', unit: 'Bản Hẻo', petitionNos: [1], showName: true }))).toMatchObject({
      ok: false,
      error: { code: 'SPEAK_REQUEST_NEEDS_CONFIDENTIAL' },
    })
    m.must(
      command('speak-request:accept', {
        requestId: REQ_A,
        name: 'Quàng Văn Kín',
        unit: 'Bản Hẻo',
        showName: true,
        addedPetition: { field: 'Đất đai', title: 'Tố cáo cán bộ địa chính', confidential: false },
      }),
    )
    expect(m.state.petitions[1]).toMatchObject({ confidential: true, showName: false })
    expect(m.state.speakers[0]).toMatchObject({ name: 'Quàng Văn Kín', showName: false })
  })
})

describe('requests to speak on public screens', () => {
  function hallWithRequests() {
    const m = hallWithPetitions()
    m.must(submit(REQ_A, SECRET_A, { name: 'Quàng Văn Kín', unit: 'Bản Hẻo', confidential: true, newPetition: { field: 'Đất đai', content: 'Tố cáo cán bộ địa chính' } }))
    m.must(submit(REQ_B, SECRET_B, { name: 'Lò Thị Hoa', unit: 'Bản Mòn', showName: true, newPetition: { content: 'Cầu treo hỏng' } }))
    m.must(command('speak-request:accept', { requestId: REQ_A, name: 'Quàng Văn Kín', unit: 'Bản Hẻo', addedPetition: { field: 'Đất đai', title: 'Tố cáo cán bộ địa chính' } }))
    m.must(command('speak-request:decline', { requestId: REQ_B, reason: 'Chị Lò Thị Hoa đã đăng ký tại bàn' }))
    return m
  }
  const identifying = ['Quàng Văn Kín', 'Bản Hẻo', 'Tố cáo', 'địa chính', 'Lò Thị Hoa', 'Bản Mòn', 'Cầu treo', 'đã đăng ký tại bàn', SECRET_A, SECRET_B]

  it('carries nothing of a request but its id, status and speaker number, live and on catch-up', () => {
    const m = hallWithRequests()
    const live = m.log.map((e) => redactEvent(e, m.state))
    const view = redactState(m.state)
    for (const text of identifying) {
      expect(JSON.stringify(live)).not.toContain(text)
      expect(JSON.stringify(view)).not.toContain(text)
    }
    expect(view.speakRequests).toEqual([
      expect.objectContaining({ requestId: REQ_A, status: 'accepted', speakerNo: 1, confidential: false, name: null, secret: '' }),
      expect.objectContaining({ requestId: REQ_B, status: 'declined', speakerNo: null, reason: '', name: null }),
    ])
    // Of the confidential request, not even that it asked for confidentiality.
    expect(JSON.stringify(view.speakRequests)).not.toContain('"confidential":true')
    expect(fold(emptyMeetingState(MEETING_ID), live)).toEqual(view)
    // The phone still follows its own request from what it receives.
    expect(requestStanding(view, REQ_A)).toEqual({ kind: 'queued', speakerNo: 1, before: 0 })
    expect(requestStanding(view, REQ_B)).toEqual({ kind: 'declined' })
  })

  it('redacts a request against the state before it as well as a later one', () => {
    const m = hallWithRequests()
    let before = emptyMeetingState(MEETING_ID)
    for (const event of m.log) {
      expect(redactEvent(event, before.seq === 0 ? m.state : before)).toEqual(redactEvent(event, m.state))
      before = fold(before, [event])
    }
  })
})

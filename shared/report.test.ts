import { describe, expect, it } from 'vitest'
import { emptyCalendar } from './calendar/working-days'
import { command, DomainHarness, testDirectory } from './meeting/test-helpers'
import { buildResultsReport, meetingSummary, reportDocument } from './report'
import { decideFollowUpResult } from './meeting/decide-follow-up'
import { sonLaOffice } from '../tests/fixtures/offices'

function held(meetingDate: string, build: (m: DomainHarness) => void, close = true) {
  const m = new DomainHarness(emptyCalendar, meetingDate)
  build(m)
  if (close) m.must(command('meeting:set-phase', { phase: 'closed' }))
  return m
}
const unit = testDirectory.units[0]!.id

describe('the results report', () => {
  it('counts conferences held in the period and petitions by field, outcome and follow-up', () => {
    const first = held('2026-03-10', (m) => {
      m.must(command('petition:record', { origin: 'registered', field: 'Đất đai', title: 'A' }))
      m.must(command('petition:record', { origin: 'registered', field: 'Đất đai', title: 'B' }))
      m.must(command('petition:record', { origin: 'added', field: 'Giao thông', title: 'C' }))
      m.must(command('petition:record', { origin: 'added', field: 'Giao thông', title: 'D' }))
      m.must(command('petition:record-answer', { petitionNo: 1 }))
      m.must(command('petition:commit-written-answer', { petitionNo: 2, unitId: unit, dueDate: '2026-04-10' }))
      m.must(command('petition:commit-written-answer', { petitionNo: 3, unitId: unit, dueDate: '2026-04-10' }))
      m.must(command('petition:forward', { petitionNo: 4, body: 'UBND tỉnh' }))
    })
    const outside = held('2026-08-01', (m) => {
      m.must(command('petition:record', { origin: 'registered', title: 'X' }))
      m.must(command('petition:set-aside', { petitionNo: 1, reason: 'Chuyển hội nghị sau' }))
    })
    const planned = held('2026-05-01', () => {}, false) // never held: not counted
    // Petition 2's unit reported its result after the meeting, in time.
    first.record(decideFollowUpResult(first.state, { petitionNo: 2, unitId: null, result: { text: 'Đã trả lời', date: '2026-04-09', petitionerAnswered: true } }, { at: '2026-06-20T08:00:00Z' }))
    const r = buildResultsReport(
      [first, outside, planned].map((m) => meetingSummary(m.state)),
      '2026-01-01',
      '2026-06-30',
      '2026-06-20',
      emptyCalendar,
    )
    expect(r.conferences).toEqual({ total: 1, byAudience: { staff: 0, citizens: 1, procedures: 0 }, byForm: { periodic: 1, ad_hoc: 0 } })
    expect(r.totals).toEqual({ received: 4, registered: 2, added: 2, answered: 1, assigned: 2, forwarded: 1, resolvedOnTime: 1, resolvedLate: 0, open: 1, setAside: 0, overdue: 1 })
    expect(r.byField.map((f) => [f.field, f.received, f.answered, f.assigned, f.forwarded, f.open])).toEqual([
      ['Đất đai', 2, 1, 1, 0, 0],
      ['Giao thông', 2, 0, 1, 1, 1],
    ])
    const doc = reportDocument(r, { profile: sonLaOffice, date: '2026-06-24', signature: { authority: 'KT. CHÁNH VĂN PHÒNG', position: 'PHÓ CHÁNH VĂN PHÒNG', name: 'A' }, meetingBases: [] })
    expect(doc).toMatchObject({ title: 'BÁO CÁO', symbol: 'BC-VPUB', summary: 'Kết quả thực hiện công tác đối thoại 6 tháng đầu năm 2026' })
    const table = doc.body.find((b) => b.kind === 'table')
    expect(table && table.kind === 'table' && table.rows.at(-1)).toEqual(['Tổng cộng', '4', '1', '2', '1', '0', '1', '1'])
    // The outcomes sentence says what happened; nothing was set aside, so it does not say "… 0".
    const outcomes = doc.body.map((b) => ('text' in b ? b.text : '')).find((t) => t.startsWith('Tổng số ý kiến'))
    expect(outcomes).toContain('trong đó trả lời trực tiếp tại hội nghị 1, giao đơn vị trả lời sau hội nghị 2, chuyển cơ quan có thẩm quyền 1.')
  })

  it('has the seed report\'s shape: the bases, I to IV, the closing "trân trọng báo cáo", recipients "(Báo cáo)"', () => {
    const r = buildResultsReport([], '2026-01-01', '2026-12-31', '2026-12-20', emptyCalendar)
    const doc = reportDocument(r, { profile: sonLaOffice, date: '2026-12-15', signature: { authority: 'KT. CHÁNH VĂN PHÒNG', position: 'PHÓ CHÁNH VĂN PHÒNG', name: 'Sòi Đức Nghĩa' }, meetingBases: ['Kế hoạch số 75/KH-VPUB ngày 16/12/2025 của Văn phòng UBND tỉnh'] })
    const texts = doc.body.map((b) => ('text' in b ? b.text : ''))
    expect(texts[0]).toMatch(/^Thực hiện Quy định số 429-QĐ\/TU .*\. Văn phòng Ủy ban nhân dân tỉnh báo cáo kết quả thực hiện công tác đối thoại năm 2026 như sau:$/)
    expect(doc.body.filter((b) => b.kind === 'heading').map((b) => ('text' in b ? b.text : ''))).toEqual([
      'I. CÔNG TÁC LÃNH ĐẠO, TRIỂN KHAI THỰC HIỆN',
      'II. KẾT QUẢ THỰC HIỆN',
      'III. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2027',
      'IV. ĐỀ XUẤT, KIẾN NGHỊ',
    ])
    expect(texts).toContain('Trong kỳ, Văn phòng Ủy ban nhân dân tỉnh đã tổ chức thực hiện: Kế hoạch số 75/KH-VPUB ngày 16/12/2025 của Văn phòng UBND tỉnh.')
    expect(texts).toContain('Đối thoại lồng ghép tại các cuộc họp giao ban, hội nghị của cơ quan: …') // the secretary completes it
    expect(texts.at(-1)).toBe('Văn phòng Ủy ban nhân dân tỉnh trân trọng báo cáo Ban Tuyên giáo và Dân vận Tỉnh ủy, Thanh tra tỉnh và Sở Nội vụ./.')
    expect(doc.recipients).toEqual(['Ban Tuyên giáo và Dân vận Tỉnh ủy (Báo cáo)', 'Thanh tra tỉnh (Báo cáo)', 'Sở Nội vụ (Báo cáo)', 'Lãnh đạo VPUB tỉnh', 'Lưu: VT, TCHCQT'])
    expect(doc.signatures[0]).toEqual({ authority: 'KT. CHÁNH VĂN PHÒNG', position: 'PHÓ CHÁNH VĂN PHÒNG', name: 'Sòi Đức Nghĩa' })
  })
})

import { describe, expect, it } from 'vitest'
import { emptyCalendar } from '../calendar/working-days'
import { command, DomainHarness, testDirectory } from '../meeting/test-helpers'
import { draftMinutes } from './minutes'
import { defaultSignature, draftNotice, noticeDueDate } from './notice'
import { inSentence } from './text'
import type { AdministrativeDocument, OfficeProfile } from './model'

const office: OfficeProfile = { parentBody: 'UBND HUYỆN SỐP CỘP', issuingBody: 'ỦY BAN NHÂN DÂN XÃ SỐP CỘP', officeCode: 'UBND', place: 'Sốp Cộp' }
const [economy] = testDirectory.units

function heldConference() {
  const m = new DomainHarness()
  m.must(command('petition:record', { origin: 'registered', field: 'Giao thông', title: 'Đường vào bản Nà Cang xuống cấp', petitionerName: 'Cầm Văn Thanh', petitionerAddress: 'Bản Nà Cang', showName: true }))
  m.must(command('petition:record', { origin: 'registered', field: 'Đất đai', title: 'Tố cáo đo đạc sai', petitionerName: 'Lò Văn Bí Mật', petitionerAddress: 'Bản Kẻ', confidential: true }))
  m.must(command('speaker:register', { name: 'Cầm Văn Thanh', unit: 'Bản Nà Cang', petitionNos: [1] }))
  m.must(command('speaker:register', { name: 'Lò Văn Bí Mật', unit: 'Bản Kẻ', petitionNos: [2] }))
  m.must(command('speaker:register', { name: 'Hà Thị Dung', unit: 'Bản Lạnh', addedPetition: { title: 'Cầu treo bản Lạnh hỏng', field: 'Giao thông' } }))
  m.must(command('speaker:call-next', {}))
  m.must(command('speaker:summarize', { speakerNo: 1, summary: 'Đề nghị sửa đường trước mùa mưa' }))
  m.must(command('petition:record-answer', { petitionNo: 1, answerer: { kind: 'chair' }, summary: 'Đường đã có trong kế hoạch duy tu quý II' }))
  m.must(command('speaker:call-next', {}))
  m.must(command('petition:commit-written-answer', { petitionNo: 2, unitId: economy!.id, form: 'in_writing' }))
  m.must(command('speaker:call-next', {}))
  m.must(command('petition:forward', { petitionNo: 3, body: 'Sở Giao thông vận tải' }))
  m.must(command('meeting:record-conclusion', { text: 'Hội nghị diễn ra dân chủ, thẳng thắn.' }))
  m.must(command('meeting:set-phase', { phase: 'closed' }))
  return m
}

const text = (doc: AdministrativeDocument) => doc.body.map((b) => ('text' in b ? b.text : b.rows.flat().join(' '))).join('\n')

describe('the minutes drafted from the log', () => {
  it('records who chaired, every speaker in order with the summary, and what became of every petition', () => {
    const m = heldConference()
    const doc = draftMinutes(m.state, m.log, office)
    expect(doc).toMatchObject({ kind: 'minutes', title: 'BIÊN BẢN', symbol: 'BB-UBND', date: '2026-06-19', summary: 'Hội nghị đối thoại' })
    const body = text(doc)
    expect(body).toContain('Chủ trì: Chủ tịch UBND xã Lò Văn Hùng.')
    expect(body).toContain('Thư ký: Quàng Thị Thu.')
    expect(body).toContain('1. Cầm Văn Thanh (Bản Nà Cang) (nêu KN 1): Đề nghị sửa đường trước mùa mưa.')
    expect(body).toContain('KN 1 (Đường vào bản Nà Cang xuống cấp): Chủ tịch UBND xã Lò Văn Hùng trả lời: Đường đã có trong kế hoạch duy tu quý II.')
    expect(body).toMatch(/KN 2 \(Tố cáo đo đạc sai\): Giao Phòng Kinh tế trả lời bằng văn bản, hạn chậm nhất ngày \d\d\/\d\d\/2026\./)
    expect(body).toContain('KN 3 (Cầu treo bản Lạnh hỏng): Vượt thẩm quyền; chuyển Sở Giao thông vận tải xem xét, giải quyết.')
    expect(body).toContain('Hội nghị diễn ra dân chủ, thẳng thắn.')
    // Registered and added petitions are listed apart.
    expect(body.indexOf('Cầu treo bản Lạnh hỏng')).toBeGreaterThan(body.indexOf('2. Kiến nghị bổ sung tại hội nghị'))
    expect(doc.signatures.map((s) => [s.position, s.name])).toEqual([
      ['THƯ KÝ', 'Quàng Thị Thu'],
      ['CHỦ TỌA', 'Lò Văn Hùng'],
    ])
  })

  it('lists speakers in the order they spoke, not as registered, and not one called then withdrawn before speaking', () => {
    const m = new DomainHarness()
    for (const name of ['Người Một', 'Người Hai', 'Người Ba', 'Người Bốn']) m.must(command('speaker:register', { name }))
    m.must(command('speaker:call', { speakerNo: 3 }))
    m.must(command('speaker:start', {}))
    m.must(command('speaker:call', { speakerNo: 1 }))
    m.must(command('speaker:withdraw', { speakerNo: 1 })) // called, then left without speaking
    m.must(command('speaker:call', { speakerNo: 2 }))
    m.must(command('speaker:readd', { speakerNo: 3, position: 'next' })) // speaks a second time
    m.must(command('speaker:call-next', {}))
    const lines = draftMinutes(m.state, m.log, office).body.filter((b) => b.kind === 'bullet' && /^\d+\. Người/.test(b.text)).map((b) => ('text' in b ? b.text : ''))
    expect(lines).toEqual(['1. Người Ba.', '2. Người Hai.', '3. Người Ba.'])
  })

  it('names who delegated when a deputy chaired', () => {
    const m = heldConference()
    const details = { ...m.state.details, chairName: 'Cầm Thị Hương', chairTitle: 'Phó Chủ tịch UBND xã', delegated: true, delegatedBy: 'Chủ tịch UBND xã Lò Văn Hùng' }
    const body = text(draftMinutes({ ...m.state, details }, m.log, office))
    expect(body).toContain('Chủ trì: Phó Chủ tịch UBND xã Cầm Thị Hương (chủ trì theo ủy quyền của Chủ tịch UBND xã Lò Văn Hùng).')
  })

  it('never names a confidential petitioner, nor the speaker who raised that petition', () => {
    const m = heldConference()
    const all = JSON.stringify(draftMinutes(m.state, m.log, office))
    expect(all).not.toContain('Bí Mật')
    expect(all).not.toContain('Bản Kẻ')
    expect(all).toContain('Đại biểu số 2 (đề nghị giữ bí mật thông tin)')
  })
})

describe('the conclusion notice', () => {
  it('has the seed notice’s shape: results, then one item per unit with its deadline, recipients, signer', () => {
    const m = heldConference()
    const doc = draftNotice(m.state, office, '2026-06-24')
    expect(doc).toMatchObject({ kind: 'notice', title: 'THÔNG BÁO', symbol: 'TB-UBND', date: '2026-06-24' })
    expect(doc.summary).toBe('Kết luận Hội nghị đối thoại')
    const headings = doc.body.filter((b) => b.kind === 'heading' || b.kind === 'subheading').map((b) => ('text' in b ? b.text : ''))
    expect(headings).toEqual(['I. KẾT QUẢ ĐỐI THOẠI', 'II. TỔ CHỨC THỰC HIỆN', '1. Giao Phòng Kinh tế', '2. Kiến nghị vượt thẩm quyền', '3. Giao bộ phận thư ký'])
    const body = text(doc)
    expect(body).toContain('Hội nghị đã tiếp nhận 3 ý kiến, kiến nghị (2 kiến nghị gửi trước hội nghị, 1 kiến nghị bổ sung tại hội nghị)')
    expect(body).toContain('trong thời hạn 15 ngày làm việc') // commune: 15, extendable to 30
    expect(body).not.toContain('Bí Mật')
    expect(doc.recipients[doc.recipients.length - 1]).toBe('Lưu: VT, UBND')
    expect(doc.signatures).toEqual([{ authority: 'TM. ỦY BAN NHÂN DÂN', position: 'CHỦ TỊCH', name: 'Lò Văn Hùng' }])
  })

  it('is due 7 working days after a commune meeting, 5 after an office one', () => {
    const m = heldConference() // Friday 19/06/2026
    expect(noticeDueDate(m.state.details, emptyCalendar)).toBe('2026-06-30')
    expect(noticeDueDate({ ...m.state.details, level: 'office' }, emptyCalendar)).toBe('2026-06-26')
  })

  it('signs for the head, or "KT." for a deputy who chaired by delegation', () => {
    const base = { meetingDate: '', chairName: 'Nguyễn Thị Thu Hương', chairTitle: '', delegated: true, secretaryName: '', level: 'office' as const }
    expect(defaultSignature(base)).toEqual({ authority: 'KT. CHÁNH VĂN PHÒNG', position: 'PHÓ CHÁNH VĂN PHÒNG', name: 'Nguyễn Thị Thu Hương' })
    expect(defaultSignature({ ...base, delegated: false })).toMatchObject({ authority: '', position: 'CHÁNH VĂN PHÒNG' })
    expect(defaultSignature({ ...base, level: 'commune' })).toMatchObject({ authority: 'KT. CHỦ TỊCH', position: 'PHÓ CHỦ TỊCH' })
  })
})

describe('inSentence', () => {
  it('lower-cases an ordinary first word but keeps acronyms', () => {
    expect(inSentence('Đường vào bản')).toBe('đường vào bản')
    expect(inSentence('UBND xã chậm trả lời')).toBe('UBND xã chậm trả lời')
    expect(inSentence('')).toBe('')
  })
})

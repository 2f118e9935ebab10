import { describe, expect, it } from 'vitest'
import { emptyCalendar } from '../calendar/working-days'
import { command, DomainHarness, testDirectory } from '../meeting/test-helpers'
import { draftMinutes } from './minutes'
import { defaultSignature, draftNotice, noticeDueDate } from './notice'
import { inSentence } from './text'
import { countLabels, hallStatusLabels, petitionStatusLabels, tallyPhrases } from '../meeting/outcome'
import { placeAndDate, type AdministrativeDocument } from './model'
import type { MeetingState } from '../meeting/model'
import { communeOffice, sonLaOffice } from '../../tests/fixtures/offices'

const office = communeOffice
const [economy] = testDirectory.units

function heldConference(commit: { dueDate?: string } = {}, opts: { open?: boolean } = {}) {
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
  m.must(command('petition:commit-written-answer', { petitionNo: 2, unitId: economy!.id, form: 'in_writing', ...commit }))
  m.must(command('speaker:call-next', {}))
  m.must(command('petition:forward', { petitionNo: 3, body: 'Sở Xây dựng' }))
  m.must(command('meeting:record-conclusion', { text: 'Hội nghị diễn ra dân chủ, thẳng thắn.' }))
  if (!opts.open) m.must(command('meeting:set-phase', { phase: 'closed' }))
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
    expect(body).toContain('KN 2 (Tố cáo đo đạc sai): Giao Phòng Kinh tế trả lời bằng văn bản, hạn 15 ngày làm việc kể từ ngày ban hành thông báo kết luận.')
    expect(body).toContain('KN 3 (Cầu treo bản Lạnh hỏng): Vượt thẩm quyền; chuyển Sở Xây dựng xem xét, giải quyết.')
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
    const lines = draftMinutes(m.state, m.log, office).body.filter((b) => b.kind === 'paragraph' && /^\d+\. Người/.test(b.text)).map((b) => ('text' in b ? b.text : ''))
    expect(lines).toEqual(['1. Người Ba.', '2. Người Hai.', '3. Người Ba.'])
  })

  it('names who delegated when a deputy chaired', () => {
    const m = heldConference()
    const details = { ...m.state.details, chairName: 'Cầm Thị Hương', chairTitle: 'Phó Chủ tịch UBND xã', delegated: true, delegatedBy: 'Chủ tịch UBND xã Lò Văn Hùng' }
    const body = text(draftMinutes({ ...m.state, details }, m.log, office))
    expect(body).toContain('Chủ trì: Phó Chủ tịch UBND xã Cầm Thị Hương (chủ trì theo ủy quyền của Chủ tịch UBND xã Lò Văn Hùng).')
  })

  it('writes who attended as the secretary entered it, and tallies only what happened', () => {
    const m = heldConference()
    m.must(command('meeting:update-details', { title: m.state.title, ...m.state.details, attendance: 'Đại diện các ban, ngành, đoàn thể xã; 86 công dân các bản.' }))
    const body = text(draftMinutes(m.state, m.log, office))
    expect(body).toContain('Thành phần tham dự: Đại diện các ban, ngành, đoàn thể xã; 86 công dân các bản.')
    // Nothing was set aside, so the tally does not say "… 0".
    expect(body).toContain('Tổng hợp: 3 kiến nghị (2 đã đăng ký, 1 bổ sung); trả lời trực tiếp tại hội nghị 1; giao đơn vị trả lời sau hội nghị 1; chuyển cơ quan có thẩm quyền 1.')
    // Details saved again without the field keep what was written.
    const { attendance: _kept, ...others } = m.state.details
    m.must(command('meeting:update-details', { title: m.state.title, ...others }))
    expect(m.state.details.attendance).toBe('Đại diện các ban, ngành, đoàn thể xã; 86 công dân các bản.')
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
  const notice = (state: MeetingState, profile = sonLaOffice, issueDate = '2026-06-24', calendar = emptyCalendar) =>
    draftNotice(state, { profile, issueDate, calendar })

  it('has the seed notice’s sentences: the bases, what was held, who concluded, I and II, the closing line', () => {
    const m = heldConference()
    const doc = notice({ ...m.state, details: { ...m.state.details, level: 'office', audience: 'staff', bases: 'Kế hoạch số 75/KH-VPUB ngày 16/12/2025 của Văn phòng UBND tỉnh về đối thoại trực tiếp năm 2026' } })
    expect(doc).toMatchObject({ kind: 'notice', title: 'THÔNG BÁO', symbol: 'TB-VPUB', date: '2026-06-24', office: { issuingBody: 'VĂN PHÒNG' } })
    expect(doc.summary).toBe('Kết luận Hội nghị đối thoại')
    const paragraphs = doc.body.map((b) => ('text' in b ? b.text : ''))
    expect(paragraphs[0]).toBe(
      'Thực hiện Quy định số 429-QĐ/TU ngày 01/7/2022 của Ban Thường vụ Tỉnh ủy về ban hành quy định đối thoại trực tiếp giữa người đứng đầu cấp ủy, chính quyền các cấp; người đứng đầu các sở, ban, ngành cấp tỉnh với nhân dân; Kế hoạch số 75/KH-VPUB ngày 16/12/2025 của Văn phòng UBND tỉnh về đối thoại trực tiếp năm 2026.',
    )
    expect(paragraphs[1]).toBe('Ngày 19/06/2026, Văn phòng Ủy ban nhân dân tỉnh đã tổ chức hội nghị đối thoại trực tiếp giữa Chánh Văn phòng UBND tỉnh với công chức, viên chức, người lao động tại Hội trường.')
    expect(paragraphs[2]).toBe('Sau khi nghe các ý kiến tham gia, thảo luận, thống nhất các nội dung tại hội nghị, đồng chí Chánh Văn phòng UBND tỉnh kết luận, chỉ đạo như sau:')
    expect(paragraphs.at(-1)).toBe('Yêu cầu các phòng, trung tâm và đơn vị trực thuộc nghiêm túc thực hiện./.')
    // The counts once, in I.
    expect(paragraphs.filter((p) => p.includes('Hội nghị đã tiếp nhận'))).toEqual([
      'Hội nghị đã tiếp nhận 3 ý kiến, kiến nghị (2 kiến nghị gửi trước hội nghị, 1 kiến nghị nêu tại hội nghị); trong đó trả lời trực tiếp tại hội nghị 1 kiến nghị, giao đơn vị trả lời sau hội nghị 1 kiến nghị, chuyển cơ quan có thẩm quyền 1 kiến nghị.',
    ])
  })

  it('lists in II only "Giao <unit>" items, with the office\'s standing assignments, and forwarded petitions as such', () => {
    const doc = notice(heldConference().state)
    const headings = doc.body.filter((b) => b.kind === 'heading' || b.kind === 'subheading').map((b) => ('text' in b ? b.text : ''))
    expect(headings).toEqual([
      'I. KẾT QUẢ ĐỐI THOẠI',
      'II. TỔ CHỨC THỰC HIỆN',
      '1. Giao Phòng Kinh tế',
      '2. Đối với kiến nghị vượt thẩm quyền',
      '3. Giao Trung tâm Thông tin',
      '4. Giao Phòng Tổ chức - Hành chính - Quản trị',
    ])
    const body = text(doc)
    expect(body).not.toContain('bộ phận thư ký')
    expect(body).toContain('Chuyển kiến nghị về cầu treo bản Lạnh hỏng đến Sở Xây dựng xem xét, giải quyết theo thẩm quyền')
  })

  it('states one deadline per commitment: the rule\'s period counted from the issue date, and says so next to the date', () => {
    const m = heldConference() // a commune meeting: 15 working days, extendable to 30
    const body = text(notice(m.state, communeOffice, '2026-06-24'))
    // KN 2 is confidential: by its number and field only.
    expect(body).toContain('Xem xét, trả lời bằng văn bản kiến nghị số 2 (bảo mật, lĩnh vực Đất đai); hạn chậm nhất ngày 15/07/2026 (15 ngày làm việc kể từ ngày ban hành Thông báo này).')
    // Issued a day later, the same rule gives a day later: the date follows the issue, nothing else.
    expect(text(notice(m.state, communeOffice, '2026-06-25'))).toContain('hạn chậm nhất ngày 16/07/2026 (15 ngày làm việc kể từ ngày ban hành Thông báo này)')
    expect(body).toContain('không quá 30 ngày làm việc kể từ ngày ban hành Thông báo này')
    expect(body.match(/ngày làm việc kể từ ngày ban hành/g)).toHaveLength(2) // the deadline, and the extension: each once
    // A date chosen in the room stands as chosen.
    const chosen = heldConference({ dueDate: '2026-07-31' })
    expect(text(notice(chosen.state, communeOffice))).toContain('kiến nghị số 2 (bảo mật, lĩnh vực Đất đai); hạn chậm nhất ngày 31/07/2026.')
  })

  it('names a confidential petition by number and field only, and keeps its answer out', () => {
    const m = heldConference({}, { open: true })
    m.must(command('petition:reopen', { petitionNo: 2 }))
    m.must(command('petition:record-answer', { petitionNo: 2, summary: 'Đã xác minh việc Lò Văn Bí Mật tố cáo' }))
    const body = text(notice(m.state))
    expect(body).toContain('Đối với kiến nghị số 2 (bảo mật, lĩnh vực Đất đai): Chủ tịch UBND xã Lò Văn Hùng đã trả lời trực tiếp tại hội nghị.')
    for (const secret of ['Tố cáo đo đạc sai', 'Bí Mật', 'Bản Kẻ', 'Đã xác minh']) expect(body).not.toContain(secret)
  })

  it('names a petition set aside with the reason, so none falls out of the notice', () => {
    const m = new DomainHarness()
    m.must(command('petition:record', { origin: 'registered', title: 'Sửa nhà văn hóa bản Mòng' }))
    m.must(command('petition:set-aside', { petitionNo: 1, reason: 'Hết thời gian; trả lời tại hội nghị quý III' }))
    expect(text(notice(m.state))).toContain('Kiến nghị về sửa nhà văn hóa bản Mòng chưa được xem xét tại hội nghị: Hết thời gian; trả lời tại hội nghị quý III.')
  })

  it('sends it to the standing recipients, the assigned units and the bodies petitions went to, ending "Lưu: VT, <drafting unit>"', () => {
    expect(notice(heldConference().state).recipients).toEqual([
      'Ban Tuyên giáo và Dân vận Tỉnh ủy (b/c)',
      'Thanh tra tỉnh (b/c)',
      'Sở Nội vụ (b/c)',
      'Lãnh đạo VPUB tỉnh',
      'Phòng Kinh tế',
      'Sở Xây dựng',
      'Lưu: VT, TCHCQT',
    ])
  })

  it('says so when nothing was raised, as the seed notice does', () => {
    const m = new DomainHarness()
    expect(text(notice({ ...m.state, details: { ...m.state.details, audience: 'staff' } }))).toContain(
      'Tại hội nghị, Văn phòng Ủy ban nhân dân tỉnh không nhận được ý kiến, kiến nghị của công chức, viên chức, người lao động.',
    )
  })

  it('is due 7 working days after a commune meeting, 5 after an office one', () => {
    const m = heldConference() // Friday 19/06/2026
    expect(noticeDueDate(m.state.details, emptyCalendar)).toBe('2026-06-30')
    expect(noticeDueDate({ ...m.state.details, level: 'office' }, emptyCalendar)).toBe('2026-06-26')
  })

  it('signs with the office\'s titles: the head, "KT." for a deputy who chaired by delegation, "TM." for a collective body', () => {
    const base = { meetingDate: '', chairName: 'Nguyễn Thị Thu Hương', chairTitle: '', delegated: true, secretaryName: '', level: 'office' as const }
    expect(defaultSignature(base, sonLaOffice)).toEqual({ authority: 'KT. CHÁNH VĂN PHÒNG', position: 'PHÓ CHÁNH VĂN PHÒNG', name: 'Nguyễn Thị Thu Hương' })
    expect(defaultSignature({ ...base, delegated: false }, sonLaOffice)).toEqual({ authority: '', position: 'CHÁNH VĂN PHÒNG', name: 'Nguyễn Thị Thu Hương' })
    expect(defaultSignature({ ...base, delegated: false }, communeOffice)).toMatchObject({ authority: 'TM. ỦY BAN NHÂN DÂN', position: 'CHỦ TỊCH' })
    expect(defaultSignature(base, communeOffice)).toMatchObject({ authority: 'KT. CHỦ TỊCH', position: 'PHÓ CHỦ TỊCH' })
  })
})

describe('the date line', () => {
  it('writes a leading zero only for days 1–9 and the months 1 and 2 (Nghị định 30, Phụ lục I)', () => {
    expect(placeAndDate('Sơn La', '2026-01-05')).toBe('Sơn La, ngày 05 tháng 01 năm 2026')
    expect(placeAndDate('Sơn La', '2026-02-28')).toBe('Sơn La, ngày 28 tháng 02 năm 2026')
    expect(placeAndDate('Sơn La', '2026-03-09')).toBe('Sơn La, ngày 09 tháng 3 năm 2026')
    expect(placeAndDate('Sơn La', '2025-12-18')).toBe('Sơn La, ngày 18 tháng 12 năm 2025')
  })
})

describe('inSentence', () => {
  it('lower-cases an ordinary first word but keeps acronyms', () => {
    expect(inSentence('Đường vào bản')).toBe('đường vào bản')
    expect(inSentence('UBND xã chậm trả lời')).toBe('UBND xã chậm trả lời')
    expect(inSentence('')).toBe('')
  })
})

describe('one outcome vocabulary for the screens and the documents', () => {
  it('counts each outcome in the same words in the minutes and the notice, and a set-aside petition as the screens name it', () => {
    const m = heldConference({}, { open: true })
    m.must(command('petition:record', { origin: 'added', title: 'Sửa nhà văn hóa bản Mòng' }))
    m.must(command('petition:set-aside', { petitionNo: 4, reason: 'Hết thời gian' }))
    const minutes = text(draftMinutes(m.state, m.log, office))
    const notice = text(draftNotice(m.state, { profile: sonLaOffice, issueDate: '2026-06-24', calendar: emptyCalendar }))
    for (const phrase of Object.values(tallyPhrases)) {
      expect(minutes).toContain(`; ${phrase} 1`)
      expect(notice).toContain(`${phrase} 1 kiến nghị`)
    }
    // Not taken up at the meeting is "không xem xét" on every screen and in every document.
    expect(tallyPhrases.setAside).toBe(petitionStatusLabels.set_aside.toLocaleLowerCase('vi'))
    expect(hallStatusLabels.set_aside).toBe(petitionStatusLabels.set_aside)
    expect(countLabels.setAside).toBe(petitionStatusLabels.set_aside)
  })
})

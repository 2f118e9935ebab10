import { describe, expect, it } from 'vitest'
import { petitionOutcome, suggestedClosingConclusion, suggestedConclusion } from './outcome'
import { command, DomainHarness, testDirectory } from './test-helpers'

const economy = testDirectory.units[0]!.id
const deputy = testDirectory.officials[0]!.id

function withPetitions(n = 1) {
  const m = new DomainHarness()
  for (let i = 1; i <= n; i++) m.must(command('petition:record', { origin: i % 2 ? 'registered' : 'added', title: `Kiến nghị ${i}`, field: 'Đất đai' }))
  return m
}
const petition = (m: DomainHarness, no = 1) => m.state.petitions.find((p) => p.no === no)!

describe('petitionOutcome', () => {
  it('is null while nothing is decided', () => {
    const m = withPetitions()
    expect(petitionOutcome(petition(m))).toBeNull()
    m.must(command('petition:discuss', { petitionNo: 1 }))
    expect(petitionOutcome(petition(m))).toBeNull()
  })

  it('names who was assigned to answer before the answer is given', () => {
    const m = withPetitions()
    m.must(command('petition:assign-answerer', { petitionNo: 1, answerer: { kind: 'official', officialId: deputy } }))
    expect(petitionOutcome(petition(m))).toBe('Giao Phó Chủ tịch UBND xã Cầm Thị Hương trả lời')
  })

  it('says who answered in the meeting', () => {
    const m = withPetitions()
    m.must(command('petition:record-answer', { petitionNo: 1, answerer: { kind: 'chair' } }))
    expect(petitionOutcome(petition(m))).toBe('Đã trả lời tại hội nghị: Chủ tịch UBND xã Lò Văn Hùng')
  })

  it('gives the unit, the form and the deadline of a written answer', () => {
    const m = withPetitions()
    m.must(command('petition:commit-written-answer', { petitionNo: 1, unitId: economy, dueDate: '2026-07-15' }))
    expect(petitionOutcome(petition(m))).toBe('Giao Phòng Kinh tế trả lời bằng văn bản, hạn chậm nhất 15/07/2026')
    m.must(command('petition:reopen', { petitionNo: 1 }))
    m.must(command('petition:commit-written-answer', { petitionNo: 1, unitId: economy, dueDate: '2026-07-10', form: 'in_person' }))
    expect(petitionOutcome(petition(m))).toBe('Giao Phòng Kinh tế trả lời trực tiếp, hạn chậm nhất 10/07/2026')
  })

  it('names the body a petition was forwarded to', () => {
    const m = withPetitions()
    m.must(command('petition:forward', { petitionNo: 1, body: 'Tòa án nhân dân' }))
    expect(petitionOutcome(petition(m))).toBe('Vượt thẩm quyền: chuyển Tòa án nhân dân')
  })

  it('covers withdrawn and merged petitions', () => {
    const m = withPetitions(3)
    m.must(command('petition:withdraw', { petitionNo: 1 }))
    m.must(command('petition:merge', { petitionNo: 2, intoNo: 3 }))
    expect(petitionOutcome(petition(m, 1))).toBe('Người kiến nghị đã rút kiến nghị')
    expect(petitionOutcome(petition(m, 2))).toBe('Đã gộp vào KN 3')
  })
})

describe('suggestedConclusion', () => {
  it('is empty while the petition is open', () => {
    expect(suggestedConclusion(petition(withPetitions()))).toBe('')
  })

  it('builds the written-answer sentence the chair reads out', () => {
    const m = withPetitions()
    m.must(command('petition:commit-written-answer', { petitionNo: 1, unitId: economy, dueDate: '2026-07-15' }))
    expect(suggestedConclusion(petition(m))).toBe('Giao Phòng Kinh tế trả lời bằng văn bản, hạn chậm nhất 15/07/2026.')
  })

  it('includes the summary of an answer given in the room, once punctuated', () => {
    const m = withPetitions()
    m.must(command('petition:record-answer', { petitionNo: 1, summary: 'Sẽ sửa đường trong quý II.' }))
    expect(suggestedConclusion(petition(m))).toBe('Chủ tịch UBND xã Lò Văn Hùng đã trả lời trực tiếp tại hội nghị: Sẽ sửa đường trong quý II.')
  })

  it('answers by the assigned official when none is named at the answer', () => {
    const m = withPetitions()
    m.must(command('petition:assign-answerer', { petitionNo: 1, answerer: { kind: 'unit', unitId: economy } }))
    m.must(command('petition:record-answer', { petitionNo: 1 }))
    expect(suggestedConclusion(petition(m))).toBe('Phòng Kinh tế đã trả lời trực tiếp tại hội nghị.')
  })

  it('forwards to the named body', () => {
    const m = withPetitions()
    m.must(command('petition:forward', { petitionNo: 1, body: 'UBND tỉnh' }))
    expect(suggestedConclusion(petition(m))).toBe('Vượt thẩm quyền của cơ quan; chuyển UBND tỉnh xem xét, giải quyết theo quy định.')
  })
})

describe('suggestedClosingConclusion', () => {
  it('drafts a conclusion that repeats neither the tallies nor the commitments the documents state, and says what is still open', () => {
    const m = withPetitions(4)
    m.must(command('petition:record-answer', { petitionNo: 1 }))
    m.must(command('petition:commit-written-answer', { petitionNo: 2, unitId: economy, dueDate: '2026-07-15' }))
    m.must(command('petition:forward', { petitionNo: 3, body: 'Công an tỉnh' }))
    const lines = suggestedClosingConclusion(m.state).split('\n')
    expect(lines).toEqual([
      'Hội nghị diễn ra dân chủ, thẳng thắn, đúng chương trình, kế hoạch đề ra.',
      '- Các đơn vị được giao khẩn trương giải quyết, trả lời người kiến nghị đúng thời hạn.',
      'Còn 1 kiến nghị chưa được xem xét tại hội nghị.',
    ])
    expect(lines.join(' ')).not.toMatch(/tiếp nhận 4|KN 2|15\/07/)
  })

  it('has one line when everything was answered in the room', () => {
    const m = withPetitions(1)
    m.must(command('petition:record-answer', { petitionNo: 1 }))
    expect(suggestedClosingConclusion(m.state).split('\n')).toHaveLength(1)
  })
})

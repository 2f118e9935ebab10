import { describe, expect, it } from 'vitest'
import type { Petition } from '@shared/meeting/model'
import { petitionAnswerLine } from './petitionAnswer'
import { petitionRecord } from '../../testing/records'

const petition = (over: Partial<Petition>): Petition => petitionRecord(1, { field: 'Đất đai', title: 'Cấp giấy chứng nhận', recordedAt: '2026-06-19T08:00:00Z', ...over })

describe('the line under a petition on a public screen', () => {
  it('is empty until someone is asked to answer', () => {
    expect(petitionAnswerLine(petition({}))).toBeNull()
  })

  it('names who answers while it is discussed', () => {
    const line = petitionAnswerLine(petition({ status: 'discussing', answerer: { kind: 'unit', unitId: 'u', name: 'Phòng Kinh tế' } }))
    expect(line).toMatchObject({ label: 'Người trả lời', resolved: false })
    expect(line?.text).toContain('Phòng Kinh tế')
  })

  it('says what became of it once decided', () => {
    const line = petitionAnswerLine(petition({ status: 'forwarded', forwardedTo: 'UBND tỉnh' }))
    expect(line).toMatchObject({ label: 'Kết quả', resolved: true })
    expect(line?.text).toContain('UBND tỉnh')
  })
})

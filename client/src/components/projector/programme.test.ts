import { describe, expect, it } from 'vitest'
import { defaultProgramme } from '@shared/meeting/model'
import { programmeItemPhase, programmeItemStates, programmePhases } from './programme'

const items = (...titles: string[]) => titles.map((title) => ({ time: '', title }))

describe('programmePhases', () => {
  it('places the default programme in the meeting phases', () => {
    expect(programmePhases(defaultProgramme)).toEqual(['opening', 'opening', 'report', 'dialogue', 'conclusion'])
  })

  it('reads the wording of the plans in docs/seeds/', () => {
    expect(programmeItemPhase('Chào cờ, tuyên bố lý do')).toBe('opening')
    expect(programmeItemPhase('Đồng chí Chủ tịch UBND xã phát biểu khai mạc')).toBe('opening')
    expect(programmeItemPhase('Thông qua báo cáo tổng hợp ý kiến, kiến nghị')).toBe('report')
    expect(programmeItemPhase('Đại biểu phát biểu ý kiến')).toBe('dialogue')
    expect(programmeItemPhase('Chủ trì trả lời, phân công trả lời')).toBe('dialogue')
    expect(programmeItemPhase('Chủ trì phát biểu kết luận')).toBe('conclusion')
    expect(programmeItemPhase('BẾ MẠC HỘI NGHỊ')).toBe('closed')
    expect(programmeItemPhase('Giải lao')).toBeNull()
  })

  it('puts an item with no telling words with the one before it', () => {
    expect(programmePhases(items('Giải lao', 'Báo cáo kết quả', 'Giải lao', 'Đối thoại'))).toEqual(['opening', 'report', 'report', 'dialogue'])
  })

  it('matches decomposed Vietnamese text too', () => {
    expect(programmeItemPhase('Kết luận'.normalize('NFD'))).toBe('conclusion')
  })
})

describe('programmeItemStates', () => {
  it('marks earlier phases done and the current phase current', () => {
    expect(programmeItemStates(defaultProgramme, 'opening')).toEqual(['current', 'current', 'upcoming', 'upcoming', 'upcoming'])
    expect(programmeItemStates(defaultProgramme, 'dialogue')).toEqual(['done', 'done', 'done', 'current', 'upcoming'])
  })

  it('marks everything done once the meeting is closed', () => {
    expect(programmeItemStates(defaultProgramme, 'closed')).toEqual(['done', 'done', 'done', 'done', 'done'])
  })

  it('has no current item when the programme has none for the phase', () => {
    expect(programmeItemStates(items('Khai mạc', 'Đối thoại'), 'report')).toEqual(['done', 'upcoming'])
    expect(programmeItemStates([], 'dialogue')).toEqual([])
  })
})

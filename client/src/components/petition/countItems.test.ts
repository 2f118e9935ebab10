import { describe, expect, it } from 'vitest'
import type { PetitionCounts } from '@shared/meeting/selectors'
import { countItems, countParts } from './countItems'

const none: PetitionCounts = { registered: 0, added: 0, total: 0, answered: 0, writtenAnswer: 0, forwarded: 0, setAside: 0, withdrawnOrMerged: 0, pending: 0 }

describe('the petition counts every screen lists', () => {
  it('always shows answered in the room and pending, and the other parts once they count something', () => {
    expect(countParts(none).map((i) => i.label)).toEqual(['Trả lời tại hội nghị', 'Chưa xử lý'])
    const mixed = { ...none, registered: 5, added: 2, total: 7, answered: 2, writtenAnswer: 1, forwarded: 1, withdrawnOrMerged: 1, pending: 2 }
    expect(countParts(mixed).map((i) => `${i.label}: ${i.value}`)).toEqual([
      'Trả lời tại hội nghị: 2',
      'Giao trả lời sau: 1',
      'Chuyển cơ quan khác: 1',
      'Rút hoặc gộp: 1',
      'Chưa xử lý: 2',
    ])
  })

  it('lists parts that add up to the total, after registered and added kept apart', () => {
    const counts = { ...none, registered: 4, added: 3, total: 7, answered: 1, writtenAnswer: 2, setAside: 1, pending: 3 }
    const items = countItems(counts, { total: true })
    expect(items.slice(0, 3).map((i) => `${i.label}: ${i.value}`)).toEqual(['Kiến nghị đã đăng ký: 4', 'Kiến nghị bổ sung: 3', 'Tổng số kiến nghị: 7'])
    expect(countParts(counts).reduce((n, i) => n + i.value, 0)).toBe(counts.total)
    expect(countItems(counts).some((i) => i.key === 'total')).toBe(false)
  })
})

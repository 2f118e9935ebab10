import { describe, expect, it } from 'vitest'
import type { Petition } from '@shared/meeting/model'
import { canonicalField, emptyFilter, fieldSuggestions, filterPetitions, foldVi, isFiltering, NO_FIELD, usedFields } from './petitionFilter'
import { petitionRecord as petition } from '../../testing/records'


const list = [
  petition(1, { field: 'Đất đai', title: 'Cấp giấy chứng nhận quyền sử dụng đất', petitionerName: 'Cầm Văn Thanh' }),
  petition(2, { field: 'Giao thông', title: 'Sửa đường vào bản Hẻo', origin: 'added', status: 'answered' }),
  petition(3, { field: 'đất đai', title: 'Tranh chấp ranh giới', status: 'discussing', content: 'Hộ ông Lò Văn Ún lấn chiếm' }),
  petition(4, { field: '', title: 'Thái độ tiếp công dân', status: 'written_answer', origin: 'added' }),
  petition(12, { field: 'Y tế', title: 'Trạm y tế', status: 'withdrawn' }),
]
const nos = (ps: Petition[]) => ps.map((p) => p.no)

describe('foldVi', () => {
  it('ignores case, diacritics, đ and the Unicode form', () => {
    expect(foldVi('ĐẤT ĐAI')).toBe('dat dai')
    expect(foldVi('Đất đai'.normalize('NFD'))).toBe('dat dai')
    expect(foldVi('  Chế   độ  ')).toBe('che do')
  })
})

describe('filterPetitions', () => {
  it('keeps everything with the empty filter', () => {
    expect(nos(filterPetitions(list, emptyFilter()))).toEqual([1, 2, 3, 4, 12])
    expect(isFiltering(emptyFilter())).toBe(false)
  })

  it('filters by status, open/resolved, origin and field (spelling variants together)', () => {
    expect(nos(filterPetitions(list, { ...emptyFilter(), status: 'answered' }))).toEqual([2])
    expect(nos(filterPetitions(list, { ...emptyFilter(), status: 'open' }))).toEqual([1, 3])
    expect(nos(filterPetitions(list, { ...emptyFilter(), status: 'resolved' }))).toEqual([2, 4, 12])
    expect(nos(filterPetitions(list, { ...emptyFilter(), origin: 'added' }))).toEqual([2, 4])
    expect(nos(filterPetitions(list, { ...emptyFilter(), field: 'Đất đai' }))).toEqual([1, 3])
    expect(nos(filterPetitions(list, { ...emptyFilter(), field: NO_FIELD }))).toEqual([4])
    expect(nos(filterPetitions(list, { ...emptyFilter(), origin: 'added', status: 'open' }))).toEqual([])
  })

  it('searches title, content and names without diacritics, every word', () => {
    expect(nos(filterPetitions(list, { ...emptyFilter(), query: 'duong ban heo' }))).toEqual([2])
    expect(nos(filterPetitions(list, { ...emptyFilter(), query: 'lo van un' }))).toEqual([3])
    expect(nos(filterPetitions(list, { ...emptyFilter(), query: 'Cầm' }))).toEqual([1])
    expect(nos(filterPetitions(list, { ...emptyFilter(), query: 'đất giấy' }))).toEqual([1])
    expect(nos(filterPetitions(list, { ...emptyFilter(), query: 'không có' }))).toEqual([])
  })

  it('finds a petition by its number: "12", "KN 12", "kn12", "#12"', () => {
    for (const q of ['12', 'KN 12', 'kn12', '#12']) expect(nos(filterPetitions(list, { ...emptyFilter(), query: q }))).toEqual([12])
  })
})

describe('field suggestions', () => {
  it('counts spelling variants as one field, written as first typed, most used first', () => {
    expect(usedFields(list)).toEqual([
      { field: 'Đất đai', count: 2 },
      { field: 'Giao thông', count: 1 },
      { field: 'Y tế', count: 1 },
    ])
  })

  it('offers used fields first, then the common ones not used yet', () => {
    const s = fieldSuggestions(list, ['Y tế', 'Giáo dục', 'đất đai'])
    expect(s).toEqual(['Đất đai', 'Giao thông', 'Y tế', 'Giáo dục'])
    expect(fieldSuggestions([], ['Đất đai'])).toEqual(['Đất đai'])
  })

  it('rewrites a typed field to the spelling in use', () => {
    expect(canonicalField('dat dai', list)).toBe('Đất đai')
    expect(canonicalField('  Môi trường ', list)).toBe('Môi trường')
    expect(canonicalField('', list)).toBe('')
  })
})

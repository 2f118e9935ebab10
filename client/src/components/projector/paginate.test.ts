import { describe, expect, it } from 'vitest'
import { emptyMeetingState } from '@shared/meeting/model'
import { petitionsByField } from '@shared/meeting/selectors'
import { nextPage, paginatePetitions, rowsThatFit, type PetitionRow } from './paginate'
import { petitionRecord } from '../../testing/records'

const petition = (no: number, field: string) => petitionRecord(no, { field })

const describeRow = (r: PetitionRow) => (r.kind === 'field' ? `# ${r.field}${r.continued ? ' (tiếp)' : ''}` : `KN ${r.petition.no}`)
const layout = (pages: PetitionRow[][]) => pages.map((p) => p.map(describeRow))

describe('paginatePetitions', () => {
  it('keeps everything on one page when it fits', () => {
    const groups = [
      { field: 'Đất đai', petitions: [petition(1, 'Đất đai'), petition(2, 'Đất đai')] },
      { field: 'Y tế', petitions: [petition(3, 'Y tế')] },
    ]
    expect(layout(paginatePetitions(groups, 10))).toEqual([['# Đất đai', 'KN 1', 'KN 2', '# Y tế', 'KN 3']])
  })

  it('repeats the heading of a field continued on the next page', () => {
    const groups = [{ field: 'Đất đai', petitions: [1, 2, 3, 4, 5].map((n) => petition(n, 'Đất đai')) }]
    expect(layout(paginatePetitions(groups, 3))).toEqual([
      ['# Đất đai', 'KN 1', 'KN 2'],
      ['# Đất đai (tiếp)', 'KN 3', 'KN 4'],
      ['# Đất đai (tiếp)', 'KN 5'],
    ])
  })

  it('never leaves a heading alone at the bottom of a page', () => {
    const groups = [
      { field: 'Giao thông', petitions: [petition(1, 'Giao thông'), petition(2, 'Giao thông')] },
      { field: 'Y tế', petitions: [petition(3, 'Y tế')] },
    ]
    expect(layout(paginatePetitions(groups, 4))).toEqual([['# Giao thông', 'KN 1', 'KN 2'], ['# Y tế', 'KN 3']])
  })

  it('fills pages exactly and loses no petition with 35 petitions over 6 fields', () => {
    const state = emptyMeetingState('m')
    const fields = ['Đất đai', 'Giao thông', 'Y tế', 'Giáo dục', 'Chính sách xã hội', '']
    state.petitions = Array.from({ length: 35 }, (_, i) => petition(i + 1, fields[i % fields.length]!))
    const pages = paginatePetitions(petitionsByField(state), 12)
    for (const page of pages) {
      expect(page.length).toBeLessThanOrEqual(12)
      expect(page[0]?.kind).toBe('field')
      expect(page.at(-1)?.kind).toBe('petition')
    }
    const shown = pages.flat().flatMap((r) => (r.kind === 'petition' ? [r.petition.no] : []))
    expect(shown.sort((a, b) => a - b)).toEqual(state.petitions.map((p) => p.no))
    expect(pages.flat().some((r) => r.kind === 'field' && r.field === 'Lĩnh vực khác')).toBe(true)
  })

  it('has no pages without petitions, and skips empty groups', () => {
    expect(paginatePetitions([], 10)).toEqual([])
    expect(paginatePetitions([{ field: 'Đất đai', petitions: [] }], 10)).toEqual([])
  })

  it('treats a tiny page as two rows rather than looping or dropping petitions', () => {
    const groups = [{ field: 'Đất đai', petitions: [petition(1, 'Đất đai'), petition(2, 'Đất đai')] }]
    expect(layout(paginatePetitions(groups, 0))).toEqual([
      ['# Đất đai', 'KN 1'],
      ['# Đất đai (tiếp)', 'KN 2'],
    ])
  })
})

describe('rowsThatFit', () => {
  it('counts whole rows, at least two', () => {
    expect(rowsThatFit(700, 68)).toBe(10)
    expect(rowsThatFit(680, 68)).toBe(10)
    expect(rowsThatFit(50, 68)).toBe(2)
    expect(rowsThatFit(0, 0)).toBe(2)
    expect(rowsThatFit(Number.NaN, 10)).toBe(2)
  })
})

describe('nextPage', () => {
  it('turns and wraps around', () => {
    expect(nextPage(0, 3)).toBe(1)
    expect(nextPage(2, 3)).toBe(0)
    expect(nextPage(5, 3)).toBe(0)
    expect(nextPage(0, 0)).toBe(0)
  })
})

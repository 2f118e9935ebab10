import type { Petition, PetitionOrigin, PetitionStatus } from '@shared/meeting/model'
import { isOpen, isResolved } from '@shared/meeting/selectors'

// The console's petition list: filters, quick search and the field (lĩnh vực) suggestions. Pure, so
// they are tested without a browser.

/**
 * Folds Vietnamese for search: NFC or NFD input, any case, with or without diacritics, so "dat dai",
 * "ĐẤT ĐAI" and "đất đai" all find "Đất đai". "đ" has no decomposition and is mapped by hand.
 */
export function foldVi(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
}

export type StatusFilter = 'all' | 'open' | 'resolved' | PetitionStatus

export interface PetitionFilter {
  status: StatusFilter
  origin: 'all' | PetitionOrigin
  /** '' for every field; NO_FIELD for petitions without one. */
  field: string
  query: string
}

export const NO_FIELD = '\u0000none'

export const emptyFilter = (): PetitionFilter => ({ status: 'all', origin: 'all', field: '', query: '' })

export const isFiltering = (f: PetitionFilter): boolean => f.status !== 'all' || f.origin !== 'all' || f.field !== '' || f.query.trim() !== ''

function matchesStatus(p: Petition, status: StatusFilter): boolean {
  if (status === 'all') return true
  if (status === 'open') return isOpen(p)
  if (status === 'resolved') return isResolved(p)
  return p.status === status
}

/** "KN 3", "kn3", "#3" or "3" look a petition up by its number. */
function numberQuery(query: string): number | null {
  const m = /^(?:kn\s*|#)?(\d+)$/i.exec(query.trim())
  return m ? Number(m[1]) : null
}

export function matchesQuery(p: Petition, query: string): boolean {
  const q = foldVi(query)
  if (!q) return true
  const no = numberQuery(q)
  if (no !== null && p.no === no) return true
  const haystack = foldVi([p.title, p.field, p.content, p.petitionerName ?? '', p.petitionerAddress ?? '', p.forwardedTo, p.conclusion].join(' \u0001 '))
  return q.split(' ').every((word) => haystack.includes(word))
}

export function filterPetitions(petitions: readonly Petition[], f: PetitionFilter): Petition[] {
  const field = f.field === NO_FIELD ? '' : foldVi(f.field)
  return petitions.filter(
    (p) =>
      matchesStatus(p, f.status) &&
      (f.origin === 'all' || p.origin === f.origin) &&
      (f.field === '' || foldVi(p.field) === field) &&
      matchesQuery(p, f.query),
  )
}

/** The fields used in this meeting, most used first (ties: first used first), each once. */
export function usedFields(petitions: readonly Petition[]): { field: string; count: number }[] {
  const byKey = new Map<string, { field: string; count: number; first: number }>()
  petitions.forEach((p, index) => {
    const field = p.field.normalize('NFC').trim()
    if (!field) return
    const key = foldVi(field)
    const seen = byKey.get(key)
    if (seen) seen.count += 1
    else byKey.set(key, { field, count: 1, first: index })
  })
  return [...byKey.values()].sort((a, b) => b.count - a.count || a.first - b.first).map(({ field, count }) => ({ field, count }))
}

/** Common fields in the offices' petition reports (docs/seeds/), offered after the ones already used. */
export const commonFields = [
  'Đất đai',
  'Chế độ chính sách',
  'Tổ chức cán bộ',
  'Xây dựng',
  'Tài nguyên và môi trường',
  'Giao thông',
  'Nông nghiệp',
  'Y tế',
  'Giáo dục',
  'Văn hóa - xã hội',
  'An ninh trật tự',
  'Thủ tục hành chính',
] as const

/**
 * Suggestions for the field box: fields already used in this meeting (most used first), then the
 * common ones not yet used. Spelling variants ("đất đai" vs "Đất đai") count as one field, written
 * as it was first typed, so the list nudges everyone to the same spelling.
 */
export function fieldSuggestions(petitions: readonly Petition[], common: readonly string[] = commonFields): string[] {
  const used = usedFields(petitions).map((u) => u.field)
  const seen = new Set(used.map(foldVi))
  return [...used, ...common.filter((c) => !seen.has(foldVi(c)))]
}

/** The spelling already in use for a field typed differently, so "dat dai" is saved as "Đất đai". */
export function canonicalField(typed: string, petitions: readonly Petition[]): string {
  const key = foldVi(typed)
  if (!key) return typed.trim()
  return usedFields(petitions).find((u) => foldVi(u.field) === key)?.field ?? typed.trim()
}

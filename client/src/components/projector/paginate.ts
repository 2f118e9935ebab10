import type { Petition } from '@shared/meeting/model'

// The projector cannot scroll: a long list of petitions is cut into pages that turn by themselves.
// A page holds a fixed number of equal rows (the view measures how many fit). A field's heading
// takes a row; a heading is never left alone at the bottom of a page, and a field that goes on over
// a page break repeats its heading, marked as continued, at the top of the next page.

export type PetitionRow =
  | { kind: 'field'; field: string; count: number; continued: boolean }
  | { kind: 'petition'; petition: Petition }

export function paginatePetitions(groups: readonly { field: string; petitions: readonly Petition[] }[], rowsPerPage: number): PetitionRow[][] {
  // Two rows at least: a heading and one petition.
  const size = Math.max(2, Math.floor(rowsPerPage))
  const pages: PetitionRow[][] = []
  let page: PetitionRow[] = []
  const flush = () => {
    if (page.length) pages.push(page)
    page = []
  }
  for (const group of groups) {
    if (!group.petitions.length) continue
    // The heading needs a petition under it on the same page.
    if (page.length + 2 > size) flush()
    page.push({ kind: 'field', field: group.field, count: group.petitions.length, continued: false })
    for (const petition of group.petitions) {
      if (page.length >= size) {
        flush()
        page.push({ kind: 'field', field: group.field, count: group.petitions.length, continued: true })
      }
      page.push({ kind: 'petition', petition })
    }
  }
  flush()
  return pages
}

/** How many rows of `rowPx` fit in `heightPx` (at least 2, so a page is never empty). */
export function rowsThatFit(heightPx: number, rowPx: number): number {
  if (!(heightPx > 0) || !(rowPx > 0)) return 2
  return Math.max(2, Math.floor(heightPx / rowPx + 1e-6))
}

/** The page to show after `page` when there are `count`; wraps around, and is 0 when out of range. */
export function nextPage(page: number, count: number): number {
  return count > 0 ? (page + 1) % count : 0
}

import type { ConclusionLine } from '@shared/meeting/hall'

// The chair's conclusions on the hall screen, which cannot scroll: the closing conclusion on a page
// of its own (when there is one), then the petitions' conclusions a few to a page. The pages turn
// by themselves.
export type ConclusionPage = { kind: 'closing'; text: string } | { kind: 'petitions'; lines: ConclusionLine[] }

export function conclusionPages(closingText: string, lines: readonly ConclusionLine[], perPage: number): ConclusionPage[] {
  const size = Math.max(1, Math.floor(perPage))
  const pages: ConclusionPage[] = []
  if (closingText.trim()) pages.push({ kind: 'closing', text: closingText.trim() })
  for (let i = 0; i < lines.length; i += size) pages.push({ kind: 'petitions', lines: lines.slice(i, i + size) })
  return pages
}

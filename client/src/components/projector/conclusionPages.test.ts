import { describe, expect, it } from 'vitest'
import type { ConclusionLine } from '@shared/meeting/hall'
import { conclusionPages } from './conclusionPages'

const line = (no: number): ConclusionLine => ({ no, label: `KN ${no}`, origin: 'registered', field: '', title: `Kiến nghị ${no}`, status: 'answered', outcome: null, conclusion: '' })

describe('the conclusion pages on the hall screen', () => {
  it('puts the chair’s closing conclusion first, then the petitions a few to a page, none left out', () => {
    const pages = conclusionPages('  Hội nghị diễn ra dân chủ.  ', [1, 2, 3, 4, 5, 6, 7].map(line), 3)
    expect(pages.map((p) => (p.kind === 'closing' ? p.text : p.lines.map((l) => l.no).join(',')))).toEqual(['Hội nghị diễn ra dân chủ.', '1,2,3', '4,5,6', '7'])
  })

  it('has no empty page: no closing text, no petitions', () => {
    expect(conclusionPages('', [], 3)).toEqual([])
    expect(conclusionPages(' ', [line(1)], 0)).toEqual([{ kind: 'petitions', lines: [line(1)] }])
  })
})

import type { MeetingState, Petition } from './model'

// One rule for a confidential petition (a denunciation, a sensitive matter) wherever the public
// can read: the projector, attendees' phones, published documents, lists beyond the secretary and
// the chair. In a small office its subject, its content, the answer given or a summary can name
// the person as surely as the name itself (Luật Tố cáo 2018, Điều 9 and 56), so the public sees it
// by its number and field only. The internal record (the secretary's console, the chair's tablet,
// the minutes) keeps everything.

/** How a confidential petition is named where the public can read; other petitions by their title. */
export function publicPetitionTitle(p: Pick<Petition, 'no' | 'field' | 'title' | 'confidential'>): string {
  if (!p.confidential) return p.title
  return `Kiến nghị số ${p.no} (bảo mật${p.field ? `, lĩnh vực ${p.field}` : ''})`
}

/**
 * The names and the places (address, village, unit) of the people behind this meeting's
 * confidential petitions: their petitioners, and the speakers who raised them. A name typed into a
 * summary or an answer gives the person away; a place may (a village of a few households), or may
 * be there for another reason (a road in that village), which the secretary can say. Longest first,
 * so a full name is reported rather than a part of it.
 */
export function protectedIdentities(state: MeetingState): { names: string[]; places: string[] } {
  const names = new Set<string>()
  const places = new Set<string>()
  const add = (into: Set<string>, text: string | null | undefined) => {
    const t = text?.trim()
    if (t && [...t].length >= 3) into.add(t)
  }
  for (const p of state.petitions.filter((x) => x.confidential)) {
    add(names, p.petitionerName)
    add(places, p.petitionerAddress)
    for (const s of state.speakers.filter((x) => x.petitionNos.includes(p.no))) {
      add(names, s.name)
      add(places, s.unit)
    }
  }
  const longestFirst = (a: string, b: string) => b.length - a.length
  return { names: [...names].sort(longestFirst), places: [...places].filter((p) => !names.has(p)).sort(longestFirst) }
}

const comparable = (s: string) => s.normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/g, ' ')

/** Which of `identities` appear in `text` (case and spacing aside), each once. */
export function identitiesIn(text: string, identities: readonly string[]): string[] {
  const haystack = comparable(text)
  const hits: string[] = []
  for (const identity of identities) {
    const needle = comparable(identity)
    if (haystack.includes(needle) && !hits.some((h) => comparable(h).includes(needle))) hits.push(identity)
  }
  return hits
}

/**
 * The chair's closing conclusion as the hall may read it: the whole text, or nothing while it names
 * a confidential petitioner or their place (the secretary corrects the text; the hall never sees it
 * half-masked). `state` is the full state, whose confidential identities are known.
 */
export function publicClosingConclusion(text: string, state: MeetingState): string {
  if (!text) return text
  const { names, places } = protectedIdentities(state)
  return identitiesIn(text, [...names, ...places]).length ? '' : text
}

import type { MeetingState } from '../meeting/model'
import { formatDateVi } from '../meeting/selectors'
import type { AdministrativeDocument } from './model'

/**
 * Lower-cases the first letter so a title reads inside a sentence ("Đường vào bản" → "đường vào
 * bản"), but leaves acronyms and proper names that start a title alone ("UBND xã", "Sở Y tế" keeps
 * "Sở" only when the second letter is upper-case too, so we only touch a capitalised ordinary word).
 */
export function inSentence(s: string): string {
  const [first, second] = [...s]
  if (!first || (second && second === second.toUpperCase() && second !== second.toLowerCase())) return s
  return first.toLowerCase() + s.slice(first.length)
}

/** All the words of a document, as a reader sees them: to search it for what must not be there. */
export function documentText(doc: AdministrativeDocument): string {
  return [
    doc.title,
    doc.summary,
    ...doc.body.map((b) => ('text' in b ? b.text : b.rows.map((r) => r.join(' ')).join('\n'))),
    ...doc.recipients,
    ...doc.signatures.flatMap((s) => [s.authority, s.position, s.name]),
  ].join('\n')
}

// "hạn chậm nhất ngày 18/12/2026 (7 ngày làm việc kể từ ngày ban hành Thông báo này)".
const ruleDeadline = /hạn chậm nhất ngày (\d{2}\/\d{2}\/\d{4}) \((\d+) ngày làm việc kể từ ngày ban hành Thông báo này\)/g

/**
 * The notice as issued states each deadline that counts from its issue as the log fixed it: every
 * "hạn chậm nhất ngày … (N ngày làm việc kể từ ngày ban hành Thông báo này)" gets the date of the
 * commitments that count N working days from the first issue. Whatever else the secretary wrote
 * stays as written.
 */
export function withIssuedDeadlines(doc: AdministrativeDocument, state: MeetingState): AdministrativeDocument {
  const byDays = new Map<number, string>()
  for (const p of state.petitions) {
    const c = p.writtenAnswer
    if (p.status === 'written_answer' && c?.dueRule && !byDays.has(c.dueRule.workingDays)) byDays.set(c.dueRule.workingDays, c.dueDate)
  }
  const fix = (text: string) =>
    text.replace(ruleDeadline, (phrase, _date: string, days: string) => {
      const due = byDays.get(Number(days))
      return due ? phrase.replace(/\d{2}\/\d{2}\/\d{4}/, formatDateVi(due)) : phrase
    })
  return { ...doc, body: doc.body.map((b) => ('text' in b ? { ...b, text: fix(b.text) } : b)) }
}

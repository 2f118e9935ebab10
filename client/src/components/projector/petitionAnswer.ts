import { answererLabel } from '@shared/meeting/answerers'
import type { Petition } from '@shared/meeting/model'
import { petitionOutcome } from '@shared/meeting/outcome'
import { isResolved } from '@shared/meeting/selectors'
import { projectorText } from '../../i18n/projector'

// What a public screen says under a petition: what became of it once decided (answered, a unit to
// answer by a date, forwarded), else who has been asked to answer; null while nobody has.
export interface PetitionAnswerLine {
  label: string
  text: string
  resolved: boolean
}

export function petitionAnswerLine(p: Petition): PetitionAnswerLine | null {
  if (isResolved(p)) return { label: projectorText.outcome, text: petitionOutcome(p) ?? projectorText.status[p.status], resolved: true }
  if (p.answerer) return { label: projectorText.answerer, text: answererLabel(p.answerer), resolved: false }
  return null
}

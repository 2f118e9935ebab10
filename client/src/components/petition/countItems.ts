import { petitionCountParts, type PetitionCountPart, type PetitionCounts } from '@shared/meeting/selectors'
import { countLabels } from '../../i18n/hallScreen'

// The petition counts as every screen lists them (console, tablet, projector, phone): the same
// parts, in the same order, with the same words. Answered in the room and still pending always show;
// the other parts only once they count something, so what is shown always adds up to the total.
export type CountKey = 'registered' | 'added' | 'total' | PetitionCountPart

export interface CountItem {
  key: CountKey
  label: string
  value: number
}

const alwaysShown: readonly PetitionCountPart[] = ['answered', 'pending']

/** The outcome parts to show, in order. */
export function countParts(counts: PetitionCounts): CountItem[] {
  return petitionCountParts
    .filter((part) => alwaysShown.includes(part) || counts[part] > 0)
    .map((part) => ({ key: part, label: countLabels[part], value: counts[part] }))
}

/** Registered and added (kept distinct on every screen), then the outcome parts. */
export function countItems(counts: PetitionCounts, options: { total?: boolean } = {}): CountItem[] {
  const origins: CountItem[] = [
    { key: 'registered', label: countLabels.registered, value: counts.registered },
    { key: 'added', label: countLabels.added, value: counts.added },
  ]
  if (options.total) origins.push({ key: 'total', label: countLabels.total, value: counts.total })
  return [...origins, ...countParts(counts)]
}

import type { Petition } from '@shared/meeting/model'
import { isResolved } from '@shared/meeting/selectors'

// Which of the chair's petition actions the console offers for a petition, mirroring the domain's
// rules (shared/meeting/decide-petitions.ts): decisions only while a petition is open; conclusion and
// reopening once it has an outcome. The server still decides; this only keeps the menu honest.
export type PetitionAction =
  | 'edit'
  | 'discuss'
  | 'assign'
  | 'answer'
  | 'commit'
  | 'forward'
  | 'withdraw'
  | 'merge'
  | 'conclude'
  | 'reopen'
  | 'prepare'
  | 'set-aside'

export function petitionActions(p: Petition, opts: { currentPetitionNo: number | null; closed: boolean; petitionCount: number }): PetitionAction[] {
  // After the meeting closes the record may still be completed, not changed (decide.ts).
  if (opts.closed) return p.origin === 'registered' ? ['prepare'] : []
  const actions: PetitionAction[] = ['edit']
  if (!isResolved(p)) {
    if (!(p.status === 'discussing' && opts.currentPetitionNo === p.no)) actions.push('discuss')
    actions.push('assign', 'answer', 'commit', 'forward', 'set-aside', 'withdraw')
    if (opts.petitionCount > 1) actions.push('merge')
  } else {
    actions.push('conclude', 'reopen')
  }
  if (p.origin === 'registered') actions.push('prepare')
  return actions
}

/** Actions that act at once; the others open a small form first. */
export const immediateActions: readonly PetitionAction[] = ['discuss', 'withdraw', 'reopen']

/** Petitions this one may be merged into: any other that is not itself merged. */
export function mergeTargets(p: Petition, petitions: readonly Petition[]): Petition[] {
  return petitions.filter((x) => x.no !== p.no && x.status !== 'merged')
}

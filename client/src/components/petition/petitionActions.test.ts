import { describe, expect, it } from 'vitest'
import type { Petition } from '@shared/meeting/model'
import { mergeTargets, petitionActions } from './petitionActions'

const base = { no: 1, origin: 'registered', status: 'waiting' } as Petition
const opts = { currentPetitionNo: null, closed: false, petitionCount: 3 }

describe('petitionActions', () => {
  it('offers the decisions while a petition is open, and prepared answers for registered ones', () => {
    expect(petitionActions(base, opts)).toEqual(['edit', 'discuss', 'assign', 'answer', 'commit', 'forward', 'set-aside', 'withdraw', 'merge', 'prepare'])
  })

  it('does not offer to discuss the petition already under discussion, nor merge the only one', () => {
    const p = { ...base, status: 'discussing' } as Petition
    expect(petitionActions(p, { ...opts, currentPetitionNo: 1, petitionCount: 1 })).toEqual(['edit', 'assign', 'answer', 'commit', 'forward', 'set-aside', 'withdraw', 'prepare'])
  })

  it('offers conclusion and reopening once resolved; no prepared answers for added ones', () => {
    const p = { ...base, origin: 'added', status: 'answered' } as Petition
    expect(petitionActions(p, opts)).toEqual(['edit', 'conclude', 'reopen'])
  })

  it('only completes the record after the meeting closed', () => {
    expect(petitionActions(base, { ...opts, closed: true })).toEqual(['prepare'])
    expect(petitionActions({ ...base, origin: 'added' } as Petition, { ...opts, closed: true })).toEqual([])
  })
})

describe('mergeTargets', () => {
  it('excludes the petition itself and merged ones', () => {
    const ps = [base, { ...base, no: 2, status: 'merged' }, { ...base, no: 3, status: 'answered' }] as Petition[]
    expect(mergeTargets(base, ps).map((p) => p.no)).toEqual([3])
  })
})

import { fail, ok, type Result } from '../errors'
import { unitName, type Directory } from '../directory'
import type { AnswererRef } from './commands'
import type { Answerer, MeetingState } from './model'

/** Resolves a directory reference to the names the record keeps. */
export function resolveAnswerer(ref: AnswererRef, state: MeetingState, directory: Directory): Result<Answerer> {
  switch (ref.kind) {
    case 'chair':
      return ok({ kind: 'chair', name: state.details.chairName || 'Chủ trì hội nghị', title: state.details.chairTitle })
    case 'official': {
      const official = directory.officials.find((o) => o.id === ref.officialId)
      if (!official) return fail('OFFICIAL_NOT_FOUND')
      return ok({ kind: 'official', officialId: official.id, name: official.name, title: official.title, unitName: unitName(directory, official.unitId) })
    }
    case 'unit': {
      const unit = directory.units.find((u) => u.id === ref.unitId)
      if (!unit) return fail('UNIT_NOT_FOUND')
      return ok({ kind: 'unit', unitId: unit.id, name: unit.name })
    }
  }
}

export function answererLabel(a: Answerer): string {
  switch (a.kind) {
    case 'chair':
      return a.title ? `${a.title} ${a.name}` : a.name
    case 'official':
      return [a.title, a.name].filter(Boolean).join(' ') + (a.unitName ? ` (${a.unitName})` : '')
    case 'unit':
      return a.name
  }
}

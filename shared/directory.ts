import { z } from 'zod'
import { optionalText, requiredText } from './text'

// The office's directory of units (phòng, ban, đơn vị) and officials, from which the chair picks
// who answers. Office-level data, edited outside any meeting; assignments copy the names into the
// meeting log so the record never changes when the directory does.
export interface DirectoryUnit {
  id: string
  name: string
}

export interface DirectoryOfficial {
  id: string
  name: string
  /** Chức vụ, e.g. "Phó Chủ tịch UBND xã". */
  title: string
  /** The unit they belong to, or null for the office's leadership. */
  unitId: string | null
}

export interface Directory {
  units: DirectoryUnit[]
  officials: DirectoryOfficial[]
}

export const emptyDirectory: Directory = { units: [], officials: [] }

export const unitInputSchema = z.strictObject({ name: requiredText(200) })
export const officialInputSchema = z.strictObject({
  name: requiredText(120),
  title: optionalText(200),
  unitId: z.uuid().nullable().default(null),
})
export type UnitInput = z.input<typeof unitInputSchema>
export type OfficialInput = z.input<typeof officialInputSchema>

export function unitName(directory: Directory, unitId: string | null): string {
  return directory.units.find((u) => u.id === unitId)?.name ?? ''
}

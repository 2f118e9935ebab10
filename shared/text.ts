import { z } from 'zod'

// Vietnamese can be typed precomposed (NFC, "ệ" as one code point) or decomposed (NFD, "e" + two
// combining marks, as some macOS and mobile keyboards send it). Both look the same but compare and
// search differently, so every text is stored in NFC. Lengths are checked after normalising.
export const toNfc = (s: string): string => s.normalize('NFC')

/** A required single-line text: trimmed, NFC, 1..max characters. */
export const requiredText = (max: number) => z.string().trim().normalize('NFC').min(1).max(max)

/** An optional text that defaults to the empty string. */
export const optionalText = (max: number) => z.string().trim().normalize('NFC').max(max).default('')

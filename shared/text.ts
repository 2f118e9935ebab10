import { z } from 'zod'

// Vietnamese can be typed precomposed (NFC, "ệ" as one code point) or decomposed (NFD, "e" + two
// combining marks, as some macOS and mobile keyboards send it). Both look the same but compare and
// search differently, so every text is stored in NFC. Lengths are checked after normalising.

/**
 * What no text may hold: NUL (PostgreSQL cannot store it) and a lone UTF-16 surrogate (not a
 * character at all: it cannot be written as UTF-8, and jsonb refuses its escape). Such input is
 * refused as a whole (see validation.ts), never silently changed.
 */
export const unstorableText = /\0|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

// Control characters that text pasted from Word or a PDF brings along, invisible on screen and not
// allowed in the XML of a .docx (Word would refuse to open the minutes). Tab and line breaks stay;
// a vertical tab or form feed (Word's manual line and page breaks) becomes a line break.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const invisibleControls = /[\x01-\x08\x0E-\x1F\x7F-\x9F\uFFFE\uFFFF]/g
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const breakControls = /[\x0B\x0C]/g
// Trimmed like spaces: format characters (zero-width space, joiners, BOM, soft hyphen) at either end.
const edges = /^[\s\p{Cf}]+|[\s\p{Cf}]+$/gu
/** A name or title must show something: a letter, a digit, punctuation or a symbol. */
const visible = /[\p{L}\p{N}\p{P}\p{S}]/u

/** Text as stored: NFC, without invisible control characters, trimmed of spaces and format characters. */
export function cleanText(s: string): string {
  return s.replace(breakControls, '\n').replace(invisibleControls, '').normalize('NFC').replace(edges, '')
}

/** Whether a person would see anything in it: zero-width characters alone are not a name. */
export const hasVisibleText = (s: string): boolean => visible.test(s)

/** Cleaned text of at most `max` characters (after cleaning), possibly empty; no default. */
export const cleanedText = (max: number) => z.string().overwrite(cleanText).max(max)

/** A required single-line text: cleaned (see cleanText), 1..max characters, something visible in it. */
export const requiredText = (max: number) => cleanedText(max).refine(hasVisibleText, { message: 'Không được để trống.', abort: true })

/** An optional text that defaults to the empty string. */
export const optionalText = (max: number) => cleanedText(max).default('')

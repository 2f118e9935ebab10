import type { AdministrativeDocument, DocumentBlock, SignatureBlock } from '@shared/documents/model'

// The draft as the secretary edits it: the body as a list with stable ids (so a moved textarea keeps
// its focus and text), the recipients as one text box, one line each. Pure, tested in blocks.test.ts.

export type TextBlockKind = 'heading' | 'subheading' | 'paragraph' | 'bullet'
export const textBlockKinds: readonly TextBlockKind[] = ['heading', 'subheading', 'paragraph', 'bullet']

export interface EditableBlock {
  id: number
  block: DocumentBlock
}

export interface DocumentForm {
  number: string
  date: string
  summary: string
  body: EditableBlock[]
  recipients: string
  signatures: SignatureBlock[]
}

let nextId = 1
export const newBlockId = (): number => nextId++

export function toForm(doc: AdministrativeDocument): DocumentForm {
  return {
    number: doc.number,
    date: doc.date,
    summary: doc.summary,
    body: doc.body.map((block) => ({ id: newBlockId(), block: JSON.parse(JSON.stringify(block)) as DocumentBlock })),
    recipients: recipientsToText(doc.recipients),
    signatures: doc.signatures.map((s) => ({ ...s })),
  }
}

/** The document to save: the loaded draft with the edited parts put back. */
export function fromForm(base: AdministrativeDocument, form: DocumentForm): AdministrativeDocument {
  return {
    ...base,
    number: form.number.trim(),
    date: form.date,
    summary: form.summary,
    body: form.body.map((b) => b.block),
    recipients: recipientsFromText(form.recipients),
    signatures: form.signatures.map((s) => ({ ...s })),
  }
}

export const recipientsToText = (recipients: readonly string[]): string => recipients.join('\n')

/** One recipient a line; a leading "- " (as printed) is dropped, blank lines are ignored. */
export function recipientsFromText(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim().replace(/^[-–•]\s*/, '').trim())
    .filter(Boolean)
}

export function emptyBlock(kind: TextBlockKind): DocumentBlock {
  return { kind, text: '' }
}

/** A copy of the list with `item` inserted at `index` (clamped to the list). */
export function insertAt<T>(list: readonly T[], index: number, item: T): T[] {
  const at = Math.max(0, Math.min(list.length, index))
  return [...list.slice(0, at), item, ...list.slice(at)]
}

/** A copy of the list without the item at `index` (unchanged when out of range). */
export function removeAt<T>(list: readonly T[], index: number): T[] {
  if (index < 0 || index >= list.length) return [...list]
  return [...list.slice(0, index), ...list.slice(index + 1)]
}

/** A copy with the item at `index` moved by `delta` places; unchanged when it would leave the list. */
export function moveBy<T>(list: readonly T[], index: number, delta: number): T[] {
  const to = index + delta
  if (index < 0 || index >= list.length || to < 0 || to >= list.length || delta === 0) return [...list]
  const copy = [...list]
  const [item] = copy.splice(index, 1)
  copy.splice(to, 0, item as T)
  return copy
}

/** Changes a text block's kind, keeping its text (a table cannot be changed). */
export function withKind(block: DocumentBlock, kind: TextBlockKind): DocumentBlock {
  if (block.kind === 'table') return block
  if (kind === 'paragraph') return block.kind === 'paragraph' ? block : { kind, text: block.text }
  return { kind, text: block.text }
}

/** Rows for a textarea so the text shows without scrolling, within bounds. */
export function rowsFor(text: string, charsPerLine = 90, min = 1, max = 16): number {
  const lines = text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(line.length / charsPerLine)), 0)
  return Math.max(min, Math.min(max, lines))
}

/**
 * Field errors from validating the document (paths like "body.3.text", "signatures.0.name",
 * "recipients.2", or with the server's "document." prefix) keyed for the form.
 */
export function formErrors(fields: Record<string, string> | undefined): {
  top: Record<string, string>
  blocks: Map<number, string>
  signatures: Map<string, string>
  recipients: string | null
  other: string[]
} {
  const top: Record<string, string> = {}
  const blocks = new Map<number, string>()
  const signatures = new Map<string, string>()
  let recipients: string | null = null
  const other: string[] = []
  for (const [rawPath, message] of Object.entries(fields ?? {})) {
    const path = rawPath.replace(/^document\./, '')
    const parts = path.split('.')
    if (parts[0] === 'body' && parts[1] !== undefined && /^\d+$/.test(parts[1])) blocks.set(Number(parts[1]), message)
    else if (parts[0] === 'signatures' && parts.length >= 3) signatures.set(`${parts[1]}.${parts[2]}`, message)
    else if (parts[0] === 'recipients') recipients ??= message
    else if (['number', 'date', 'summary'].includes(path)) top[path] = message
    else other.push(message)
  }
  return { top, blocks, signatures, recipients, other }
}

/** Finalising a second or later version needs the reason for the correction. */
export const needsCorrectionNote = (versionCount: number): boolean => versionCount > 0

import { z } from 'zod'
import { cleanedText, optionalText, requiredText } from '../text'
import { isoDateOrEmpty } from '../meeting/commands'

// What a secretary may save as an edited document: the same shape the builders produce, with limits.
const line = (max: number) => optionalText(max)

const headerFields = {
  parentBody: line(200),
  issuingBody: requiredText(200),
  officeCode: requiredText(20).regex(/^[\p{Lu}\d&.-]+$/u, 'Chỉ gồm chữ in hoa, chữ số và dấu gạch.'),
  place: requiredText(100),
}
/** The header a document carries. */
export const officeHeaderSchema = z.strictObject(headerFields)

const items = (max: number, each: number) => z.array(requiredText(each)).max(max)
/** The office's profile in the settings: the header, and what its documents say every time. */
export const officeProfileSchema = z.strictObject({
  ...headerFields,
  nameInText: requiredText(200),
  headInText: requiredText(200),
  headTitle: requiredText(100),
  deputyTitle: line(100),
  collectiveBody: line(100),
  draftingUnit: requiredText(20).regex(/^[\p{Lu}\d&.-]+$/u, 'Chỉ gồm chữ in hoa, chữ số và dấu gạch.'),
  standingBases: items(10, 1000),
  standingAssignments: z.array(z.strictObject({ unit: requiredText(200), tasks: items(10, 2000) })).max(10),
  standingRecipients: items(30, 300),
  noticeClosing: line(300),
})

const block = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('heading'), text: requiredText(500) }),
  z.strictObject({ kind: z.literal('subheading'), text: requiredText(500) }),
  z.strictObject({ kind: z.literal('paragraph'), text: line(20_000), italic: z.boolean().optional() }),
  z.strictObject({ kind: z.literal('bullet'), text: line(20_000) }),
  z.strictObject({ kind: z.literal('table'), rows: z.array(z.array(line(500)).max(20)).max(200) }),
])

export const administrativeDocumentSchema = z.strictObject({
  kind: z.enum(['notice', 'minutes', 'report']),
  office: officeHeaderSchema,
  number: line(20),
  symbol: requiredText(40),
  date: isoDateOrEmpty,
  title: requiredText(100),
  summary: line(1000),
  body: z.array(block).max(2000),
  recipients: z.array(requiredText(300)).max(50),
  signatures: z.array(z.strictObject({ authority: line(100), position: line(100), name: line(120) })).min(1).max(2),
})

export const finalizeSchema = z.strictObject({
  /** The number assigned by the records clerk (văn thư), if already known. */
  number: cleanedText(20).optional(),
  /** Why a new version replaces an earlier one (required from the second version on). */
  note: line(1000),
})

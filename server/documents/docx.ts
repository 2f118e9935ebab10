// Renders an AdministrativeDocument as a Word file in the state format (Nghị định 30/2020/NĐ-CP,
// Phụ lục I): A4, margins 20/20/30/15 mm, Times New Roman, the two-column header, the body, then
// recipients and signatures. Offices open it in Word to number, sign and file it, so it must look
// right in Word first, and in LibreOffice (which many communes use) too.

import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx'
import {
  numberLine,
  placeAndDate,
  type AdministrativeDocument,
  type DocumentBlock,
  type SignatureBlock,
} from '../../shared/documents/model'
import {
  BOTTOM_COLUMNS,
  CELL_PADDING,
  FONT,
  HEADER_COLUMNS,
  MARGIN,
  MOTTO,
  NATIONAL_TITLE,
  PAGE,
  RECIPIENTS_LABEL,
  SIZE,
  TEXT_WIDTH,
  bottomLayout,
  bulletText,
  capitals,
  headingLayout,
  isFigure,
  tableColumnWidths,
} from './layout'

/**
 * Every script slot names the font. Word picks the slot character by character (and by the
 * user's language settings), so with only ascii/hAnsi set some letters can fall to the theme's
 * East Asian or complex-script font and a line comes out in two faces.
 */
const FONTS = { ascii: FONT, hAnsi: FONT, eastAsia: FONT, cs: FONT } as const

/** Body paragraphs: first-line indent 1.27 cm, line spacing 1.2, 6 pt after (Phụ lục I: ≥ 6 pt, 1–1.5 lines). */
const FIRST_LINE_INDENT = 720
const BODY_LINE = 288
const BODY_AFTER = 120

interface RunStyle {
  size: number
  bold?: boolean
  italics?: boolean
  underline?: boolean
}

/** A run of text in the document's font; '\n' in the text becomes a line break within the paragraph. */
function runs(text: string, style: RunStyle): TextRun[] {
  return text.split('\n').map(
    (line, i) =>
      new TextRun({
        text: line,
        break: i > 0 ? 1 : undefined,
        font: FONTS,
        size: style.size * 2,
        sizeComplexScript: style.size * 2,
        bold: style.bold,
        boldComplexScript: style.bold,
        italics: style.italics,
        italicsComplexScript: style.italics,
        underline: style.underline ? { type: 'single' } : undefined,
      }),
  )
}

/** A centred single-spaced line, as everything in the header and the signature blocks is. */
function centred(text: string, style: RunStyle, spacing: { before?: number; after?: number } = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: spacing.before ?? 0, after: spacing.after ?? 0 },
    children: runs(text, style),
  })
}

/**
 * The short solid rule under the issuing body and under the summary. Drawn as the bottom border of
 * an empty 1 pt paragraph indented from both sides, so it is centred under the text and has the
 * length Phụ lục I asks for, without a drawing object that Word and LibreOffice would place
 * differently.
 */
function rule(length: number, room: number, after = 0): Paragraph {
  const side = Math.max(0, Math.floor((room - length) / 2))
  return new Paragraph({
    indent: { left: side, right: side },
    spacing: { before: 0, after, line: 20, lineRule: LineRuleType.EXACT },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    run: { size: 2, font: FONTS },
    children: [],
  })
}

const NO_BORDERS = TableBorders.NONE

function cell(width: number, children: Paragraph[] | (Paragraph | Table)[]): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.TOP,
    children: children.length ? children : [new Paragraph({})],
  })
}

/** A borderless layout table with fixed columns (the header and the signing area). */
function layoutTable(widths: readonly number[], rows: TableCell[][], keepTogether = false): Table {
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: [...widths],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: rows.map((children) => new TableRow({ children, cantSplit: keepTogether || undefined })),
  })
}

/**
 * The header, as two rows of two columns: the issuing body beside the national title, then the
 * number beside the place and date. Phụ lục I puts the number and the date on one line; a row of
 * their own keeps them level even when the issuing body wraps or there is no parent body.
 */
function header(doc: AdministrativeDocument): Table {
  const [left, right] = HEADER_COLUMNS
  const h = headingLayout(doc)
  const bodies: Paragraph[] = []
  if (h.parent.length) bodies.push(centred(h.parent.join('\n'), { size: SIZE.header }))
  bodies.push(centred(h.issuing.join('\n'), { size: SIZE.header, bold: true }))
  bodies.push(rule(h.issuingRule, left - CELL_PADDING))

  const state = [
    centred(NATIONAL_TITLE, { size: SIZE.nationalTitle, bold: true }),
    centred(MOTTO, { size: SIZE.motto, bold: true, underline: true }),
  ]
  return layoutTable(HEADER_COLUMNS, [
    [cell(left, bodies), cell(right, state)],
    [
      cell(left, [centred(numberLine(doc.number, doc.symbol), { size: SIZE.header }, { before: 120 })]),
      cell(right, [centred(placeAndDate(doc.office.place, doc.date), { size: SIZE.placeDate, italics: true }, { before: 120 })]),
    ],
  ])
}

/** Tên loại and trích yếu, centred and bold, with the short rule under the summary. */
function titleBlock(doc: AdministrativeDocument): Paragraph[] {
  const h = headingLayout(doc)
  const out = [centred(doc.title, { size: SIZE.body, bold: true }, { before: 360 })]
  if (h.summary.length) {
    out.push(centred(h.summary.join('\n'), { size: SIZE.body, bold: true }))
    out.push(rule(h.summaryRule, TEXT_WIDTH))
  }
  // Room between the title block and the body; a spacer so the rule itself stays tight to the text.
  out.push(new Paragraph({ spacing: { before: 0, after: 0 }, children: runs('', { size: SIZE.body }) }))
  return out
}

function bodyParagraph(text: string, style: Omit<RunStyle, 'size'>, keepNext = false): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.BOTH,
    indent: { firstLine: FIRST_LINE_INDENT },
    spacing: { before: 0, after: BODY_AFTER, line: BODY_LINE, lineRule: LineRuleType.AUTO },
    keepNext,
    children: runs(text, { size: SIZE.body, ...style }),
  })
}

function bodyTable(rows: readonly (readonly string[])[]): Table {
  const widths = tableColumnWidths(rows, TEXT_WIDTH)
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows: rows.map(
      (row, r) =>
        new TableRow({
          tableHeader: r === 0,
          cantSplit: true,
          children: widths.map((w, c) =>
            cell(w, [
              new Paragraph({
                alignment: r === 0 || isFigure(row[c] ?? '') ? AlignmentType.CENTER : AlignmentType.LEFT,
                spacing: { before: 40, after: 40 },
                children: runs(row[c] ?? '', { size: SIZE.table, bold: r === 0 }),
              }),
            ]),
          ),
        }),
    ),
  })
}

function block(b: DocumentBlock, keepNext = false): (Paragraph | Table)[] {
  switch (b.kind) {
    case 'heading':
    case 'subheading':
      // Kept with what follows so a heading never ends a page on its own.
      return [bodyParagraph(b.text, { bold: true }, true)]
    case 'paragraph':
      return [bodyParagraph(b.text, { italics: b.italic === true }, keepNext)]
    case 'bullet':
      return [bodyParagraph(bulletText(b.text), {}, keepNext)]
    case 'table':
      // A table takes no spacing of its own: the empty line after it keeps the next paragraph off its border.
      return [bodyTable(b.rows), new Paragraph({ spacing: { before: 0, after: 0 }, children: runs('', { size: 6 }) })]
  }
}

/** Thẩm quyền and chức vụ in bold capitals, room for the signature and seal, then the name in bold. */
function signature(s: SignatureBlock): Paragraph[] {
  const out: Paragraph[] = []
  if (s.authority.trim()) out.push(centred(capitals(s.authority), { size: SIZE.body, bold: true }))
  out.push(centred(capitals(s.position), { size: SIZE.body, bold: true }))
  for (let i = 0; i < 4; i++) out.push(centred('', { size: SIZE.body }))
  out.push(centred(s.name, { size: SIZE.body, bold: true }))
  return out
}

function recipients(lines: readonly string[]): Paragraph[] {
  if (!lines.length) return []
  const line = (text: string, style: RunStyle) =>
    new Paragraph({ alignment: AlignmentType.LEFT, spacing: { before: 0, after: 0 }, children: runs(text, style) })
  return [
    line(RECIPIENTS_LABEL, { size: SIZE.recipientsLabel, bold: true, italics: true }),
    ...lines.map((l) => line(l, { size: SIZE.recipients })),
  ]
}

/** Nơi nhận and the signing block, or the minutes' two signatures; never split across pages. */
function bottom(doc: AdministrativeDocument): (Paragraph | Table)[] {
  // Kept with the signing table, as the last paragraph is kept with it: the signatures never stand
  // alone on a last page (a long meeting's minutes used to end with a page of two names).
  const spacer = new Paragraph({ spacing: { before: 0, after: 0 }, keepNext: true, children: runs('', { size: 6 }) })
  const layout = bottomLayout(doc)
  if (layout.layout === 'recipients-and-signature') {
    if (!layout.recipients.length && !layout.signature) return []
    const [left, right] = BOTTOM_COLUMNS
    return [
      spacer,
      layoutTable(BOTTOM_COLUMNS, [[cell(left, recipients(layout.recipients)), cell(right, layout.signature ? signature(layout.signature) : [])]], true),
    ]
  }
  const n = layout.signatures.length
  const widths = layout.signatures.map((_, i) => (i < n - 1 ? Math.floor(TEXT_WIDTH / n) : TEXT_WIDTH - Math.floor(TEXT_WIDTH / n) * (n - 1)))
  const out: (Paragraph | Table)[] = [spacer, layoutTable(widths, [layout.signatures.map((s, i) => cell(widths[i]!, signature(s)))], true)]
  if (layout.recipients.length) out.push(spacer, ...recipients(layout.recipients))
  return out
}

/** Phụ lục I: page numbers centred in the top margin, 13–14 pt, not shown on the first page. */
function pageNumberHeader(): Header {
  return new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: [PageNumber.CURRENT], font: FONTS, size: SIZE.header * 2 })],
      }),
    ],
  })
}

export function buildDocx(doc: AdministrativeDocument): Document {
  return new Document({
    title: [doc.title, doc.summary].filter(Boolean).join(' '),
    creator: capitals(doc.office.issuingBody),
    styles: {
      default: {
        // Set on the defaults as well as on every run, so text typed into the file later keeps the face.
        document: {
          run: { font: FONTS, size: SIZE.body * 2, sizeComplexScript: SIZE.body * 2, language: { value: 'vi-VN' } },
          paragraph: { spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO } },
        },
      },
    },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { ...MARGIN, header: 567, footer: 567, gutter: 0 },
          },
        },
        headers: { default: pageNumberHeader(), first: new Header({ children: [new Paragraph({})] }) },
        children: [header(doc), ...titleBlock(doc), ...doc.body.flatMap((b, i) => block(b, i === doc.body.length - 1)), ...bottom(doc)],
      },
    ],
  })
}

export async function renderDocx(doc: AdministrativeDocument): Promise<Buffer> {
  return Packer.toBuffer(buildDocx(doc))
}

// Layout decisions shared by the .docx and the print page, so both come out as the same document.
// Figures follow Nghị định 30/2020/NĐ-CP, Phụ lục I (thể thức và kỹ thuật trình bày văn bản hành chính).

import type { AdministrativeDocument, SignatureBlock } from '../../shared/documents/model'

export const FONT = 'Times New Roman'

/** A4 in twips (1/1440 inch), and the margins of Phụ lục I rounded to whole twips (1 mm = 56.7 twips). */
export const PAGE = { width: 11906, height: 16838 } as const
export const MARGIN = { top: 1134, bottom: 1134, left: 1701, right: 850 } as const
/** The width text may use between the margins: 9355 twips, about 165 mm. */
export const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right

/**
 * The header's two columns. The right one must hold "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in bold on one
 * line: at 12 pt that is about 92 mm, so it gets 100 mm and the issuing body the rest (about 65 mm),
 * which is the split of the usual templates.
 */
export const HEADER_COLUMNS = [3685, TEXT_WIDTH - 3685] as const

/** The signing area: recipients on the left (7.75 cm), the signature block centred on the right. */
export const BOTTOM_COLUMNS = [4395, TEXT_WIDTH - 4395] as const

/** Point sizes (Phụ lục I gives ranges; these are the values the usual templates use). */
export const SIZE = {
  body: 14,
  /** Cơ quan chủ quản, cơ quan ban hành, số và ký hiệu: 12–13. */
  header: 13,
  /** Quốc hiệu: 12–13; 12 keeps it on one line in the right column. */
  nationalTitle: 12,
  /** Tiêu ngữ: 13–14. */
  motto: 13,
  /** Địa danh và thời gian: 13–14, nghiêng. */
  placeDate: 14,
  /** "Nơi nhận:" 12, đậm nghiêng; the list 11. */
  recipientsLabel: 12,
  recipients: 11,
  /** Figures tables in the body: one size down so a few columns fit. */
  table: 13,
} as const

export const NATIONAL_TITLE = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'
export const MOTTO = 'Độc lập - Tự do - Hạnh phúc'
export const RECIPIENTS_LABEL = 'Nơi nhận:'

/** Lines printed "in capitals" by the rules are upper-cased here, whatever case the profile was typed in. */
export function capitals(text: string): string {
  return text.toLocaleUpperCase('vi-VN')
}

/**
 * "- Sở Nội vụ;" … "- Lưu: VT, TCHCQT." — the model keeps recipients bare (builders write
 * "Lưu: VT, VPUB" without a stop), so the list punctuation of Phụ lục I is added here, replacing
 * whatever ';' or '.' the text already ends with so it is never doubled.
 */
export function recipientLines(recipients: readonly string[]): string[] {
  return recipients.map((r, i) => {
    const bare = r.trim().replace(/^-\s*/, '').replace(/[;.]+$/, '').trimEnd()
    return `- ${bare}${i === recipients.length - 1 ? '.' : ';'}`
  })
}

/** A bullet is written as the seeds write lists: a paragraph starting with "- ". */
export function bulletText(text: string): string {
  return /^-\s/.test(text) ? text : `- ${text}`
}

/**
 * Rough width of a line of Times New Roman in twips. Only used to size the short rules under the
 * issuing body and the summary, which Phụ lục I wants at 1/3–1/2 of the text's length: an estimate
 * within ±15 % keeps a 40 % rule inside that band, so real font metrics are not needed.
 */
export function estimateTextTwips(text: string, sizePt: number, bold: boolean): number {
  let em = 0
  for (const ch of text.normalize('NFC')) {
    if (ch === ' ') em += 0.25
    else if (/[.,:;'!|il-]/.test(ch)) em += 0.3
    else if (ch === ch.toLocaleUpperCase('vi-VN') && ch !== ch.toLocaleLowerCase('vi-VN')) em += bold ? 0.72 : 0.68
    else if (/\d/.test(ch)) em += 0.5
    else em += bold ? 0.5 : 0.46
  }
  return Math.round(em * sizePt * 20)
}

/** The length of the short rule under a line of text: 40 % of it, never wider than the room it sits in. */
export function ruleTwips(text: string, sizePt: number, bold: boolean, room: number): number {
  const line = Math.min(estimateTextTwips(text, sizePt, bold), room)
  return Math.max(567, Math.round(line * 0.4))
}

/**
 * How the bottom of the document is laid out. A notice or report has the recipients on the left and
 * one signature on the right; the minutes have two signatures side by side (THƯ KÝ left, CHỦ TỌA
 * right) and no recipients. Should a document have both, the signatures come first and the
 * recipients under them, so nothing given is ever dropped.
 */
export type Bottom =
  | { layout: 'recipients-and-signature'; recipients: string[]; signature: SignatureBlock | null }
  | { layout: 'signatures'; signatures: SignatureBlock[]; recipients: string[] }

export function bottomLayout(doc: AdministrativeDocument): Bottom {
  const recipients = recipientLines(doc.recipients)
  if (doc.signatures.length >= 2) return { layout: 'signatures', signatures: doc.signatures, recipients }
  return { layout: 'recipients-and-signature', recipients, signature: doc.signatures[0] ?? null }
}

/**
 * Column widths of a body table. Every column first gets room for its longest word (a header such
 * as "Chuyển" or "Đang giải quyết" may wrap between words, never inside one: Word, LibreOffice and
 * the print page would each break it differently); what is left is shared in proportion to each
 * column's longest cell, so a long field name gets the most room.
 */
export function tableColumnWidths(rows: readonly (readonly string[])[], total: number): number[] {
  const columns = Math.max(0, ...rows.map((r) => r.length))
  const cells = (c: number) => rows.map((r, i) => ({ text: r[c] ?? '', bold: i === 0 }))
  const needed = Array.from({ length: columns }, (_, c) =>
    Math.max(
      567,
      ...cells(c).flatMap(({ text, bold }) => text.split(/\s+/).map((word) => estimateTextTwips(word, SIZE.table, bold) + CELL_PADDING + 60)),
    ),
  )
  const floor = needed.reduce((a, b) => a + b, 0)
  // More words than room: shrink every column alike (a table this wide needs landscape anyway).
  if (floor >= total) return needed.map((w) => Math.floor((w / floor) * total))
  const weights = Array.from({ length: columns }, (_, c) => Math.min(40, Math.max(1, ...cells(c).map(({ text }) => text.length))))
  const sum = weights.reduce((a, b) => a + b, 0) || 1
  const spare = total - floor
  return needed.map((w, c) => Math.floor(w + (weights[c]! / sum) * spare))
}

/** Counts and percentages in a figures table are centred, as the yearly reports print them. */
export function isFigure(cell: string): boolean {
  return /^[\d\s.,%/+-]+$/.test(cell.trim()) && /\d/.test(cell)
}

/**
 * Where a clerk breaks a long centred line: before the administrative unit in an office's name
 * ("ỦY BAN NHÂN DÂN / XÃ SỐP CỘP", never "ỦY BAN NHÂN / DÂN …"), and before a linking word in a
 * summary ("… giữa Chánh Văn phòng / với công chức …").
 */
const BREAK_BEFORE = [
  'tỉnh', 'thành phố', 'huyện', 'quận', 'thị xã', 'xã', 'phường', 'thị trấn', 'đặc khu',
  'với', 'của', 'về', 'giữa', 'tại', 'trong', 'cho', 'và', 'năm', 'đối với', 'theo',
]

function breaksWell(nextLine: string): boolean {
  const lower = nextLine.toLocaleLowerCase('vi-VN')
  return BREAK_BEFORE.some((w) => lower === w || lower.startsWith(`${w} `))
}

/**
 * Breaks a centred line that will not fit into lines of even length, as clerks do by hand: left to
 * Word, the last line often holds a single word. Two lines are chosen by width with a preference for
 * the breaks above; longer texts are wrapped evenly. Breaks the text already has are kept. The
 * estimate is kept 8 % short of the room so an underestimated line is not wrapped again.
 */
export function balancedLines(text: string, sizePt: number, bold: boolean, room: number): string[] {
  if (text.includes('\n')) return text.split('\n')
  const limit = room * 0.92
  const width = (s: string) => estimateTextTwips(s, sizePt, bold)
  const total = width(text)
  const words = text.split(/\s+/).filter(Boolean)
  if (total <= limit || words.length < 2) return [text]

  const wrap = (max: number): string[] => {
    const lines: string[] = []
    let line = ''
    for (const w of words) {
      const next = line ? `${line} ${w}` : w
      if (line && width(next) > max) {
        lines.push(line)
        line = w
      } else line = next
    }
    if (line) lines.push(line)
    return lines
  }

  const needed = wrap(limit).length
  if (needed === 2) {
    let best: { lines: string[]; cost: number } | null = null
    for (let i = 1; i < words.length; i++) {
      const lines = [words.slice(0, i).join(' '), words.slice(i).join(' ')]
      const widest = Math.max(...lines.map(width))
      if (widest > limit) continue
      // A break in the wrong place costs as much as 15 % more width on the longer line.
      const cost = widest + (breaksWell(lines[1]!) ? 0 : total * 0.15)
      if (!best || cost < best.cost) best = { lines, cost }
    }
    if (best) return best.lines
  }
  // The narrowest width that still wraps the text into the fewest lines it needs.
  for (let max = Math.floor(total / needed); max <= limit; max += 20) {
    const lines = wrap(max)
    if (lines.length <= needed && lines.every((l) => width(l) <= limit)) return lines
  }
  return wrap(limit)
}

/** The width of the widest of some lines, to size the rule under them. */
export function widestLine(lines: readonly string[], sizePt: number, bold: boolean): string {
  return lines.reduce((a, b) => (estimateTextTwips(b, sizePt, bold) > estimateTextTwips(a, sizePt, bold) ? b : a), '')
}

/** Word's default cell padding (0.19 cm each side): the text of a cell has its width less this. */
export const CELL_PADDING = 2 * 108

/** The lines of the issuing side of the header and of the summary, and the rules under them. */
export interface Heading {
  parent: string[]
  issuing: string[]
  /** Length of the rule under the issuing body, twips. */
  issuingRule: number
  summary: string[]
  summaryRule: number
}

export function headingLayout(doc: AdministrativeDocument): Heading {
  const room = HEADER_COLUMNS[0] - CELL_PADDING
  const parent = doc.office.parentBody.trim() ? balancedLines(capitals(doc.office.parentBody.trim()), SIZE.header, false, room) : []
  const issuing = balancedLines(capitals(doc.office.issuingBody.trim()), SIZE.header, true, room)
  const summary = doc.summary.trim() ? balancedLines(doc.summary.trim(), SIZE.body, true, TEXT_WIDTH) : []
  return {
    parent,
    issuing,
    issuingRule: ruleTwips(widestLine(issuing, SIZE.header, true), SIZE.header, true, room),
    summary,
    summaryRule: ruleTwips(widestLine(summary, SIZE.body, true), SIZE.body, true, TEXT_WIDTH),
  }
}

// The same document as a standalone page that prints from any browser as the .docx does: for
// offices that print or "save as PDF" straight away, and for a preview without Word. One file, no
// external resources (it must print on an office PC that is offline or behind a proxy).

import { createHash } from 'node:crypto'
import {
  numberLine,
  placeAndDate,
  type AdministrativeDocument,
  type DocumentBlock,
  type SignatureBlock,
} from '../../shared/documents/model'
import {
  BOTTOM_COLUMNS,
  HEADER_COLUMNS,
  MOTTO,
  NATIONAL_TITLE,
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

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** Every piece of user text goes through this: petition titles and names are typed by anyone. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!)
}

/** Escaped text with its line breaks kept. */
function text(t: string): string {
  return escapeHtml(t).replace(/\r?\n/g, '<br>')
}

/** Twips as millimetres for CSS, so the columns match the .docx. */
function mm(twips: number): string {
  return `${Math.round((twips / 56.7) * 10) / 10}mm`
}

const STYLE = `
@page {
  size: A4;
  margin: 20mm 15mm 20mm 30mm;
  @top-center { content: counter(page); font: ${SIZE.header}pt 'Times New Roman', 'Liberation Serif', serif; }
}
@page :first { @top-center { content: none; } }
* { box-sizing: border-box; }
html { background: #d9d9d9; }
body { margin: 0; font-family: 'Times New Roman', 'Liberation Serif', Times, serif; font-size: ${SIZE.body}pt; color: #000; }
.sheet { width: 210mm; min-height: 297mm; margin: 12mm auto; padding: 20mm 15mm 20mm 30mm; background: #fff; box-shadow: 0 1mm 4mm rgba(0,0,0,.3); }
.toolbar { position: fixed; top: 8px; right: 8px; }
.toolbar button { font: 12pt system-ui, sans-serif; padding: 6px 14px; cursor: pointer; }
table.layout { width: ${mm(TEXT_WIDTH)}; border-collapse: collapse; table-layout: fixed; }
table.layout td { vertical-align: top; text-align: center; padding: 0 1.9mm; }
.header { font-size: ${SIZE.header}pt; line-height: 1.15; }
.national { font-size: ${SIZE.nationalTitle}pt; font-weight: bold; white-space: nowrap; }
.motto { font-size: ${SIZE.motto}pt; font-weight: bold; }
.motto span { text-decoration: underline; text-decoration-thickness: 0.75pt; text-underline-offset: 2pt; }
.issuing { font-weight: bold; }
.number, .place-date { padding-top: 6pt !important; white-space: pre-wrap; }
.place-date { font-size: ${SIZE.placeDate}pt; font-style: italic; }
/* The short rule under the issuing body and the summary: 40 % of the text's own width (Phụ lục I: 1/3–1/2). */
.ruled { display: inline-block; }
.ruled::after { content: ''; display: block; width: 40%; margin: 1pt auto 0; border-top: 0.75pt solid #000; }
.title { font-size: ${SIZE.body}pt; font-weight: bold; text-align: center; margin: 18pt 0 0; }
.summary { font-weight: bold; text-align: center; margin: 0 0 ${SIZE.body}pt; line-height: 1.15; }
.body p, .closing > p { margin: 0 0 6pt; text-align: justify; text-indent: 1.27cm; line-height: 1.38; }
.body p.heading, .body p.subheading, .closing > p.heading, .closing > p.subheading { font-weight: bold; break-after: avoid; }
.body p.italic, .closing > p.italic { font-style: italic; }
table.figures { width: 100%; border-collapse: collapse; table-layout: fixed; margin: 0 0 10pt; font-size: ${SIZE.table}pt; }
table.figures th, table.figures td { border: 0.75pt solid #000; padding: 2pt 4pt; vertical-align: top; text-align: left; }
table.figures th { font-weight: bold; text-align: center; }
table.figures td.figure { text-align: center; }
table.figures thead { display: table-header-group; }
.bottom { margin-top: 12pt; break-inside: avoid; line-height: 1.15; }
/* The last paragraph and the signatures print on one page: they are never left on a page alone. */
.closing { break-inside: avoid; }
.bottom td.recipients { text-align: left; }
.recipients .label { font-size: ${SIZE.recipientsLabel}pt; font-weight: bold; font-style: italic; }
.recipients .line { font-size: ${SIZE.recipients}pt; }
.signature p { margin: 0; font-weight: bold; }
.signature .space { height: 4.6em; }
@media print {
  html { background: none; }
  .sheet { width: auto; min-height: 0; margin: 0; padding: 0; box-shadow: none; }
  .toolbar { display: none; }
}
`

/** Lines broken as the .docx breaks them (see balancedLines), joined for HTML. */
function lines(ls: readonly string[]): string {
  return ls.map(escapeHtml).join('<br>')
}

function header(doc: AdministrativeDocument): string {
  const h = headingLayout(doc)
  const parent = h.parent.length ? `<div class="parent">${lines(h.parent)}</div>` : ''
  return `<table class="layout header">
<colgroup><col style="width:${mm(HEADER_COLUMNS[0])}"><col style="width:${mm(HEADER_COLUMNS[1])}"></colgroup>
<tr><td>${parent}<div class="issuing"><span class="ruled">${lines(h.issuing)}</span></div></td>
<td><div class="national">${NATIONAL_TITLE}</div><div class="motto"><span>${MOTTO}</span></div></td></tr>
<tr><td class="number">${text(numberLine(doc.number, doc.symbol))}</td><td class="place-date">${text(placeAndDate(doc.office.place, doc.date))}</td></tr>
</table>`
}

function figures(rows: readonly (readonly string[])[]): string {
  const widths = tableColumnWidths(rows, TEXT_WIDTH)
  const total = widths.reduce((a, b) => a + b, 0) || 1
  const cols = widths.map((w) => `<col style="width:${((w / total) * 100).toFixed(1)}%">`).join('')
  const row = (r: readonly string[], tag: 'th' | 'td') =>
    `<tr>${widths.map((_, c) => `<${tag}${tag === 'td' && isFigure(r[c] ?? '') ? ' class="figure"' : ''}>${text(r[c] ?? '')}</${tag}>`).join('')}</tr>`
  const [head, ...rest] = rows
  return `<table class="figures"><colgroup>${cols}</colgroup>${head ? `<thead>${row(head, 'th')}</thead>` : ''}<tbody>${rest.map((r) => row(r, 'td')).join('')}</tbody></table>`
}

function block(b: DocumentBlock): string {
  switch (b.kind) {
    case 'heading':
      return `<p class="heading">${text(b.text)}</p>`
    case 'subheading':
      return `<p class="subheading">${text(b.text)}</p>`
    case 'paragraph':
      return `<p${b.italic ? ' class="italic"' : ''}>${text(b.text)}</p>`
    case 'bullet':
      return `<p class="bullet">${text(bulletText(b.text))}</p>`
    case 'table':
      return figures(b.rows)
  }
}

function signature(s: SignatureBlock): string {
  const authority = s.authority.trim() ? `<p>${text(capitals(s.authority))}</p>` : ''
  return `<div class="signature">${authority}<p>${text(capitals(s.position))}</p><div class="space"></div><p>${text(s.name)}</p></div>`
}

function recipients(lines: readonly string[]): string {
  if (!lines.length) return ''
  return `<div class="recipients"><div class="label">${RECIPIENTS_LABEL}</div>${lines.map((l) => `<div class="line">${text(l)}</div>`).join('')}</div>`
}

function bottom(doc: AdministrativeDocument): string {
  const layout = bottomLayout(doc)
  if (layout.layout === 'recipients-and-signature') {
    if (!layout.recipients.length && !layout.signature) return ''
    return `<table class="layout bottom"><colgroup><col style="width:${mm(BOTTOM_COLUMNS[0])}"><col></colgroup><tr>
<td class="recipients">${recipients(layout.recipients)}</td><td>${layout.signature ? signature(layout.signature) : ''}</td></tr></table>`
  }
  const cells = layout.signatures.map((s) => `<td>${signature(s)}</td>`).join('')
  const below = layout.recipients.length ? `<table class="layout bottom"><tr><td class="recipients">${recipients(layout.recipients)}</td></tr></table>` : ''
  return `<table class="layout bottom"><tr>${cells}</tr></table>${below}`
}

export function renderPrintHtml(doc: AdministrativeDocument): string {
  const title = [doc.title, doc.summary].filter((t) => t.trim()).join(' – ')
  const h = headingLayout(doc)
  const summary = h.summary.length ? `<p class="summary"><span class="ruled">${lines(h.summary)}</span></p>` : ''
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${text(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<div class="toolbar"><button type="button" onclick="window.print()">In / Lưu PDF</button></div>
<main class="sheet">
${header(doc)}
<h1 class="title">${text(doc.title)}</h1>
${summary}
<section class="body">
${doc.body.slice(0, -1).map(block).join('\n')}
</section>
<div class="closing">
${doc.body.slice(-1).map(block).join('\n')}
${bottom(doc)}
</div>
</main>
</body>
</html>
`
}

const sha256 = (source: string) => `'sha256-${createHash('sha256').update(source, 'utf8').digest('base64')}'`

/**
 * The Content-Security-Policy for one rendered print page: nothing may load, and only this page's
 * own <style>, its generated style attributes (column widths) and the print button's handler run,
 * each allowed by its hash. User text is escaped and never lands in an attribute, so nothing typed
 * by anyone can match a hash.
 */
export function printPageCsp(html: string): string {
  const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]!)
  const styleAttrs = new Set([...html.matchAll(/ style="([^"]*)"/g)].map((m) => m[1]!))
  const handlers = new Set([...html.matchAll(/ on[a-z]+="([^"]*)"/g)].map((m) => m[1]!))
  const list = (sources: Iterable<string>) => [...sources].map(sha256).join(' ')
  return [
    "default-src 'none'",
    `style-src ${list(styles)}${styleAttrs.size ? ` 'unsafe-hashes' ${list(styleAttrs)}` : ''}`,
    handlers.size ? `script-src 'unsafe-hashes' ${list(handlers)}` : "script-src 'none'",
    "img-src 'self' data:",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ')
}

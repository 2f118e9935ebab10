import { describe, expect, it } from 'vitest'
import { minutesFixture, noticeFixture } from './fixtures'
import { escapeHtml, renderPrintHtml } from './html'

describe('escapeHtml', () => {
  it('neutralises markup and both quote kinds', () => {
    expect(escapeHtml('<script>alert("x")</script>')).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;')
    expect(escapeHtml(`Tom & Jerry's <b>`)).toBe('Tom &amp; Jerry&#39;s &lt;b&gt;')
    expect(escapeHtml('&lt;')).toBe('&amp;lt;')
    expect(escapeHtml('Độc lập - Tự do - Hạnh phúc')).toBe('Độc lập - Tự do - Hạnh phúc')
  })
})

/** The visible text of the page, as a reader (or a print) sees it. */
function visibleText(html: string): string {
  return html
    .replace(/<style>.*?<\/style>/s, '')
    .replace(/<title>.*?<\/title>/s, '')
    .replace(/<br>/g, ' ')
    .replace(/<[^>]+>/g, '\n')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
}

describe('renderPrintHtml', () => {
  it('is a standalone Vietnamese page with the print geometry and no external resources', () => {
    const html = renderPrintHtml(noticeFixture())
    expect(html.startsWith('<!doctype html>')).toBe(true)
    expect(html).toContain('<html lang="vi">')
    expect(html).toContain('<meta charset="utf-8">')
    expect(html).toContain('size: A4;')
    expect(html).toContain('margin: 20mm 15mm 20mm 30mm;')
    expect(html).toMatch(/font-family: 'Times New Roman'/)
    expect(html).not.toMatch(/\b(?:src|href)=|@import|url\(|<link|<script/i)
  })

  it('has an "In / Lưu PDF" button that prints and is hidden in print', () => {
    const html = renderPrintHtml(noticeFixture())
    expect(html).toMatch(/<button type="button" onclick="window\.print\(\)">In \/ Lưu PDF<\/button>/)
    expect(/@media print \{(.*?)\n\}/s.exec(html)?.[1]).toMatch(/\.toolbar \{ display: none; \}/)
  })

  it('shows the same texts as the .docx, in the same order', () => {
    const text = visibleText(renderPrintHtml(noticeFixture()))
    const expected = [
      'UBND TỈNH SƠN LA',
      'VĂN PHÒNG',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Số: 12/TB-VPUB',
      'Sơn La, ngày 05 tháng 01 năm 2026',
      'THÔNG BÁO',
      'Kết luận Hội nghị đối thoại giữa Chánh Văn phòng với công chức, viên chức, người lao động',
      'I. KẾT QUẢ ĐỐI THOẠI',
      '- Tiếp tục đẩy mạnh công tác cải cách hành chính',
      'II. TỔ CHỨC THỰC HIỆN',
      '1. Giao Phòng Kinh tế',
      'Nơi nhận:',
      '- Thanh tra tỉnh (b/c);',
      '- Lưu: VT, TCHCQT.',
      'KT. CHÁNH VĂN PHÒNG',
      'PHÓ CHÁNH VĂN PHÒNG',
      'Nguyễn Thị Thu Hương',
    ]
    let at = -1
    for (const t of expected) {
      const next = text.indexOf(t, at + 1)
      expect(next, t).toBeGreaterThan(at)
      at = next
    }
  })

  it('lays the header out in two columns, number beside the date, motto underlined', () => {
    const html = renderPrintHtml(noticeFixture())
    const header = /<table class="layout header">(.*?)<\/table>/s.exec(html)![1]!
    const rows = [...header.matchAll(/<tr>(.*?)<\/tr>/gs)].map((r) => [...r[1]!.matchAll(/<td[^>]*>/g)].length)
    expect(rows).toEqual([2, 2])
    expect(header).toContain('<td class="number">Số: 12/TB-VPUB</td><td class="place-date">Sơn La, ngày 05 tháng 01 năm 2026</td>')
    expect(html).toMatch(/\.motto span \{ text-decoration: underline;/)
    expect(html).toMatch(/\.place-date \{[^}]*font-style: italic;/)
  })

  it('escapes every piece of user text', () => {
    const doc = noticeFixture()
    const evil = '<script>alert("x")</script>'
    doc.office = { ...doc.office, parentBody: evil, place: evil }
    doc.summary = evil
    doc.body = [
      { kind: 'heading', text: evil },
      { kind: 'paragraph', text: `${evil}\nline two` },
      { kind: 'bullet', text: evil },
      { kind: 'table', rows: [[evil, 'b'], ['1', evil]] },
    ]
    doc.recipients = [evil, 'Lưu: VT']
    doc.signatures = [{ authority: evil, position: evil, name: evil }]
    const html = renderPrintHtml(doc)
    expect(html).not.toMatch(/<script/i)
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;')
    expect(html).toContain('<title>THÔNG BÁO – &lt;script&gt;')
    expect(html).toContain('line two')
    expect(html).toMatch(/&lt;\/script&gt;<br>line two/)
  })

  it('prints the last paragraph and the signatures together, never the signatures alone on a page', () => {
    const html = renderPrintHtml(minutesFixture())
    const closing = /<div class="closing">([\s\S]*?)<\/div>\s*<\/main>/.exec(html)?.[1] ?? ''
    expect(closing).toContain('Biên bản được lập và thông qua tại hội nghị.') // the fixture's last paragraph
    expect(closing).toContain('THƯ KÝ')
    expect(html).toMatch(/\.closing \{ break-inside: avoid; \}/)
  })

  it('renders the minutes with THƯ KÝ and CHỦ TỌA side by side and no recipients', () => {
    const html = renderPrintHtml(minutesFixture())
    expect(html).not.toContain('Nơi nhận')
    const bottom = /<table class="layout bottom"><tr>(.*?)<\/tr><\/table>/s.exec(html)![1]!
    const cells = [...bottom.matchAll(/<td>(.*?)<\/td>/gs)].map((c) => visibleText(c[1]!).split('\n').filter(Boolean))
    expect(cells).toEqual([
      ['THƯ KÝ', 'Trần Thị Lan'],
      ['CHỦ TỌA', 'Lê Văn Minh'],
    ])
    expect(html).toContain('<thead><tr><th>Nội dung</th>')
    expect(html).toContain('<td class="figure">3</td>')
    // The blank number keeps its room (the cell is pre-wrap).
    expect(html).toContain('<td class="number">Số:      /BB-VPUB</td>')
  })
})

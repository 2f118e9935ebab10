import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import type { AdministrativeDocument } from '../../shared/documents/model'
import { renderDocx } from './docx'
import { minutesFixture, noticeFixture } from './fixtures'

// The .docx is checked as Word reads it: the XML parts inside the zip. Regular expressions are
// enough here because the renderer writes flat runs (no fields or nested tables in the body).

interface Run {
  text: string
  props: string
}

interface Para {
  xml: string
  props: string
  runs: Run[]
  text: string
  /** The text with its line breaks read as spaces: what the paragraph says. */
  flat: string
}

function unescapeXml(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&')
}

function runsOf(xml: string): Run[] {
  return [...xml.matchAll(/<w:r>(.*?)<\/w:r>/gs)].map((m) => {
    const body = m[1]!
    return {
      props: /<w:rPr>(.*?)<\/w:rPr>/s.exec(body)?.[1] ?? '',
      // A line break inside the paragraph reads as '\n', as the model writes it.
      text: (body.includes('<w:br/>') ? '\n' : '') + [...body.matchAll(/<w:t(?: [^>]*)?>(.*?)<\/w:t>/gs)].map((t) => unescapeXml(t[1]!)).join(''),
    }
  })
}

function paragraphsOf(xml: string): Para[] {
  return [...xml.matchAll(/<w:p>(.*?)<\/w:p>|<w:p\/>/gs)].map((m) => {
    const inner = m[1] ?? ''
    const runs = runsOf(inner)
    const text = runs.map((r) => r.text).join('')
    return { xml: inner, props: /<w:pPr>(.*?)<\/w:pPr>/s.exec(inner)?.[1] ?? '', runs, text, flat: text.replace(/\n/g, ' ') }
  })
}

function tablesOf(xml: string): string[] {
  return [...xml.matchAll(/<w:tbl>(.*?)<\/w:tbl>/gs)].map((m) => m[1]!)
}

function rowsOf(table: string): string[][] {
  return [...table.matchAll(/<w:tr>(.*?)<\/w:tr>/gs)].map((r) => [...r[1]!.matchAll(/<w:tc>(.*?)<\/w:tc>/gs)].map((c) => c[1]!))
}

function runWith(xml: string, text: string): Run {
  const run = runsOf(xml).find((r) => r.text === text)
  if (!run) throw new Error(`no run reads "${text}"`)
  return run
}

function paraWith(paras: Para[], text: string): Para {
  const p = paras.find((x) => x.text === text || x.flat === text)
  if (!p) throw new Error(`no paragraph reads "${text}"`)
  return p
}

const bold = (r: Run) => /<w:b\/>/.test(r.props)
const italic = (r: Run) => /<w:i\/>/.test(r.props)
const size = (r: Run) => Number(/<w:sz w:val="(\d+)"\/>/.exec(r.props)?.[1])

async function open(doc: AdministrativeDocument) {
  const zip = await JSZip.loadAsync(await renderDocx(doc))
  const part = async (name: string) => {
    const f = zip.file(name)
    if (!f) throw new Error(`${name} missing`)
    return f.async('string')
  }
  const document = await part('word/document.xml')
  return { zip, document, styles: await part('word/styles.xml'), paras: paragraphsOf(document), tables: tablesOf(document), part }
}

describe('renderDocx: the conclusion notice', () => {
  it('is a Word package with the document, styles and both page headers', async () => {
    const { zip } = await open(noticeFixture())
    for (const name of ['[Content_Types].xml', 'word/document.xml', 'word/styles.xml', 'word/_rels/document.xml.rels']) {
      expect(zip.file(name), name).not.toBeNull()
    }
  })

  it('keeps every section text intact in Vietnamese', async () => {
    const { paras } = await open(noticeFixture())
    const texts = paras.map((p) => p.flat)
    for (const t of [
      'UBND TỈNH SƠN LA',
      'VĂN PHÒNG',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Số: 12/TB-VPUB',
      'Sơn La, ngày 05 tháng 01 năm 2026',
      'THÔNG BÁO',
      'Kết luận Hội nghị đối thoại giữa Chánh Văn phòng với công chức, viên chức, người lao động',
      'I. KẾT QUẢ ĐỐI THOẠI',
      'II. TỔ CHỨC THỰC HIỆN',
      '1. Giao Phòng Kinh tế',
      'Yêu cầu các phòng, trung tâm và đơn vị trực thuộc nghiêm túc thực hiện./.',
      'Nơi nhận:',
      '- Ban Tuyên giáo và Dân vận Tỉnh ủy (b/c);',
      '- Lưu: VT, TCHCQT.',
      'KT. CHÁNH VĂN PHÒNG',
      'PHÓ CHÁNH VĂN PHÒNG',
      'Nguyễn Thị Thu Hương',
    ]) {
      expect(texts, t).toContain(t)
    }
    // Precomposed letters as typed (NFC), not decomposed by the writer.
    expect(texts.join('\n')).toBe(texts.join('\n').normalize('NFC'))
  })

  it('opens with the header: a borderless two-column table, issuing body bold under a plain parent body', async () => {
    const { document, tables } = await open(noticeFixture())
    expect(document.indexOf('<w:tbl>')).toBeLessThan(document.indexOf('THÔNG BÁO'))
    const header = tables[0]!
    expect(header).toMatch(/<w:tblBorders>(?:<w:\w+ w:val="none"[^>]*\/>){6}<\/w:tblBorders>/)
    expect(header).toContain('<w:gridCol w:w="3685"/><w:gridCol w:w="5670"/>')
    const rows = rowsOf(header)
    expect(rows.map((r) => r.length)).toEqual([2, 2])
    const [bodies, state] = rows[0]!
    expect(bold(runWith(bodies!, 'VĂN PHÒNG'))).toBe(true)
    expect(bold(runWith(bodies!, 'UBND TỈNH SƠN LA'))).toBe(false)
    expect(size(runWith(bodies!, 'VĂN PHÒNG'))).toBe(26)
    expect(bold(runWith(state!, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'))).toBe(true)
    const motto = runWith(state!, 'Độc lập - Tự do - Hạnh phúc')
    expect(bold(motto)).toBe(true)
    expect(motto.props).toContain('<w:u w:val="single"/>')
    // The number and the place-date sit level, in the second row.
    const [number, placeDate] = rows[1]!
    expect(runsOf(number!).map((r) => r.text)).toEqual(['Số: 12/TB-VPUB'])
    const date = runWith(placeDate!, 'Sơn La, ngày 05 tháng 01 năm 2026')
    expect(italic(date)).toBe(true)
    expect(bold(date)).toBe(false)
  })

  it('draws a short centred rule under the issuing body and under the summary', async () => {
    const { tables, paras } = await open(noticeFixture())
    const bodies = rowsOf(tables[0]!)[0]![0]!
    const cellParas = paragraphsOf(bodies)
    const ruleAt = cellParas.findIndex((p) => /<w:pBdr><w:bottom w:val="single"/.test(p.props))
    expect(cellParas[ruleAt - 1]?.text).toBe('VĂN PHÒNG')
    const indent = /<w:ind w:left="(\d+)" w:right="(\d+)"\/>/.exec(cellParas[ruleAt]!.props)
    expect(indent?.[1]).toBe(indent?.[2])
    // 40 % of the text's width: well inside the 3469-twip cell, not a full-width line.
    expect(3469 - 2 * Number(indent?.[1])).toBeGreaterThan(400)
    expect(3469 - 2 * Number(indent?.[1])).toBeLessThan(1500)

    const summaryAt = paras.findIndex((p) => p.text.startsWith('Kết luận Hội nghị'))
    // Broken into even lines rather than leaving a word or two alone on the last.
    expect(paras[summaryAt]!.text.split('\n')).toEqual([
      'Kết luận Hội nghị đối thoại giữa Chánh Văn phòng',
      'với công chức, viên chức, người lao động',
    ])
    expect(paras[summaryAt + 1]!.props).toMatch(/<w:pBdr><w:bottom w:val="single"/)
  })

  it('sets the title and summary bold and centred at 14 pt', async () => {
    const { paras } = await open(noticeFixture())
    for (const t of ['THÔNG BÁO', 'Kết luận Hội nghị đối thoại giữa Chánh Văn phòng với công chức, viên chức, người lao động']) {
      const p = paraWith(paras, t)
      expect(p.props).toContain('<w:jc w:val="center"/>')
      expect(p.runs.every(bold)).toBe(true)
      expect(p.runs.every((r) => size(r) === 28)).toBe(true)
    }
  })

  it('lays out the body: justified 14 pt with a first-line indent, bold headings, bullets starting "- "', async () => {
    const { paras } = await open(noticeFixture())
    const heading = paraWith(paras, 'I. KẾT QUẢ ĐỐI THOẠI')
    expect(heading.runs.every(bold)).toBe(true)
    expect(heading.props).toContain('<w:keepNext/>')
    expect(paraWith(paras, '1. Giao Phòng Kinh tế').runs.every(bold)).toBe(true)

    const para = paras.find((p) => p.text.startsWith('Thực hiện Quy định số 429-QĐ/TU'))!
    expect(para.props).toContain('<w:jc w:val="both"/>')
    expect(para.props).toMatch(/<w:ind w:firstLine="720"\/>/)
    expect(para.props).toMatch(/<w:spacing w:after="120" w:before="0" w:line="288" w:lineRule="auto"\/>/)
    expect(para.runs.some(bold)).toBe(false)
    expect(size(para.runs[0]!)).toBe(28)

    const bullets = paras.filter((p) => p.text.startsWith('- ') && p.props.includes('<w:jc w:val="both"/>'))
    expect(bullets.map((b) => b.text)).toContain(
      '- Xem xét, trả lời bằng văn bản kiến nghị về tiến độ giải ngân vốn đầu tư công; hạn chậm nhất ngày 14/01/2026.',
    )
    expect(bullets.every((b) => !b.text.startsWith('- - '))).toBe(true)
  })

  it('ends with recipients on the left and the signing block on the right, in one borderless row', async () => {
    const { tables } = await open(noticeFixture())
    const bottom = tables.at(-1)!
    expect(bottom).toContain('<w:cantSplit/>')
    const [[left, right]] = rowsOf(bottom) as [[string, string]]
    const label = runWith(left, 'Nơi nhận:')
    expect(bold(label) && italic(label)).toBe(true)
    expect(size(label)).toBe(24)
    const lines = paragraphsOf(left).map((p) => p.text)
    expect(lines).toEqual([
      'Nơi nhận:',
      '- Ban Tuyên giáo và Dân vận Tỉnh ủy (b/c);',
      '- Thanh tra tỉnh (b/c);',
      '- Lãnh đạo VPUB tỉnh;',
      '- Phòng Kinh tế (thực hiện);',
      '- Trung tâm Thông tin;',
      '- Lưu: VT, TCHCQT.',
    ])
    expect(size(runWith(left, '- Lưu: VT, TCHCQT.'))).toBe(22)

    const sign = paragraphsOf(right)
    expect(sign.map((p) => p.text)).toEqual(['KT. CHÁNH VĂN PHÒNG', 'PHÓ CHÁNH VĂN PHÒNG', '', '', '', '', 'Nguyễn Thị Thu Hương'])
    expect(sign.every((p) => p.props.includes('<w:jc w:val="center"/>'))).toBe(true)
    for (const t of ['KT. CHÁNH VĂN PHÒNG', 'PHÓ CHÁNH VĂN PHÒNG', 'Nguyễn Thị Thu Hương']) expect(bold(runWith(right, t)), t).toBe(true)
  })

  it('prints on A4 with the margins of Phụ lục I, page numbers from page 2', async () => {
    const { document, part } = await open(noticeFixture())
    expect(document).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>')
    const margins = /<w:pgMar ([^>]*)\/>/.exec(document)![1]!
    expect(margins).toContain('w:top="1134"')
    expect(margins).toContain('w:bottom="1134"')
    expect(margins).toContain('w:left="1701"')
    expect(margins).toContain('w:right="850"')
    expect(document).toContain('<w:titlePg/>')
    const rels = await part('word/_rels/document.xml.rels')
    const defaultId = /<w:headerReference w:type="default" r:id="(\w+)"\/>/.exec(document)![1]
    const target = new RegExp(`Id="${defaultId}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${defaultId}"`).exec(rels)![1]
    expect(await part(`word/${target}`)).toMatch(/PAGE/)
  })

  it('names Times New Roman in every script slot, in the default style and on every run', async () => {
    const { styles, document } = await open(noticeFixture())
    const tnr = '<w:rFonts w:ascii="Times New Roman" w:cs="Times New Roman" w:eastAsia="Times New Roman" w:hAnsi="Times New Roman"/>'
    const defaults = /<w:rPrDefault>(.*?)<\/w:rPrDefault>/s.exec(styles)![1]!
    expect(defaults).toContain(tnr)
    expect(defaults).toContain('<w:sz w:val="28"/>')
    const runs = runsOf(document).filter((r) => r.text)
    expect(runs.length).toBeGreaterThan(30)
    expect(runs.filter((r) => !r.props.includes(tnr)).map((r) => r.text)).toEqual([])
  })
})

describe('renderDocx: the minutes and edge cases', () => {
  it('puts two signature blocks side by side, THƯ KÝ left and CHỦ TỌA right, and no recipients', async () => {
    const { tables, paras } = await open(minutesFixture())
    expect(paras.map((p) => p.text)).not.toContain('Nơi nhận:')
    const rows = rowsOf(tables.at(-1)!)
    expect(rows).toHaveLength(1)
    const [left, right] = rows[0]! as [string, string]
    expect(paragraphsOf(left).map((p) => p.text).filter(Boolean)).toEqual(['THƯ KÝ', 'Trần Thị Lan'])
    expect(paragraphsOf(right).map((p) => p.text).filter(Boolean)).toEqual(['CHỦ TỌA', 'Lê Văn Minh'])
    expect(bold(runWith(left, 'THƯ KÝ')) && bold(runWith(right, 'Lê Văn Minh'))).toBe(true)
    expect(tables.at(-1)).toMatch(/<w:tblBorders>(?:<w:\w+ w:val="none"[^>]*\/>){6}<\/w:tblBorders>/)
  })

  it('keeps the last paragraph with the signatures, so a long record never ends on a page of two names', async () => {
    const long = minutesFixture()
    long.body = [...Array.from({ length: 200 }, (_, i) => ({ kind: 'paragraph' as const, text: `${i + 1}. Ý kiến phát biểu số ${i + 1}.` })), ...long.body]
    const { document, tables } = await open(long)
    const bodyEnd = document.lastIndexOf('<w:tbl>')
    const beforeTable = paragraphsOf(document.slice(0, bodyEnd)).filter((p) => p.text !== '')
    expect(beforeTable.at(-1)!.props).toContain('<w:keepNext/>') // the closing line
    expect(paragraphsOf(document.slice(0, bodyEnd)).at(-1)!.props).toContain('<w:keepNext/>') // the spacer before the table
    expect(tables.at(-1)).toContain('<w:cantSplit/>')
  })

  it('leaves the number blank for the records clerk and titles the minutes', async () => {
    const { paras } = await open(minutesFixture())
    const texts = paras.map((p) => p.text)
    expect(texts).toContain('Số:      /BB-VPUB')
    expect(texts).toContain('Sơn La, ngày 30 tháng 12 năm 2025')
    expect(texts).toContain('BIÊN BẢN')
  })

  it('renders a figures table with borders and a bold, repeated header row', async () => {
    const { tables } = await open(minutesFixture())
    const figures = tables.find((t) => t.includes('Kiến nghị tiếp nhận'))!
    expect(figures).toMatch(/<w:tblBorders><w:top w:val="single"/)
    const rows = rowsOf(figures)
    expect(rows).toHaveLength(4)
    expect(rows.every((r) => r.length === 4)).toBe(true)
    const head = /<w:tr>(.*?)<\/w:tr>/s.exec(figures)![1]!
    expect(head).toContain('<w:tblHeader/>')
    expect(runsOf(head).every(bold)).toBe(true)
    expect(runsOf(rows[1]!.join('')).some(bold)).toBe(false)
  })

  it('omits an empty parent body, upper-cases the office lines and escapes markup', async () => {
    const doc = noticeFixture()
    doc.office = { ...doc.office, parentBody: '', issuingBody: 'Ủy ban nhân dân xã Sốp Cộp' }
    doc.body = [{ kind: 'paragraph', text: 'Ý kiến <script>alert("x")</script> & "trích dẫn"\ndòng hai' }]
    const { tables, document, paras } = await open(doc)
    const bodies = rowsOf(tables[0]!)[0]![0]!
    // Too long for one line of the column: broken where a clerk would, not left to wrap.
    expect(paragraphsOf(bodies).map((p) => p.text).filter(Boolean)).toEqual(['ỦY BAN NHÂN DÂN\nXÃ SỐP CỘP'])
    expect(document).toContain('&lt;script&gt;')
    expect(document).not.toContain('<script>')
    const p = paras.find((x) => x.text.startsWith('Ý kiến'))!
    expect(p.text).toBe('Ý kiến <script>alert("x")</script> & "trích dẫn"\ndòng hai')
    expect(p.xml).toContain('<w:br/>')
  })
})

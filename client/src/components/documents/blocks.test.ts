import { describe, expect, it } from 'vitest'
import type { AdministrativeDocument } from '@shared/documents/model'
import { administrativeDocumentSchema } from '@shared/documents/schema'
import { parseWith } from '@shared/validation'
import {
  emptyBlock,
  formErrors,
  fromForm,
  insertAt,
  moveBy,
  needsCorrectionNote,
  recipientsFromText,
  recipientsToText,
  removeAt,
  rowsFor,
  toForm,
  withKind,
} from './blocks'

const doc: AdministrativeDocument = {
  kind: 'notice',
  office: { parentBody: 'UBND TỈNH SƠN LA', issuingBody: 'VĂN PHÒNG', officeCode: 'VPUB', place: 'Sơn La' },
  number: '',
  symbol: 'TB-VPUB',
  date: '2026-06-22',
  title: 'THÔNG BÁO',
  summary: 'Kết luận của Chánh Văn phòng tại Hội nghị đối thoại',
  body: [
    { kind: 'paragraph', text: 'Ngày 19/06/2026, tại Hội trường…' },
    { kind: 'heading', text: 'I. KẾT QUẢ ĐỐI THOẠI' },
    { kind: 'bullet', text: 'Về đường vào bản: đã trả lời.' },
    { kind: 'table', rows: [['A', 'B'], ['1', '2']] },
  ],
  recipients: ['Thường trực UBND tỉnh', 'Lưu: VT, VPUB'],
  signatures: [{ authority: 'KT. CHÁNH VĂN PHÒNG', position: 'PHÓ CHÁNH VĂN PHÒNG', name: 'Lò Văn Hùng' }],
}

describe('list editing', () => {
  const list = ['a', 'b', 'c']
  it('inserts at a place, clamped to the list', () => {
    expect(insertAt(list, 1, 'x')).toEqual(['a', 'x', 'b', 'c'])
    expect(insertAt(list, 3, 'x')).toEqual(['a', 'b', 'c', 'x'])
    expect(insertAt(list, 99, 'x')).toEqual(['a', 'b', 'c', 'x'])
    expect(insertAt(list, -1, 'x')).toEqual(['x', 'a', 'b', 'c'])
    expect(insertAt([], 0, 'x')).toEqual(['x'])
  })
  it('removes one item, and nothing when out of range', () => {
    expect(removeAt(list, 1)).toEqual(['a', 'c'])
    expect(removeAt(list, 3)).toEqual(list)
    expect(removeAt(list, -1)).toEqual(list)
  })
  it('moves up and down, never past either end', () => {
    expect(moveBy(list, 1, -1)).toEqual(['b', 'a', 'c'])
    expect(moveBy(list, 1, 1)).toEqual(['a', 'c', 'b'])
    expect(moveBy(list, 0, -1)).toEqual(list)
    expect(moveBy(list, 2, 1)).toEqual(list)
    expect(moveBy(list, 0, 2)).toEqual(['b', 'c', 'a'])
  })
  it('never changes the list it was given', () => {
    const frozen = Object.freeze(['a', 'b'])
    expect(() => {
      insertAt(frozen, 0, 'x')
      removeAt(frozen, 0)
      moveBy(frozen, 0, 1)
    }).not.toThrow()
    expect(frozen).toEqual(['a', 'b'])
  })
})

describe('blocks', () => {
  it('changes a text block’s kind and keeps its text; a table stays a table', () => {
    expect(withKind({ kind: 'paragraph', text: 'x', italic: true }, 'bullet')).toEqual({ kind: 'bullet', text: 'x' })
    expect(withKind({ kind: 'paragraph', text: 'x', italic: true }, 'paragraph')).toEqual({ kind: 'paragraph', text: 'x', italic: true })
    expect(withKind({ kind: 'heading', text: 'I. A' }, 'paragraph')).toEqual({ kind: 'paragraph', text: 'I. A' })
    const table = { kind: 'table' as const, rows: [['a']] }
    expect(withKind(table, 'heading')).toBe(table)
    expect(emptyBlock('subheading')).toEqual({ kind: 'subheading', text: '' })
  })
  it('sizes a textarea to its text within bounds', () => {
    expect(rowsFor('')).toBe(1)
    expect(rowsFor('a\nb\nc')).toBe(3)
    expect(rowsFor('x'.repeat(181), 90)).toBe(3)
    expect(rowsFor('x\n'.repeat(100))).toBe(16)
  })
})

describe('the form and the document', () => {
  it('round-trips a document unchanged, with distinct ids per block', () => {
    const form = toForm(doc)
    expect(new Set(form.body.map((b) => b.id)).size).toBe(doc.body.length)
    expect(fromForm(doc, form)).toEqual(doc)
  })
  it('keeps the loaded document untouched while the form is edited', () => {
    const form = toForm(doc)
    const first = form.body[0]!.block
    if (first.kind === 'paragraph') first.text = 'changed'
    form.signatures[0]!.name = 'Khác'
    expect(doc.body[0]).toEqual({ kind: 'paragraph', text: 'Ngày 19/06/2026, tại Hội trường…' })
    expect(doc.signatures[0]!.name).toBe('Lò Văn Hùng')
  })
  it('puts the edits back: moved, removed and added blocks, number, recipients', () => {
    const form = toForm(doc)
    form.body = moveBy(form.body, 2, -1)
    form.body = removeAt(form.body, 3)
    form.body = insertAt(form.body, 1, { id: 999, block: { kind: 'bullet', text: 'Mới' } })
    form.number = ' 12 '
    form.recipients = '- Như trên\n\n  Lưu: VT, VPUB  '
    const out = fromForm(doc, form)
    expect(out.body.map((b) => b.kind)).toEqual(['paragraph', 'bullet', 'bullet', 'heading'])
    expect(out.number).toBe('12')
    expect(out.recipients).toEqual(['Như trên', 'Lưu: VT, VPUB'])
    expect(out.office).toEqual(doc.office)
  })
  it('reads recipients one a line', () => {
    expect(recipientsFromText('A\r\n- B\n• C\n\n')).toEqual(['A', 'B', 'C'])
    expect(recipientsToText(['A', 'B'])).toBe('A\nB')
  })
  it('maps validation errors to the block, signature and field they concern', () => {
    const bad = fromForm(doc, { ...toForm(doc), summary: 'x'.repeat(1001) })
    bad.body[1] = { kind: 'heading', text: '  ' }
    bad.signatures[0]!.name = 'x'.repeat(121)
    const checked = parseWith(administrativeDocumentSchema, bad)
    expect(checked.ok).toBe(false)
    if (checked.ok) return
    const e = formErrors(checked.error.fields)
    expect(e.blocks.get(1)).toBe('Không được để trống.')
    expect(e.top.summary).toMatch(/tối đa 1000/)
    expect(e.signatures.get('0.name')).toMatch(/tối đa 120/)
    // The server prefixes paths with "document.".
    expect(formErrors({ 'document.body.4.text': 'x', 'document.title': 'y' })).toMatchObject({ other: ['y'] })
    expect(formErrors({ 'document.body.4.text': 'x' }).blocks.get(4)).toBe('x')
  })
  it('asks for the correction reason from the second version on', () => {
    expect(needsCorrectionNote(0)).toBe(false)
    expect(needsCorrectionNote(1)).toBe(true)
  })
})

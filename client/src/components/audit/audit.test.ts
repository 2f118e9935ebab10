import { describe, expect, it } from 'vitest'
import type { OfficeAuditEntry } from '@shared/access/accounts'
import { actorText, eventLabel, filterOfficeAudit, officeActionLabel, roleText, subjectText } from './audit'

const entry = (id: number, over: Partial<OfficeAuditEntry>): OfficeAuditEntry => ({
  id,
  at: '2026-03-01T01:00:00Z',
  action: 'sign-in',
  actor: 'Lò Thị Lan (lan)',
  detail: '',
  address: '10.0.0.7',
  ...over,
})

describe('audit words', () => {
  it('labels office actions and meeting events in Vietnamese, keeping unknown codes visible', () => {
    expect(officeActionLabel('device-revoked')).toBe('Thu hồi thiết bị')
    expect(officeActionLabel('something-new')).toBe('something-new')
    expect(eventLabel('speaker.called')).toBe('Mời phát biểu')
    expect(eventLabel('meeting.renamed')).toBe('meeting.renamed')
  })

  it('names the role, the person, or the device', () => {
    expect(roleText('projector')).toBe('Màn hình chiếu')
    expect(roleText(null)).toBe('')
    expect(roleText('robot')).toBe('robot')
    expect(actorText({ kind: 'user', id: 'u', name: 'Lò Thị Lan (lan)' })).toBe('Lò Thị Lan (lan)')
    expect(actorText({ kind: 'device', id: 'd', name: 'Máy tính bảng' })).toBe('Thiết bị: Máy tính bảng')
    expect(actorText({ kind: 'device', id: 'd', name: '' })).toBe('Thiết bị: không tên')
    expect(actorText(null)).toBe('Hệ thống')
    expect(actorText({ kind: 'user', id: 'u', name: 'Lò Thị Lan (lan)', address: '10.0.0.12' })).toBe('Lò Thị Lan (lan) · 10.0.0.12')
  })
})

describe('office audit search', () => {
  const entries = [
    entry(1, {}),
    entry(2, { action: 'device-paired', actor: null, detail: 'Màn hình chiếu — Hội trường A' }),
    entry(3, { action: 'sign-in-failed', actor: null, detail: 'Tên đăng nhập: admin', address: '10.0.0.99' }),
  ]

  it('finds by label, person, detail or address, with or without accents', () => {
    expect(filterOfficeAudit(entries, 'dang nhap').map((e) => e.id)).toEqual([1, 3])
    expect(filterOfficeAudit(entries, 'HỘI TRƯỜNG').map((e) => e.id)).toEqual([2])
    expect(filterOfficeAudit(entries, '10.0.0.99').map((e) => e.id)).toEqual([3])
    expect(filterOfficeAudit(entries, '  ').map((e) => e.id)).toEqual([1, 2, 3])
  })
})

describe('what a meeting audit entry concerns', () => {
  it('names the petition by number and title, a withheld one as the server named it, and the speaker by number and name', () => {
    expect(subjectText({ petition: { no: 1, title: 'Cấp đổi sổ đỏ', withheld: false } })).toBe('KN 1: Cấp đổi sổ đỏ')
    expect(subjectText({ petition: { no: 2, title: 'Kiến nghị số 2 (bảo mật, lĩnh vực Tổ chức cán bộ)', withheld: true } })).toBe('Kiến nghị số 2 (bảo mật, lĩnh vực Tổ chức cán bộ)')
    expect(subjectText({ speaker: { no: 3, name: 'Lò Văn Nói' } })).toBe('Người phát biểu số 3: Lò Văn Nói')
    expect(subjectText({ speaker: { no: 4, name: null } })).toBe('Người phát biểu số 4')
    expect(subjectText({ petition: { no: 1, title: 'Cấp đổi sổ đỏ', withheld: false }, speaker: { no: 3, name: 'Lò Văn Nói' } })).toBe('KN 1: Cấp đổi sổ đỏ · Người phát biểu số 3: Lò Văn Nói')
    expect(subjectText(null)).toBe('')
    expect(subjectText(undefined)).toBe('')
  })
})

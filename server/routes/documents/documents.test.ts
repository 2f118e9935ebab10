import { randomUUID } from 'node:crypto'
import JSZip from 'jszip'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../../db/connect'
import { backendName, openTestDatabase } from '../../../tests/fixtures/database'
import type { AdministrativeDocument } from '../../../shared/documents/model'
import { buildApp } from '../../app'

describe(`minutes and notice on ${backendName}`, () => {
  let handle: DatabaseHandle
  let app: Awaited<ReturnType<typeof buildApp>>
  beforeAll(async () => {
    handle = await openTestDatabase()
    app = await buildApp({ db: handle.db, clientDir: '/nonexistent' })
  })
  afterAll(async () => {
    await app.close()
    await handle.close()
  })

  async function heldMeeting() {
    const created = await app.inject({
      method: 'POST',
      url: '/api/meetings',
      payload: { title: 'Hội nghị đối thoại với Nhân dân xã', venue: 'Hội trường UBND xã', meetingDate: '2026-06-19', chairName: 'Lò Văn Hùng', chairTitle: 'Chủ tịch UBND xã', secretaryName: 'Quàng Thị Thu', level: 'commune' },
    })
    const { meetingId, keys } = created.json() as { meetingId: string; keys: { secretary: string; chair: string } }
    const run = (type: string, fields: object) =>
      app.inject({ method: 'POST', url: `/api/meetings/${meetingId}/commands`, headers: { 'x-meeting-key': keys.secretary }, payload: { type, commandId: randomUUID(), ...fields } })
    await run('petition:record', { origin: 'registered', title: 'Đường vào bản', field: 'Giao thông', petitionerName: 'Cầm Văn Thanh', showName: true })
    await run('petition:record', { origin: 'registered', title: 'Tố cáo', petitionerName: 'Người Bí Mật', confidential: true })
    await run('speaker:register', { name: 'Cầm Văn Thanh', unit: 'Bản Nà Cang', petitionNos: [1] })
    await run('speaker:call-next', {})
    await run('speaker:summarize', { speakerNo: 1, summary: 'Đề nghị sửa đường' })
    await run('petition:record-answer', { petitionNo: 1, summary: 'Sửa trong quý II' })
    await run('petition:forward', { petitionNo: 2, body: 'Thanh tra tỉnh' })
    await run('meeting:set-phase', { phase: 'closed' })
    return { meetingId, keys }
  }

  const get = (url: string, key?: string) => app.inject({ url, headers: key ? { 'x-meeting-key': key } : {} })
  const post = (url: string, key: string, payload: object, method: 'POST' | 'PUT' = 'POST') => app.inject({ method, url, headers: { 'x-meeting-key': key }, payload })

  it('drafts the minutes from the log, saves the secretary’s edits, finalises version 1, then a corrected version 2', async () => {
    const { meetingId, keys } = await heldMeeting()
    const base = `/api/meetings/${meetingId}/documents/minutes`
    const view = await get(base, keys.secretary)
    expect(view.statusCode).toBe(200)
    const draft = view.json().draft as AdministrativeDocument
    expect(JSON.stringify(draft)).toContain('Đề nghị sửa đường')
    expect(JSON.stringify(draft)).not.toContain('Người Bí Mật')

    const edited = { ...draft, body: [...draft.body, { kind: 'paragraph', text: 'Thành phần tham dự: 85 đại biểu.' }] }
    expect((await post(`${base}/draft`, keys.secretary, { document: edited }, 'PUT')).statusCode).toBe(200)
    expect(JSON.stringify((await get(base, keys.secretary)).json().draft)).toContain('85 đại biểu')

    const v1 = await post(`${base}/finalize`, keys.secretary, { number: '05', note: '' })
    // (Later versions keep the number when none is sent: checked on version 2 below.)
    expect(v1.statusCode).toBe(201)
    expect(v1.json()).toEqual({ version: 1 })
    // A correction needs a reason, and becomes version 2; version 1 stays readable as it was.
    expect((await post(`${base}/finalize`, keys.secretary, { note: '' })).json().error.fields).toEqual({ note: 'Không được để trống.' })
    // The draft now starts from version 1 (number 05); the correction is made on it.
    const current = (await get(base, keys.secretary)).json().draft as AdministrativeDocument
    expect(current.number).toBe('05')
    const corrected = { ...current, body: [...current.body, { kind: 'paragraph', text: 'Đính chính: 86 đại biểu.' }] }
    await post(`${base}/draft`, keys.secretary, { document: corrected }, 'PUT')
    expect((await post(`${base}/finalize`, keys.secretary, { note: 'Sửa số đại biểu' })).json()).toEqual({ version: 2 })
    expect((await get(`${base}/versions/2`, keys.secretary)).json().document.number).toBe('05')
    const first = await get(`${base}/versions/1`, keys.chair)
    expect(first.json()).toMatchObject({ version: 1, savedBy: 'secretary', document: { number: '05' } })
    expect(JSON.stringify(first.json().document)).not.toContain('86 đại biểu')
    expect((await get(base, keys.secretary)).json().versions.map((v: { version: number; note: string }) => [v.version, v.note])).toEqual([
      [1, ''],
      [2, 'Sửa số đại biểu'],
    ])
    // The database itself keeps finalised versions frozen.
    await expect(sql`update meeting_documents set note = 'x' where meeting_id = ${meetingId} and version = 1`.execute(handle.db)).rejects.toThrow(/cannot change/)
  })

  it('drafts the notice only from finalised minutes, with its due date', async () => {
    const { meetingId, keys } = await heldMeeting()
    // Before the notice can be drafted, the minutes' view already says when it is due.
    expect((await get(`/api/meetings/${meetingId}/documents/minutes`, keys.secretary)).json()).toMatchObject({ noticeDueDate: '2026-06-30', noticeWorkingDays: 7 })
    const notice = await get(`/api/meetings/${meetingId}/documents/notice`, keys.secretary)
    expect(notice.statusCode).toBe(409)
    expect(notice.json().error.code).toBe('MINUTES_NOT_FINAL')
    await post(`/api/meetings/${meetingId}/documents/minutes/finalize`, keys.secretary, { note: '' })
    const ready = (await get(`/api/meetings/${meetingId}/documents/notice`, keys.secretary)).json()
    expect(ready.dueDate).toBe('2026-06-30') // 7 working days after Friday 19/06/2026 (commune)
    expect(ready.overdue).toBe(true) // today is after that date and nothing was issued
    expect(ready.draft.title).toBe('THÔNG BÁO')
    expect(JSON.stringify(ready.draft)).toContain('Thanh tra tỉnh')
    await post(`/api/meetings/${meetingId}/documents/notice/finalize`, keys.secretary, { number: '12', note: '' })
    const issued = (await get(`/api/meetings/${meetingId}/documents/notice`, keys.secretary)).json()
    expect(issued.overdue).toBe(false)
    // The issued notice is public; the minutes are not.
    expect((await get(`/api/meetings/${meetingId}/documents/notice/versions/1`)).statusCode).toBe(200)
    expect((await get(`/api/meetings/${meetingId}/documents/minutes/versions/1`)).statusCode).toBe(403)
  })

  it('downloads the issued notice as .docx and as a print page, with the Vietnamese text intact', async () => {
    const { meetingId, keys } = await heldMeeting()
    await post(`/api/meetings/${meetingId}/documents/minutes/finalize`, keys.secretary, { note: '' })
    await post(`/api/meetings/${meetingId}/documents/notice/finalize`, keys.secretary, { number: '12', note: '' })
    const docx = await app.inject({ url: `/api/meetings/${meetingId}/documents/notice/versions/1/docx` })
    expect(docx.statusCode).toBe(200)
    expect(docx.headers['content-disposition']).toBe('attachment; filename="thong-bao-ket-luan-v1.docx"')
    const zip = await JSZip.loadAsync(docx.rawPayload)
    const xml = await zip.file('word/document.xml')!.async('string')
    for (const text of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Số: 12/TB-', 'THÔNG BÁO', 'I. KẾT QUẢ ĐỐI THOẠI', 'Thanh tra tỉnh']) {
      expect(xml).toContain(text)
    }
    expect(xml).not.toContain('Người Bí Mật')
    const print = await app.inject({ url: `/api/meetings/${meetingId}/documents/notice/versions/1/print` })
    expect(print.headers['content-type']).toContain('text/html')
    expect(print.body).toContain('II. TỔ CHỨC THỰC HIỆN')
    // The minutes need a key, given here in the link itself.
    expect((await app.inject({ url: `/api/meetings/${meetingId}/documents/minutes/versions/1/docx` })).statusCode).toBe(403)
    expect((await app.inject({ url: `/api/meetings/${meetingId}/documents/minutes/versions/1/docx?key=${keys.chair}` })).statusCode).toBe(200)
    expect((await app.inject({ url: `/api/meetings/${meetingId}/documents/minutes/draft/print?key=${keys.secretary}` })).body).toContain('BIÊN BẢN')
  })

  it('lets the chair read but not edit, and refuses a malformed document', async () => {
    const { meetingId, keys } = await heldMeeting()
    const base = `/api/meetings/${meetingId}/documents/minutes`
    const draft = (await get(base, keys.chair)).json().draft
    expect((await post(`${base}/draft`, keys.chair, { document: draft }, 'PUT')).statusCode).toBe(403)
    expect((await post(`${base}/finalize`, keys.chair, { note: '' })).statusCode).toBe(403)
    const bad = await post(`${base}/draft`, keys.secretary, { document: { ...draft, title: '' } }, 'PUT')
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error.fields).toMatchObject({ 'document.title': 'Không được để trống.' })
    expect((await post(`${base}/draft`, keys.secretary, { document: { ...draft, kind: 'notice' } }, 'PUT')).statusCode).toBe(400)
  })

  it('keeps the office profile printed in the headers', async () => {
    const profile = { parentBody: 'UBND HUYỆN SỐP CỘP', issuingBody: 'ỦY BAN NHÂN DÂN XÃ SỐP CỘP', officeCode: 'UBND', place: 'Sốp Cộp' }
    expect((await app.inject({ method: 'PUT', url: '/api/office', payload: profile })).statusCode).toBe(200)
    expect((await app.inject({ url: '/api/office' })).json()).toEqual(profile)
    const bad = await app.inject({ method: 'PUT', url: '/api/office', payload: { ...profile, officeCode: 'tb vp' } })
    expect(bad.json().error.fields).toMatchObject({ officeCode: 'Chỉ gồm chữ in hoa, chữ số và dấu gạch.' })
  })
})

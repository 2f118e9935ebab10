import { randomUUID } from 'node:crypto'
import JSZip from 'jszip'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../../db/connect'
import { backendName } from '../../../tests/fixtures/database'
import { buildTestApp } from '../../../tests/fixtures/app'
import type { AdministrativeDocument } from '../../../shared/documents/model'
import { officeAccounts, type OfficeAccounts } from '../../../tests/fixtures/accounts'
import type { buildApp } from '../../app'
import { sonLaOffice } from '../../../tests/fixtures/offices'

describe(`minutes and notice on ${backendName}`, () => {
  let handle: DatabaseHandle
  let app: Awaited<ReturnType<typeof buildApp>>
  let people: OfficeAccounts
  beforeAll(async () => {
    ;({ app, handle } = await buildTestApp())
    people = await officeAccounts(handle.db)
  })
  afterAll(async () => {
    await app.close()
    await handle.close()
  })

  const confidentialTitle = 'Tố cáo việc chấm công không trung thực tại Đội xe'

  async function heldMeeting() {
    const created = await app.inject({
      method: 'POST',
      url: '/api/meetings',
      headers: people.secretary.headers,
      payload: { title: 'Hội nghị đối thoại với Nhân dân xã', venue: 'Hội trường UBND xã', meetingDate: '2026-06-19', chairName: 'Lò Văn Hùng', chairTitle: 'Chủ tịch UBND xã', secretaryName: 'Quàng Thị Thu', level: 'commune' },
    })
    const { meetingId } = created.json() as { meetingId: string }
    const run = (type: string, fields: object) =>
      app.inject({ method: 'POST', url: `/api/meetings/${meetingId}/commands`, headers: people.secretary.headers, payload: { type, commandId: randomUUID(), ...fields } })
    await run('petition:record', { origin: 'registered', title: 'Đường vào bản', field: 'Giao thông', petitionerName: 'Cầm Văn Thanh', showName: true })
    await run('petition:record', { origin: 'registered', title: confidentialTitle, field: 'Lao động', petitionerName: 'Người Bí Mật', confidential: true })
    await run('speaker:register', { name: 'Cầm Văn Thanh', unit: 'Bản Nà Cang', petitionNos: [1] })
    await run('speaker:call-next', {})
    await run('speaker:summarize', { speakerNo: 1, summary: 'Đề nghị sửa đường' })
    await run('petition:record-answer', { petitionNo: 1, summary: 'Sửa trong quý II' })
    await run('petition:forward', { petitionNo: 2, body: 'Thanh tra tỉnh' })
    await run('meeting:set-phase', { phase: 'closed' })
    return { meetingId }
  }

  /** Whoever calls: a person's session (cookie + CSRF token), a paired device's token, or nobody. */
  type Caller = { headers: Record<string, string> } | undefined
  const get = (url: string, caller?: Caller) => app.inject({ url, headers: caller?.headers ?? {} })
  const post = (url: string, caller: Caller, payload: object, method: 'POST' | 'PUT' = 'POST') => app.inject({ method, url, headers: caller?.headers ?? {}, payload })

  /** The chair's tablet, paired for this meeting by the secretary. */
  async function pairChairTablet(meetingId: string) {
    const issued = await app.inject({ method: 'POST', url: `/api/meetings/${meetingId}/pairings`, headers: people.secretary.headers, payload: { role: 'chair' } })
    const paired = await app.inject({ method: 'POST', url: '/api/pair', payload: { code: issued.json().code } })
    expect(paired.statusCode).toBe(201)
    return { headers: { authorization: `Bearer ${paired.json().token}` } }
  }

  it('drafts the minutes from the log, saves the secretary’s edits, finalises version 1, then a corrected version 2', async () => {
    const { meetingId } = await heldMeeting()
    const secretary = people.secretary
    const base = `/api/meetings/${meetingId}/documents/minutes`
    const view = await get(base, secretary)
    expect(view.statusCode).toBe(200)
    expect(view.json().draftSaved).toBeNull()
    const draft = view.json().draft as AdministrativeDocument
    expect(JSON.stringify(draft)).toContain('Đề nghị sửa đường')
    expect(JSON.stringify(draft)).not.toContain('Người Bí Mật')

    const edited = { ...draft, body: [...draft.body, { kind: 'paragraph', text: 'Thành phần tham dự: 85 đại biểu.' }] }
    expect((await post(`${base}/draft`, secretary, { document: edited }, 'PUT')).statusCode).toBe(200)
    const saved = (await get(base, secretary)).json()
    expect(JSON.stringify(saved.draft)).toContain('85 đại biểu')
    // The record names the person who saved, as the version history shows it.
    const savedBy = `Quàng Thị Thu (${secretary.user.username})`
    expect(saved.draftSaved.savedBy).toBe(savedBy)

    const v1 = await post(`${base}/finalize`, secretary, { number: '05', note: '' })
    // (Later versions keep the number when none is sent: checked on version 2 below.)
    expect(v1.statusCode).toBe(201)
    expect(v1.json()).toEqual({ version: 1 })
    // A correction needs a reason, and becomes version 2; version 1 stays readable as it was.
    expect((await post(`${base}/finalize`, secretary, { note: '' })).json().error.fields).toEqual({ note: 'Không được để trống.' })
    // The draft now starts from version 1 (number 05); the correction is made on it.
    const current = (await get(base, secretary)).json().draft as AdministrativeDocument
    expect(current.number).toBe('05')
    const corrected = { ...current, body: [...current.body, { kind: 'paragraph', text: 'Đính chính: 86 đại biểu.' }] }
    await post(`${base}/draft`, secretary, { document: corrected }, 'PUT')
    expect((await post(`${base}/finalize`, secretary, { note: 'Sửa số đại biểu' })).json()).toEqual({ version: 2 })
    expect((await get(`${base}/versions/2`, secretary)).json().document.number).toBe('05')
    const first = await get(`${base}/versions/1`, people.chair)
    expect(first.json()).toMatchObject({ version: 1, savedBy, document: { number: '05' } })
    expect(JSON.stringify(first.json().document)).not.toContain('86 đại biểu')
    const history = (await get(base, secretary)).json().versions as { version: number; note: string; savedBy: string }[]
    expect(history.map((v) => [v.version, v.note, v.savedBy])).toEqual([
      [1, '', savedBy],
      [2, 'Sửa số đại biểu', savedBy],
    ])
    // The database itself keeps finalised versions frozen.
    await expect(sql`update meeting_documents set note = 'x' where meeting_id = ${meetingId} and version = 1`.execute(handle.db)).rejects.toThrow(/cannot change/)
  })

  it('drafts the notice only from finalised minutes, with its due date', async () => {
    const { meetingId } = await heldMeeting()
    const secretary = people.secretary
    // Before the notice can be drafted, the minutes' view already says when it is due.
    expect((await get(`/api/meetings/${meetingId}/documents/minutes`, secretary)).json()).toMatchObject({ noticeDueDate: '2026-06-30', noticeWorkingDays: 7 })
    const notice = await get(`/api/meetings/${meetingId}/documents/notice`, secretary)
    expect(notice.statusCode).toBe(409)
    expect(notice.json().error.code).toBe('MINUTES_NOT_FINAL')
    await post(`/api/meetings/${meetingId}/documents/minutes/finalize`, secretary, { note: '' })
    const ready = (await get(`/api/meetings/${meetingId}/documents/notice`, secretary)).json()
    expect(ready.dueDate).toBe('2026-06-30') // 7 working days after Friday 19/06/2026 (commune)
    expect(ready.overdue).toBe(true) // today is after that date and nothing was issued
    expect(ready.draft.title).toBe('THÔNG BÁO')
    expect(JSON.stringify(ready.draft)).toContain('Thanh tra tỉnh')
    // Finalised is not issued: nobody outside reads it, and it is still overdue.
    await post(`/api/meetings/${meetingId}/documents/notice/finalize`, secretary, { note: '' })
    expect((await get(`/api/meetings/${meetingId}/documents/notice/issued/1/print`)).statusCode).toBe(404)
    expect((await get(`/api/meetings/${meetingId}/documents/notice/versions/1`)).statusCode).toBe(401)
    expect((await get(`/api/meetings/${meetingId}/documents/notice`, secretary)).json()).toMatchObject({ overdue: true, issuedOn: null })
    // Issued (a number and a date, a day late): the overdue flag follows the issue date.
    const number = (await get(`/api/meetings/${meetingId}/documents/notice`, secretary)).json().register.suggestedNumber as number
    const issue = await post(`/api/meetings/${meetingId}/documents/notice/versions/1/issue`, secretary, { commandId: randomUUID(), number, date: '2026-07-01' })
    expect(issue.statusCode).toBe(201)
    // (The office's code is whatever the shared database's profile holds now.)
    expect(issue.json()).toMatchObject({ version: 1, number, date: '2026-07-01', symbol: expect.stringMatching(/^TB-/) })
    expect((await get(`/api/meetings/${meetingId}/documents/notice`, secretary)).json()).toMatchObject({
      overdue: false,
      issuedOn: '2026-07-01',
      issuedLate: true,
      versions: [{ version: 1, issued: { number, date: '2026-07-01' } }],
    })
    // The issued notice is public; the minutes and the drafts are not.
    const published = await get(`/api/meetings/${meetingId}/documents/notice/issued/1/print`)
    expect(published.statusCode).toBe(200)
    expect(published.body).toContain(`Số: ${number}/TB-`)
    expect(published.body).toContain('ngày 01 tháng 7 năm 2026')
    expect(published.body).not.toContain('Người Bí Mật')
    const refused = [
      [await get(`/api/meetings/${meetingId}/documents/minutes/versions/1`), 401, 'UNAUTHENTICATED'],
      [await get(`/api/meetings/${meetingId}/documents/minutes/issued/1/print`), 401, 'UNAUTHENTICATED'],
      [await get(`/api/meetings/${meetingId}/documents/minutes`), 401, 'UNAUTHENTICATED'],
      [await get(`/api/meetings/${meetingId}/documents/notice`), 401, 'UNAUTHENTICATED'],
      // A unit lead follows its unit's commitments, not the meeting's record.
      [await get(`/api/meetings/${meetingId}/documents/minutes/versions/1`, people.unitLead), 403, 'FORBIDDEN'],
    ] as const
    for (const [res, status, code] of refused) {
      expect({ status: res.statusCode, code: res.json().error.code }).toEqual({ status, code })
      expect(res.body).not.toContain('Đề nghị sửa đường')
    }
  })

  it('downloads the issued notice as .docx and as a print page, with the Vietnamese text intact', async () => {
    const { meetingId } = await heldMeeting()
    await post(`/api/meetings/${meetingId}/documents/minutes/finalize`, people.secretary, { note: '' })
    await post(`/api/meetings/${meetingId}/documents/notice/finalize`, people.secretary, { note: '' })
    const number = (await get(`/api/meetings/${meetingId}/documents/notice`, people.secretary)).json().register.suggestedNumber as number
    await post(`/api/meetings/${meetingId}/documents/notice/versions/1/issue`, people.secretary, { commandId: randomUUID(), number, date: '2026-06-26' })
    const docx = await app.inject({ url: `/api/meetings/${meetingId}/documents/notice/issued/1/docx` })
    expect(docx.statusCode).toBe(200)
    expect(docx.headers['content-disposition']).toBe(`attachment; filename="thong-bao-ket-luan-so-${number}-2026.docx"`)
    const zip = await JSZip.loadAsync(docx.rawPayload)
    const xml = await zip.file('word/document.xml')!.async('string')
    for (const text of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', `Số: ${number}/TB-`, 'THÔNG BÁO', 'I. KẾT QUẢ ĐỐI THOẠI', 'Thanh tra tỉnh']) {
      expect(xml).toContain(text)
    }
    const print = await app.inject({ url: `/api/meetings/${meetingId}/documents/notice/issued/1/print` })
    expect(print.headers['content-type']).toContain('text/html')
    expect(print.body).toContain('II. TỔ CHỨC THỰC HIỆN')
    // The same rules hold in Word and on the print page: the denunciation is public by its number and
    // field only (its subject would name the denouncer in a small office); the date line writes no
    // zero before June; the file copy is kept by the drafting unit.
    for (const [where, text] of [['docx', xml], ['print', print.body]] as const) {
      expect(text, where).not.toContain('Người Bí Mật')
      expect(text, where).not.toContain('chấm công')
      expect(text, where).toContain('kiến nghị số 2 (bảo mật, lĩnh vực Lao động)')
      expect(text, where).toContain('ngày 26 tháng 6 năm 2026')
      expect(text, where).toMatch(/Lưu: VT, [^<]+\./)
    }
    // The minutes need someone who may read them: a download link carries the session cookie; an
    // old ?key= link opens nothing.
    const minutesDocx = `/api/meetings/${meetingId}/documents/minutes/versions/1/docx`
    expect((await app.inject({ url: minutesDocx })).statusCode).toBe(401)
    expect((await app.inject({ url: `${minutesDocx}?key=anything` })).statusCode).toBe(401)
    expect((await app.inject({ url: `/api/meetings/${meetingId}/documents/minutes/draft/print` })).statusCode).toBe(401)
    expect((await app.inject({ url: minutesDocx, headers: { cookie: people.chair.cookie } })).statusCode).toBe(200)
    // A hall tablet holds its live screen only, not the documents: the chair reads them signed in.
    expect((await app.inject({ url: minutesDocx, headers: (await pairChairTablet(meetingId)).headers })).statusCode).toBe(403)
    expect((await app.inject({ url: `/api/meetings/${meetingId}/documents/minutes/draft/print`, headers: { cookie: people.secretary.cookie } })).body).toContain('BIÊN BẢN')
  })

  it('lets the chair and oversight read but not edit, and refuses a malformed document', async () => {
    const { meetingId } = await heldMeeting()
    const base = `/api/meetings/${meetingId}/documents/minutes`
    const draft = (await get(base, people.chair)).json().draft
    expect((await get(base, people.oversight)).json().draft).toEqual(draft)
    // The chair's tablet is a hall device: its live screen, not the documents.
    expect((await get(base, await pairChairTablet(meetingId))).statusCode).toBe(403)
    const changed = { ...draft, body: [...draft.body, { kind: 'paragraph', text: 'Sửa trái phép' }] }
    for (const reader of [people.chair, people.oversight]) {
      for (const res of [
        await post(`${base}/draft`, reader, { document: changed }, 'PUT'),
        await post(`${base}/draft/regenerate`, reader, {}),
        await post(`${base}/finalize`, reader, { note: '' }),
      ]) {
        expect({ status: res.statusCode, code: res.json().error.code }).toEqual({ status: 403, code: 'FORBIDDEN' })
      }
    }
    // Nothing changed: no saved draft, no version.
    const after = (await get(base, people.secretary)).json()
    expect(after).toMatchObject({ draftSaved: null, versions: [] })
    expect(JSON.stringify(after.draft)).not.toContain('Sửa trái phép')
    const bad = await post(`${base}/draft`, people.secretary, { document: { ...draft, title: '' } }, 'PUT')
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error.fields).toMatchObject({ 'document.title': 'Không được để trống.' })
    expect((await post(`${base}/draft`, people.secretary, { document: { ...draft, kind: 'notice' } }, 'PUT')).statusCode).toBe(400)
  })

  it('keeps the office profile printed in the headers, edited by the administrator only', async () => {
    const profile = sonLaOffice
    const other = { ...profile, place: 'Mường Lát' }
    expect((await app.inject({ method: 'PUT', url: '/api/office', headers: people.admin.headers, payload: profile })).statusCode).toBe(200)
    for (const [headers, status] of [
      [{}, 401],
      [people.secretary.headers, 403],
      [people.chair.headers, 403],
    ] as const) {
      expect((await app.inject({ method: 'PUT', url: '/api/office', headers, payload: other })).statusCode).toBe(status)
    }
    // Every account reads it (the secretary's documents print it); nobody outside does.
    for (const person of [people.secretary, people.chair, people.unitLead]) {
      expect((await app.inject({ url: '/api/office', headers: person.headers })).json()).toEqual(profile)
    }
    expect((await app.inject({ url: '/api/office' })).statusCode).toBe(401)
    const bad = await app.inject({ method: 'PUT', url: '/api/office', headers: people.admin.headers, payload: { ...profile, officeCode: 'tb vp' } })
    expect(bad.json().error.fields).toMatchObject({ officeCode: 'Chỉ gồm chữ in hoa, chữ số và dấu gạch.' })
  })
})

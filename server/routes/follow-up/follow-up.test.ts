import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../../db/connect'
import { backendName } from '../../../tests/fixtures/database'
import { buildTestApp } from '../../../tests/fixtures/app'
import { createAccount, officeAccounts, type OfficeAccounts } from '../../../tests/fixtures/accounts'
import type { buildApp } from '../../app'

type Item = { meetingId: string; petitionNo: number; petitionTitle: string; unitId: string; unitName: string; status: string; record: { result: unknown } }

describe(`follow-up on ${backendName}`, () => {
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

  const newUnit = async (name: string) =>
    (await app.inject({ method: 'POST', url: '/api/directory/units', headers: people.admin.headers, payload: { name: `${name} ${randomUUID().slice(0, 4)}` } })).json() as {
      id: string
      name: string
    }

  /**
   * A meeting that committed two written answers: petition 1 (confidential) to one unit, petition 3
   * to another; petition 2 was answered in the room.
   */
  async function meetingWithCommitment() {
    const unit = await newUnit('Phòng Kinh tế')
    const otherUnit = await newUnit('Phòng Văn hóa')
    const created = await app.inject({ method: 'POST', url: '/api/meetings', headers: people.secretary.headers, payload: { title: 'Đối thoại', meetingDate: '2026-06-19', level: 'commune' } })
    const { meetingId } = created.json() as { meetingId: string }
    const run = (type: string, fields: object) =>
      app.inject({ method: 'POST', url: `/api/meetings/${meetingId}/commands`, headers: people.secretary.headers, payload: { type, commandId: randomUUID(), ...fields } })
    await run('petition:record', { origin: 'registered', title: 'Cấp sổ đỏ chậm', field: 'Đất đai', petitionerName: 'Người Giấu', confidential: true })
    await run('petition:record', { origin: 'registered', title: 'Đường', field: 'Giao thông' })
    await run('petition:record', { origin: 'registered', title: 'Nhà văn hóa bản dột', field: 'Văn hóa', petitionerName: 'Lò Văn Công' })
    await run('petition:commit-written-answer', { petitionNo: 1, unitId: unit.id, dueDate: '2026-07-10' })
    await run('petition:record-answer', { petitionNo: 2 })
    await run('petition:commit-written-answer', { petitionNo: 3, unitId: otherUnit.id, dueDate: '2026-07-15' })
    return { meetingId, unitName: unit.name, unit, otherUnit }
  }

  const itemsOf = async (url: string, headers: Record<string, string>) => {
    const res = await app.inject({ url, headers })
    expect(res.statusCode).toBe(200)
    return { body: res.body, items: res.json().items as Item[] }
  }
  const result = { text: 'Đã cấp giấy chứng nhận', date: '2026-07-20', petitionerAnswered: true }

  it('lists each commitment with its unit, deadline and status, here and across meetings, without petitioners', async () => {
    const { meetingId, unitName } = await meetingWithCommitment()
    const mine = await itemsOf(`/api/meetings/${meetingId}/follow-ups`, people.chair.headers)
    expect(mine.items).toEqual([
      expect.objectContaining({ petitionNo: 1, unitName, dueDate: '2026-07-10', status: 'overdue' }),
      expect.objectContaining({ petitionNo: 3, dueDate: '2026-07-15', status: 'overdue' }),
    ])
    const all = await itemsOf('/api/follow-ups', people.secretary.headers)
    expect(all.items.some((i) => i.meetingId === meetingId)).toBe(true)
    expect(all.body).not.toContain('Người Giấu')
    expect(all.body).not.toContain('Cấp sổ đỏ chậm') // a confidential petition's subject
    expect(all.items.find((i) => i.meetingId === meetingId)!.petitionTitle).toBe('Kiến nghị số 1 (bảo mật, lĩnh vực Đất đai)')
    // The secretary and the chair see the meeting's own list in full; oversight sees every item,
    // a confidential one by its number only.
    expect(mine.items[0]!.petitionTitle).toBe('Cấp sổ đỏ chậm')
    expect((await itemsOf(`/api/meetings/${meetingId}/follow-ups`, people.secretary.headers)).items[0]!.petitionTitle).toBe('Cấp sổ đỏ chậm')
    const overseen = await itemsOf(`/api/meetings/${meetingId}/follow-ups`, people.oversight.headers)
    expect(overseen.items.map((i: Item) => i.petitionNo)).toEqual(mine.items.map((i: Item) => i.petitionNo))
    expect(overseen.items[0]!.petitionTitle).toBe('Kiến nghị số 1 (bảo mật, lĩnh vực Đất đai)')
    for (const url of [`/api/meetings/${meetingId}/follow-ups`, '/api/follow-ups']) {
      const anonymous = await app.inject({ url })
      expect({ status: anonymous.statusCode, code: anonymous.json().error.code }).toEqual({ status: 401, code: 'UNAUTHENTICATED' })
      expect((await app.inject({ url, headers: people.admin.headers })).statusCode).toBe(403)
    }
  })

  it('shows a unit lead only its own unit’s items, a confidential one by its number only', async () => {
    const { meetingId, unit, otherUnit } = await meetingWithCommitment()
    const lead = await createAccount(handle.db, ['unit_lead'], { unitId: unit.id })
    const otherLead = await createAccount(handle.db, ['unit_lead'], { unitId: otherUnit.id })

    const here = await itemsOf(`/api/meetings/${meetingId}/follow-ups`, lead.headers)
    expect(here.items).toEqual([expect.objectContaining({ meetingId, petitionNo: 1, unitId: unit.id, petitionTitle: 'Kiến nghị số 1 (bảo mật, lĩnh vực Đất đai)', status: 'overdue' })])
    expect(here.body).not.toContain('Cấp sổ đỏ chậm')
    expect(here.body).not.toContain('Người Giấu')
    const across = await itemsOf('/api/follow-ups', lead.headers)
    expect(across.items.filter((i) => i.meetingId === meetingId).map((i) => i.petitionNo)).toEqual([1])
    expect(across.items.every((i) => i.unitId === unit.id)).toBe(true)
    expect(across.body).not.toContain('Cấp sổ đỏ chậm')

    // The other unit's lead sees its own (not confidential) item in full, and nothing of the first.
    const theirs = await itemsOf(`/api/meetings/${meetingId}/follow-ups`, otherLead.headers)
    expect(theirs.items).toEqual([expect.objectContaining({ petitionNo: 3, unitId: otherUnit.id, petitionTitle: 'Nhà văn hóa bản dột' })])
    expect(theirs.body).not.toContain('Kiến nghị số 1')
    expect((await itemsOf('/api/follow-ups', otherLead.headers)).items.every((i) => i.unitId === otherUnit.id)).toBe(true)
    // A unit lead not yet tied to a unit sees nothing at all.
    expect((await itemsOf(`/api/meetings/${meetingId}/follow-ups`, people.unitLead.headers)).items).toEqual([])
    expect((await itemsOf('/api/follow-ups', people.unitLead.headers)).items).toEqual([])
  })

  it('refuses a result dated in the future or on a date no office means, recording nothing', async () => {
    const { meetingId } = await meetingWithCommitment()
    const base = `/api/meetings/${meetingId}/follow-ups`
    for (const date of ['2099-12-31', '9999-12-31', '0000-01-01']) {
      const res = await app.inject({ method: 'POST', url: `${base}/3/result`, headers: people.secretary.headers, payload: { ...result, date } })
      expect({ status: res.statusCode, code: res.json().error.code, field: typeof res.json().error.fields?.date }).toEqual({ status: 400, code: 'VALIDATION_FAILED', field: 'string' })
    }
    const items = await itemsOf(base, people.secretary.headers)
    expect(items.items.find((i) => i.petitionNo === 3)?.status).toBe('overdue')
  })

  it('lets a unit lead report its own unit’s result, but not another unit’s, and not extend', async () => {
    const { meetingId, unit } = await meetingWithCommitment()
    const lead = await createAccount(handle.db, ['unit_lead'], { unitId: unit.id })
    const base = `/api/meetings/${meetingId}/follow-ups`

    const other = await app.inject({ method: 'POST', url: `${base}/3/result`, headers: lead.headers, payload: result })
    expect({ status: other.statusCode, code: other.json().error.code }).toEqual({ status: 403, code: 'FORBIDDEN' })
    expect(other.body).not.toContain('Nhà văn hóa')
    const extend = await app.inject({ method: 'POST', url: `${base}/1/extend`, headers: lead.headers, payload: { reason: 'Cần thêm thời gian' } })
    expect({ status: extend.statusCode, code: extend.json().error.code }).toEqual({ status: 403, code: 'FORBIDDEN' })

    const own = await app.inject({ method: 'POST', url: `${base}/1/result`, headers: lead.headers, payload: result })
    expect(own.statusCode).toBe(200)
    // The answer is redacted for the unit lead as its lists are.
    expect(own.json()).toMatchObject({ petitionNo: 1, petitionTitle: 'Kiến nghị số 1 (bảo mật, lĩnh vực Đất đai)', status: 'done_late', record: { result: { text: 'Đã cấp giấy chứng nhận' } } })
    expect(own.body).not.toContain('Cấp sổ đỏ chậm')
    // Who reported it is on the meeting's record, for oversight (the petition by its number only);
    // a second report changes nothing.
    const trail = (await app.inject({ url: `/api/meetings/${meetingId}/audit`, headers: people.oversight.headers })).json().entries as {
      type: string
      actor: { name: string } | null
      subject: { petition?: { no: number; title: string; withheld: boolean } } | null
    }[]
    expect(trail.find((e) => e.type === 'follow-up.result-recorded' && e.actor?.name.includes(lead.user.displayName))?.subject).toEqual({
      petition: { no: 1, title: 'Kiến nghị số 1 (bảo mật, lĩnh vực Đất đai)', withheld: true },
    })
    const again = await app.inject({ method: 'POST', url: `${base}/1/result`, headers: lead.headers, payload: { ...result, text: 'Ghi đè' } })
    expect(again.json().error.code).toBe('RESULT_ALREADY_RECORDED')

    // The secretary sees the result recorded, and nothing on the other unit's item nor an extension.
    const items = (await itemsOf(base, people.secretary.headers)).items as (Item & { record: { extendedDueDate: string | null } })[]
    expect(items.map((i) => [i.petitionNo, i.status, i.record.extendedDueDate])).toEqual([
      [1, 'done_late', null],
      [3, 'overdue', null],
    ])
  })

  it('never lets a unit lead who also holds oversight or chair report on another unit’s item', async () => {
    const { meetingId, unit } = await meetingWithCommitment()
    const base = `/api/meetings/${meetingId}/follow-ups`
    for (const roles of [['unit_lead', 'oversight'], ['unit_lead', 'chair']] as const) {
      const person = await createAccount(handle.db, [...roles], { unitId: unit.id })
      // They read every item (oversight, chair) …
      expect((await itemsOf(base, person.headers)).items.map((i: Item) => i.petitionNo)).toEqual([1, 3])
      // … but change only their own unit's.
      const other = await app.inject({ method: 'POST', url: `${base}/3/result`, headers: person.headers, payload: result })
      expect({ roles, status: other.statusCode, code: other.json().error.code }).toEqual({ roles, status: 403, code: 'FORBIDDEN' })
    }
    const items = (await itemsOf(base, people.secretary.headers)).items as (Item & { record: { result: unknown } })[]
    expect(items.find((i) => i.petitionNo === 3)?.record.result).toBeNull()
  })

  it('keeps results to the secretary and the unit leads: the chair and oversight are refused and nothing is recorded', async () => {
    const { meetingId } = await meetingWithCommitment()
    const base = `/api/meetings/${meetingId}/follow-ups`
    for (const [headers, status, code] of [
      [people.chair.headers, 403, 'FORBIDDEN'],
      [people.oversight.headers, 403, 'FORBIDDEN'],
      [people.admin.headers, 403, 'FORBIDDEN'],
      [{}, 401, 'UNAUTHENTICATED'],
      [{ cookie: people.secretary.cookie }, 403, 'CSRF_FAILED'],
    ] as const) {
      for (const [action, payload] of [
        ['result', result],
        ['extend', { reason: 'Cần đo đạc lại thực địa' }],
      ] as const) {
        const res = await app.inject({ method: 'POST', url: `${base}/1/${action}`, headers, payload })
        expect({ action, status: res.statusCode, code: res.json().error.code }).toEqual({ action, status, code })
      }
    }
    const items = (await itemsOf(base, people.secretary.headers)).items as (Item & { record: { extendedDueDate: string | null } })[]
    expect(items.map((i) => [i.petitionNo, i.status, i.record.result, i.record.extendedDueDate])).toEqual([
      [1, 'overdue', null, null],
      [3, 'overdue', null, null],
    ])
  })

  it('extends once with a reason to the longer period, then records the result as on time or late', async () => {
    const { meetingId } = await meetingWithCommitment()
    const url = `/api/meetings/${meetingId}/follow-ups/1`
    const headers = people.secretary.headers
    expect((await app.inject({ method: 'POST', url: `${url}/extend`, headers, payload: { reason: '' } })).statusCode).toBe(400)
    const extended = await app.inject({ method: 'POST', url: `${url}/extend`, headers, payload: { reason: 'Cần đo đạc lại thực địa' } })
    expect(extended.json()).toMatchObject({ effectiveDueDate: '2026-07-31', record: { extensionReason: 'Cần đo đạc lại thực địa' } })
    expect((await app.inject({ method: 'POST', url: `${url}/extend`, headers, payload: { reason: 'Lần nữa' } })).json().error.code).toBe('ALREADY_EXTENDED')
    const done = await app.inject({ method: 'POST', url: `${url}/result`, headers, payload: { text: 'Đã cấp giấy chứng nhận', date: '2026-07-20', petitionerAnswered: true } })
    expect(done.json()).toMatchObject({ status: 'done_on_time', record: { result: { petitionerAnswered: true } } })
    expect((await app.inject({ method: 'POST', url: `${url}/result`, headers, payload: { text: 'x', date: '2026-07-21', petitionerAnswered: true } })).json().error.code).toBe(
      'RESULT_ALREADY_RECORDED',
    )
    expect((await app.inject({ method: 'POST', url: `/api/meetings/${meetingId}/follow-ups/2/result`, headers, payload: { text: 'x', date: '2026-07-21', petitionerAnswered: true } })).statusCode).toBe(404)
  })
})

describe(`results report on ${backendName}`, () => {
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

  it('reports a held conference of the period, as figures and as a document', async () => {
    // The period's figures before and after this meeting: what it adds is exactly its own, even on a
    // database other suites (or earlier runs) share.
    const period = '/api/reports/results?from=2019-03-01&to=2019-03-31'
    const secretary = people.secretary.headers
    const before = (await app.inject({ url: period, headers: secretary })).json()
    const created = await app.inject({ method: 'POST', url: '/api/meetings', headers: secretary, payload: { title: 'Đối thoại', meetingDate: '2019-03-12', audience: 'staff', form: 'ad_hoc' } })
    const { meetingId } = created.json() as { meetingId: string }
    const run = (type: string, fields: object) =>
      app.inject({ method: 'POST', url: `/api/meetings/${meetingId}/commands`, headers: secretary, payload: { type, commandId: randomUUID(), ...fields } })
    await run('meeting:update-details', { title: 'Đối thoại', meetingDate: '2019-03-12', chairName: 'Sòi Đức Nghĩa', chairTitle: 'Chánh Văn phòng' })
    await run('petition:record', { origin: 'added', title: 'Nước sạch', field: 'Môi trường' })
    await run('petition:record-answer', { petitionNo: 1 })
    await run('meeting:set-phase', { phase: 'closed' })
    const r = (await app.inject({ url: period, headers: secretary })).json()
    const added = (path: (x: typeof r) => number) => path(r) - path(before)
    expect({
      total: added((x) => x.conferences.total),
      staff: added((x) => x.conferences.byAudience.staff),
      adHoc: added((x) => x.conferences.byForm.ad_hoc),
    }).toEqual({ total: 1, staff: 1, adHoc: 1 })
    expect({ received: added((x) => x.totals.received), added: added((x) => x.totals.added), answered: added((x) => x.totals.answered) }).toEqual({
      received: 1,
      added: 1,
      answered: 1,
    })
    const documentUrl = '/api/reports/2019-03-01/2019-03-31/document'
    const doc = (await app.inject({ url: documentUrl, headers: people.chair.headers })).json()
    expect(doc.draft).toMatchObject({ kind: 'report', title: 'BÁO CÁO', summary: 'Kết quả thực hiện công tác đối thoại từ ngày 01/03/2019 đến ngày 31/03/2019' })
    // Signed by the head who chaired the period's dialogues, as the office's head title says.
    expect(doc.draft.signatures[0].name).toBe('Sòi Đức Nghĩa')
    expect((await app.inject({ url: '/api/reports/results?from=2019-03-01&to=31/03/2019', headers: secretary })).statusCode).toBe(400)
    expect((await app.inject({ url: '/api/reports/2019-03-31/2019-03-01/document', headers: secretary })).statusCode).toBe(400) // backwards
    // The office's figures are for the secretary, the chair, oversight and the administrator.
    for (const person of [people.oversight, people.admin]) expect((await app.inject({ url: period, headers: person.headers })).statusCode).toBe(200)
    for (const url of [period, documentUrl, `${documentUrl}/draft/docx`]) {
      expect((await app.inject({ url })).statusCode).toBe(401)
      expect((await app.inject({ url, headers: people.unitLead.headers })).statusCode).toBe(403)
    }
  })

  it('edits, finalises and issues the report like the minutes: a draft, frozen versions, a BC number', async () => {
    const base = '/api/reports/2019-04-01/2019-04-30/document'
    const secretary = people.secretary.headers
    const view = (await app.inject({ url: base, headers: secretary })).json()
    const draft = view.draft
    const edited = { ...draft, body: draft.body.map((b: { kind: string; text?: string }) => (b.text === 'Không.' ? { ...b, text: 'Đề nghị Sở Nội vụ tổ chức tập huấn.' } : b)) }
    expect((await app.inject({ method: 'PUT', url: `${base}/draft`, headers: secretary, payload: { document: edited } })).statusCode).toBe(200)
    expect((await app.inject({ method: 'POST', url: `${base}/finalize`, headers: secretary, payload: { note: '' } })).json()).toEqual({ version: 1 })
    // The chair reads it, does not change it.
    expect((await app.inject({ method: 'POST', url: `${base}/finalize`, headers: people.chair.headers, payload: { note: 'x' } })).statusCode).toBe(403)
    const number = view.register.suggestedNumber as number
    expect(view.register.type).toBe('BC')
    const issued = await app.inject({ method: 'POST', url: `${base}/versions/1/issue`, headers: secretary, payload: { commandId: randomUUID(), number, date: '2019-05-05' } })
    expect(issued.statusCode).toBe(201)
    const printed = (await app.inject({ url: `${base}/issued/1/print`, headers: people.oversight.headers })).body
    expect(printed).toContain(`Số: ${number}/BC-`)
    expect(printed).toContain('Đề nghị Sở Nội vụ tổ chức tập huấn.')
    const again = await app.inject({ method: 'POST', url: `${base}/versions/1/issue`, headers: secretary, payload: { commandId: randomUUID(), number: number + 1, date: '2019-05-05' } })
    expect(again.json().error.code).toBe('ALREADY_ISSUED')
  })
})

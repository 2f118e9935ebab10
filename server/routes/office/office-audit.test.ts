import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../../db/connect'
import { listAudit } from '../../../db/repositories/audit'
import { deadlineRules } from '../../../shared/meeting/rules'
import { createAccount, type TestAccount } from '../../../tests/fixtures/accounts'
import { openPrivateDatabase } from '../../../tests/fixtures/database'
import { communeOffice } from '../../../tests/fixtures/offices'
import { buildApp } from '../../app'

type App = Awaited<ReturnType<typeof buildApp>>

// Oversight reads who changed the office's data. Each change is recorded by its service in the same
// transaction; nothing records it afterwards, so every office:write route is listed here, with what
// it records, and a route added without its audit row fails this test.
describe('every change to the office’s data is in the audit trail', () => {
  let handle: DatabaseHandle
  let app: App
  let admin: TestAccount
  const send = (method: 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) => app.inject({ method, url, headers: admin.headers, ...(payload ? { payload } : {}) })
  const auditCount = async () => (await listAudit(handle.db)).length

  beforeAll(async () => {
    handle = await openPrivateDatabase()
    app = await buildApp({ db: handle.db, clientDir: '/nonexistent' })
    admin = await createAccount(handle.db, ['admin'], { displayName: 'Điêu Chính Tới' })
  })
  afterAll(async () => {
    await app.close()
    await handle.close()
  })

  it('records each change once, named after the administrator, and records a preview or a refusal not at all', async () => {
    const tested = new Set<string>()
    /** Sends the request and answers the one audit row it wrote (null: it wrote none). */
    async function change(method: 'POST' | 'PUT' | 'DELETE', route: string, url: string, payload?: object, status = 200) {
      tested.add(`${method} ${route}`)
      const before = await auditCount()
      const response = await send(method, url, payload)
      expect(response.statusCode, `${method} ${url}: ${response.body}`).toBe(status)
      const written = (await auditCount()) - before
      expect(written, `${method} ${url}`).toBeLessThanOrEqual(1)
      if (written === 0) return { response, entry: null }
      const entry = (await listAudit(handle.db, 1))[0]!
      expect(entry).toMatchObject({ action: 'office-changed', actor: `Điêu Chính Tới (${admin.user.username})` })
      return { response, entry }
    }

    const unit = await change('POST', '/api/directory/units', '/api/directory/units', { name: 'Phòng Văn hóa - Xã hội' }, 201)
    expect(unit.entry?.detail).toBe('Thêm đơn vị «Phòng Văn hóa - Xã hội»')
    const unitId = unit.response.json().id as string
    expect((await change('PUT', '/api/directory/units/:id', `/api/directory/units/${unitId}`, { name: 'Phòng Văn hóa' })).entry?.detail).toBe('Đổi tên đơn vị thành «Phòng Văn hóa»')

    const official = await change('POST', '/api/directory/officials', '/api/directory/officials', { name: 'Lường Văn Nam', title: 'Trưởng phòng', unitId }, 201)
    expect(official.entry?.detail).toBe('Thêm cán bộ «Lường Văn Nam»')
    const officialId = official.response.json().id as string
    expect((await change('PUT', '/api/directory/officials/:id', `/api/directory/officials/${officialId}`, { name: 'Lường Văn Nam', title: 'Phó Trưởng phòng', unitId })).entry?.detail).toBe(
      'Sửa thông tin cán bộ «Lường Văn Nam»',
    )
    expect((await change('DELETE', '/api/directory/officials/:id', `/api/directory/officials/${officialId}`, undefined, 204)).entry?.detail).toBe('Xóa cán bộ «Lường Văn Nam» khỏi danh bạ')
    expect((await change('DELETE', '/api/directory/units/:id', `/api/directory/units/${unitId}`, undefined, 204)).entry?.detail).toBe('Xóa đơn vị «Phòng Văn hóa» khỏi danh bạ')
    // The same unit again: refused, and not recorded.
    expect((await change('DELETE', '/api/directory/units/:id', `/api/directory/units/${unitId}`, undefined, 422)).entry).toBeNull()

    expect((await change('PUT', '/api/office', '/api/office', communeOffice)).entry?.detail).toBe('Sửa thông tin cơ quan in trên văn bản')
    expect((await change('PUT', '/api/office/deadlines', '/api/office/deadlines', deadlineRules)).entry?.detail).toBe('Sửa thời hạn giải quyết (ngày làm việc)')

    // 2087-09-02 is a Tuesday.
    expect((await change('PUT', '/api/calendar/:day', '/api/calendar/2087-09-02', { kind: 'day_off', note: 'Quốc khánh' })).entry?.detail).toBe('Lịch ngày 2087-09-02: nghỉ (Quốc khánh)')
    expect((await change('PUT', '/api/calendar/:day', '/api/calendar/2087-09-02', { kind: 'working_day', note: '' }, 400)).entry).toBeNull()
    expect((await change('DELETE', '/api/calendar/:day', '/api/calendar/2087-09-02', undefined, 204)).entry?.detail).toBe('Bỏ ngày 2087-09-02 khỏi lịch')

    const schedule = { format: 'list', text: '02/09/2087 Quốc khánh' }
    expect((await change('POST', '/api/calendar/years/:year/preview', '/api/calendar/years/2087/preview', schedule)).entry).toBeNull()
    expect((await change('PUT', '/api/calendar/years/:year', '/api/calendar/years/2087', { ...schedule, confirm: false })).entry?.detail).toMatch(/^Nạp lịch nghỉ năm 2087/)
    expect((await change('PUT', '/api/calendar/years/:year/confirmation', '/api/calendar/years/2087/confirmation', { confirmed: true })).entry?.detail).toBe(
      'Xác nhận lịch nghỉ năm 2087 theo thông báo chính thức',
    )

    const officeWrites = app.routeActions.filter((r) => r.action === 'office:write').map((r) => `${r.method} ${r.url}`)
    expect([...tested].sort()).toEqual([...new Set(officeWrites)].sort())
  })
})

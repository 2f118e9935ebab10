import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'kysely'
import type { DatabaseHandle } from '../../../db/connect'
import { listAudit } from '../../../db/repositories/audit'
import { createAccount, type TestAccount } from '../../../tests/fixtures/accounts'
import { buildTestApp } from '../../../tests/fixtures/app'
import type { buildApp } from '../../app'
import { PAIRING_FAILURE_LIMIT } from '../../auth/lifetimes'

type App = Awaited<ReturnType<typeof buildApp>>

// Pairing the chair's tablet and the projector. An office of its own: the guard against guessing
// counts wrong codes across the whole office.
describe('pairing the hall’s devices', () => {
  let handle: DatabaseHandle
  let app: App
  let secretary: TestAccount
  let meetingId: string

  const issue = (role: 'chair' | 'projector', on = app, meeting = meetingId) =>
    on.inject({ method: 'POST', url: `/api/meetings/${meeting}/pairings`, headers: secretary.headers, payload: { role } })
  const pair = (code: string, on = app, address = '10.0.0.1') => on.inject({ method: 'POST', url: '/api/pair', payload: { code }, remoteAddress: address })

  beforeAll(async () => {
    ;({ app, handle } = await buildTestApp({ database: 'private' }))
    secretary = await createAccount(handle.db, ['secretary'], { displayName: 'Quàng Thị Thu' })
    meetingId = (await app.inject({ method: 'POST', url: '/api/meetings', headers: secretary.headers, payload: { title: 'Hội nghị' } })).json().meetingId
  })
  afterAll(async () => {
    await app.close()
    await handle.close()
  })

  it('pairs a tablet with a six-digit code that works once, for that meeting and role only', async () => {
    const issued = await issue('chair')
    expect(issued.statusCode).toBe(201)
    const { code, expiresAt } = issued.json()
    expect(code).toMatch(/^\d{6}$/)
    const minutes = (Date.parse(expiresAt) - Date.now()) / 60_000
    expect(minutes).toBeGreaterThan(4)
    expect(minutes).toBeLessThanOrEqual(5)

    // Typed with a space, as it is shown on the console ("483 921").
    const paired = await pair(`${code.slice(0, 3)} ${code.slice(3)}`)
    expect(paired.statusCode).toBe(201)
    // The console shows where it paired from: the hall's tablet, not a stranger's phone.
    expect(paired.json().device).toMatchObject({ meetingId, role: 'chair', label: 'Máy tính bảng của Chủ trì', pairedFrom: '10.0.0.1', revokedAt: null })
    const token = paired.json().token as string
    expect(token.length).toBeGreaterThan(40)
    expect((await pair(code)).json().error.code).toBe('PAIRING_CODE_INVALID')

    const state = await app.inject({ url: `/api/meetings/${meetingId}/state`, headers: { authorization: `Bearer ${token}` } })
    expect(state.statusCode).toBe(200)
    // The tablet issues chair commands, not the secretary's.
    const command = (type: string, extra: object) =>
      app.inject({ method: 'POST', url: `/api/meetings/${meetingId}/commands`, headers: { authorization: `Bearer ${token}` }, payload: { type, commandId: crypto.randomUUID(), ...extra } })
    expect((await command('petition:record', { origin: 'added', title: 'X' })).json().error.code).toBe('FORBIDDEN')
    expect((await command('meeting:record-conclusion', { text: 'Kết luận của Chủ trì' })).statusCode).toBe(200)
    // It cannot list meetings or read the office's accounts.
    expect((await app.inject({ url: '/api/meetings', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(403)
  })

  it('replaces the code on screen when a new one is asked for, and refuses an expired code', async () => {
    const first = (await issue('projector')).json().code
    const second = (await issue('projector')).json().code
    expect((await pair(first)).json().error.code).toBe('PAIRING_CODE_INVALID')
    expect((await pair(second)).statusCode).toBe(201)
    const third = (await issue('projector')).json().code
    await sql`update pairing_codes set expires_at = now() - interval '1 second' where closed_at is null`.execute(handle.db)
    expect((await pair(third)).json().error.code).toBe('PAIRING_CODE_INVALID')
  })

  it('lists the paired devices and revokes one, which the record keeps', async () => {
    const listed = await app.inject({ url: `/api/meetings/${meetingId}/devices`, headers: secretary.headers })
    const devices = listed.json().devices as { id: string; role: string; revokedAt: string | null; connected: boolean }[]
    expect(devices.map((d) => d.role).sort()).toEqual(['chair', 'projector'])
    expect(devices.every((d) => d.connected === false)).toBe(true)
    const revoked = await app.inject({ method: 'DELETE', url: `/api/meetings/${meetingId}/devices/${devices[0]!.id}`, headers: secretary.headers })
    expect(revoked.statusCode).toBe(204)
    const after = (await app.inject({ url: `/api/meetings/${meetingId}/devices`, headers: secretary.headers })).json().devices as typeof devices
    expect(after.find((d) => d.id === devices[0]!.id)?.revokedAt).toEqual(expect.any(String))
    // A device of this meeting cannot be revoked through another meeting's address.
    const other = (await app.inject({ method: 'POST', url: '/api/meetings', headers: secretary.headers, payload: { title: 'Khác' } })).json().meetingId
    const cross = await app.inject({ method: 'DELETE', url: `/api/meetings/${other}/devices/${devices[1]!.id}`, headers: secretary.headers })
    expect(cross.statusCode).toBe(404)
    const audit = await listAudit(handle.db)
    expect(audit.map((e) => e.action)).toEqual(expect.arrayContaining(['pairing-code-issued', 'device-paired', 'device-revoked']))
    // The trail names the meeting as a person knows it, and who revoked the device.
    expect(audit.find((e) => e.action === 'device-revoked')).toMatchObject({ detail: expect.stringContaining('«Hội nghị»'), actor: expect.stringContaining('Quàng Thị Thu') })
  })

  it('stops one address guessing: after ten tries a minute even the right code is refused', async () => {
    const code = (await issue('chair')).json().code as string
    const wrong = code === '000000' ? '000001' : '000000'
    const answers: number[] = []
    for (let i = 0; i < 10; i++) answers.push((await pair(wrong, app, '10.0.0.66')).statusCode)
    expect(answers.every((s) => s === 400)).toBe(true)
    const right = await pair(code, app, '10.0.0.66')
    expect(right.statusCode).toBe(429)
    expect(right.json().error.code).toBe('RATE_LIMITED')
    // Another address is not blocked by this one: the real tablet still pairs.
    expect((await pair(code, app, '10.0.0.7')).statusCode).toBe(201)
  })

  it('stops guessing from many addresses by pausing typed codes, while the QR link still pairs', async () => {
    const issued = (await issue('chair')).json() as { code: string; link: string }
    expect(issued.link).toMatch(/^[A-Za-z0-9_-]{40,}$/)
    let wrong = 0
    for (let i = 0; wrong < PAIRING_FAILURE_LIMIT; i++) {
      const guess = String(i).padStart(6, '0')
      if (guess === issued.code) continue
      // A different address each time: the per-address limit alone would not stop this.
      await pair(guess, app, `10.1.${Math.floor(i / 200)}.${i % 200}`)
      wrong += 1
    }
    // Typed codes are paused for everyone, the right one included …
    const typed = await pair(issued.code, app, '10.0.0.8')
    expect({ status: typed.statusCode, code: typed.json().error.code }).toEqual({ status: 429, code: 'PAIRING_PAUSED' })
    expect(typed.json().error.message).toMatch(/quét mã QR/)
    // … but the code was not used up, and its QR link pairs the real tablet.
    const scanned = await pair(issued.link, app, '10.0.0.8')
    expect(scanned.statusCode).toBe(201)
    expect(scanned.json().device).toMatchObject({ meetingId, role: 'chair' })
    expect((await pair(issued.link, app, '10.0.0.8')).json().error.code).toBe('PAIRING_CODE_INVALID') // single use
    // A made-up link is simply wrong, and does not count towards the pause.
    expect((await pair('x'.repeat(43), app, '10.0.0.10')).json().error.code).toBe('PAIRING_CODE_INVALID')
    const trail = await listAudit(handle.db)
    expect(trail.filter((e) => e.action === 'pairing-paused')).toHaveLength(1)
    // Once the wrong guesses age out of the window, typed codes work again.
    await sql`delete from pairing_failures`.execute(handle.db)
    expect((await pair((await issue('chair')).json().code, app, '10.0.0.9')).statusCode).toBe(201)
  })
})

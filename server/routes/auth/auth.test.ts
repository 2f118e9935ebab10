import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../../db/connect'
import { countUsers, findUserByUsername, listUsers } from '../../../db/repositories/accounts'
import { createAccount } from '../../../tests/fixtures/accounts'
import { listAudit } from '../../../db/repositories/audit'
import { buildTestApp } from '../../../tests/fixtures/app'
import type { buildApp } from '../../app'
import { prepareFirstRun } from '../../auth/first-run'

/** Waits for something recorded after the response was sent (the audit of an office change). */
async function until(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (await check()) return
    await new Promise((r) => setTimeout(r, 20))
  }
  throw new Error('never happened')
}

type App = Awaited<ReturnType<typeof buildApp>>

/** The cookie a response sets, as the browser would send it back. */
function cookieOf(res: { headers: Record<string, unknown> }): string {
  const set = [res.headers['set-cookie']].flat().find((c): c is string => typeof c === 'string' && c.startsWith('hnd_session='))
  if (!set) throw new Error('no session cookie')
  return set.split(';')[0]!
}

// An office of its own (a fresh embedded database): first run, signing in and out, CSRF, accounts.
describe('accounts: first run, sign-in, CSRF, sign-out, administration', () => {
  let handle: DatabaseHandle
  let app: App
  let admin: { cookie: string; csrf: string }
  const adminHeaders = () => ({ cookie: admin.cookie, 'x-csrf-token': admin.csrf })

  beforeAll(async () => {
    ;({ app, handle } = await buildTestApp({ database: 'private' }))
  })
  afterAll(async () => {
    await app.close()
    await handle.close()
  })

  it('starts with no password anywhere: a one-time link sets the administrator’s, and only once', async () => {
    expect((await app.inject({ url: '/api/auth/session' })).json()).toEqual({ user: null, csrfToken: null, setupRequired: true })
    const first = await prepareFirstRun(handle.db)
    const second = await prepareFirstRun(handle.db) // the server restarted before anyone opened the link
    expect(first && second).toBeTruthy()
    expect(await countUsers(handle.db)).toBe(1)
    // Without a password nobody signs in as admin, whatever they type.
    const guess = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username: 'admin', password: 'admin' } })
    expect(guess.json().error.code).toBe('INVALID_CREDENTIALS')
    // The link printed before the restart no longer works; the new one does, once.
    const stale = await app.inject({ method: 'POST', url: '/api/auth/set-password', payload: { token: first!.token, password: 'mật khẩu đủ dài' } })
    expect(stale.json().error.code).toBe('TOKEN_INVALID')
    const short = await app.inject({ method: 'POST', url: '/api/auth/set-password', payload: { token: second!.token, password: 'ngắn' } })
    expect(short.json().error.fields.password).toMatch(/ít nhất 10/)
    const set = await app.inject({ method: 'POST', url: '/api/auth/set-password', payload: { token: second!.token, password: 'Sơn La 2026 an toàn' } })
    expect(set.statusCode).toBe(200)
    expect(set.json()).toMatchObject({ user: { username: 'admin', roles: ['admin', 'secretary'] }, setupRequired: false })
    admin = { cookie: cookieOf(set), csrf: set.json().csrfToken }
    const again = await app.inject({ method: 'POST', url: '/api/auth/set-password', payload: { token: second!.token, password: 'một mật khẩu khác nữa' } })
    expect(again.json().error.code).toBe('TOKEN_INVALID')
    expect(await prepareFirstRun(handle.db)).toBeNull()
    // Stored as scrypt, never as the password.
    const stored = await findUserByUsername(handle.db, 'admin')
    expect(stored?.passwordHash).toMatch(/^scrypt\$32768\$8\$1\$/)
    expect(stored?.passwordHash).not.toContain('Sơn La')
  })

  it('signs in with an httpOnly, SameSite cookie, refuses a wrong password the same way as an unknown name, and records both', async () => {
    const wrong = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username: 'admin', password: 'sai mật khẩu rồi' } })
    const unknown = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username: 'khong-co', password: 'sai mật khẩu rồi' } })
    expect([wrong.statusCode, unknown.statusCode]).toEqual([401, 401])
    expect(wrong.json()).toEqual(unknown.json())
    expect(wrong.json().error.message).toBe('Tên đăng nhập hoặc mật khẩu không đúng.')

    const ok = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username: ' ADMIN ', password: 'Sơn La 2026 an toàn' } })
    expect(ok.statusCode).toBe(200)
    const setCookie = String([ok.headers['set-cookie']].flat().find((c) => String(c).startsWith('hnd_session=')))
    expect(setCookie).toMatch(/HttpOnly/i)
    expect(setCookie).toMatch(/SameSite=Lax/i)
    expect(setCookie).toMatch(/Path=\//)
    const session = await app.inject({ url: '/api/auth/session', headers: { cookie: cookieOf(ok) } })
    expect(session.json()).toMatchObject({ user: { username: 'admin' }, csrfToken: ok.json().csrfToken })

    const audit = await listAudit(handle.db)
    // A known account is named; whatever else was typed is not kept (it may be a misplaced password).
    expect(audit.filter((e) => e.action === 'sign-in-failed').map((e) => e.detail)).toEqual(
      expect.arrayContaining(['Tên đăng nhập: admin', 'Tên đăng nhập không có trong hệ thống']),
    )
    expect(JSON.stringify(audit)).not.toContain('khong-co')
    expect(audit.some((e) => e.action === 'sign-in' && e.actor?.includes('admin') && e.address)).toBe(true)
    // The password never reaches the audit trail.
    expect(JSON.stringify(audit)).not.toContain('sai mật khẩu')
  })

  it('refuses a cookie-authenticated write without the CSRF token, or from another site, and writes nothing', async () => {
    const count = async () => (await app.inject({ url: '/api/meetings', headers: adminHeaders() })).json().meetings.length
    const before = await count()
    const noToken = await app.inject({ method: 'POST', url: '/api/meetings', headers: { cookie: admin.cookie }, payload: { title: 'Không được tạo' } })
    expect(noToken.statusCode).toBe(403)
    expect(noToken.json().error.code).toBe('CSRF_FAILED')
    const wrongToken = await app.inject({ method: 'POST', url: '/api/meetings', headers: { cookie: admin.cookie, 'x-csrf-token': 'x' }, payload: { title: 'Không' } })
    expect(wrongToken.json().error.code).toBe('CSRF_FAILED')
    const crossSite = await app.inject({
      method: 'POST',
      url: '/api/meetings',
      headers: { ...adminHeaders(), origin: 'http://evil.example', host: 'localhost:3000' },
      payload: { title: 'Không' },
    })
    expect(crossSite.json().error.code).toBe('CSRF_FAILED')
    expect(await count()).toBe(before)
    const sameSite = await app.inject({ method: 'POST', url: '/api/meetings', headers: { ...adminHeaders(), origin: 'http://localhost:3000', host: 'localhost:3000' }, payload: { title: 'Được tạo' } })
    expect(sameSite.statusCode).toBe(201)
    expect(await count()).toBe(before + 1)
  })

  it('creates accounts with a one-time link, never a password, and keeps names unique', async () => {
    const unit = await app.inject({ method: 'POST', url: '/api/directory/units', headers: adminHeaders(), payload: { name: 'Phòng Kinh tế' } })
    // Changes to the office's own data are on the record too, by whom.
    await until(async () => (await listAudit(handle.db)).some((e) => e.action === 'office-changed' && e.detail === 'Thêm đơn vị «Phòng Kinh tế»' && e.actor?.includes('(admin)')))
    const created = await app.inject({
      method: 'POST',
      url: '/api/users',
      headers: adminHeaders(),
      payload: { username: 'Thu.QT', displayName: 'Quàng Thị Thu', roles: ['secretary'], unitId: null },
    })
    expect(created.statusCode).toBe(201)
    expect(created.json()).toMatchObject({ user: { username: 'thu.qt', roles: ['secretary'], passwordSet: false, active: true }, setupToken: expect.any(String) })
    const taken = await app.inject({ method: 'POST', url: '/api/users', headers: adminHeaders(), payload: { username: 'thu.qt', displayName: 'Khác', roles: [] } })
    expect(taken.json().error.code).toBe('USERNAME_TAKEN')
    const leadWithoutUnit = await app.inject({ method: 'POST', url: '/api/users', headers: adminHeaders(), payload: { username: 'lead', displayName: 'Lãnh đạo', roles: ['unit_lead'] } })
    expect(leadWithoutUnit.json().error.fields.unitId).toMatch(/đơn vị/)
    const lead = await app.inject({
      method: 'POST',
      url: '/api/users',
      headers: adminHeaders(),
      payload: { username: 'lead', displayName: 'Lãnh đạo phòng', roles: ['unit_lead'], unitId: unit.json().id },
    })
    expect(lead.json().user.unitId).toBe(unit.json().id)

    // The person opens their link and is signed in; the administrator never knew the password.
    const opened = await app.inject({ method: 'POST', url: '/api/auth/set-password', payload: { token: created.json().setupToken, password: 'mật khẩu của Thu' } })
    expect(opened.json().user).toMatchObject({ username: 'thu.qt', roles: ['secretary'] })
    const list = await app.inject({ url: '/api/users', headers: adminHeaders() })
    expect(JSON.stringify(list.json())).not.toMatch(/scrypt|passwordHash/)
    expect(list.json().users.find((u: { username: string }) => u.username === 'thu.qt').passwordSet).toBe(true)
    // A secretary does not manage accounts.
    const asThu = { cookie: cookieOf(opened), 'x-csrf-token': opened.json().csrfToken }
    expect((await app.inject({ url: '/api/users', headers: asThu })).statusCode).toBe(403)
  })

  it('ends the sessions of an account that is locked or loses a role, and never locks out the last administrator', async () => {
    const users = (await app.inject({ url: '/api/users', headers: adminHeaders() })).json().users as { id: string; username: string; displayName: string; roles: string[] }[]
    const thu = users.find((u) => u.username === 'thu.qt')!
    const signIn = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username: 'thu.qt', password: 'mật khẩu của Thu' } })
    const thuCookie = cookieOf(signIn)
    const locked = await app.inject({ method: 'PUT', url: `/api/users/${thu.id}`, headers: adminHeaders(), payload: { displayName: thu.displayName, roles: thu.roles, unitId: null, active: false } })
    expect(locked.json().user.active).toBe(false)
    expect((await app.inject({ url: '/api/auth/session', headers: { cookie: thuCookie } })).json().user).toBeNull()
    const again = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username: 'thu.qt', password: 'mật khẩu của Thu' } })
    expect(again.json().error.code).toBe('INVALID_CREDENTIALS')

    const self = users.find((u) => u.username === 'admin')!
    const demote = await app.inject({ method: 'PUT', url: `/api/users/${self.id}`, headers: adminHeaders(), payload: { displayName: 'Quản trị', roles: ['secretary'], unitId: null, active: true } })
    expect(demote.statusCode).toBe(409)
    expect(demote.json().error.code).toBe('LAST_ADMIN')
    expect((await app.inject({ url: '/api/users', headers: adminHeaders() })).statusCode).toBe(200) // still an administrator

  })

  it('signs an account out everywhere when the administrator issues it a new password link', async () => {
    const users = (await app.inject({ url: '/api/users', headers: adminHeaders() })).json().users as { id: string; username: string }[]
    const lead = users.find((u) => u.username === 'lead')!
    const link = await app.inject({ method: 'POST', url: `/api/users/${lead.id}/reset`, headers: adminHeaders() })
    const opened = await app.inject({ method: 'POST', url: '/api/auth/set-password', payload: { token: link.json().setupToken, password: 'mật khẩu lãnh đạo' } })
    const leadCookie = cookieOf(opened)
    expect((await app.inject({ url: '/api/auth/session', headers: { cookie: leadCookie } })).json().user).toMatchObject({ username: 'lead' })
    const reset = await app.inject({ method: 'POST', url: `/api/users/${lead.id}/reset`, headers: adminHeaders() })
    expect(reset.statusCode).toBe(200)
    expect((await app.inject({ url: '/api/auth/session', headers: { cookie: leadCookie } })).json().user).toBeNull()
  })

  it('changes a password only with the current one, ending the other sessions but not this one', async () => {
    const other = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username: 'admin', password: 'Sơn La 2026 an toàn' } })
    const wrong = await app.inject({ method: 'POST', url: '/api/auth/change-password', headers: adminHeaders(), payload: { currentPassword: 'không đúng', newPassword: 'mật khẩu mới an toàn' } })
    expect(wrong.json().error.code).toBe('WRONG_PASSWORD')
    const changed = await app.inject({ method: 'POST', url: '/api/auth/change-password', headers: adminHeaders(), payload: { currentPassword: 'Sơn La 2026 an toàn', newPassword: 'mật khẩu mới an toàn' } })
    expect(changed.statusCode).toBe(204)
    expect((await app.inject({ url: '/api/auth/session', headers: { cookie: cookieOf(other) } })).json().user).toBeNull()
    expect((await app.inject({ url: '/api/auth/session', headers: { cookie: admin.cookie } })).json().user).toMatchObject({ username: 'admin' })
  })

  it('signs out for good: the old cookie reads as nobody and writes nothing', async () => {
    const out = await app.inject({ method: 'POST', url: '/api/auth/sign-out', headers: adminHeaders() })
    expect(out.statusCode).toBe(204)
    expect(String(out.headers['set-cookie'])).toMatch(/hnd_session=;/)
    expect((await app.inject({ url: '/api/auth/session', headers: { cookie: admin.cookie } })).json().user).toBeNull()
    const write = await app.inject({ method: 'POST', url: '/api/meetings', headers: adminHeaders(), payload: { title: 'Sau khi đăng xuất' } })
    expect(write.json().error.code).toBe('UNAUTHENTICATED')
  })

  it('stops guessing passwords: the eleventh sign-in in a minute from one address is refused', async () => {
    const codes: number[] = []
    for (let i = 0; i < 11; i++) codes.push((await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username: 'admin', password: `đoán thử ${i}` } })).statusCode)
    expect(codes.filter((c) => c === 429).length).toBeGreaterThan(0)
    const right = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username: 'admin', password: 'mật khẩu mới an toàn' } })
    expect(right.statusCode).toBe(429)
    expect(right.json().error.code).toBe('RATE_LIMITED')
  })

  it('never writes a password, a cookie or a setup token to the log, even at trace level', async () => {
    const lines: string[] = []
    const { app: logged } = await buildTestApp({
      database: handle,
      logger: { level: 'trace', stream: { write: (line: string) => void lines.push(line) } },
    })
    try {
      const link = await prepareFirstRun(handle.db) // the office is set up: no new link is printed
      expect(link).toBeNull()
      await logged.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username: 'admin', password: 'Mật khẩu sai hẳn 123' } })
      const ok = await logged.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username: 'admin', password: 'mật khẩu mới an toàn' } })
      const cookie = cookieOf(ok)
      await logged.inject({ method: 'POST', url: '/api/auth/set-password', payload: { token: 'một-mã-liên-kết-bịa-đặt-0123456789', password: 'mật khẩu thứ ba dài' } })
      await logged.inject({ url: '/api/auth/session', headers: { cookie } })
      const text = lines.join('')
      expect(lines.length).toBeGreaterThan(0)
      for (const secret of ['Mật khẩu sai hẳn', 'mật khẩu mới an toàn', 'mật khẩu thứ ba', 'một-mã-liên-kết', cookie.split('=')[1]!]) expect(text).not.toContain(secret)
    } finally {
      await logged.close()
    }
  })
})

// The embedded database runs one request's queries at a time, so this cannot show the race itself;
// on PostgreSQL the row lock in lockActiveAdmins is what keeps it. It pins the outcome either way.
describe('two administrators demoting each other at once', () => {
  it('keeps one of them', async () => {
    const { app, handle } = await buildTestApp({ database: 'private' })
    try {
      const [a, b] = [await createAccount(handle.db, ['admin']), await createAccount(handle.db, ['admin'])]
      const demote = (by: typeof a, other: typeof b) =>
        app.inject({ method: 'PUT', url: `/api/users/${other.user.id}`, headers: by.headers, payload: { displayName: other.user.displayName, roles: [], unitId: null, active: true } })
      const results = await Promise.all([demote(a, b), demote(b, a)])
      expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409])
      expect((await listUsers(handle.db)).filter((u) => u.active && u.roles.includes('admin'))).toHaveLength(1)
    } finally {
      await app.close()
      await handle.close()
    }
  })
})

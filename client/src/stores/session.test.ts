import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { SessionInfo, SessionUser } from '@shared/access/accounts'
import { rememberDevice } from '../access/devices'
import { requestCredentials } from '../api/credentials'
import { request } from '../api/http'
import { useSessionStore } from './session'

// The session store against a fake server: what it asks, what it keeps, and what it lets the rest of
// the client send.

const admin: SessionUser = { id: 'u1', username: 'admin', displayName: 'Quản trị', roles: ['admin', 'secretary'], unitId: null }
const signedIn: SessionInfo = { user: admin, csrfToken: 'csrf-1', setupRequired: false }
const nobody: SessionInfo = { user: null, csrfToken: null, setupRequired: false }

class MemoryStorage {
  private readonly items = new Map<string, string>()
  get length() {
    return this.items.size
  }
  key = (i: number) => [...this.items.keys()][i] ?? null
  getItem = (k: string) => this.items.get(k) ?? null
  setItem = (k: string, v: string) => void this.items.set(k, v)
  removeItem = (k: string) => void this.items.delete(k)
}

let session: SessionInfo
let calls: { method: string; path: string; headers: Record<string, string> }[]
const json = (status: number, body: unknown) => new Response(body === null ? null : JSON.stringify(body), { status })

beforeEach(() => {
  setActivePinia(createPinia())
  session = signedIn
  calls = []
  vi.stubGlobal('localStorage', new MemoryStorage())
  vi.stubGlobal('fetch', async (path: string, init: RequestInit = {}) => {
    const method = init.method ?? 'GET'
    calls.push({ method, path, headers: init.headers as Record<string, string> })
    if (path === '/api/auth/session') return json(200, session)
    if (path === '/api/auth/sign-out') return json(204, null)
    if (path === '/api/auth/sign-in') return json(401, { ok: false, error: { code: 'INVALID_CREDENTIALS', message: 'Sai.' } })
    if (path === '/api/users') return json(401, { ok: false, error: { code: 'UNAUTHENTICATED', message: 'Cần đăng nhập.' } })
    return json(404, { ok: false, error: { code: 'NOT_FOUND', message: 'Không tìm thấy.' } })
  })
})

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('the session store', () => {
  it('asks the server once at startup and keeps who is signed in', async () => {
    const store = useSessionStore()
    await Promise.all([store.load(), store.load()])
    expect(calls.filter((c) => c.path === '/api/auth/session')).toHaveLength(1)
    expect(store.user?.displayName).toBe('Quản trị')
    expect(store.roles).toEqual(['admin', 'secretary'])
    expect(store.may('users:manage')).toBe(true)
    expect(store.may('audit:read')).toBe(true)
    expect(store.may('followups:report')).toBe(true)
    expect(store.screensFor('m-1')).toContain('secretary')
  })

  it('hands its CSRF token to every write', async () => {
    const store = useSessionStore()
    await store.load()
    expect(requestCredentials('POST', '/api/users').headers).toEqual({ 'x-csrf-token': 'csrf-1' })
    expect(requestCredentials('GET', '/api/users').headers).toEqual({})
  })

  it('checks a sign-in form before asking the server', async () => {
    const store = useSessionStore()
    const result = await store.signIn('  ', '')
    expect(result.ok).toBe(false)
    if (!result.ok) expect(Object.keys(result.error.fields ?? {})).toEqual(['username', 'password'])
    expect(calls).toHaveLength(0)
    const refused = await store.signIn('admin', 'sai mật khẩu')
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_CREDENTIALS' } })
  })

  it('forgets the session on sign-out and when the server says it has ended', async () => {
    const store = useSessionStore()
    await store.load()
    await store.signOut()
    expect(calls.at(-1)).toMatchObject({ method: 'POST', path: '/api/auth/sign-out' })
    expect(calls.at(-1)?.headers['x-csrf-token']).toBe('csrf-1')
    expect(store.user).toBeNull()
    expect(requestCredentials('POST', '/api/users').headers).toEqual({})

    await store.refresh()
    expect(store.user).not.toBeNull()
    session = nobody // ended elsewhere (expired, password changed in another tab)
    await request('/api/users')
    await vi.waitFor(() => expect(store.user).toBeNull())
  })

  it('is the paired device for its meeting when nobody is signed in', async () => {
    session = nobody
    const store = useSessionStore()
    await store.load()
    expect(store.principalFor('m-1').kind).toBe('anonymous')
    rememberDevice('tok', {
      id: 'd1',
      meetingId: 'm-1',
      role: 'chair',
      label: 'Máy tính bảng',
      pairedFrom: '10.0.0.5',
      pairedAt: '2026-01-01T00:00:00Z',
      expiresAt: '2999-01-01T00:00:00Z',
      revokedAt: null,
      connected: false,
    })
    expect(store.principalFor('m-1')).toMatchObject({ kind: 'device', deviceId: 'd1', role: 'chair' })
    expect(store.may('meeting:command', 'm-1')).toBe(true)
    expect(store.may('meeting:command', 'm-2')).toBe(false)
    expect(store.may('documents:read', 'm-1')).toBe(false)
    expect(store.screensFor('m-1')).toEqual(['chair', 'attendee'])
  })
})

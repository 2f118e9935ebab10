import { randomUUID } from 'node:crypto'
import { expect, request as apiRequest, type APIRequestContext, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from '@playwright/test'

// The office the browser tests run in: the accounts of the people who use it, signed in once each.
//
// The server starts on an empty database with a known first-run token (HND_SETUP_TOKEN), so the
// tests can open the same one-time link a person would copy from the console. Specs run one after
// another against one server, in file order, and the token works once: every helper here is
// idempotent — it finds the office as an earlier spec (or an earlier worker, after a failure) left it.
//
// Passwords are deterministic, so a fresh worker can sign in where an earlier one set them. Sessions
// are kept in module state and handed to new browser contexts as their storage state: the server
// allows 10 sign-ins (and 10 set-password calls, 10 pairings) per minute from one address, which a
// suite signing in afresh for every context would exceed.

export const E2E_SETUP_TOKEN = 'e2e-first-run-token-0123456789abcdef'
export const e2ePort = Number(process.env.E2E_PORT ?? 3100)
export const e2eBaseURL = `http://localhost:${e2ePort}`

export type OfficeRole = 'admin' | 'secretary' | 'chair' | 'unit_lead' | 'oversight'
export type Person = 'admin' | 'secretary' | 'chair' | 'oversight'

interface Account {
  username: string
  displayName: string
  roles: OfficeRole[]
}

/** The first administrator is created by the server; the others by the administrator, once. */
export const people: Record<Person, Account> = {
  admin: { username: 'admin', displayName: 'Quản trị hệ thống', roles: ['admin', 'secretary'] },
  secretary: { username: 'e2e.thuky', displayName: 'Lò Thị Thư', roles: ['secretary'] },
  chair: { username: 'e2e.chutri', displayName: 'Lò Văn Chủ', roles: ['chair'] },
  oversight: { username: 'e2e.thanhtra', displayName: 'Hoàng Văn Giám', roles: ['oversight'] },
}

/** Every test account's password: known in advance, at least 10 characters. */
export const passwordFor = (username: string): string => `E2e mật khẩu ${username} 2025`

type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>

interface Session {
  state: StorageState
  csrfToken: string
}

interface SessionBody {
  user: { id: string; username: string; displayName: string; roles: string[] } | null
  csrfToken: string | null
  setupRequired: boolean
}

interface UserAccount {
  id: string
  username: string
  displayName: string
  roles: string[]
  active: boolean
  passwordSet: boolean
}

const sessions = new Map<string, Session>()

async function withApi<T>(state: StorageState | undefined, run: (api: APIRequestContext) => Promise<T>): Promise<T> {
  const api = await apiRequest.newContext({ baseURL: e2eBaseURL, storageState: state })
  try {
    return await run(api)
  } finally {
    await api.dispose()
  }
}

/** The session a storage state holds, if the server still accepts it. */
async function check(state: StorageState): Promise<Session | null> {
  return withApi(state, async (api) => {
    const body = (await (await api.get('/api/auth/session')).json()) as SessionBody
    return body.user && body.csrfToken ? { state, csrfToken: body.csrfToken } : null
  })
}

/** Runs a call that opens a session (sign-in, set-password) and keeps the cookie it sets. */
async function openSession(path: string, data: object): Promise<{ status: number; session: Session | null; body: unknown }> {
  return withApi(undefined, async (api) => {
    const response = await api.post(path, { data })
    const body = (await response.json()) as SessionBody & { error?: { code: string } }
    if (response.status() !== 200 || !body.csrfToken) return { status: response.status(), session: null, body }
    return { status: 200, session: { state: await api.storageState(), csrfToken: body.csrfToken }, body }
  })
}

async function setPassword(token: string, username: string): Promise<Session> {
  const result = await openSession('/api/auth/set-password', { token, password: passwordFor(username) })
  expect(result.session, `set-password for ${username}: ${JSON.stringify(result.body)}`).not.toBeNull()
  return result.session!
}

async function signInApi(username: string): Promise<Session | null> {
  const result = await openSession('/api/auth/sign-in', { username, password: passwordFor(username) })
  if (result.status === 401) return null // someone chose another password (INVALID_CREDENTIALS)
  expect(result.session, `sign-in for ${username}: ${JSON.stringify(result.body)}`).not.toBeNull()
  return result.session
}

/** Whether the first run is still waiting for the administrator's password. */
export async function setupRequired(): Promise<boolean> {
  return withApi(undefined, async (api) => ((await (await api.get('/api/auth/session')).json()) as SessionBody).setupRequired)
}

/** The administrator's session: through the first-run link on an empty database, else by signing in. */
async function adminSession(): Promise<Session> {
  const username = people.admin.username
  const cached = sessions.get(username)
  if (cached && (await check(cached.state))) return cached
  const session = (await setupRequired()) ? await setPassword(E2E_SETUP_TOKEN, username) : await signInApi(username)
  expect(session, 'the administrator signs in with the test password').not.toBeNull()
  sessions.set(username, session!)
  return session!
}

async function adminApi<T>(run: (api: APIRequestContext, csrf: Record<string, string>) => Promise<T>): Promise<T> {
  const admin = await adminSession()
  return withApi(admin.state, (api) => run(api, { 'x-csrf-token': admin.csrfToken }))
}

/** The account with this username: created once by the administrator; its password set from a link. */
async function accountSession(account: Account): Promise<Session> {
  const cached = sessions.get(account.username)
  if (cached && (await check(cached.state))) return cached

  const session = await adminApi(async (api, headers) => {
    const { users } = (await (await api.get('/api/users')).json()) as { users: UserAccount[] }
    const existing = users.find((u) => u.username === account.username)
    if (!existing) {
      const created = await api.post('/api/users', {
        headers,
        data: { username: account.username, displayName: account.displayName, roles: account.roles, unitId: null },
      })
      expect(created.status(), await created.text()).toBe(201)
      const { setupToken } = (await created.json()) as { setupToken: string }
      return setPassword(setupToken, account.username)
    }
    // Made by another spec file or an earlier worker: the known password, or a fresh link.
    const signedIn = existing.passwordSet ? await signInApi(account.username) : null
    if (signedIn) return signedIn
    const reset = await api.post(`/api/users/${existing.id}/reset`, { headers })
    expect(reset.status(), await reset.text()).toBe(200)
    const { setupToken } = (await reset.json()) as { setupToken: string }
    return setPassword(setupToken, account.username)
  })
  sessions.set(account.username, session)
  return session
}

async function sessionOf(who: Person): Promise<Session> {
  return who === 'admin' ? adminSession() : accountSession(people[who])
}

/**
 * Makes sure the office is ready: the administrator has a password and the people the tests play
 * exist and can sign in. Safe to call from every spec, any number of times.
 */
export async function prepareOffice(...who: Person[]): Promise<void> {
  await adminSession()
  for (const person of who) await sessionOf(person)
}

/** Keeps a session a test opened through the UI (the first-run page), for the helpers to reuse. */
export async function adoptSession(who: Person, context: BrowserContext): Promise<void> {
  const session = await check(await context.storageState())
  expect(session, `the browser holds a session for ${who}`).not.toBeNull()
  sessions.set(people[who].username, session!)
}

// The built client's files (/assets/*, content-hashed, so never changing under one name) as every
// browser of the suite has fetched them. Each browser context starts with an empty HTTP cache, and a
// context per person and device means each loads the whole client again: some 500 requests a run
// from one address, near the server's limit of 600 a minute per address (which counts page assets).
// In a hall, every device is its own address; here they all share 127.0.0.1. So the suite's
// browsers share one cache, as a proxy would: the server still serves each file once.
const assetCache = new Map<string, { status: number; headers: Record<string, string>; body: Buffer }>()

async function shareAssetCache(context: BrowserContext): Promise<void> {
  await context.route(/\/assets\//, async (route) => {
    const url = route.request().url()
    const cached = assetCache.get(url)
    if (cached) return route.fulfill(cached)
    const response = await route.fetch()
    const body = await response.body()
    if (response.status() === 200) assetCache.set(url, { status: 200, headers: response.headers(), body })
    return route.fulfill({ response, body })
  })
}

/**
 * A new browser context — another person's computer or another device in the hall. The app's
 * service worker (client/public/sw.js, the shell kept for a reload offline) is blocked unless a
 * spec asks for it: requests a worker makes are routed through the shared asset cache above too,
 * where Playwright's route.fetch can hang on them; and the app works the same without it, online.
 * A context that allows the worker is left unrouted.
 */
export async function newContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ serviceWorkers: 'block', ...options })
  if (options.serviceWorkers !== 'allow') await shareAssetCache(context)
  return context
}

/** A new browser context signed in as this person (the session cookie, as after signing in). */
export async function signedInContext(browser: Browser, who: Person, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const session = await sessionOf(who)
  return newContext(browser, { ...options, storageState: session.state })
}

/** Types into the sign-in page and submits it. */
export async function fillSignIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByTestId('sign-in-username').fill(username)
  await page.getByTestId('sign-in-password').fill(password)
  await page.getByTestId('sign-in-submit').click()
}

/**
 * An API client acting as this person: the session cookie, and the CSRF token every write needs.
 * Dispose it when done.
 */
export async function apiAs(who: Person): Promise<APIRequestContext> {
  const session = await sessionOf(who)
  return apiRequest.newContext({ baseURL: e2eBaseURL, storageState: session.state, extraHTTPHeaders: { 'x-csrf-token': session.csrfToken } })
}

/** Runs `run` with an API client acting as this person. */
export async function asPerson<T>(who: Person, run: (api: APIRequestContext) => Promise<T>): Promise<T> {
  const api = await apiAs(who)
  try {
    return await run(api)
  } finally {
    await api.dispose()
  }
}

/** Creates a meeting as the secretary, through the API (the console's own form is tested elsewhere). */
export async function createMeeting(title: string, venue = ''): Promise<string> {
  return asPerson('secretary', async (api) => {
    const created = await api.post('/api/meetings', { data: { title, venue } })
    expect(created.status(), await created.text()).toBe(201)
    return ((await created.json()) as { meetingId: string }).meetingId
  })
}

/** The secretary's console: opens the hall devices panel if it is closed. */
export async function openDevicesPanel(console: Page): Promise<void> {
  const toggle = console.getByTestId('devices-toggle')
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click()
  await expect(console.getByTestId('pairing-panel')).toBeVisible()
}

/** Asks the console for a pairing code for the chair tablet or the projector, and reads it. */
export async function issuePairingCode(console: Page, role: 'chair' | 'projector'): Promise<string> {
  await openDevicesPanel(console)
  const code = console.getByTestId('pairing-code')
  const previous = (await code.count()) > 0 ? await code.getAttribute('data-code') : null
  await console.getByTestId(`pair-${role}`).click()
  if (previous) await expect(code).not.toHaveAttribute('data-code', previous)
  await expect(code).toHaveAttribute('data-code', /^\d{6}$/)
  return (await code.getAttribute('data-code'))!
}

/**
 * Pairs a device's browser with a code, as a person would on the device: typed into /pair, or
 * through the /pair#<code> address the QR code holds. Lands on the device's screen.
 */
export async function pairDevice(
  device: Page,
  code: string,
  options: { via?: 'typed' | 'link'; label?: string; screen: 'chair' | 'projector' },
): Promise<void> {
  if (options.via === 'link') {
    await device.goto(`/pair#${code}`)
    await expect(device.getByTestId('pair-code')).toHaveValue(code)
    await expect(device).toHaveURL(/\/pair$/) // the code is off the address bar
  } else {
    await device.goto('/pair')
    await device.getByTestId('pair-code').pressSequentially(code)
  }
  if (options.label) await device.getByTestId('pair-label').fill(options.label)
  await device.getByTestId('pair-submit').click()
  await expect(device).toHaveURL(new RegExp(`/m/[0-9a-f-]{36}/${options.screen}$`))
}

/** Issues a meeting command through the REST endpoint, as this person (the console's commands, scripted). */
export async function meetingCommand(who: Person, meetingId: string, type: string, fields: Record<string, unknown> = {}): Promise<void> {
  await asPerson(who, async (api) => {
    const response = await api.post(`/api/meetings/${meetingId}/commands`, { data: { type, commandId: randomUUID(), ...fields } })
    expect(response.status(), `${type}: ${await response.text()}`).toBe(200)
  })
}

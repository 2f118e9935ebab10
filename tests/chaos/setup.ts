import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import type { PairableRole } from '../../shared/access/accounts'
import { projectRoot } from './options'

// The office the run needs, made the way a newcomer makes it: the first-run link (its token known in
// advance through HND_SETUP_TOKEN) sets the administrator's password and signs in; the
// administrator, who is also a secretary, creates the meeting and pairs the hall's devices with
// six-digit codes. Everything goes through the public REST API of a running server.

export interface Session {
  /** `name=value`, as a browser sends it. */
  cookie: string
  csrfToken: string
}

export const SETUP_TOKEN = 'chaos-harness-first-run-token-0123456789'
export const ADMIN_PASSWORD = 'Mật khẩu thử hỗn loạn 2025'

async function post<T>(baseUrl: string, pathname: string, body: unknown, session?: Session): Promise<{ status: number; body: T; response: Response }> {
  const response = await fetch(`${baseUrl}${pathname}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrfToken } : {}),
    },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(15_000),
  })
  const text = await response.text()
  let parsed: unknown = text
  try {
    parsed = JSON.parse(text)
  } catch {
    // not JSON: kept as text for the error message
  }
  return { status: response.status, body: parsed as T, response }
}

function fail(what: string, status: number, body: unknown): never {
  throw new Error(`${what}: HTTP ${status} ${typeof body === 'string' ? body : JSON.stringify(body)}`)
}

/**
 * The administrator's session through the first-run link. Should the link not work (two processes
 * that started together on the empty database can spoil each other's link), the finding is returned
 * and the documented recovery is used instead: stop the other servers (each start before the first
 * password issues a new link, closing the earlier ones), `reset-password admin` on the server, which
 * prints a fresh link, then start them again.
 */
export async function adminSession(
  baseUrl: string,
  env: NodeJS.ProcessEnv,
  others: { stop(): Promise<void>; start(): void },
): Promise<{ session: Session; firstRunFailure: string | null }> {
  try {
    return { session: await setPassword(baseUrl, SETUP_TOKEN, 'first-run set-password'), firstRunFailure: null }
  } catch (err) {
    const firstRunFailure = (err as Error).message
    await others.stop()
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'server/auth/reset-password.ts', 'admin'], {
      cwd: projectRoot,
      env,
      timeout: 60_000,
    })
    const token = /\/set-password#(\S+)/.exec(stdout)?.[1]
    if (!token) throw new Error(`${firstRunFailure}; and reset-password printed no link: ${stdout}`, { cause: err })
    const session = await setPassword(baseUrl, token, 'set-password after reset-password')
    others.start()
    return { session, firstRunFailure }
  }
}

/** Opens a one-time link: sets the administrator's password and returns the session it opens. */
async function setPassword(baseUrl: string, token: string, what: string): Promise<Session> {
  const res = await post<{ csrfToken?: string }>(baseUrl, '/api/auth/set-password', { token, password: ADMIN_PASSWORD })
  if (res.status !== 200 || !res.body.csrfToken) fail(what, res.status, res.body)
  const cookie = res.response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] ?? '')
    .find((c) => c.includes('='))
  if (!cookie) throw new Error(`${what}: no session cookie in the answer`)
  return { cookie, csrfToken: res.body.csrfToken }
}

export async function createMeeting(baseUrl: string, session: Session, title: string): Promise<string> {
  const res = await post<{ meetingId?: string }>(baseUrl, '/api/meetings', { title, venue: 'Hội trường UBND xã (thử hỗn loạn)' }, session)
  if (res.status !== 201 || !res.body.meetingId) fail('create meeting', res.status, res.body)
  return res.body.meetingId
}

/** Pairs a hall device: the secretary asks for a code, the device types it. Returns the device's token. */
export async function pairDevice(baseUrl: string, session: Session, meetingId: string, role: PairableRole, label: string): Promise<string> {
  const issued = await post<{ code?: string }>(baseUrl, `/api/meetings/${meetingId}/pairings`, { role }, session)
  if (issued.status !== 201 || !issued.body.code) fail(`pairing code for ${role}`, issued.status, issued.body)
  const paired = await post<{ token?: string }>(baseUrl, '/api/pair', { code: issued.body.code, label })
  if (paired.status !== 201 || !paired.body.token) fail(`pair ${role}`, paired.status, paired.body)
  return paired.body.token
}

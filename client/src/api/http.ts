import { ErrorCode, type Ack } from '@shared/errors'
import { forgetDevice } from '../access/devices'
import { asAppError, localError } from '../realtime/errors'
import { requestCredentials, sessionRejected } from './credentials'

// fetch, answered in the same Ack shape as socket commands so screens handle both alike. The server's
// error bodies are {ok:false, error}; success bodies are the resource itself (none for a 204, when the
// caller says it expects that). Credentials (CSRF token, device token) are added here, once.
export async function request<T>(path: string, init: RequestInit = {}, opts: { allowEmpty?: boolean } = {}): Promise<Ack<T>> {
  const credentials = requestCredentials(init.method ?? 'GET', path)
  let response: Response
  try {
    response = await fetch(path, {
      ...init,
      headers: {
        accept: 'application/json',
        ...(init.body ? { 'content-type': 'application/json' } : {}),
        ...credentials.headers,
        ...init.headers,
      },
    })
  } catch {
    return { ok: false, error: localError('network') }
  }
  let body: unknown = null
  try {
    body = await response.json()
  } catch {
    body = null
  }
  if (response.ok && (body !== null || (opts.allowEmpty && response.status === 204))) return { ok: true, data: body as T }
  const error = asAppError((body as { error?: unknown } | null)?.error)
  if (error?.code === ErrorCode.DEVICE_REVOKED && credentials.deviceMeetingId) forgetDevice(credentials.deviceMeetingId)
  if (error?.code === ErrorCode.UNAUTHENTICATED || error?.code === ErrorCode.CSRF_FAILED) sessionRejected()
  return { ok: false, error: error ?? localError('badResponse') }
}

/** For the answers that are 204 No Content on success (DELETE, sign-out, change-password). */
export async function requestNoContent(path: string, init: RequestInit = {}): Promise<Ack<null>> {
  const result = await request<unknown>(path, init, { allowEmpty: true })
  return result.ok ? { ok: true, data: null } : result
}

import type { Ack } from '@shared/errors'
import { asAppError, localError } from '../realtime/errors'

// fetch, answered in the same Ack shape as socket commands so screens handle both alike. The server's
// error bodies are {ok:false, error}; success bodies are the resource itself (none for a 204, when the
// caller says it expects that).
export async function request<T>(path: string, init: RequestInit = {}, opts: { allowEmpty?: boolean } = {}): Promise<Ack<T>> {
  let response: Response
  try {
    response = await fetch(path, {
      ...init,
      headers: { accept: 'application/json', ...(init.body ? { 'content-type': 'application/json' } : {}), ...init.headers },
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
  return { ok: false, error: error ?? localError('badResponse') }
}

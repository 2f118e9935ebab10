import type { SessionUser } from '@shared/access/accounts'

// Who was signed in on this tab, for one case only: the page is reloaded while the network is down,
// so the session cannot be checked, and the screen (the console above all) should still open on
// what this tab kept, saying it is offline, rather than send the secretary to a sign-in page that
// cannot work either. Kept in sessionStorage (this tab, until it closes), without any secret: the
// server still decides everything once it answers, and the hint is dropped when it says otherwise.

const key = 'hnd:session-user'

export function parseSessionUser(raw: string | null): SessionUser | null {
  if (!raw) return null
  let value: unknown
  try {
    value = JSON.parse(raw)
  } catch {
    return null
  }
  if (typeof value !== 'object' || value === null) return null
  const { id, username, displayName, roles, unitId } = value as Record<string, unknown>
  if (typeof id !== 'string' || typeof username !== 'string' || typeof displayName !== 'string') return null
  if (!Array.isArray(roles) || !roles.every((r) => typeof r === 'string')) return null
  if (unitId !== null && typeof unitId !== 'string') return null
  return { id, username, displayName, roles: roles as SessionUser['roles'], unitId }
}

export function rememberSessionUser(user: SessionUser | null, storage = tabStorage()): void {
  try {
    if (user) storage?.setItem(key, JSON.stringify(user))
    else storage?.removeItem(key)
  } catch {
    // Not kept: a reload during a drop then shows the sign-in page's "cannot check" message.
  }
}

export function rememberedSessionUser(storage = tabStorage()): SessionUser | null {
  try {
    return parseSessionUser(storage?.getItem(key) ?? null)
  } catch {
    return null
  }
}

function tabStorage(): Storage | null {
  try {
    return globalThis.sessionStorage ?? null
  } catch {
    return null
  }
}

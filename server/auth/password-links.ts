import type { Executor } from '../../db/repositories/executor'
import { insertPasswordToken, renewPasswordToken, voidPasswordTokens } from '../../db/repositories/accounts'
import { later, SETUP_LINK_MS } from './lifetimes'
import { hashToken, newToken } from './secrets'

/** The page a one-time link opens; the token stays in the fragment, never sent to any server log. */
export const passwordLinkPath = (token: string): string => `/set-password#${token}`

/**
 * A new one-time link for an account to set its password (first run, a new account, a forgotten
 * password). It replaces the account's earlier unused links. `token`: one chosen in advance
 * (HND_SETUP_TOKEN), else a random one.
 */
export async function issuePasswordLink(db: Executor, userId: string, presetToken?: string): Promise<{ setupToken: string; setupExpiresAt: string }> {
  const now = new Date()
  const expiresAt = later(now, SETUP_LINK_MS)
  const token = presetToken ?? newToken()
  await voidPasswordTokens(db, userId, now.toISOString())
  const row = { id: hashToken(token), userId, createdAt: now.toISOString(), expiresAt }
  // A preset token is the same on every start (and in every process): renew it, do not insert it.
  await (presetToken ? renewPasswordToken(db, row) : insertPasswordToken(db, row))
  return { setupToken: token, setupExpiresAt: expiresAt }
}

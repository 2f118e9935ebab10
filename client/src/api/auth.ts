import type { SessionInfo } from '@shared/access/accounts'
import type { Ack } from '@shared/errors'
import { request, requestNoContent } from './http'

// Signing in and out, one-time password links, changing one's own password (server/routes/auth).
export const getSession = (): Promise<Ack<SessionInfo>> => request('/api/auth/session')

export const signIn = (username: string, password: string): Promise<Ack<SessionInfo>> =>
  request('/api/auth/sign-in', { method: 'POST', body: JSON.stringify({ username, password }) })

export const signOut = (): Promise<Ack<null>> => requestNoContent('/api/auth/sign-out', { method: 'POST' })

export const setPassword = (token: string, password: string): Promise<Ack<SessionInfo>> =>
  request('/api/auth/set-password', { method: 'POST', body: JSON.stringify({ token, password }) })

export const changePassword = (currentPassword: string, newPassword: string): Promise<Ack<null>> =>
  requestNoContent('/api/auth/change-password', { method: 'POST', body: JSON.stringify({ currentPassword, newPassword }) })

import type { CreateUserInput, UpdateUserInput, UserAccount } from '@shared/access/accounts'
import type { Ack } from '@shared/errors'
import { request } from './http'

// The office's accounts (server/routes/users), for the administrator. A new account and a reset
// answer a one-time setup token: the person sets their own password with it.
export interface SetupLink {
  setupToken: string
  setupExpiresAt: string
}

export const listUsers = (): Promise<Ack<{ users: UserAccount[] }>> => request('/api/users')

export const createUser = (input: CreateUserInput): Promise<Ack<{ user: UserAccount } & SetupLink>> =>
  request('/api/users', { method: 'POST', body: JSON.stringify(input) })

export const updateUser = (userId: string, input: UpdateUserInput): Promise<Ack<{ user: UserAccount }>> =>
  request(`/api/users/${encodeURIComponent(userId)}`, { method: 'PUT', body: JSON.stringify(input) })

export const issueSetupLink = (userId: string): Promise<Ack<SetupLink>> =>
  request(`/api/users/${encodeURIComponent(userId)}/reset`, { method: 'POST' })

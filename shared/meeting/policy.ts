import type { CommandType } from './commands'
import type { Role } from '../roles'

// The one table that says which role may issue which command. The server checks it for every
// command, REST and socket alike; the UI reads it only to hide buttons.
export const commandPolicy: Record<CommandType, readonly Role[]> = {
  'petition:record': ['secretary'],
  'speaker:register': ['secretary'],
  'speaker:call-next': ['secretary', 'chair'],
  'speaker:finish': ['secretary', 'chair'],
}

export const mayIssue = (role: Role, type: CommandType): boolean => commandPolicy[type].includes(role)

import type { CommandType } from './commands'
import type { Role } from '../roles'

// The one table that says which role may issue which command. The server checks it for every
// command, REST and socket alike; the UI reads it only to hide buttons. The secretary runs the
// console and may do everything (the chair often directs aloud and the secretary records it); the
// chair's tablet directs the queue and decides on petitions; public screens issue nothing.
const secretary = ['secretary'] as const
const both = ['secretary', 'chair'] as const

export const commandPolicy: Record<CommandType, readonly Role[]> = {
  'meeting:update-details': secretary,
  'meeting:set-phase': secretary,
  'meeting:set-speaking-limit': secretary,
  'meeting:set-programme': secretary,
  'meeting:record-conclusion': both,
  'registration:close': secretary,
  'registration:reopen': secretary,
  'projector:show': secretary,

  'petition:record': secretary,
  'petition:edit': secretary,
  'petition:prepare-answer': secretary,
  'petition:discuss': both,
  'petition:assign-answerer': both,
  'petition:record-answer': both,
  'petition:commit-written-answer': both,
  'petition:forward': both,
  'petition:withdraw': secretary,
  'petition:merge': secretary,
  'petition:conclude': both,
  'petition:reopen': both,

  'speaker:register': secretary,
  'speaker:edit': secretary,
  'speaker:move': secretary,
  'speaker:withdraw': secretary,
  'speaker:readd': both,
  'speaker:call-next': both,
  'speaker:call': both,
  'speaker:start': both,
  'speaker:pause': both,
  'speaker:resume': both,
  'speaker:extend': both,
  'speaker:finish': both,
  'speaker:summarize': secretary,
}

export const mayIssue = (role: Role, type: CommandType): boolean => commandPolicy[type].includes(role)

import type { ColumnType, Generated } from 'kysely'

// The database as Kysely sees it. snake_case stays here and in repositories/; everything above the
// repositories speaks camelCase domain objects.
export interface MeetingsTable {
  id: string
  title: string
  venue: Generated<string>
  created_at: ColumnType<Date, Date | string, never>
  last_seq: Generated<number>
  secretary_key: string
  chair_key: string
}

export interface MeetingEventsTable {
  meeting_id: string
  seq: number
  type: string
  payload: ColumnType<unknown, string, never>
  command_id: string | null
  actor_role: string | null
  occurred_at: ColumnType<Date, Date | string, never>
}

export interface MeetingCommandsTable {
  command_id: string
  meeting_id: string
  command_type: string
  payload_hash: string
  first_seq: number
  last_seq: number
  applied_at: ColumnType<Date, Date | string, never>
}

export interface Database {
  meetings: MeetingsTable
  meeting_events: MeetingEventsTable
  meeting_commands: MeetingCommandsTable
}

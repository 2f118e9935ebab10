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

export interface DirectoryUnitsTable {
  id: string
  name: string
  sort_order: Generated<number>
  created_at: Generated<Date>
}

export interface DirectoryOfficialsTable {
  id: string
  name: string
  title: Generated<string>
  unit_id: string | null
  sort_order: Generated<number>
  created_at: Generated<Date>
}

export interface CalendarDaysTable {
  /** A DATE column; repositories read it as 'YYYY-MM-DD' text so both backends agree. */
  day: string
  kind: 'day_off' | 'working_day'
  note: Generated<string>
}

export interface OfficeProfileTable {
  id: number
  parent_body: string
  issuing_body: string
  office_code: string
  place: string
  deadline_rules: ColumnType<unknown, string | null, string | null>
}

export interface MeetingDocumentsTable {
  meeting_id: string
  kind: 'minutes' | 'notice'
  version: number
  document: ColumnType<unknown, string, string>
  note: Generated<string>
  saved_by: string
  saved_at: ColumnType<Date, Date | string, Date | string>
}

export interface FollowUpRecordsTable {
  meeting_id: string
  petition_no: number
  /** DATE columns: read as 'YYYY-MM-DD' text by the repository. */
  extended_due_date: string | null
  extension_reason: Generated<string>
  result_text: string | null
  result_date: string | null
  petitioner_answered: boolean | null
  updated_at: Generated<Date>
}

export interface Database {
  follow_up_records: FollowUpRecordsTable
  office_profile: OfficeProfileTable
  meeting_documents: MeetingDocumentsTable
  directory_units: DirectoryUnitsTable
  directory_officials: DirectoryOfficialsTable
  calendar_days: CalendarDaysTable
  meetings: MeetingsTable
  meeting_events: MeetingEventsTable
  meeting_commands: MeetingCommandsTable
}

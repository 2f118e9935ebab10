import type { ColumnType, Generated } from 'kysely'

// The database as Kysely sees it. snake_case stays here and in repositories/; everything above the
// repositories speaks camelCase domain objects.
export interface MeetingsTable {
  id: string
  title: string
  venue: Generated<string>
  created_at: ColumnType<Date, Date | string, never>
  last_seq: Generated<number>
}

export interface MeetingEventsTable {
  meeting_id: string
  seq: number
  type: string
  payload: ColumnType<unknown, string, never>
  command_id: string | null
  actor_role: string | null
  /** { kind: 'user' | 'device', id, name }: who issued the command, for oversight. */
  actor: ColumnType<unknown, string | null, never>
  occurred_at: ColumnType<Date, Date | string, never>
}

export interface MeetingCommandsTable {
  command_id: string
  meeting_id: string
  command_type: string
  payload_hash: string
  /** Null for a refused command: it produced no events. */
  first_seq: number | null
  last_seq: number | null
  applied_at: ColumnType<Date, Date | string, never>
  /** The refusal ({ code, message }) a command got, or null when it was applied. */
  refusal: ColumnType<unknown, string | null, never>
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

export interface CalendarYearsTable {
  year: number
  /** Null while no administrator has confirmed the year against the official announcement. */
  confirmed_at: ColumnType<Date | null, Date | string | null, Date | string | null>
  confirmed_by: string | null
  confirmed_by_user_id: string | null
  loaded_at: ColumnType<Date | null, Date | string | null, Date | string | null>
  loaded_by: string | null
}

export interface OfficeProfileTable {
  id: number
  parent_body: string
  issuing_body: string
  office_code: string
  place: string
  deadline_rules: ColumnType<unknown, string | null, string | null>
  document_settings: ColumnType<unknown, string | null, string | null>
}

export interface DocumentIssuesTable {
  register_type: string
  year: number
  number: number
  meeting_id: string | null
  kind: string
  version: number
  symbol: string
  date: ColumnType<string, string, never>
  document: ColumnType<unknown, string, never>
  issued_by: string
  issued_at: ColumnType<Date, Date | string, never>
  /** For a report: its period ("2026-01-01_2026-06-30"); null for a meeting's documents. */
  period_key: ColumnType<string | null, string | null | undefined, never>
}

export interface ReportDocumentsTable {
  period_key: string
  version: number
  document: ColumnType<unknown, string, string>
  note: Generated<string>
  saved_by: string
  saved_at: ColumnType<Date, Date | string, Date | string>
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

/** One row per meeting: what reports and cross-meeting lists read (server/reports/meeting-projection.ts). */
export interface MeetingProjectionTable {
  meeting_id: string
  seq: number
  shape: number
  held: boolean
  /** 'YYYY-MM-DD'. */
  held_on: string
  follow_up_count: number
  summary: ColumnType<unknown, string, string>
}

export interface UsersTable {
  id: string
  username: string
  display_name: string
  password_hash: string | null
  roles: ColumnType<unknown, string, string>
  unit_id: string | null
  active: Generated<boolean>
  created_at: ColumnType<Date, Date | string, never>
  last_sign_in_at: ColumnType<Date | null, Date | string | null, Date | string | null>
}

export interface SessionsTable {
  /** sha256 of the cookie's token. */
  id: string
  user_id: string
  csrf_token: string
  created_at: ColumnType<Date, Date | string, never>
  expires_at: ColumnType<Date, Date | string, Date | string>
  revoked_at: ColumnType<Date | null, Date | string | null, Date | string | null>
  address: string | null
}

export interface PasswordTokensTable {
  id: string
  user_id: string
  created_at: ColumnType<Date, Date | string, never>
  /** Renewed for a preset first-run token (HND_SETUP_TOKEN), which is the same on every start. */
  expires_at: ColumnType<Date, Date | string, Date | string>
  used_at: ColumnType<Date | null, Date | string | null, Date | string | null>
}

export interface PairingCodesTable {
  id: string
  meeting_id: string
  role: string
  code_hash: string
  /** sha256 of the QR link's long secret. */
  link_hash: string | null
  created_by: string | null
  created_at: ColumnType<Date, Date | string, never>
  expires_at: ColumnType<Date, Date | string, never>
  closed_at: ColumnType<Date | null, Date | string | null, Date | string | null>
}

export interface PairingFailuresTable {
  at: ColumnType<Date, Date | string, never>
  address: string | null
}

export interface DevicesTable {
  id: string
  meeting_id: string
  role: string
  label: string
  token_hash: string
  paired_by: string | null
  /** The address the device paired from. */
  paired_from: string | null
  paired_at: ColumnType<Date, Date | string, never>
  expires_at: ColumnType<Date, Date | string, never>
  revoked_at: ColumnType<Date | null, Date | string | null, Date | string | null>
}

export interface OfficeAuditTable {
  id: Generated<number>
  at: ColumnType<Date, Date | string, never>
  action: string
  actor_user_id: string | null
  actor: string | null
  detail: Generated<string>
  address: string | null
}

export interface Database {
  users: UsersTable
  sessions: SessionsTable
  password_tokens: PasswordTokensTable
  pairing_codes: PairingCodesTable
  pairing_failures: PairingFailuresTable
  devices: DevicesTable
  office_audit: OfficeAuditTable
  meeting_projection: MeetingProjectionTable
  office_profile: OfficeProfileTable
  meeting_documents: MeetingDocumentsTable
  document_issues: DocumentIssuesTable
  report_documents: ReportDocumentsTable
  directory_units: DirectoryUnitsTable
  directory_officials: DirectoryOfficialsTable
  calendar_days: CalendarDaysTable
  calendar_years: CalendarYearsTable
  meetings: MeetingsTable
  meeting_events: MeetingEventsTable
  meeting_commands: MeetingCommandsTable
}

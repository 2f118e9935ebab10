import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely'
import * as m0001 from './migrations/2026_11_22_0001_meeting_log'
import * as m0002 from './migrations/2026_11_22_0002_office_directory_calendar'
import * as m0003 from './migrations/2026_11_22_0003_office_profile_documents'
import * as m0004 from './migrations/2026_11_22_0004_follow_up'
import * as m0005 from './migrations/2026_11_22_0005_calendar_2026_2027'
import * as m0006 from './migrations/2026_11_22_0006_office_deadline_rules'
import * as m0007 from './migrations/2026_11_22_0007_accounts_devices'
import * as m0008 from './migrations/2026_11_22_0008_pairing_links'
import * as m0009 from './migrations/2026_12_02_0009_refused_commands'
import * as m0010 from './migrations/2026_12_02_0010_calendar_years'
import * as m0011 from './migrations/2026_12_02_0011_office_document_settings'
import * as m0012 from './migrations/2026_12_02_0012_document_register'
import * as m0013 from './migrations/2026_12_02_0013_report_documents'
import * as m0014 from './migrations/2026_12_02_0014_national_day_2026'
import * as m0015 from './migrations/2026_12_02_0015_pairing_code_once'
import * as m0016 from './migrations/2026_12_02_0016_meeting_projection'

// A static list rather than FileMigrationProvider: no dynamic import(), so the same code runs under
// tsx, vitest and a bundle. Add each new migration here, in order.
const migrations: Record<string, Migration> = {
  '2026_11_22_0001_meeting_log': m0001,
  '2026_11_22_0002_office_directory_calendar': m0002,
  '2026_11_22_0003_office_profile_documents': m0003,
  '2026_11_22_0004_follow_up': m0004,
  '2026_11_22_0005_calendar_2026_2027': m0005,
  '2026_11_22_0006_office_deadline_rules': m0006,
  '2026_11_22_0007_accounts_devices': m0007,
  '2026_11_22_0008_pairing_links': m0008,
  '2026_12_02_0009_refused_commands': m0009,
  '2026_12_02_0010_calendar_years': m0010,
  '2026_12_02_0011_office_document_settings': m0011,
  '2026_12_02_0012_document_register': m0012,
  '2026_12_02_0013_report_documents': m0013,
  '2026_12_02_0014_national_day_2026': m0014,
  '2026_12_02_0015_pairing_code_once': m0015,
  '2026_12_02_0016_meeting_projection': m0016,
}

const provider: MigrationProvider = { getMigrations: async () => migrations }

/** Up to and including `name` only: for a test of what a later migration does to older data. */
export async function migrateTo(db: Kysely<any>, name: string): Promise<string[]> {
  const { error, results } = await new Migrator({ db, provider }).migrateTo(name)
  if (error) throw error instanceof Error ? error : new Error(String(error))
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName)
}

/**
 * Whether the database has applied exactly this build's migrations: one query, where the migrator
 * takes a dozen (its two tables, its lock, its list, in a transaction) on every start, up to date
 * or not. Anything else (a new database, a migration missing, one this build does not know, no
 * answer) goes to the migrator, which applies, refuses or reports as before.
 */
async function isUpToDate(db: Kysely<any>): Promise<boolean> {
  try {
    const rows: { name: string }[] = await db.selectFrom('kysely_migration').select('name').execute()
    const expected = Object.keys(migrations)
    return rows.length === expected.length && expected.every((name) => rows.some((row) => row.name === name))
  } catch {
    return false
  }
}

export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  if (await isUpToDate(db)) return []
  const migrator = new Migrator({ db, provider })
  const { error, results } = await migrator.migrateToLatest()
  if (error) throw error instanceof Error ? error : new Error(String(error))
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName)
}

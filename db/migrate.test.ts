import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from './connect'
import { openPrivateDatabase } from '../tests/fixtures/database'
import { migrateToLatest } from './migrate'

// A start on an up-to-date database checks the applied migrations with one query instead of running
// the migrator (its tables, its lock, its list); anything but exactly this build's migrations still
// goes through the migrator, which refuses or applies as before.
describe('migrating at start-up', () => {
  let handle: DatabaseHandle
  beforeAll(async () => {
    handle = await openPrivateDatabase()
  })
  afterAll(() => handle.close())

  const appliedNames = async () => (await sql<{ name: string }>`select name from kysely_migration order by name`.execute(handle.db)).rows.map((row) => row.name)

  it('applies nothing to a database this build has migrated, and leaves its record as it was', async () => {
    const before = await appliedNames()
    expect(before.length).toBeGreaterThan(0)
    expect(await migrateToLatest(handle.db)).toEqual([])
    expect(await appliedNames()).toEqual(before)
  })

  it('still refuses a database migrated by a newer build (a migration this one does not know)', async () => {
    await sql`insert into kysely_migration (name, timestamp) values ('2099_01_01_0001_from_a_newer_build', now())`.execute(handle.db)
    try {
      await expect(migrateToLatest(handle.db)).rejects.toThrow(/2099_01_01_0001_from_a_newer_build/)
    } finally {
      await sql`delete from kysely_migration where name = '2099_01_01_0001_from_a_newer_build'`.execute(handle.db)
    }
  })
})

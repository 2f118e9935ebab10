import type { Directory, DirectoryOfficial, DirectoryUnit } from '../../shared/directory'
import type { Executor } from './executor'

export async function loadDirectory(db: Executor): Promise<Directory> {
  const units = await db.selectFrom('directory_units').select(['id', 'name']).orderBy('sort_order').orderBy('name').execute()
  const officials = await db
    .selectFrom('directory_officials')
    .select(['id', 'name', 'title', 'unit_id'])
    .orderBy('sort_order')
    .orderBy('name')
    .execute()
  return {
    units: units.map((u): DirectoryUnit => ({ id: u.id, name: u.name })),
    officials: officials.map((o): DirectoryOfficial => ({ id: o.id, name: o.name, title: o.title, unitId: o.unit_id })),
  }
}

export async function insertUnit(db: Executor, unit: DirectoryUnit): Promise<void> {
  await db.insertInto('directory_units').values(unit).execute()
}

export async function updateUnit(db: Executor, unit: DirectoryUnit): Promise<boolean> {
  const r = await db.updateTable('directory_units').set({ name: unit.name }).where('id', '=', unit.id).executeTakeFirst()
  return Number(r.numUpdatedRows) > 0
}

/** Removes the unit; answers the name it had (for the audit trail), or null when there is none. */
export async function deleteUnit(db: Executor, id: string): Promise<string | null> {
  const r = await db.deleteFrom('directory_units').where('id', '=', id).returning('name').executeTakeFirst()
  return r?.name ?? null
}

export async function insertOfficial(db: Executor, o: DirectoryOfficial): Promise<void> {
  await db.insertInto('directory_officials').values({ id: o.id, name: o.name, title: o.title, unit_id: o.unitId }).execute()
}

export async function updateOfficial(db: Executor, o: DirectoryOfficial): Promise<boolean> {
  const r = await db
    .updateTable('directory_officials')
    .set({ name: o.name, title: o.title, unit_id: o.unitId })
    .where('id', '=', o.id)
    .executeTakeFirst()
  return Number(r.numUpdatedRows) > 0
}

/** Removes the official; answers the name they had (for the audit trail), or null when there is none. */
export async function deleteOfficial(db: Executor, id: string): Promise<string | null> {
  const r = await db.deleteFrom('directory_officials').where('id', '=', id).returning('name').executeTakeFirst()
  return r?.name ?? null
}

export async function unitExists(db: Executor, id: string): Promise<boolean> {
  return (await db.selectFrom('directory_units').select('id').where('id', '=', id).executeTakeFirst()) !== undefined
}

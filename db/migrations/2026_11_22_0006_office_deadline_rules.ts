import type { Kysely } from 'kysely'

// Frozen in time: never edit a migration that has shipped; add a new one.
// The office's own deadline sets (working days per level); null keeps the provincial rules.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('office_profile').addColumn('deadline_rules', 'jsonb').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('office_profile').dropColumn('deadline_rules').execute()
}

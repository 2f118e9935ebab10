import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../schema'

/** Every repository function runs on the database or inside a caller's transaction. */
export type Executor = Kysely<Database> | Transaction<Database>

export const toIso = (d: Date | string): string => (d instanceof Date ? d : new Date(d)).toISOString()

import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { Kysely, PostgresDialect } from 'kysely'
import { PGliteDialect } from 'kysely-pglite-dialect'
import pg from 'pg'
import { acquireDataDirLock } from './lock'
import type { Database } from './schema'

export interface DatabaseHandle {
  db: Kysely<Database>
  kind: 'postgres' | 'pglite'
  /** For logs: the server address without credentials, or the data directory. */
  description: string
  /** Present for PostgreSQL: the pool, for LISTEN/NOTIFY fan-out. */
  pool?: pg.Pool
  close(): Promise<void>
}

export interface DatabaseConfig {
  /** postgres://… — a real server. Without it the embedded PGlite is used. */
  url?: string | undefined
  /** PGlite data directory; omit for an in-memory database (tests). */
  dataDir?: string | undefined
  /**
   * Tests: PGlite starts from this data directory tarball (PGlite's dumpDataDir of a migrated
   * database) instead of running initdb and every migration again for each suite. In memory, or
   * in a `dataDir` that is still empty (PGlite refuses to load it over an existing database).
   */
  snapshot?: Blob | undefined
}

// Both backends must hand back the same JavaScript values: pg returns int8 (count(*)) and numeric as
// strings, PGlite as numbers. We parse int8 to number on pg (counts here never exceed 2^53).
const INT8_OID = 20
const pgTypes = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
}

/**
 * Connections to a PostgreSQL server. Commands, reads and the fan-out share the pool, and the
 * fan-out holds one connection for good (LISTEN): ten for the work, one more for it. Most commands
 * hold a connection for one statement (server/meetings/meeting-log.ts), so ten serve many screens;
 * more would only queue in PostgreSQL, which a 2-core server runs no faster.
 */
const POOL_SIZE = 10 + 1

export async function openDatabase(config: DatabaseConfig): Promise<DatabaseHandle> {
  if (config.url) {
    const pool = new pg.Pool({
      connectionString: config.url,
      max: POOL_SIZE,
      connectionTimeoutMillis: 5_000,
      statement_timeout: 15_000,
      idle_in_transaction_session_timeout: 30_000,
      types: pgTypes,
    })
    // A connection that breaks (server restart, failover, pg_terminate_backend) must not end the
    // process. The pool listens on idle clients only; a client checked out (inside a command's
    // transaction, waiting for a meeting's lock) emits 'error' on itself, and an 'error' event
    // nobody listens to is thrown. So every client gets a listener of its own when it connects;
    // the query it was running fails, and its caller answers UNAVAILABLE.
    pool.on('error', (err) => console.error('[db] idle client error:', err.message))
    pool.on('connect', (client) => {
      client.on('error', (err) => console.error('[db] connection lost:', err.message))
    })
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
    const url = new URL(config.url)
    return {
      db,
      kind: 'postgres',
      pool,
      description: `PostgreSQL ${url.hostname}:${url.port || 5432}${url.pathname}`,
      close: () => db.destroy(),
    }
  }

  const dataDir = config.dataDir ? path.resolve(config.dataDir) : undefined
  const release = dataDir ? acquireDataDirLock(dataDir) : () => {}
  try {
    const options = config.snapshot ? { loadDataDir: config.snapshot } : {}
    const pglite = dataDir ? await PGlite.create(path.join(dataDir, 'pglite'), options) : await PGlite.create(options)
    const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) })
    return {
      db,
      kind: 'pglite',
      description: dataDir ? `PGlite (nhúng) tại ${dataDir}` : 'PGlite (trong bộ nhớ)',
      close: async () => {
        await db.destroy()
        if (!pglite.closed) await pglite.close()
        release()
      },
    }
  } catch (err) {
    release()
    throw err
  }
}

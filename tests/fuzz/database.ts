import fs from 'node:fs'
import path from 'node:path'
import pg from 'pg'
import type { DatabaseTarget } from './ipc'

// Where the app under fuzzing keeps its data: a fresh embedded data directory under the run's own
// folder, or a fresh database on the PostgreSQL server DATABASE_URL names — created for this run and
// dropped after it, so a run neither sees nor leaves another run's rows.

export interface PreparedDatabase {
  target: DatabaseTarget
  /** For the report: the kind and where, without credentials. */
  description: string
  dispose(): Promise<void>
}

export async function prepareDatabase(kind: 'pglite' | 'postgres', runDir: string, databaseUrl: string | undefined): Promise<PreparedDatabase> {
  if (kind === 'pglite') {
    const dataDir = path.join(runDir, 'pglite-data')
    fs.mkdirSync(dataDir, { recursive: true })
    // Kept after the run: with the server log, it is what a failure is examined from.
    return { target: { kind: 'pglite', dataDir }, description: `PGlite at ${dataDir}`, dispose: async () => {} }
  }
  if (!databaseUrl) throw new Error('--database postgres needs DATABASE_URL (postgres://user@host:5432/db) to reach the server.')
  const name = `hnd_fuzz_${new Date().toISOString().replace(/\D/g, '').slice(0, 14)}_${process.pid}`
  const admin = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 5_000 })
  await admin.connect()
  try {
    await admin.query(`create database "${name}"`)
  } catch (err) {
    // No right to create databases: fall back to the database given, and say so.
    await admin.end()
    console.warn(`Could not create a database for this run (${(err as Error).message}); fuzzing the database DATABASE_URL names, whose rows stay.`)
    const url = new URL(databaseUrl)
    return { target: { kind: 'postgres', url: databaseUrl }, description: `PostgreSQL ${url.host}${url.pathname} (shared)`, dispose: async () => {} }
  }
  await admin.end()
  const url = new URL(databaseUrl)
  url.pathname = `/${name}`
  return {
    target: { kind: 'postgres', url: url.toString() },
    description: `PostgreSQL ${url.host}/${name} (created for this run, dropped after)`,
    async dispose() {
      const c = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 5_000 })
      await c.connect()
      try {
        // WITH (FORCE) (PostgreSQL 13+): a crashed server's connections may still be open.
        await c.query(`drop database if exists "${name}" with (force)`)
      } finally {
        await c.end()
      }
    },
  }
}

/**
 * A stand-in for the built client (dist/client is usually not built where the fuzzer runs): an
 * index.html and one asset, so the static files and the page fallback are served as in production.
 */
export function prepareClientDir(runDir: string): string {
  const built = path.resolve('dist/client')
  if (fs.existsSync(path.join(built, 'index.html'))) return built
  const dir = path.join(runDir, 'client')
  fs.mkdirSync(path.join(dir, 'assets'), { recursive: true })
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Hội nghị đối thoại</title><script type="module" src="/assets/app.js"></script></head><body><div id="app"></div></body></html>\n')
  fs.writeFileSync(path.join(dir, 'assets', 'app.js'), 'export {}\n')
  return dir
}

import { execFile, execFileSync } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import pg from 'pg'

const run = promisify(execFile)

// A PostgreSQL cluster of our own, in a temporary directory on a free port: the harness stops it
// with `pg_ctl stop -m immediate` (what a crash or a failover looks like to the app) and starts it
// again, which it must never do to a server someone else uses. The same recipe as .ci/run's
// start_throwaway_cluster: Debian's binaries, and as root the postgres system user (initdb refuses
// to run as root).

function findBinDir(): string {
  const root = '/usr/lib/postgresql'
  const versions = fs.existsSync(root)
    ? fs
        .readdirSync(root)
        .filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb')))
        .sort((a, b) => Number(a) - Number(b))
    : []
  const latest = versions[versions.length - 1]
  if (!latest) throw new Error(`No PostgreSQL server binaries under ${root}: install Debian's postgresql (apt-get install postgresql).`)
  return path.join(root, latest, 'bin')
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

export class ThrowawayCluster {
  /** Whether the cluster is meant to be running (between start and an outage, or after it). */
  up = false
  private removed = false

  private constructor(
    readonly dir: string,
    readonly port: number,
    private readonly binDir: string,
    /** ['runuser', '-u', 'postgres', '--'] as root, else nothing. */
    private readonly runAs: string[],
  ) {}

  static async create(parentDir: string): Promise<ThrowawayCluster> {
    const binDir = findBinDir()
    const dir = fs.mkdtempSync(path.join(parentDir, 'pg-'))
    const port = await freePort()
    let runAs: string[] = []
    if (os.userInfo().uid === 0) {
      // The temporary directories are root's; the cluster's owner must be able to reach its own.
      fs.chmodSync(parentDir, 0o755)
      execFileSync('chown', ['postgres', dir])
      runAs = ['runuser', '-u', 'postgres', '--']
    }
    const cluster = new ThrowawayCluster(dir, port, binDir, runAs)
    await cluster.exec('initdb', ['-D', cluster.dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8'])
    await cluster.start()
    return cluster
  }

  get dataDir(): string {
    return path.join(this.dir, 'data')
  }

  /** A URL for `database` (the cluster trusts local connections: no password). */
  url(database = 'postgres'): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`
  }

  async start(): Promise<void> {
    await this.exec('pg_ctl', [
      '-D',
      this.dataDir,
      '-l',
      path.join(this.dir, 'postgres.log'),
      '-w',
      '-t',
      '60',
      '-o',
      `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c max_connections=200`,
      'start',
    ])
    this.up = true
  }

  /** What a crash looks like to the app: every backend dies at once, nothing is shut down cleanly. */
  async stopImmediately(): Promise<void> {
    this.up = false
    await this.exec('pg_ctl', ['-D', this.dataDir, '-m', 'immediate', '-w', 'stop'])
  }

  async createDatabase(name: string): Promise<string> {
    const client = new pg.Client({ connectionString: this.url(), connectionTimeoutMillis: 5_000 })
    await client.connect()
    try {
      await client.query(`create database ${pg.escapeIdentifier(name)}`)
    } finally {
      await client.end()
    }
    return this.url(name)
  }

  /**
   * Ends the app's connections to `database`: all of them, or only those in use (running a query
   * or inside a transaction), which is where an unguarded client dies. `times` rounds `gapMs`
   * apart on one connection: a commit takes a few milliseconds, and a burst makes it likely that
   * one of them is cut between PostgreSQL committing and the app hearing so. Returns how many.
   */
  async terminateBackends(database: string, which: 'all' | 'busy', times = 1, gapMs = 0): Promise<number> {
    const client = new pg.Client({ connectionString: this.url(), connectionTimeoutMillis: 2_000 })
    client.on('error', () => undefined)
    await client.connect()
    try {
      const busy = which === 'busy' ? `and state in ('active', 'idle in transaction')` : ''
      let total = 0
      for (let round = 0; round < times; round++) {
        if (round > 0 && gapMs > 0) await new Promise((r) => setTimeout(r, gapMs))
        const result = await client.query<{ n: number }>(
          `select count(pg_terminate_backend(pid))::int as n from pg_stat_activity
            where datname = $1 and pid <> pg_backend_pid() and backend_type = 'client backend' ${busy}`,
          [database],
        )
        total += result.rows[0]?.n ?? 0
      }
      return total
    } finally {
      await client.end().catch(() => undefined)
    }
  }

  /** Stops the cluster (if running) and deletes its directory. Safe to call twice. */
  async remove(keep = false): Promise<void> {
    if (this.removed) return
    this.removed = true
    this.up = false
    await this.exec('pg_ctl', ['-D', this.dataDir, '-m', 'immediate', '-w', 'stop']).catch(() => undefined)
    if (!keep) fs.rmSync(this.dir, { recursive: true, force: true })
  }

  /** For process.on('exit'), where nothing asynchronous runs any more. */
  removeSync(keep = false): void {
    if (this.removed) return
    this.removed = true
    const [file, ...args] = [...this.runAs, ...this.command('pg_ctl'), '-D', this.dataDir, '-m', 'immediate', 'stop']
    try {
      execFileSync(file as string, args, { stdio: 'ignore', timeout: 30_000 })
    } catch {
      // not running
    }
    if (!keep) fs.rmSync(this.dir, { recursive: true, force: true })
  }

  private command(tool: string): string[] {
    return [path.join(this.binDir, tool)]
  }

  private async exec(tool: string, args: string[]): Promise<void> {
    const [file, ...rest] = [...this.runAs, ...this.command(tool), ...args]
    try {
      await run(file as string, rest, { timeout: 90_000 })
    } catch (err) {
      const e = err as Error & { stderr?: string }
      throw new Error(`${tool} ${args[args.length - 1]} failed: ${e.stderr?.trim() || e.message}`, { cause: err })
    }
  }
}

import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { limits } from '../../shared/meeting/commands'
import { numberFlag, parseFlags, UsageError } from '../harness/cli'

export interface BenchOptions {
  viewers: number
  commands: number
  warmup: number
  /** Where the app's database is: the embedded in-memory PGlite, or a PostgreSQL URL. */
  database: { kind: 'pglite' } | { kind: 'postgres'; url: string }
  /** Run the servers in this process instead of a child process (see broadcast.ts for why not). */
  inProcess: boolean
  connectBatch: number
  /** Per connect, per command and per shutdown step. */
  timeoutMs: number
  /** Length of each petition's content, in characters: what dominates the broadcast frame. */
  contentChars: number
  /** Absolute path of the JSON file to write. */
  out: string
  /** Where to write a V8 CPU profile of the server process (child process only). */
  profileDir: string | null
}

export const usage = `Usage: npm run bench:broadcast -- [options]

  --viewers N          public screens to connect (default 1000)
  --commands M         measured commands, sent one after another (default 200)
  --warmup W           commands sent first and left out of the figures (default 10)
  --database D         pglite (in memory), postgres (uses DATABASE_URL) or a postgres:// URL;
                       default: DATABASE_URL when it is set, else pglite
  --in-process         run the servers in this process instead of a child process
  --connect-batch B    sockets connecting at once (default 50)
  --timeout S          seconds allowed for each connect, command and shutdown step (default 30)
  --content-chars C    characters of petition content per command (default 400)
  --out FILE           where to write the figures (default bench/results/latest.json)
  --profile DIR        also write a V8 CPU profile of the server process to DIR
                       (open it in Chrome DevTools; not with --in-process)
`

export { UsageError }

const positiveInt = (name: string, raw: string | undefined, fallback: number, min = 1, max = 1_000_000): number =>
  numberFlag(name, raw, fallback, min, max, true)

export function readOptions(argv: string[], env: NodeJS.ProcessEnv): BenchOptions | 'help' {
  const parsed = parseFlags(argv, {
    viewers: { type: 'string' },
    commands: { type: 'string' },
    warmup: { type: 'string' },
    database: { type: 'string' },
    'in-process': { type: 'boolean' },
    'connect-batch': { type: 'string' },
    timeout: { type: 'string' },
    'content-chars': { type: 'string' },
    out: { type: 'string' },
    profile: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  })
  if (parsed.help) return 'help'

  if (parsed.profile && parsed['in-process']) throw new UsageError('--profile profiles the server process: it cannot be combined with --in-process.')
  return {
    viewers: positiveInt('viewers', parsed.viewers, 1000),
    commands: positiveInt('commands', parsed.commands, 200),
    warmup: positiveInt('warmup', parsed.warmup, 10, 0),
    database: chooseDatabase(parsed.database, env.DATABASE_URL),
    inProcess: parsed['in-process'] ?? false,
    connectBatch: positiveInt('connect-batch', parsed['connect-batch'], 50),
    timeoutMs: positiveInt('timeout', parsed.timeout, 30) * 1000,
    // The petition schema refuses longer content (shared/meeting/commands.ts).
    contentChars: positiveInt('content-chars', parsed['content-chars'], 400, 0, limits.content),
    // The recorded figure lives at the repository root whatever the working directory; a path given
    // on the command line means what it says, relative to where the command runs.
    out: parsed.out ? path.resolve(parsed.out) : fileURLToPath(new URL('../../bench/results/latest.json', import.meta.url)),
    profileDir: parsed.profile ? path.resolve(parsed.profile) : null,
  }
}

function chooseDatabase(flag: string | undefined, databaseUrl: string | undefined): BenchOptions['database'] {
  const url = databaseUrl?.trim() || undefined
  if (flag === undefined) return url ? { kind: 'postgres', url } : { kind: 'pglite' }
  if (flag === 'pglite') return { kind: 'pglite' }
  if (flag === 'postgres') {
    if (!url) throw new UsageError('--database postgres needs DATABASE_URL to be set (or pass the URL itself).')
    return { kind: 'postgres', url }
  }
  if (/^postgres(ql)?:\/\//.test(flag)) return { kind: 'postgres', url: flag }
  throw new UsageError(`--database must be pglite, postgres or a postgres:// URL, not «${flag}».`)
}

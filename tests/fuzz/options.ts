import path from 'node:path'
import { numberFlag, parseFlags, UsageError } from '../harness/cli'

export interface FuzzOptions {
  /** Seconds of fuzzing in all (the rate-limited phase included). */
  durationSeconds: number
  seed: string
  database: 'pglite' | 'postgres'
  /** Seconds at the end with the app's rate limits on (0: none). */
  rateLimitSeconds: number
  /** An ack (or an HTTP answer for sockets' sake) due later than this is "unacked". */
  ackTimeoutMs: number
  /** REST requests get this long before they count as unanswered. */
  httpTimeoutMs: number
  /** An answer slower than this is a failure ("slow"). */
  slowMs: number
  out: string
}

export const usage = `Usage: npx tsx tests/fuzz/run.ts [options]   (or: npm run fuzz -- [options])

  --duration S         seconds of fuzzing in all (default 120)
  --seed X             seed of the choices, to replay a run (default: the time)
  --database D         pglite (a fresh embedded data directory under .tmp/) or postgres
                       (a fresh database on the server DATABASE_URL names, dropped after);
                       default: postgres when DATABASE_URL is set, else pglite
  --rate-limit-seconds S  seconds at the end with the rate limits on (default: 10% of the
                       duration, at most 20; 0 for none)
  --ack-timeout S      seconds an ack may take before the command counts as unacked (default 5)
  --slow-ms MS         an answer slower than this is reported as slow (default 2000)
  --out FILE           where to write the figures (default bench/results/fuzz-latest.json)
`

export { UsageError }

const number = numberFlag

export function readOptions(argv: string[], env: NodeJS.ProcessEnv): FuzzOptions | 'help' {
  const v = parseFlags(argv, {
    duration: { type: 'string' },
    seed: { type: 'string' },
    database: { type: 'string' },
    'rate-limit-seconds': { type: 'string' },
    'ack-timeout': { type: 'string' },
    'slow-ms': { type: 'string' },
    out: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  })
  if (v.help) return 'help'
  const database = v.database ?? (env.DATABASE_URL ? 'postgres' : 'pglite')
  if (database !== 'pglite' && database !== 'postgres') throw new UsageError(`--database is pglite or postgres, not «${database}».`)
  if (database === 'postgres' && !env.DATABASE_URL) throw new UsageError('--database postgres needs DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/test).')
  const durationSeconds = number('duration', v.duration, 120, 5, 24 * 3600)
  const ackTimeoutMs = number('ack-timeout', v['ack-timeout'], 5, 0.5, 120) * 1000
  return {
    durationSeconds,
    seed: v.seed ?? String(Date.now()),
    database,
    rateLimitSeconds: number('rate-limit-seconds', v['rate-limit-seconds'], Math.min(20, Math.round(durationSeconds * 0.1)), 0, durationSeconds / 2),
    ackTimeoutMs,
    // The follow-up lists of a meeting with a far due date block for many seconds: give REST more
    // room than acks before calling it unanswered; "slow" reports it anyway.
    httpTimeoutMs: Math.max(ackTimeoutMs, 30_000),
    slowMs: number('slow-ms', v['slow-ms'], 2000, 10, 600_000),
    out: path.resolve(v.out ?? 'bench/results/fuzz-latest.json'),
  }
}

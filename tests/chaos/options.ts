import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { numberFlag, parseFlags, UsageError } from '../harness/cli'

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

export interface ChaosOptions {
  /** postgres: a throwaway cluster and two app processes; pglite: one process on an embedded data dir. */
  database: 'postgres' | 'pglite'
  /** How long load and faults run, before the settle phase. */
  durationSec: number
  /** A server process is killed -9 every [min, max] ms (uniformly drawn); null: no kills. */
  killEveryMs: [number, number] | null
  /** When the database is stopped (seconds into the run); null: no outage. PostgreSQL only. */
  dbOutageAtSec: number | null
  dbOutageForSec: number
  /** pg_terminate_backend of the app's connections every N s (jittered); 0: never. PostgreSQL only. */
  terminateEverySec: number
  /** A network blip (a third of the screens dropped) every N s (jittered); 0: never. */
  blipEverySec: number
  /** A retry storm every N s (jittered); 0: never. */
  stormEverySec: number
  /** Commands re-emitted per storm, and copies of each. */
  stormCommands: number
  stormCopies: number
  senders: number
  viewers: number
  /** Logical operations each sender starts per second, on average. */
  opsPerSec: number
  /** Upper bound on the wait for everything to settle after the faults stop. */
  settleSec: number
  seed: number
  /** Absolute path of the JSON file to write. */
  out: string
  /** Keep the temporary directory (cluster, server logs) for inspection. */
  keep: boolean
}

export const usage = `Usage: npx tsx tests/chaos/run.ts [options]     (npm run chaos -- [options])

  --database D         postgres (default: a throwaway cluster, two app processes) or pglite
                       (one process on an embedded data directory; no database outage)
  --duration S         seconds of load and faults (default 60)
  --kill-every A[-B]   kill -9 a server process every A to B seconds (default 1-3; 0 = never)
  --db-outage-at S     stop the database S seconds into the run (default: 40% of --duration;
                       "off" = never); postgres only
  --db-outage-for S    how long the database stays down (default 5)
  --terminate-every S  pg_terminate_backend the app's connections every ~S seconds (default 4; 0 = never)
  --blip-every S       drop a third of the screens' connections every ~S seconds (default 5; 0 = never)
  --storm-every S      a retry storm every ~S seconds (default 3; 0 = never)
  --storm-commands N   already answered commands re-emitted per storm (default 15)
  --storm-copies N     copies of each, sent at once (default 10)
  --senders N          secretary-like screens that send commands (default 3; the third is the chair)
  --viewers N          screens that only follow (default 10)
  --ops-per-sec R      logical operations per sender per second (default 5)
  --settle S           at most this long for screens and commands to settle at the end (default 30)
  --seed N             seed of the fault schedule and the operations' mix (default: random, printed)
  --out FILE           where to write the figures (default bench/results/chaos-latest.json)
  --keep               keep the temporary directory (cluster, server logs) afterwards
`

export { UsageError }

const number = numberFlag

function killEvery(raw: string | undefined): [number, number] | null {
  if (raw === undefined) return [1000, 3000]
  if (raw === '0' || raw === 'off') return null
  const m = /^(\d+(?:\.\d+)?)(?:-(\d+(?:\.\d+)?))?$/.exec(raw)
  if (!m) throw new UsageError(`--kill-every takes seconds, "A" or "A-B", not «${raw}».`)
  const lo = Number(m[1])
  const hi = m[2] === undefined ? lo : Number(m[2])
  if (lo <= 0 || hi < lo) throw new UsageError(`--kill-every: need 0 < A <= B, not «${raw}».`)
  return [lo * 1000, hi * 1000]
}

export function readOptions(argv: string[]): ChaosOptions | 'help' {
  const v = parseFlags(argv, {
    database: { type: 'string' },
    duration: { type: 'string' },
    'kill-every': { type: 'string' },
    'db-outage-at': { type: 'string' },
    'db-outage-for': { type: 'string' },
    'terminate-every': { type: 'string' },
    'blip-every': { type: 'string' },
    'storm-every': { type: 'string' },
    'storm-commands': { type: 'string' },
    'storm-copies': { type: 'string' },
    senders: { type: 'string' },
    viewers: { type: 'string' },
    'ops-per-sec': { type: 'string' },
    settle: { type: 'string' },
    seed: { type: 'string' },
    out: { type: 'string' },
    keep: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  })
  if (v.help) return 'help'

  const database = v.database ?? 'postgres'
  if (database !== 'postgres' && database !== 'pglite') throw new UsageError(`--database is postgres or pglite, not «${database}».`)
  const durationSec = number('duration', v.duration, 60, 5, 24 * 3600)
  let dbOutageAtSec: number | null = null
  if (database === 'postgres' && v['db-outage-at'] !== 'off') {
    dbOutageAtSec = number('db-outage-at', v['db-outage-at'], Math.round(durationSec * 0.4), 0, durationSec)
  } else if (database === 'pglite' && v['db-outage-at'] !== undefined && v['db-outage-at'] !== 'off') {
    throw new UsageError('--db-outage-at needs --database postgres: the embedded database lives inside the app process.')
  }
  const senders = number('senders', v.senders, 3, 1, 50)
  return {
    database,
    durationSec,
    killEveryMs: killEvery(v['kill-every']),
    dbOutageAtSec,
    dbOutageForSec: number('db-outage-for', v['db-outage-for'], 5, 1, 600),
    terminateEverySec: database === 'postgres' ? number('terminate-every', v['terminate-every'], 4, 0, 3600) : 0,
    blipEverySec: number('blip-every', v['blip-every'], 5, 0, 3600),
    stormEverySec: number('storm-every', v['storm-every'], 3, 0, 3600),
    stormCommands: number('storm-commands', v['storm-commands'], 15, 1, 10_000),
    stormCopies: number('storm-copies', v['storm-copies'], 10, 1, 1000),
    senders,
    viewers: number('viewers', v.viewers, 10, 0, 1000),
    opsPerSec: number('ops-per-sec', v['ops-per-sec'], 5, 0.1, 1000),
    settleSec: number('settle', v.settle, 30, 1, 3600),
    seed: Math.trunc(number('seed', v.seed, Math.floor(Math.random() * 2 ** 31), 0, 2 ** 32 - 1)),
    out: path.resolve(projectRoot, v.out ?? 'bench/results/chaos-latest.json'),
    keep: v.keep ?? false,
  }
}

import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { FAILURE_KINDS, SURFACES, type Failure, type FailureKind, type Findings, type Surface } from './findings'
import type { FuzzOptions } from './options'

// The run's figures: written to bench/results/fuzz-latest.json and printed. Every distinct failure
// is listed once with its count and its first occurrence as the reproducer.

export interface FuzzResult {
  timestamp: string
  command: string
  seed: string
  options: Omit<FuzzOptions, 'out'>
  machine: { cpus: number; cpuModel: string; node: string; os: string }
  database: string
  serverLog: string
  elapsedSeconds: number
  /** Of the elapsed time, starting server processes (first start and restarts after crashes). */
  startupSeconds: number
  /** Probes per second of fuzzing (elapsed minus start-ups). */
  probesPerSecond: number
  /** Mean time to read the database fingerprint after a probe: the harness's main overhead. */
  fingerprintMeanMs: number
  phases: Findings['phases']
  restarts: number
  routes: { count: number; list: string[] }
  probes: Record<Surface, { sent: number; accepted: number; refused: number; noAnswer: number; latencyMs: Percentiles; outcomes: Record<string, number> }>
  probesTotal: number
  failureTotals: Record<FailureKind, number>
  distinctFailures: number
  failures: Failure[]
  crashes: Findings['crashes']
  /** Writes refusals legitimately made (audit of a failed sign-in, a wrong pairing code counted). */
  expectedWritesOnRefusal: Record<string, number>
  /** Causes not sent again after repeated crashes or slowness. */
  quarantined: string[]
}

interface Percentiles {
  p50: number
  p95: number
  p99: number
  max: number
}

function percentiles(values: number[]): Percentiles {
  if (!values.length) return { p50: 0, p95: 0, p99: 0, max: 0 }
  const sorted = [...values].sort((a, b) => a - b)
  const at = (q: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! * 10) / 10
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: Math.round(sorted[sorted.length - 1]! * 10) / 10 }
}

export function buildResult(
  findings: Findings,
  options: FuzzOptions,
  extra: { database: string; serverLog: string; elapsedSeconds: number; fingerprintMeanMs: number },
): FuzzResult {
  const cpus = os.cpus()
  const probes = Object.fromEntries(
    SURFACES.map((s) => {
      const st = findings.surfaces[s]
      const outcomes = Object.fromEntries(Object.entries(st.byOutcome).sort((a, b) => b[1] - a[1]))
      return [s, { sent: st.sent, accepted: st.accepted, refused: st.refused, noAnswer: st.noAnswer, latencyMs: percentiles(st.latencyMs), outcomes }]
    }),
  ) as FuzzResult['probes']
  const failures = findings.list()
  const { out: _out, ...shownOptions } = options
  return {
    timestamp: new Date().toISOString(),
    command: `npx tsx tests/fuzz/run.ts ${process.argv.slice(2).join(' ')}`.trim(),
    seed: options.seed,
    options: shownOptions,
    machine: { cpus: cpus.length, cpuModel: cpus[0]?.model.trim() ?? 'unknown', node: process.version, os: `${os.type()} ${os.release()} ${os.arch()}` },
    database: extra.database,
    serverLog: extra.serverLog,
    elapsedSeconds: Math.round(extra.elapsedSeconds),
    startupSeconds: Math.round(findings.startupSeconds),
    probesPerSecond: Math.round((SURFACES.reduce((n, s) => n + findings.surfaces[s].sent, 0) / Math.max(1, extra.elapsedSeconds - findings.startupSeconds)) * 10) / 10,
    fingerprintMeanMs: Math.round(extra.fingerprintMeanMs * 10) / 10,
    phases: findings.phases,
    restarts: findings.restarts,
    routes: { count: findings.routesSeen.length, list: findings.routesSeen.map((r) => `${r.method} ${r.url}`) },
    probes,
    probesTotal: SURFACES.reduce((n, s) => n + findings.surfaces[s].sent, 0),
    failureTotals: findings.totals(),
    distinctFailures: failures.length,
    failures,
    crashes: findings.crashes,
    expectedWritesOnRefusal: findings.expectedWrites,
    quarantined: [...findings.quarantined],
  }
}

export function writeResult(result: FuzzResult, file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`)
}

const pad = (s: string | number, n: number) => String(s).padStart(n)

export function printResult(result: FuzzResult, file: string): void {
  const lines: string[] = []
  lines.push('', `Fuzz run: ${result.elapsedSeconds} s, seed ${result.seed}, ${result.database}`)
  lines.push(`  ${result.routes.count} routes fuzzed; ${result.restarts} restart(s) of the server process; ${result.startupSeconds} s spent starting it; ${result.probesPerSecond} probes/s otherwise (fingerprint ${result.fingerprintMeanMs} ms each)`)
  lines.push(`  server log: ${result.serverLog}`)
  lines.push('', '  surface               sent  accepted   refused  no answer   p50 ms   p99 ms   max ms')
  for (const s of SURFACES) {
    const p = result.probes[s]
    lines.push(`  ${s.padEnd(18)}${pad(p.sent, 8)}${pad(p.accepted, 10)}${pad(p.refused, 10)}${pad(p.noAnswer, 11)}${pad(p.latencyMs.p50, 9)}${pad(p.latencyMs.p99, 9)}${pad(p.latencyMs.max, 9)}`)
  }
  lines.push(`  ${'total'.padEnd(18)}${pad(result.probesTotal, 8)}`)
  lines.push('', '  failures: ' + FAILURE_KINDS.map((k) => `${k} ${result.failureTotals[k]}`).join(', '))

  if (result.crashes.length) {
    lines.push('', `  CRASHES (${result.crashes.length})`)
    for (const c of result.crashes.slice(0, 10)) {
      lines.push(`  - ${c.at}: ${c.exit}; last sent:`)
      for (const p of c.lastProbes.slice(-3)) lines.push(`      ${p}`)
      const error = errorLine(c.outputTail)
      if (error) lines.push(`      server said: ${error}`)
    }
  }
  if (result.failures.length) {
    lines.push('', `  DISTINCT FAILURES (${result.failures.length})`)
    let kind: FailureKind | null = null
    for (const f of result.failures) {
      if (f.kind !== kind) {
        kind = f.kind
        lines.push('', `  [${kind}]`)
      }
      lines.push(`  - ${f.target} (${f.surface}) — ${f.detail}  ×${f.count}`)
      lines.push(`      as ${f.first.as}: ${f.first.variant}`)
      lines.push(`      sent: ${oneLine(f.first.request, 220)}`)
      lines.push(`      got:  ${oneLine(f.first.response, 220)}`)
      if (f.otherVariants.length) lines.push(`      also: ${oneLine(f.otherVariants.join(' | '), 220)}`)
      const targets = Object.entries(f.targets)
      if (targets.length > 1) lines.push(`      on ${targets.length} targets: ${oneLine(targets.sort((a, b) => b[1] - a[1]).map(([t, n]) => `${t} ×${n}`).join(', '), 260)}`)
    }
  }
  const expected = Object.entries(result.expectedWritesOnRefusal)
  if (expected.length) lines.push('', '  writes on refusal, allowed: ' + expected.map(([k, n]) => `${k} ×${n}`).join('; '))
  if (result.quarantined.length) lines.push('', `  not sent again after repeated crashes or slowness: ${result.quarantined.join('; ')}`)
  const failed = failedCount(result)
  lines.push('', failed ? `FAILED: ${failed} failure(s) of ${result.distinctFailures} distinct kind(s). Figures in ${file}` : `OK: no failure. Figures in ${file}`, '')
  console.log(lines.join('\n'))
}

export function failedCount(result: FuzzResult): number {
  return FAILURE_KINDS.reduce((n, k) => n + result.failureTotals[k], 0)
}

/** The exception a crashed Node process printed: "TypeError: … at file:line". */
export function errorLine(tail: string): string {
  const lines = tail.split('\n')
  const i = lines.findIndex((l) => /^(\w*Error|Uncaught|node:internal)|^\s*throw /.test(l) && !/^\s*at /.test(l))
  const errorIdx = lines.findIndex((l) => /^[A-Z]\w*Error\b|^Error\b/.test(l.trim()))
  const idx = errorIdx >= 0 ? errorIdx : i
  if (idx < 0) return lines.filter((l) => l.trim()).slice(-2).join(' / ').slice(0, 300)
  const at = lines.slice(idx + 1).find((l) => /^\s*at /.test(l))?.trim() ?? ''
  return `${lines[idx]!.trim()}${at ? ` (${at})` : ''}`.slice(0, 300)
}

const oneLine = (s: string, max: number) => {
  const t = s.replace(/\s+/g, ' ')
  return t.length > max ? `${t.slice(0, max)}…` : t
}

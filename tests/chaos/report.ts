import fs from 'node:fs'
import path from 'node:path'
import type { FaultFigures, StormFigures } from './faults'
import type { ChaosOptions } from './options'
import type { ServerExit } from './servers'
import type { TimelineEntry } from './timeline'
import type { Verdict } from './verify'

// Prints the figures and writes them, with everything needed to read them later (options, seed,
// fault counts, each server exit with the end of its stderr, the timeline), to a JSON file.

export interface ServerSummary {
  name: string
  starts: number
  /** ms from spawn until the port accepted connections. */
  startMsMedian: number | null
  startMsMax: number | null
}

export interface ChaosReport {
  kind: 'chaos'
  startedAt: string
  finishedAt: string
  options: Omit<ChaosOptions, 'out'>
  database: string
  servers: ServerSummary[]
  faults: FaultFigures
  settle: { settled: boolean; waitedMs: number; why: string }
  /** Why the first-run link did not work (two processes started together), when it did not. */
  firstRunFailure: string | null
  figures: Verdict
  /** Exits nobody asked for: crashes, and starts that failed. */
  selfExits: ServerExit[]
  selfExitSignatures: Record<string, number>
  /** Why the run failed; empty when it passed. */
  failures: string[]
  timeline: TimelineEntry[]
}

/** Ports and long numbers vary between runs: grouped without them. */
const normalise = (signature: string) => signature.replace(/\b\d{2,}\b/g, 'N').replace(/\b[0-9a-f]{16,}\b/g, '…')

export function signatureCounts(exits: readonly ServerExit[]): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const e of exits) {
    const key = `${e.cause}: ${normalise(e.signature)}`
    counts[key] = (counts[key] ?? 0) + 1
  }
  return counts
}

export function failuresOf(verdict: Verdict, selfExits: readonly ServerExit[], settle: ChaosReport['settle'], storm: StormFigures): string[] {
  const failures: string[] = []
  if (verdict.lost) failures.push(`${verdict.lost} acknowledged command(s) lost`)
  if (verdict.duplicated) failures.push(`${verdict.duplicated} operation(s) applied more than once`)
  if (verdict.refusedButApplied) failures.push(`${verdict.refusedButApplied} refused command id(s) applied later`)
  if (verdict.converged < verdict.screens.length) failures.push(`${verdict.screens.length - verdict.converged} of ${verdict.screens.length} screens not converged`)
  if (verdict.unackedAtEnd) failures.push(`${verdict.unackedAtEnd} command(s) never answered`)
  const crashes = selfExits.filter((e) => e.cause === 'crashed').length
  const failedStarts = selfExits.filter((e) => e.cause === 'failed-to-start').length
  if (crashes) failures.push(`a server crashed by itself ${crashes} time(s)`)
  if (failedStarts) failures.push(`a server failed to start ${failedStarts} time(s)`)
  if (storm.unanswered) failures.push(`${storm.unanswered} re-sent command(s) never answered by a running server`)
  if (verdict.log.holes) failures.push(`${verdict.log.holes} hole(s) in the log's sequence`)
  if (!settle.settled) failures.push(`did not settle within the bound: ${settle.why}`)
  return failures
}

export function printReport(report: ChaosReport, outFile: string): void {
  const f = report.figures
  const o = report.options
  const lines: string[] = []
  const row = (label: string, value: string | number, mark = false) => lines.push(`  ${label.padEnd(24)} ${String(value)}${mark ? '   ✗' : ''}`)

  lines.push('')
  lines.push(`Chaos run — ${report.database}, ${o.durationSec} s, seed ${o.seed}`)
  const faults = report.faults
  const kills = Object.entries(faults.killsByServer)
    .map(([name, n]) => `${name} ${n}`)
    .join(', ')
  const terminated = faults.terminations.reduce((a, t) => a + t.count, 0)
  const outage = faults.outage
    ? `database down ${(((faults.outage.startedAt ?? faults.outage.stoppedAt) - faults.outage.stoppedAt) / 1000).toFixed(1)} s from ${(faults.outage.stoppedAt / 1000).toFixed(1)} s`
    : 'no database outage'
  lines.push(`  faults: kill -9 ×${faults.kills}${kills ? ` (${kills})` : ''} · retry storms ×${faults.storm.storms} (${faults.storm.emitted} re-sent) · pg_terminate_backend ×${faults.terminations.length} (${terminated} connections) · ${faults.blips} screen connections dropped · ${outage}`)
  lines.push(`  load: ${f.operations} operations, ${f.commandsSent} command ids sent (${f.pressedAgain} operations pressed again after an error), ${f.screens.length} screens`)
  lines.push(`  log: ${f.log.events} events (head ${f.log.head}), ${f.log.petitions} petitions, ${f.log.speakers} speakers`)
  lines.push('')
  row('acked', `${f.acked}${f.ackedAsDuplicate ? ` (${f.ackedAsDuplicate} answered as duplicates)` : ''}`)
  row('lost', f.lost, f.lost > 0)
  row('duplicated', f.duplicated, f.duplicated > 0)
  row('unacked at end', f.unackedAtEnd, f.unackedAtEnd > 0)
  row('converged', `${f.converged}/${f.screens.length} screens`, f.converged < f.screens.length)
  row('refused, later applied', f.refusedButApplied, f.refusedButApplied > 0)
  const unknown = Object.entries(f.unknownButCommitted)
    .map(([code, n]) => `${code} ${n}`)
    .join(', ')
  row('error, yet committed', unknown || 'none')
  const refusals = Object.entries(f.refusedByCode)
    .sort((a, b) => b[1] - a[1])
    .map(([code, n]) => `${code} ${n}`)
    .join(', ')
  row('refusals', refusals || 'none')
  const crashes = report.selfExits.filter((e) => e.cause === 'crashed').length
  const failedStarts = report.selfExits.filter((e) => e.cause === 'failed-to-start').length
  row('server crashes', crashes, crashes > 0)
  row('failed starts', failedStarts, failedStarts > 0)
  for (const [signature, n] of Object.entries(report.selfExitSignatures)) lines.push(`      ${n}× ${signature}`)
  if (f.syncStorm) {
    const s = f.syncStorm
    row(
      'sync during outage',
      `${s.total} meeting:sync from ${s.screens} screens in ${s.windowSec} s: ${s.meanPerScreenPerSec}/screen/s (max ${s.maxPerScreenPerSec}), peak ${s.peakPerSec}/s`,
    )
    const parts = Object.entries(s.byServer).map(([name, b]) => `${name}: ${b.total} from ${b.screens} screens, ${b.perScreenPerSec}/screen/s`)
    parts.push(`${s.handshakeFailures} failed handshakes`)
    lines.push(`  ${''.padEnd(24)} ${parts.join(' · ')}`)
  }
  const st = faults.storm
  const other = Object.entries(st.answeredOtherRefusal)
    .map(([c, n]) => `${c} ${n}`)
    .join(', ')
  row('retry-storm answers', `duplicate ${st.answeredAsDuplicate}, applied ${st.answeredAsApplied}, same refusal ${st.answeredSameRefusal}${other ? `, other: ${other}` : ''}, unanswered ${st.unanswered} (+${st.unansweredServerGone} from a process that exited meanwhile); slowest answer ${(st.slowestAnswerMs / 1000).toFixed(1)} s`, st.unanswered > 0)
  row('server starts', report.servers.map((s) => `${s.name} ${s.starts}× (median ${s.startMsMedian ?? '–'} ms, max ${s.startMsMax ?? '–'} ms)`).join(', '))
  row('settled', report.settle.settled ? `yes, in ${(report.settle.waitedMs / 1000).toFixed(1)} s` : `NO after ${(report.settle.waitedMs / 1000).toFixed(1)} s: ${report.settle.why}`, !report.settle.settled)

  const stale = f.screens.filter((s) => !s.converged)
  if (stale.length) {
    lines.push('')
    lines.push('  screens not converged:')
    for (const s of stale) lines.push(`    ${s.name} (${s.role} on ${s.server}, ${s.status}): seq ${s.seq}, log ${s.expectedSeq}; differs in ${s.differs.join(', ')}`)
  }
  const examples = [...f.duplicatedExamples.slice(0, 5), ...f.refusedButAppliedExamples.slice(0, 5), ...f.lostCommandIds.slice(0, 5).map((l) => `lost: ${l}`)]
  if (examples.length) {
    lines.push('')
    lines.push('  examples:')
    for (const e of examples) lines.push(`    ${e}`)
  }
  lines.push('')
  lines.push(report.failures.length ? `RESULT: FAIL — ${report.failures.join('; ')}` : 'RESULT: PASS — 0 lost, 0 duplicated, every screen converged, no server exited by itself')
  lines.push(`Figures written to ${path.relative(process.cwd(), outFile) || outFile}`)
  console.log(lines.join('\n'))
}

export function writeReport(report: ChaosReport, outFile: string): void {
  fs.mkdirSync(path.dirname(outFile), { recursive: true })
  fs.writeFileSync(outFile, `${JSON.stringify(report, null, 2)}\n`)
}

export function median(values: readonly number[]): number | null {
  if (!values.length) return null
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? null
}

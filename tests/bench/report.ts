import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { ServerHost } from './server-host'
import { rounded, type Ratio, type Summary } from './stats'

/** What bench/results/latest.json holds. Field names say their unit. */
export interface BenchResult {
  timestamp: string
  command: string
  options: { viewers: number; commands: number; warmup: number; connectBatch: number; contentChars: number; timeoutSeconds: number }
  machine: { cpus: number; cpuModel: string; memoryGiB: number; os: string; node: string }
  /** 1-minute load average before connecting and after the last command: other work on the machine. */
  loadAverage1m: { before: number; after: number }
  servers: { placement: ServerHost['placement']; database: ServerHost['database'] }
  connectSeconds: { app: number; floor: number }
  /**
   * Heap of the server process: before any viewer, after the app's viewers, after the floor's; per
   * viewer, what each server's sockets added divided by their number.
   */
  heapBytes: { beforeViewers: number; afterAppViewers: number; afterFloorViewers: number; perViewer: { app: number; floor: number } }
  /** Mean size of the frame each viewer received. */
  frameBytes: { app: number; floor: number }
  /** Command sent → last viewer received. The headline figure. */
  latencyMs: { app: Summary; floor: Summary; ratio: Ratio }
  /** Command sent → sender's ack. */
  ackMs: { app: Summary; floor: Summary }
  /** CPU time of the server process per command (includes the clients' when placement is 'same process'). */
  serverCpuMs: { app: Summary; floor: Summary }
  /** Should be zero: a viewer got the same message twice, or a message nobody was waiting for. */
  anomalies: { duplicates: { app: number; floor: number }; strays: { app: number; floor: number } }
}

export function machineFacts(): BenchResult['machine'] {
  const cpus = os.cpus()
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
  }
}

const ms = (v: number) => v.toFixed(2).padStart(9)
const times = (v: number) => `${v.toFixed(2)}×`.padStart(9)

function row(label: string, s: Summary | Ratio, cell: (v: number) => string): string {
  return `  ${label.padEnd(12)}${cell(s.p50)}${cell(s.p95)}${cell(s.p99)}${cell(s.max)}${cell(s.mean)}`
}

export function printReport(r: BenchResult): void {
  const o = r.options
  const lines = [
    '',
    'Hội nghị đối thoại — broadcast benchmark',
    `  machine    ${r.machine.cpus} × ${r.machine.cpuModel}, ${r.machine.memoryGiB} GiB, ${r.machine.os}, Node ${r.machine.node}`,
    `  load avg   ${r.loadAverage1m.before.toFixed(2)} before → ${r.loadAverage1m.after.toFixed(2)} after (1 min; other work on the machine shows here)`,
    `  servers    app and floor in one ${r.servers.placement}` +
      (r.servers.placement === 'child process' ? '; all clients in this process' : ', together with all clients'),
    `  database   ${r.servers.database.kind}: ${r.servers.database.description}`,
    `  viewers    ${o.viewers} public-screen sockets on each server (connected in ${r.connectSeconds.app.toFixed(1)} s and ${r.connectSeconds.floor.toFixed(1)} s, ${o.connectBatch} at a time)`,
    `  heap       ${(r.heapBytes.perViewer.app / 1024).toFixed(1)} KB per app viewer, ${(r.heapBytes.perViewer.floor / 1024).toFixed(1)} KB per floor viewer (server process, after a full collection)`,
    `  commands   ${o.commands} measured after ${o.warmup} warm-up, one at a time, app and floor alternating`,
    `  payload    petition.recorded, ${Math.round(r.frameBytes.app)} bytes per frame (floor: ${Math.round(r.frameBytes.floor)})`,
    '',
    `command sent → last of ${o.viewers} viewers received it (ms)`,
    `  ${''.padEnd(12)}${'p50'.padStart(9)}${'p95'.padStart(9)}${'p99'.padStart(9)}${'max'.padStart(9)}${'mean'.padStart(9)}`,
    row('app', r.latencyMs.app, ms),
    row('floor', r.latencyMs.floor, ms),
    row('app / floor', r.latencyMs.ratio, times),
    '',
    'command sent → sender’s ack (ms)',
    row('app', r.ackMs.app, ms),
    row('floor', r.ackMs.floor, ms),
    '',
    `server CPU per command (ms${r.servers.placement === 'same process' ? ', clients included' : ''})`,
    row('app', r.serverCpuMs.app, ms),
    row('floor', r.serverCpuMs.floor, ms),
  ]
  const a = r.anomalies
  if (a.duplicates.app + a.duplicates.floor + a.strays.app + a.strays.floor > 0) {
    lines.push('', `WARNING: duplicates app ${a.duplicates.app}, floor ${a.duplicates.floor}; strays app ${a.strays.app}, floor ${a.strays.floor}`)
  }
  const busiest = Math.max(r.loadAverage1m.before, r.loadAverage1m.after)
  if (busiest > r.machine.cpus * 0.75) {
    lines.push('', `Note: the machine was busy (load ${busiest.toFixed(1)} on ${r.machine.cpus} cores): app and floor share the noise, but the absolute figures are inflated.`)
  }
  if (o.commands < 100) lines.push('', `Note: with ${o.commands} commands, p99 is one of the slowest few samples; treat it as noisy.`)
  console.log(lines.join('\n'))
}

export function writeResult(file: string, r: BenchResult): void {
  const out: BenchResult = {
    ...r,
    latencyMs: { app: rounded(r.latencyMs.app), floor: rounded(r.latencyMs.floor), ratio: rounded(r.latencyMs.ratio) },
    ackMs: { app: rounded(r.ackMs.app), floor: rounded(r.ackMs.floor) },
    serverCpuMs: { app: rounded(r.serverCpuMs.app), floor: rounded(r.serverCpuMs.floor) },
    frameBytes: rounded(r.frameBytes, 0),
    connectSeconds: rounded(r.connectSeconds, 2),
    loadAverage1m: rounded(r.loadAverage1m, 2),
  }
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, `${JSON.stringify(out, null, 2)}\n`)
}

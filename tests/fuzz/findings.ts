// What the run counts and what it found. Every probe (one request, one socket message, one
// handshake, one raw frame) is counted on its surface; every failure is recorded once per distinct
// cause — its kind, where, and what kind of input — with the first occurrence as its reproducer and
// a count of the others.

export type Surface = 'socket-command' | 'socket-sync' | 'socket-event-name' | 'socket-raw' | 'handshake' | 'rest' | 'http-raw'
export const SURFACES: Surface[] = ['socket-command', 'socket-sync', 'socket-event-name', 'socket-raw', 'handshake', 'rest', 'http-raw']

export type FailureKind =
  /** The server process exited. */
  | 'crash'
  /** HTTP 5xx, or an ack with code INTERNAL: the server failed instead of refusing. */
  | 'server-error'
  /** No ack (or no HTTP answer) within the bound, or the connection dropped instead of an answer. */
  | 'unacked'
  /** A refusal not in the documented shape, or not in Vietnamese, or echoing the input. */
  | 'shape'
  /** A refused request changed the database. */
  | 'partial-write'
  /** A refused request reached other screens. */
  | 'broadcast'
  /** An input no server may accept was accepted (NUL, lone surrogate, invisible-only name, year 9999…). */
  | 'accepted-invalid'
  /** A command id that was refused was later applied to another command. */
  | 'refused-id-applied'
  /** The answer took longer than --slow-ms. */
  | 'slow'

export const FAILURE_KINDS: FailureKind[] = ['crash', 'server-error', 'unacked', 'shape', 'partial-write', 'broadcast', 'accepted-invalid', 'refused-id-applied', 'slow']

/** One thing the fuzzer sent, as the report shows it. */
export interface Probe {
  surface: Surface
  /** The event name, or "METHOD /route/:pattern", or what a raw frame is. */
  target: string
  /** What was done to the input (mutation labels), or 'valid'. */
  variant: string
  /** The class of input, for grouping failures: the mutation kinds, sorted. */
  inputClass: string
  /** Who sent it: a role, an account, a device, or anonymous. */
  as: string
  /** Enough to send it again by hand. */
  request: string
  sentAt: number
}

export interface Failure {
  kind: FailureKind
  surface: Surface
  target: string
  /** The cause, shortly: "status 500", "message looks English («not found»)", "tables: meeting_commands". */
  detail: string
  inputClass: string
  count: number
  /** The reproducer: the occurrence with the fewest mutations, the first among equals. */
  first: { as: string; variant: string; request: string; response: string; at: string }
  /** A few other variants that failed the same way. */
  otherVariants: string[]
  /** Where it happened, with counts, when one cause shows on many targets (shape, crash…). */
  targets: Record<string, number>
}

export interface SurfaceStats {
  sent: number
  accepted: number
  refused: number
  /** Sent without asking for an answer, or closed the connection as the protocol says it should. */
  noAnswer: number
  byOutcome: Record<string, number>
  latencyMs: number[]
}

export class Findings {
  readonly surfaces = Object.fromEntries(SURFACES.map((s) => [s, { sent: 0, accepted: 0, refused: 0, noAnswer: 0, byOutcome: {}, latencyMs: [] }])) as unknown as Record<Surface, SurfaceStats>
  private readonly failures = new Map<string, Failure>()
  readonly crashes: { at: string; exit: string; lastProbes: string[]; outputTail: string }[] = []
  /** Writes a refusal may legitimately make (a failed sign-in is audited…), by route and table. */
  readonly expectedWrites: Record<string, number> = {}
  /** Counted per crash/slow cause; a cause met too often is not sent again (see quarantined). */
  private readonly strikes = new Map<string, number>()
  readonly quarantined = new Set<string>()
  routesSeen: { method: string; url: string; action: string | null }[] = []
  restarts = 0
  /** Seconds spent starting server processes (the first and every restart): not fuzzing. */
  startupSeconds = 0
  phases: { name: string; seconds: number; probes: number }[] = []

  count(surface: Surface, outcome: string, kind: 'accepted' | 'refused' | 'noAnswer', latencyMs?: number): void {
    const s = this.surfaces[surface]
    s.sent++
    s[kind]++
    s.byOutcome[outcome] = (s.byOutcome[outcome] ?? 0) + 1
    if (latencyMs !== undefined) s.latencyMs.push(latencyMs)
  }

  fail(kind: FailureKind, probe: Probe, detail: string, response: string): void {
    const key = dedupeKey(kind, probe, detail)
    const example = { as: probe.as, variant: probe.variant, request: probe.request, response: clip(response, 600), at: new Date(probe.sentAt).toISOString() }
    const existing = this.failures.get(key)
    if (existing) {
      existing.count++
      existing.targets[probe.target] = (existing.targets[probe.target] ?? 0) + 1
      if (mutationCount(probe.variant) < mutationCount(existing.first.variant)) {
        existing.first = example
        existing.target = probe.target
        existing.surface = probe.surface
      } else if (existing.otherVariants.length < 5 && probe.variant !== existing.first.variant && !existing.otherVariants.includes(probe.variant)) existing.otherVariants.push(probe.variant)
      return
    }
    this.failures.set(key, { kind, surface: probe.surface, target: probe.target, detail, inputClass: probe.inputClass, count: 1, first: example, otherVariants: [], targets: { [probe.target]: 1 } })
  }

  /** Counts one more strike against a cause; after `limit`, the cause is not sent again. */
  strike(cause: string, limit: number): void {
    const n = (this.strikes.get(cause) ?? 0) + 1
    this.strikes.set(cause, n)
    if (n >= limit) this.quarantined.add(cause)
  }

  expectWrite(route: string, tables: string[]): void {
    const key = `${route}: ${tables.join(', ')}`
    this.expectedWrites[key] = (this.expectedWrites[key] ?? 0) + 1
  }

  list(): Failure[] {
    const order = new Map(FAILURE_KINDS.map((k, i) => [k, i]))
    return [...this.failures.values()].sort((a, b) => (order.get(a.kind)! - order.get(b.kind)!) || b.count - a.count)
  }

  totals(): Record<FailureKind, number> {
    const totals = Object.fromEntries(FAILURE_KINDS.map((k) => [k, 0])) as Record<FailureKind, number>
    for (const f of this.failures.values()) totals[f.kind] += f.count
    totals.crash = Math.max(totals.crash, this.crashes.length)
    return totals
  }
}

/**
 * What makes two failures the same. A wrong shape or a crash has one cause whatever the route or
 * event it showed on (the targets are listed with it); a 500 or a partial write is a cause per
 * target and kind of input.
 */
function dedupeKey(kind: FailureKind, probe: Probe, detail: string): string {
  const transport = probe.surface === 'rest' || probe.surface === 'http-raw' ? 'http' : 'socket'
  switch (kind) {
    case 'shape':
    case 'crash':
      return [kind, transport, detail].join('|')
    case 'refused-id-applied':
      return kind
    case 'slow':
      return [kind, probe.target].join('|')
    case 'unacked':
      return [kind, probe.target, detail].join('|')
    default:
      return [kind, probe.target, detail, probe.inputClass].join('|')
  }
}

/**
 * Targets that differ only by a number ("event name: number 1", "… number -1.5") are one family:
 * after the family crashed twice, none of it is sent again.
 */
export const familyOf = (target: string): string => `family: ${target.replace(/\s*\(.*\)$/, '').replace(/-?\d[\d.e+]*/g, '#')}`

/** How many mutations a probe's variant carries (labels are joined with "; "). */
const mutationCount = (variant: string) => variant.split('; ').length

export function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…(${text.length} chars)` : text
}

import { clip, type Findings, type Probe } from './findings'
import type { Fingerprint } from './ipc'
import type { Listeners } from './listeners'
import type { ShapeProblem } from './oracles'
import type { ServerProcess } from './server-host'

// Judges each probe once its answer is in. Probes go one at a time, so what changed in the database
// and what reached the other screens in between belongs to the probe just answered: a refused probe
// must leave the database fingerprint as it was and broadcast nothing.

export type Verdict =
  /** The server did what was asked (2xx, ok ack, handshake accepted). */
  | 'accepted'
  /** A clean or unclean refusal: an error answer, a refused handshake. */
  | 'refused'
  /** Nothing was to come back (no ack asked, or the protocol says close), and nothing did. */
  | 'no-answer'
  /** An answer was due and did not come within the bound, or the connection dropped instead. */
  | 'unacked'

export interface Outcome {
  verdict: Verdict
  /** Short: "ok", "VALIDATION_FAILED", "HTTP 404 NOT_FOUND", "closed by server". */
  label: string
  latencyMs: number
  /** What came back, for the report. */
  response: string
  /** The full answer's text, to look for un-normalised input in it. */
  responseText?: string
  shape: ShapeProblem[]
  /** HTTP 5xx or an INTERNAL ack. */
  serverError: boolean
  /** Why an unacked probe counts (dropped connection…). */
  unackedDetail?: string
}

export interface ProbeInput {
  /** Why any server must refuse this input (payloads.ts), or null. */
  mustRefuse: string | null
  /** An NFD text that an accepted answer must not hand back as it was sent. */
  nfd?: string | undefined
  /** The command id the probe carried (valid UUID), to attribute broadcasts. */
  commandId?: string | undefined
  /** Tables a refusal of this probe may legitimately write to (a failed sign-in is audited). */
  mayWrite?: string[]
  /** The server may still write after answering (Fastify's onResponse hooks): wait a moment. */
  writesAfterAnswer?: boolean
}

const SETTLE_MS = 15

export class Referee {
  private baseline: Fingerprint | null = null
  /** Command ids by what became of them. */
  private readonly acceptedIds = new Set<string>()
  private readonly unknownIds = new Set<string>()
  private readonly refusedIds = new Map<string, Probe>()
  /** The probes sent lately, newest last: what a crash report quotes. */
  readonly recent: Probe[] = []
  private lastVerdicts: Verdict[] = []
  /** Refused commands (and probes) already reported as broadcast, so each counts once. */
  private readonly reportedBroadcasts = new Set<string>()
  /** Time spent reading fingerprints: the harness's own overhead per probe, reported. */
  static fingerprintMs = 0
  static fingerprints = 0

  constructor(
    private server: ServerProcess,
    private listeners: Listeners,
    private readonly findings: Findings,
    private readonly slowMs: number,
  ) {}

  /** After a restart: a new process, new screens, a new baseline. */
  async reset(server: ServerProcess, listeners: Listeners): Promise<void> {
    this.server = server
    this.listeners = listeners
    this.baseline = await server.fingerprint()
  }

  /** After a change the fuzzer made on purpose outside any probe (fresh sessions). */
  async rebaseline(): Promise<void> {
    this.baseline = await this.fingerprint()
  }

  private async fingerprint(): Promise<Fingerprint> {
    const started = performance.now()
    const fp = await this.server.fingerprint()
    Referee.fingerprintMs += performance.now() - started
    Referee.fingerprints++
    return fp
  }

  /** Called just before a probe is sent, so that a crash in its middle is pinned on it. */
  sending(probe: Probe): void {
    this.recent.push(probe)
    if (this.recent.length > 8) this.recent.shift()
  }

  markAccepted(commandId: string): void {
    this.acceptedIds.add(commandId)
  }

  async settle(probe: Probe, outcome: Outcome, input: ProbeInput): Promise<void> {
    const f = this.findings
    const kind = outcome.verdict === 'accepted' ? 'accepted' : outcome.verdict === 'refused' ? 'refused' : 'noAnswer'
    f.count(probe.surface, outcome.label, kind, outcome.latencyMs)

    if (outcome.serverError) f.fail('server-error', probe, outcome.label, outcome.response)
    if (outcome.shape.length) f.fail('shape', probe, `${shapeContext(outcome.label)}${outcome.shape.map((s) => s.problem).join('; ')}`, outcome.response)
    if (outcome.verdict === 'unacked') f.fail('unacked', probe, outcome.unackedDetail ?? outcome.label, outcome.response)
    // An unacked probe waited out its bound: that is its failure, not slowness.
    if (outcome.latencyMs > this.slowMs && outcome.verdict !== 'unacked') {
      f.fail('slow', probe, `answered in more than ${this.slowMs / 1000} s`, `${Math.round(outcome.latencyMs)} ms: ${outcome.response}`)
      // A state that makes a route slow makes it slow every time: after three, stop paying for it.
      f.strike(probe.target, 3)
    }
    if (outcome.verdict === 'accepted') {
      if (input.mustRefuse) f.fail('accepted-invalid', probe, input.mustRefuse, outcome.response)
      if (input.nfd && outcome.responseText?.includes(input.nfd)) f.fail('accepted-invalid', probe, 'NFD text kept as sent (not normalised to NFC)', outcome.response)
    }

    if (input.commandId) {
      if (outcome.verdict === 'accepted') this.acceptedIds.add(input.commandId)
      else if (outcome.verdict === 'no-answer') this.unknownIds.add(input.commandId)
      else if (!this.acceptedIds.has(input.commandId)) this.refusedIds.set(input.commandId, probe)
    }

    if (!this.server.alive) return
    if (outcome.verdict === 'accepted' || outcome.verdict === 'no-answer') {
      // What it wrote is its business; a late write of its own must not be pinned on the next probe.
      if (input.writesAfterAnswer) await sleep(SETTLE_MS)
      this.baseline = await this.fingerprint()
    } else {
      const now = await this.fingerprint()
      if (this.baseline) this.compare(probe, outcome, input, this.baseline, now)
      this.baseline = now
    }
    this.lastVerdicts = [...this.lastVerdicts.slice(-1), outcome.verdict]
    this.checkBroadcasts()
  }

  private compare(probe: Probe, outcome: Outcome, input: ProbeInput, before: Fingerprint, after: Fingerprint): void {
    const changed = new Set<string>()
    for (const [t, n] of Object.entries(after.counts)) if (before.counts[t] !== n) changed.add(t)
    for (const [t, s] of Object.entries(after.checksums)) if (before.checksums[t] !== s) changed.add(t)
    if (changed.size === 0) return
    const tables = [...changed].sort()
    const allowed = new Set(input.mayWrite ?? [])
    // A refused command id may be recorded (so that it is never applied later), as long as nothing
    // of the meeting itself moved.
    if (!changed.has('meeting_events') && !changed.has('meetings')) allowed.add('meeting_commands')
    if (tables.every((t) => allowed.has(t))) {
      this.findings.expectWrite(probe.target, tables)
      return
    }
    const deltas = tables.map((t) => {
      const a = before.counts[t]
      const b = after.counts[t]
      return a !== b ? `${t} ${a}→${b}` : `${t} (rows changed)`
    })
    this.findings.fail('partial-write', probe, `tables: ${tables.filter((t) => !allowed.has(t)).join(', ')}`, `${outcome.label}; ${deltas.join('; ')}; ${clip(outcome.response, 200)}`)
  }

  /** Every batch the listening screens heard since the last probe, judged by its command id. */
  private checkBroadcasts(): void {
    const reported = this.reportedBroadcasts
    for (const heard of this.listeners.drain()) {
      const id = heard.event.commandId
      if (id && (this.acceptedIds.has(id) || this.unknownIds.has(id))) continue
      const refused = id ? this.refusedIds.get(id) : undefined
      if (refused) {
        // Once per refused command, however many screens and events it reached.
        if (!reported.has(id!)) this.findings.fail('broadcast', refused, "a refused command's events reached the other screens", `${heard.event.type} seq ${heard.event.seq} on the ${heard.screen} screen`)
        reported.add(id!)
        continue
      }
      // No command id we know: pinned on the last probes when none of them was accepted.
      const probe = this.recent[this.recent.length - 1]
      if (probe && this.lastVerdicts.every((v) => v === 'refused' || v === 'unacked')) {
        if (!reported.has(`unknown:${probe.sentAt}`)) this.findings.fail('broadcast', probe, 'an event of no accepted command reached the other screens', `${heard.event.type} seq ${heard.event.seq} commandId ${id ?? 'null'} on the ${heard.screen} screen`)
        reported.add(`unknown:${probe.sentAt}`)
      }
    }
  }
}

/** For HTTP, the status goes with the problem: a 431's body and a 404's are different causes. */
function shapeContext(label: string): string {
  const status = /^HTTP (\d{3})/.exec(label)?.[1]
  return status ? `${status}: ` : ''
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

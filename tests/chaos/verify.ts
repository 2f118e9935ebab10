import type { MeetingEvent } from '../../shared/meeting/events'
import { fold } from '../../shared/meeting/evolve'
import { emptyMeetingState, type MeetingState } from '../../shared/meeting/model'
import { stateFor } from '../../shared/meeting/redact'
import { UNKNOWN_OUTCOME, type Load } from './load'
import { sleep } from './random'
import type { Screen, ScreenSnapshot } from './screens'

// What the run proves, read from the meeting's log in the database once everything has settled:
// - lost: a command acknowledged ok whose events are not in the log;
// - duplicated: one logical operation applied more than once (two of its presses in the log, or its
//   petition title / speaker name twice), or one command id in two separate batches;
// - refused but applied: an id first answered with a definite refusal that is in the log anyway
//   (the server's promise is that a retried id gets its first answer back);
// - converged: every screen's folded state equals the fold of the log (redacted for the public
//   screens, exactly as the server redacts for them).

export interface ScreenFigures {
  name: string
  role: string
  server: string
  status: string
  seq: number
  expectedSeq: number
  converged: boolean
  /** The state's top-level fields that differ from the log's fold. */
  differs: string[]
  /** Commands still waiting for their ack in this screen's connection. */
  pending: number
  connects: number
  syncs: number
  syncsDuringOutage: number
}

export interface SyncStormFigures {
  /** The database outage, in seconds. */
  windowSec: number
  screens: number
  /** meeting:sync requests sent by all screens while the database was down. */
  total: number
  meanPerScreenPerSec: number
  maxPerScreenPerSec: number
  /** The busiest single second, all screens together. */
  peakPerSec: number
  /** Refused or failed handshakes in the window, all screens together (reconnection attempts). */
  handshakeFailures: number
  /** Per server process: a process killed during the outage cannot be asked anything. */
  byServer: Record<string, { screens: number; total: number; perScreenPerSec: number }>
}

export interface Verdict {
  operations: number
  commandsSent: number
  /** Command ids acknowledged ok (each counted once). */
  acked: number
  /** Of those, answered ok with duplicate: true (the reply to a retry of an applied command). */
  ackedAsDuplicate: number
  refusedByCode: Record<string, number>
  lost: number
  lostCommandIds: string[]
  duplicated: number
  duplicatedExamples: string[]
  refusedButApplied: number
  refusedButAppliedExamples: string[]
  /** Answered with an unknown outcome (INTERNAL, UNAVAILABLE…), yet committed, by code. */
  unknownButCommitted: Record<string, number>
  /** Operations a person had to press more than once. */
  pressedAgain: number
  /** Command ids never answered by the end of the settle phase. */
  unackedAtEnd: number
  log: { events: number; head: number; holes: number; petitions: number; speakers: number }
  screens: ScreenFigures[]
  converged: number
  syncStorm: SyncStormFigures | null
}

/** A stable text form of a value (object keys sorted), to compare states. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  )
}

function differingFields(actual: MeetingState, expected: MeetingState): string[] {
  const keys = new Set([...Object.keys(actual), ...Object.keys(expected)])
  return [...keys].filter((k) => canonical((actual as unknown as Record<string, unknown>)[k]) !== canonical((expected as unknown as Record<string, unknown>)[k])).sort()
}

export interface VerifyInput {
  meetingId: string
  events: MeetingEvent[]
  load: Load
  screens: readonly ScreenSnapshot[]
  /** The database outage (ms since epoch), for the sync-storm figures. */
  outage: { from: number; to: number } | null
}

export function verify({ meetingId, events, load, screens, outage }: VerifyInput): Verdict {
  const full = fold(emptyMeetingState(meetingId), events)

  // Which command ids the log holds, and in how many separate runs of consecutive events: one
  // command's events are appended together, so a second run is a second application.
  const runs = new Map<string, number>()
  let previous: string | null = null
  let holes = 0
  events.forEach((e, i) => {
    if (e.seq !== i + 1) holes += 1
    if (e.commandId && e.commandId !== previous) runs.set(e.commandId, (runs.get(e.commandId) ?? 0) + 1)
    previous = e.commandId
  })
  const inLog = (commandId: string) => runs.has(commandId)

  const attempts = load.attempts
  const acked = attempts.filter((a) => a.outcome === 'ok')
  const lost = acked.filter((a) => !inLog(a.commandId))

  const refusedByCode: Record<string, number> = {}
  for (const a of attempts) if (a.outcome === 'refused' && a.code) refusedByCode[a.code] = (refusedByCode[a.code] ?? 0) + 1
  const refusedButApplied = attempts.filter((a) => a.outcome === 'refused' && a.code && !UNKNOWN_OUTCOME.has(a.code) && inLog(a.commandId))
  const unknownButCommitted: Record<string, number> = {}
  for (const a of attempts) {
    if (a.outcome === 'refused' && a.code && UNKNOWN_OUTCOME.has(a.code) && inLog(a.commandId)) unknownButCommitted[a.code] = (unknownButCommitted[a.code] ?? 0) + 1
  }

  const titleCounts = new Map<string, number>()
  for (const p of full.petitions) titleCounts.set(p.title, (titleCounts.get(p.title) ?? 0) + 1)
  const nameCounts = new Map<string, number>()
  for (const s of full.speakers) if (s.name) nameCounts.set(s.name, (nameCounts.get(s.name) ?? 0) + 1)

  const duplicated: string[] = []
  for (const op of load.operations) {
    const applied = op.attempts.filter((a) => inLog(a.commandId)).length
    const reasons: string[] = []
    if (applied > 1) reasons.push(`${applied} of its ${op.attempts.length} presses applied`)
    for (const t of op.petitionTitles) if ((titleCounts.get(t) ?? 0) > 1) reasons.push(`petition «${t}» ×${titleCounts.get(t)}`)
    for (const n of op.speakerNames) if ((nameCounts.get(n) ?? 0) > 1) reasons.push(`speaker «${n}» ×${nameCounts.get(n)}`)
    const rerun = op.attempts.filter((a) => (runs.get(a.commandId) ?? 0) > 1)
    for (const a of rerun) reasons.push(`command ${a.commandId} in ${runs.get(a.commandId)} batches`)
    if (reasons.length) duplicated.push(`${op.type} ${op.key}: ${reasons.join('; ')}`)
  }

  const screenFigures = screens.map((screen): ScreenFigures => {
    const expected = stateFor(screen.role, full)
    const differs = differingFields(screen.state, expected)
    return {
      name: screen.name,
      role: screen.role,
      server: screen.server,
      status: screen.status,
      seq: screen.state.seq,
      expectedSeq: expected.seq,
      converged: differs.length === 0,
      differs,
      pending: screen.pending,
      connects: screen.connects,
      syncs: screen.syncTimes.length,
      syncsDuringOutage: outage ? screen.syncTimes.filter((t) => t >= outage.from && t <= outage.to).length : 0,
    }
  })

  return {
    operations: load.operations.length,
    commandsSent: attempts.length,
    acked: acked.length,
    ackedAsDuplicate: acked.filter((a) => a.duplicate).length,
    refusedByCode,
    lost: lost.length,
    lostCommandIds: lost.slice(0, 20).map((a) => `${a.type} ${a.commandId} (${a.sender})`),
    duplicated: duplicated.length,
    duplicatedExamples: duplicated.slice(0, 20),
    refusedButApplied: refusedButApplied.length,
    refusedButAppliedExamples: refusedButApplied.slice(0, 20).map((a) => `${a.type} ${a.commandId}: first answered ${a.code}, yet in the log`),
    unknownButCommitted,
    pressedAgain: load.operations.filter((o) => o.attempts.length > 1).length,
    unackedAtEnd: attempts.filter((a) => a.outcome === 'pending').length,
    log: { events: events.length, head: full.seq, holes, petitions: full.petitions.length, speakers: full.speakers.length },
    screens: screenFigures,
    converged: screenFigures.filter((s) => s.converged).length,
    syncStorm: outage ? syncStorm(screens, outage) : null,
  }
}

function syncStorm(screens: readonly ScreenSnapshot[], outage: { from: number; to: number }): SyncStormFigures {
  const windowSec = Math.max(0.001, (outage.to - outage.from) / 1000)
  const perScreen = screens.map((s) => s.syncTimes.filter((t) => t >= outage.from && t <= outage.to).length)
  const perSecond = new Map<number, number>()
  for (const s of screens) {
    for (const t of s.syncTimes) {
      if (t < outage.from || t > outage.to) continue
      const bucket = Math.floor((t - outage.from) / 1000)
      perSecond.set(bucket, (perSecond.get(bucket) ?? 0) + 1)
    }
  }
  const total = perScreen.reduce((a, b) => a + b, 0)
  const round = (n: number) => Math.round(n * 10) / 10
  const byServer: SyncStormFigures['byServer'] = {}
  screens.forEach((s, i) => {
    const entry = (byServer[s.server] ??= { screens: 0, total: 0, perScreenPerSec: 0 })
    entry.screens += 1
    entry.total += perScreen[i] ?? 0
  })
  for (const entry of Object.values(byServer)) entry.perScreenPerSec = round(entry.total / entry.screens / windowSec)
  return {
    byServer,
    handshakeFailures: screens.reduce((n, s) => n + s.handshakeFailures.filter((t) => t >= outage.from && t <= outage.to).length, 0),
    windowSec: round(windowSec),
    screens: screens.length,
    total,
    meanPerScreenPerSec: round(total / screens.length / windowSec),
    maxPerScreenPerSec: round(Math.max(0, ...perScreen) / windowSec),
    peakPerSec: Math.max(0, ...perSecond.values()),
  }
}

/**
 * Waits, at most `timeoutMs`, until nothing moves any more: no command waiting for an answer, every
 * screen online and at the log's head (or, when the head cannot be read while the app runs, all at
 * the same seq), for a second in a row. No command is sent meanwhile: a screen that was never told
 * of a commit must not be rescued by a later one.
 */
export async function settle(input: {
  load: Load
  screens: readonly Screen[]
  head: () => Promise<number | null>
  timeoutMs: number
}): Promise<{ settled: boolean; waitedMs: number; why: string }> {
  const started = Date.now()
  let quietSince: number | null = null
  let why = ''
  for (;;) {
    const head = await input.head().catch(() => null)
    const pending = input.load.attempts.filter((a) => a.outcome === 'pending').length
    const notOnline = input.screens.filter((s) => s.status !== 'online')
    const seqs = new Set(input.screens.map((s) => s.state.seq))
    const behind = head === null ? [] : input.screens.filter((s) => s.state.seq !== head)
    why = pending
      ? `${pending} command(s) unanswered`
      : notOnline.length
        ? `${notOnline.length} screen(s) not online (${notOnline.map((s) => `${s.name}: ${s.status}`).join(', ')})`
        : behind.length
          ? `${behind.length} screen(s) not at the log's head ${head}`
          : seqs.size > 1
            ? `screens at different seqs (${[...seqs].join(', ')})`
            : ''
    if (!why) {
      quietSince ??= Date.now()
      if (Date.now() - quietSince >= 1_000) return { settled: true, waitedMs: Date.now() - started, why }
    } else quietSince = null
    if (Date.now() - started > input.timeoutMs) return { settled: false, waitedMs: Date.now() - started, why }
    await sleep(200)
  }
}

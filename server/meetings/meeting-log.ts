import { randomUUID } from 'node:crypto'
import { EventEmitter } from 'node:events'
import type { Kysely, Transaction } from 'kysely'
import { fail, ok, type AppError, type Result } from '../../shared/errors'
import type { Command, MeetingCreation } from '../../shared/meeting/commands'
import { decide, type DecideContext } from '../../shared/meeting/decide'
import type { EventDraft, MeetingEvent } from '../../shared/meeting/events'
import { fold } from '../../shared/meeting/evolve'
import { emptyMeetingState, type MeetingDetails, type MeetingState } from '../../shared/meeting/model'
import { mayIssue } from '../../shared/access/policy'
import type { CommandResult, SyncResult } from '../../shared/protocol'
import type { Role } from '../../shared/roles'
import type { Database } from '../../db/schema'
import { findAppliedCommand, recordAppliedCommand } from '../../db/repositories/commands'
import { appendEvents, readEvents } from '../../db/repositories/events'
import { appendCommand, recordRefusal, type CredentialGuard } from '../../db/repositories/append'
import { findMeeting, insertMeeting, lockMeeting, setMeetingHead, type MeetingRecord } from '../../db/repositories/meetings'
import { listDevices } from '../../db/repositories/devices'
import type { AuditActor } from '../../shared/access/accounts'
import { commandHash } from './command-hash'
import { KeyedMutex } from './mutex'
import { MeetingCache } from './meeting-cache'
import { projectionChanges, updateMeetingProjection } from '../reports/meeting-projection'
import { sealSpeakRequestSecret } from './speak-request-secret'
import type { OfficeContext } from '../office/office-data'
import { emptyDirectory } from '../../shared/directory'
import { emptyCalendar } from '../../shared/calendar/working-days'
import { deadlineRules } from '../../shared/meeting/rules'

export interface AppendedBatch {
  meetingId: string
  /** Which process committed it: this one, or another one (heard through PostgreSQL NOTIFY). */
  origin: 'local' | 'remote'
  events: MeetingEvent[]
  /** The full state after the batch: what redaction of the batch is computed against. */
  state: MeetingState
}

export interface MeetingLogOptions {
  /** The office's directory and calendar, for decisions; defaults to none (tests of the log alone). */
  office?: { context(): Promise<OfficeContext> }
  /** A client further behind than this gets a snapshot instead of the events it missed. */
  maxCatchUpEvents?: number
  now?: () => Date
  /**
   * Other server processes write this database too (PostgreSQL with fan-out): each append NOTIFYs
   * them, and a meeting's state is read from the database rather than trusted from this process's
   * cache. False (the embedded database, one process): every append goes through this log, so the
   * cache is the log's head and nobody needs a NOTIFY.
   */
  sharedDatabase?: boolean
  /** How many meetings' states to keep in memory (least recently used dropped; default DEFAULT_CACHED_MEETINGS). */
  maxCachedMeetings?: number
}

const UNIQUE_VIOLATION = '23505'

export interface CreateMeetingRequest {
  commandId?: string | undefined
  title: string
  venue: string
  meetingDate?: string
  chairName?: string
  chairTitle?: string
  secretaryName?: string
  level?: MeetingDetails['level']
  audience?: MeetingDetails['audience']
  form?: MeetingDetails['form']
}

/** One entry of the log: a screen's command, or something the server records (MeetingLog.record). */
export interface LogEntrySpec {
  commandId: string
  /** The command's type, or what the server records ('notice:issue'), kept with the command id. */
  type: string
  /** Of the payload, to tell a retry from another command reusing its id. */
  hash: string
  /** Null for someone who holds no role in the meeting (a unit lead reporting a follow-up result). */
  role: Role | null
  actor: AuditActor | null
  decide: (state: MeetingState, ctx: DecideContext) => Result<EventDraft[]>
  /**
   * Work in the same transaction, after the events are appended: `after` is the state they lead
   * to. Returning an error undoes everything (nothing is written, nothing announced).
   */
  alongside?: (trx: Transaction<Database>, after: MeetingState) => Promise<AppError | null>
  /** The session or device the command comes through: it must still hold when the events are written. */
  guard?: CredentialGuard
}

/** What one attempt at writing a command came to; 'transaction': do it again inside one. */
type WriteOutcome =
  | { kind: 'refused'; result: Result<CommandResult> }
  | { kind: 'applied'; events: MeetingEvent[]; state: MeetingState }
  | { kind: 'moved' }
  | { kind: 'transaction' }

class AlongsideRefused extends Error {
  constructor(readonly error: AppError) {
    super(error.message)
  }
}

/** The NOTIFY channel that tells other server processes a meeting has new events. */
export const EVENTS_CHANNEL = 'meeting_events'
export interface EventsNotice {
  meetingId: string
  fromSeq: number
  toSeq: number
  /** The process that committed them, so it can ignore its own notice. */
  origin: string
}

/**
 * The authoritative meeting log. Every change to a meeting goes through `execute`: validate against
 * the current state (the pure `decide`), append the events in the same transaction that locks the
 * meeting, acknowledge only after commit, then announce the batch for fan-out.
 */
export class MeetingLog extends EventEmitter<{ appended: [AppendedBatch] }> {
  private readonly cache: MeetingCache
  private readonly mutex = new KeyedMutex()
  private readonly maxCatchUpEvents: number
  private readonly sharedDatabase: boolean
  private readonly now: () => Date
  private readonly office: { context(): Promise<OfficeContext> }
  private readonly timers = new Set<NodeJS.Timeout>()
  private closed = false
  /** Identifies this process in NOTIFY payloads. */
  readonly processId = randomUUID()

  constructor(
    private readonly db: Kysely<Database>,
    options: MeetingLogOptions = {},
  ) {
    super()
    this.maxCatchUpEvents = options.maxCatchUpEvents ?? 500
    this.cache = new MeetingCache(options.maxCachedMeetings)
    this.sharedDatabase = options.sharedDatabase ?? true
    this.now = options.now ?? (() => new Date())
    this.office = options.office ?? { context: async () => ({ directory: emptyDirectory, calendar: emptyCalendar, rules: deadlineRules, confirmedYears: [] }) }
  }

  /**
   * Opens a meeting's log. The creation is a command like the others: the policy for `role`, then
   * decide() on the new meeting's empty state gives the first events; a retried creation (same
   * command id) is answered with the meeting it created. `actor`: the person creating it, kept with
   * the first event for oversight.
   */
  async createMeeting(
    input: CreateMeetingRequest,
    actor: AuditActor | null = null,
    role: Role = 'secretary',
  ): Promise<Result<{ meeting: MeetingRecord; duplicate: boolean }>> {
    if (!mayIssue(role, 'meeting:create')) return fail('FORBIDDEN')
    const creation: MeetingCreation = {
      type: 'meeting:create',
      commandId: input.commandId ?? randomUUID(),
      title: input.title,
      venue: input.venue,
      meetingDate: input.meetingDate ?? '',
      chairName: input.chairName ?? '',
      chairTitle: input.chairTitle ?? '',
      secretaryName: input.secretaryName ?? '',
      level: input.level ?? 'office',
      audience: input.audience ?? 'citizens',
      form: input.form ?? 'periodic',
    }
    const { commandId } = creation
    const hash = commandHash(creation)
    const previous = await this.answerRetryOfCreate(commandId, hash)
    if (previous) return previous

    const meetingId = randomUUID()
    const at = this.now().toISOString()
    const empty = emptyMeetingState(meetingId)
    const decided = decide(empty, creation, { at, ...(await this.office.context()) })
    if (!decided.ok) return decided
    const events = decided.data.map((d, i): MeetingEvent => ({ ...d, meetingId, seq: i + 1, at, commandId, actorRole: actor ? role : null }))
    const created = fold(empty, events)
    try {
      await this.db.transaction().execute(async (trx) => {
        await insertMeeting(trx, { meetingId, title: created.title, venue: created.venue, createdAt: at })
        await appendEvents(trx, events, actor)
        await setMeetingHead(trx, meetingId, { lastSeq: created.seq, title: created.title, venue: created.venue })
        await updateMeetingProjection(trx, created)
        await recordAppliedCommand(trx, {
          commandId,
          meetingId,
          commandType: creation.type,
          payloadHash: hash,
          firstSeq: 1,
          lastSeq: created.seq,
          appliedAt: at,
        })
      })
    } catch (err) {
      if (isUniqueViolation(err)) {
        const raced = await this.answerRetryOfCreate(commandId, hash)
        if (raced) return raced
      }
      throw err
    }
    this.cache.set(meetingId, created)
    return ok({ meeting: { meetingId, title: created.title, venue: created.venue, createdAt: at, lastSeq: created.seq }, duplicate: false })
  }

  private async answerRetryOfCreate(commandId: string, hash: string) {
    const applied = await findAppliedCommand(this.db, commandId)
    if (!applied) return null
    if (applied.commandType !== 'meeting:create' || applied.payloadHash !== hash) return fail('COMMAND_ID_REUSED')
    const meeting = await findMeeting(this.db, applied.meetingId)
    if (!meeting) return fail('MEETING_NOT_FOUND')
    return ok({ meeting, duplicate: true })
  }

  /**
   * Runs one command for `role`. The role check is here so REST and sockets cannot differ. `actor`
   * (the person or device behind the role) is kept with the events for oversight; `guard` (the
   * session or device it comes through) is checked again in the statement that writes the events.
   */
  execute(meetingId: string, role: Role, received: Command, actor: AuditActor | null = null, guard: CredentialGuard = null): Promise<Result<CommandResult>> {
    if (!mayIssue(role, received.type)) return this.refuse(meetingId, role, received, fail('FORBIDDEN').error, actor, guard)
    const command = sealSpeakRequestSecret(received)
    return this.mutex.run(meetingId, () =>
      this.apply(meetingId, { commandId: command.commandId, type: command.type, hash: commandHash(command), role, actor, guard, decide: (state, ctx) => decide(state, command, ctx) }),
    )
  }

  /**
   * Refuses a command for good before deciding it (a role that may not send it, a command REST does
   * not take), recorded like any refusal: its id is spent, so a retry gets the same answer and the
   * id can never carry another command later.
   */
  refuse(meetingId: string, role: Role, received: Command, error: AppError, actor: AuditActor | null = null, guard: CredentialGuard = null): Promise<Result<CommandResult>> {
    const command = sealSpeakRequestSecret(received)
    return this.mutex.run(meetingId, () =>
      this.apply(meetingId, { commandId: command.commandId, type: command.type, hash: commandHash(command), role, actor, guard, decide: () => ({ ok: false, error }) }),
    )
  }

  /**
   * Records something the server itself decides about a meeting, not a screen's command: issuing
   * its conclusion notice. The same guarantees as a command (one transaction under the meeting's
   * lock, idempotent by `commandId`), and `alongside` runs in that transaction, so what is written
   * with it (the issued document) and the events commit together or not at all.
   */
  record(meetingId: string, spec: Omit<LogEntrySpec, 'hash'> & { payload: object }): Promise<Result<CommandResult>> {
    const hash = commandHash({ type: spec.type, ...spec.payload, commandId: spec.commandId })
    return this.mutex.run(meetingId, () => this.apply(meetingId, { ...spec, hash }))
  }

  private async apply(meetingId: string, spec: LogEntrySpec): Promise<Result<CommandResult>> {
    const { hash } = spec
    const command = { commandId: spec.commandId, type: spec.type }
    const office = await this.office.context()
    // Decided against the cached state first; no retry check and no lock beforehand: the write
    // itself refuses a retried id (its primary key) and a head that moved (another process wrote),
    // and only then do we ask the database. The second attempt locks the meeting, so it cannot lose.
    for (let attempt = 0; ; attempt++) {
      const cached = attempt === 0 ? await this.cachedState(meetingId) : null
      if (attempt === 0 && !cached) return fail('MEETING_NOT_FOUND')
      let outcome: WriteOutcome
      try {
        // Most commands are one statement, committed on its own: no BEGIN, no COMMIT. A
        // transaction only when something else must commit with the events (the reports'
        // projection, what `alongside` writes), or under the lock after the head moved.
        outcome = attempt === 0 && !spec.alongside ? await this.write(this.db, meetingId, spec, office, cached, false) : { kind: 'transaction' }
        if (outcome.kind === 'transaction') outcome = await this.db.transaction().execute((trx) => this.write(trx, meetingId, spec, office, cached, true))
      } catch (err) {
        if (err instanceof AlongsideRefused) return { ok: false, error: err.error }
        // A retried command id: its row exists (here, or written by another process meanwhile).
        if (isUniqueViolation(err)) {
          const raced = await this.answerRetry(meetingId, command.commandId, hash)
          if (raced) return raced
        }
        // The commit may have landed although we heard an error (the connection broke during
        // COMMIT): this process's screens must learn of whatever did commit as soon as the database
        // answers again, whether or not the sender retries.
        this.refreshLater(meetingId)
        throw err
      }
      // Another process appended since our cache was filled: decide again under the lock (which
      // cannot find the head moved; the bound is a guard against a bug looping forever).
      if (outcome.kind === 'moved') {
        if (attempt >= 2) throw new Error(`meeting ${meetingId}: head moved under its lock`)
        continue
      }
      if (outcome.kind === 'refused') return outcome.result
      if (outcome.kind === 'transaction') throw new Error('a write inside a transaction asked for one')
      // Committed: only now is the cache advanced and the batch announced.
      this.cache.set(meetingId, outcome.state)
      // Announced on the next turn of the event loop: the sender's ack goes out first instead of
      // waiting for the write to every screen. setImmediate runs in FIFO order and commits of one
      // meeting are serialised here, so screens still receive batches in sequence order.
      const batch: AppendedBatch = { meetingId, origin: 'local', events: outcome.events, state: outcome.state }
      setImmediate(() => this.emit('appended', batch))
      return ok({ seq: outcome.state.seq, events: outcome.events, duplicate: false })
    }
  }

  /**
   * Decides the command against `state` (null: lock the meeting and read its head first) and writes
   * the outcome with `db`. Outside a transaction (`transactional` false) it writes only what one
   * statement can hold, and answers 'transaction' when more must commit with it.
   */
  private async write(
    db: Kysely<Database> | Transaction<Database>,
    meetingId: string,
    spec: LogEntrySpec,
    office: OfficeContext,
    cached: MeetingState | null,
    transactional: boolean,
  ): Promise<WriteOutcome> {
    const { hash, role, actor } = spec
    let state = cached
    if (!state) {
      const meeting = await lockMeeting(db, meetingId)
      if (!meeting) return { kind: 'refused', result: fail('MEETING_NOT_FOUND') }
      state = await this.catchUp(db as Kysely<Database>, meetingId, meeting.lastSeq)
    }
    const at = this.now().toISOString()
    // Giving one screen its own view needs the meeting's paired projectors.
    const projectors = spec.type === 'projector:assign' ? await pairedProjectors(db as Kysely<Database>, meetingId, at) : undefined
    const decided = spec.decide(state, { at, ...office, ...(projectors ? { projectors } : {}) })
    const record = { commandId: spec.commandId, commandType: spec.type, payloadHash: hash, appliedAt: at }
    const guard = spec.guard ?? null
    if (!decided.ok) {
      // Recorded with its refusal: a retry of this id after the state changed (a speaker
      // registered since "call next" found the queue empty) gets this answer, not a new one.
      const written = await recordRefusal(db, { meetingId, afterSeq: state.seq, command: record, guard, refusal: decided.error })
      if (written === 'appended') return { kind: 'refused', result: decided }
      return written === 'moved' ? { kind: 'moved' } : { kind: 'refused', result: revokedFor(guard) }
    }
    const events = this.number(meetingId, state.seq, decided.data, { at, commandId: spec.commandId, role })
    const lastSeq = state.seq + events.length
    const after = fold(state, events)
    if (!transactional && projectionChanges(after, state)) return { kind: 'transaction' }
    const notice: EventsNotice = { meetingId, fromSeq: state.seq + 1, toSeq: lastSeq, origin: this.processId }
    const written = await appendCommand(db, {
      meetingId,
      afterSeq: state.seq,
      events,
      actor,
      head: { title: after.title, venue: after.venue },
      command: record,
      guard,
      // Only other processes need telling; on the embedded database there are none.
      notify: this.sharedDatabase ? { channel: EVENTS_CHANNEL, payload: JSON.stringify(notice) } : null,
    })
    if (written === 'moved') return { kind: 'moved' }
    if (written === 'revoked') return { kind: 'refused', result: revokedFor(guard) }
    if (transactional) {
      // Reports and cross-meeting lists read a projection kept in this same transaction.
      await updateMeetingProjection(db, after, state)
      if (spec.alongside) {
        const refused = await spec.alongside(db as Transaction<Database>, after)
        // What goes with the events refused: nothing is written (the transaction rolls back).
        if (refused) throw new AlongsideRefused(refused)
      }
    }
    return { kind: 'applied', events, state: after }
  }

  /**
   * The state to decide against without asking the database: the cache, filled on first use. With
   * other processes writing it may be behind; the append then finds the head moved and retries.
   */
  private async cachedState(meetingId: string): Promise<MeetingState | null> {
    return this.cache.get(meetingId) ?? (await this.state(meetingId))
  }

  /** Runs inside the meeting's mutex: it may bring this process's screens up to date. */
  private async answerRetry(meetingId: string, commandId: string, hash: string): Promise<Result<CommandResult> | null> {
    const applied = await findAppliedCommand(this.db, commandId)
    if (!applied) return null
    if (applied.meetingId !== meetingId || applied.payloadHash !== hash) return fail('COMMAND_ID_REUSED')
    if (applied.refusal) return { ok: false, error: applied.refusal }
    // The first reply may have been lost together with the broadcast (a connection that broke
    // during COMMIT, a process killed right after it): the other screens hear of it now.
    await this.refresh(meetingId)
    const events = await readEvents(this.db, meetingId, applied.firstSeq - 1, applied.lastSeq)
    return ok({ seq: applied.lastSeq, events, duplicate: true })
  }

  private number(
    meetingId: string,
    afterSeq: number,
    drafts: EventDraft[],
    meta: { at: string; commandId: string; role: Role | null },
  ): MeetingEvent[] {
    return drafts.map(
      (d, i) =>
        ({ ...d, meetingId, seq: afterSeq + i + 1, at: meta.at, commandId: meta.commandId, actorRole: meta.role }) as MeetingEvent,
    )
  }

  /**
   * The cached state brought up to `lastSeq` with whatever other processes appended meanwhile.
   * Events this process had not seen are announced, so its screens never silently fall behind.
   */
  private async catchUp(db: Kysely<Database>, meetingId: string, lastSeq: number): Promise<MeetingState> {
    const cached = this.cache.get(meetingId)
    let state = cached && cached.seq <= lastSeq ? cached : emptyMeetingState(meetingId)
    if (state.seq < lastSeq) {
      const missed = await readEvents(db, meetingId, state.seq, lastSeq)
      state = fold(state, missed)
      this.cache.set(meetingId, state)
      // First load: no screen here has anything to be told. Otherwise these came from elsewhere.
      if (cached && cached.seq < state.seq) this.emit('appended', { meetingId, origin: 'remote', events: missed, state })
    }
    return state
  }

  /** Brings the cache, and so this process's screens, up to the log. Call inside the meeting's mutex. */
  private async refresh(meetingId: string): Promise<void> {
    const meeting = await findMeeting(this.db, meetingId)
    if (meeting) await this.catchUp(this.db, meetingId, meeting.lastSeq)
  }

  /** Refreshes a meeting once the database answers again, backing off; bounded to about ten minutes. */
  private refreshLater(meetingId: string, attempt = 0): void {
    if (this.closed) return
    const timer = setTimeout(() => {
      this.timers.delete(timer)
      this.mutex.run(meetingId, () => this.refresh(meetingId)).catch(() => {
        if (attempt < 25) this.refreshLater(meetingId, attempt + 1)
      })
    }, Math.min(30_000, 250 * 2 ** attempt))
    timer.unref()
    this.timers.add(timer)
  }

  /** Stops the pending refreshes: the database is about to close. */
  close(): void {
    this.closed = true
    for (const timer of this.timers) clearTimeout(timer)
    this.timers.clear()
  }

  /**
   * Which meetings screens of this process follow: their states stay cached whatever the bound, so
   * events other processes append keep reaching those screens (onRemoteAppend follows the cache).
   */
  keepFollowed(isFollowed: (meetingId: string) => boolean): void {
    this.cache.keepWhile(isFollowed)
  }

  /** The current full state, or null when the meeting does not exist. */
  async state(meetingId: string): Promise<MeetingState | null> {
    // One process alone writes the embedded database, through this log: its cache is the head.
    const cached = this.sharedDatabase ? undefined : this.cache.get(meetingId)
    if (cached) return cached
    const meeting = await findMeeting(this.db, meetingId)
    if (!meeting) return null
    return this.catchUp(this.db, meetingId, meeting.lastSeq)
  }

  /**
   * What a screen that has applied everything up to `lastSeq` is missing: the events after it, or a
   * snapshot when it is new, too far behind, or ahead of the log (the log was reset).
   */
  async sync(meetingId: string, lastSeq: number): Promise<Result<SyncResult & { state: MeetingState }>> {
    const state = await this.state(meetingId)
    if (!state) return fail('MEETING_NOT_FOUND')
    if (lastSeq === 0 || lastSeq > state.seq || state.seq - lastSeq > this.maxCatchUpEvents) {
      return ok({ kind: 'snapshot', state, seq: state.seq })
    }
    // A screen that missed nothing (most of a hall reconnecting after a restart) costs no query.
    const events = lastSeq === state.seq ? [] : await readEvents(this.db, meetingId, lastSeq, state.seq)
    return ok({ kind: 'events', events, seq: state.seq, state })
  }

  /**
   * Another process committed events to a meeting. If screens of this process follow that meeting,
   * catch up from the log (which announces the events to them). Reading the log rather than
   * trusting the notice means a lost notice is repaired by the next one.
   */
  async onRemoteAppend(notice: EventsNotice): Promise<void> {
    if (notice.origin === this.processId) return
    const cached = this.cache.get(notice.meetingId)
    if (!cached || cached.seq >= notice.toSeq) return
    await this.mutex.run(notice.meetingId, () => this.refresh(notice.meetingId))
  }

  /**
   * Catches up every meeting this process follows (after the fan-out connection was lost). A
   * meeting the database cannot be asked about now is caught up later.
   */
  async refreshAll(): Promise<void> {
    for (const meetingId of [...this.cache.keys()]) {
      await this.mutex.run(meetingId, () => this.refresh(meetingId)).catch(() => this.refreshLater(meetingId))
    }
  }

}

/** The refusal for a command whose session or device no longer holds in the database. */
function revokedFor(guard: CredentialGuard): Result<never> {
  return fail(guard?.kind === 'device' ? 'DEVICE_REVOKED' : 'UNAUTHENTICATED')
}

function isUniqueViolation(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === UNIQUE_VIOLATION
}

/** The meeting's projectors that are paired now (neither revoked nor expired). */
async function pairedProjectors(db: Kysely<Database>, meetingId: string, at: string): Promise<{ id: string; label: string }[]> {
  const devices = await listDevices(db, meetingId)
  return devices.filter((d) => d.role === 'projector' && d.revokedAt === null && d.expiresAt > at).map(({ id, label }) => ({ id, label }))
}

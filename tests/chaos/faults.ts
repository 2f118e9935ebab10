import { io, type Socket } from 'socket.io-client'
import type { Ack } from '../../shared/errors'
import { PROTOCOL_VERSION } from '../../shared/protocol'
import type { CommandResult } from '../../shared/protocol'
import type { ThrowawayCluster } from './cluster'
import { UNKNOWN_OUTCOME, type Attempt, type Load } from './load'
import { Random, sleep } from './random'
import type { Screen } from './screens'
import type { AppServer } from './servers'
import type { Timeline } from './timeline'
import type { ChaosOptions } from './options'

// The faults, each on its own schedule drawn from the seeded generator:
// - kill -9 of a running server process every A–B s (AppServer starts it again at once);
// - retry storms: already answered command ids re-emitted raw, many copies at once, over sockets of
//   our own (what a client with retries does after a lost reply, multiplied);
// - pg_terminate_backend of the app's connections, all of them or only those in use;
// - network blips: a few screens' connections dropped under them (they reconnect and sync);
// - one database outage: `pg_ctl stop -m immediate`, a few seconds down, then started again; a
//   second into it every screen's network blips, so screens reconnect and ask to sync while the
//   database is gone (what a hall sees when the server restarts during an outage).

export type FaultPlan = Pick<
  ChaosOptions,
  'killEveryMs' | 'dbOutageAtSec' | 'dbOutageForSec' | 'terminateEverySec' | 'blipEverySec' | 'stormEverySec' | 'stormCommands' | 'stormCopies'
>

export interface StormFigures {
  storms: number
  emitted: number
  /** Answered ok with duplicate: true — the original answer, as promised. */
  answeredAsDuplicate: number
  /** Answered ok with duplicate: false: the id was applied (again, or for the first time). */
  answeredAsApplied: number
  /** Answered with the same refusal as the original. */
  answeredSameRefusal: number
  /** Any other refusal, by code (INTERNAL while the database is down is expected here). */
  answeredOtherRefusal: Record<string, number>
  /** No answer because the connection closed first (the process was killed or crashed). */
  unansweredServerGone: number
  /** No answer within 30 s on a connection that stayed open: a command left without its ack. */
  unanswered: number
  /** The slowest answer to a re-sent command, in ms (the client re-sends after 10 s). */
  slowestAnswerMs: number
}

export interface OutageRecord {
  /** ms since the run started. */
  stoppedAt: number
  startedAt: number | null
}

export interface FaultFigures {
  kills: number
  killsByServer: Record<string, number>
  terminations: { at: number; which: 'all' | 'busy'; count: number }[]
  /** Screens whose connection was dropped, summed over blips. */
  blips: number
  outage: OutageRecord | null
  storm: StormFigures
}

export interface FaultContext {
  servers: readonly AppServer[]
  screens: readonly Screen[]
  cluster: ThrowawayCluster | null
  databaseName: string
  meetingId: string
  /** The secretary's session cookie, for the storm sockets. */
  cookie: string
  load: Load
  /** Each fault draws from its own generator, so one schedule does not shift when another changes. */
  seed: number
  timeline: Timeline
}

type RawSocket = Socket

export class Faults {
  readonly figures: FaultFigures = {
    kills: 0,
    killsByServer: {},
    terminations: [],
    blips: 0,
    outage: null,
    storm: { storms: 0, emitted: 0, answeredAsDuplicate: 0, answeredAsApplied: 0, answeredSameRefusal: 0, answeredOtherRefusal: {}, unansweredServerGone: 0, unanswered: 0, slowestAnswerMs: 0 },
  }
  private running = false
  /** ms since the run started, when the faults began: the outage is scheduled from here. */
  private startedAt = 0
  private outageActive = false
  private readonly loops: Promise<void>[] = []
  private readonly stormSockets: { server: AppServer; socket: RawSocket }[] = []
  private wake: (() => void)[] = []

  constructor(
    private readonly ctx: FaultContext,
    private readonly plan: FaultPlan,
  ) {}

  start(): void {
    this.running = true
    this.startedAt = this.ctx.timeline.now()
    for (const server of this.ctx.servers) {
      const socket = io(server.url, {
        auth: { protocol: PROTOCOL_VERSION, meetingId: this.ctx.meetingId, role: 'secretary' },
        transports: ['websocket'],
        forceNew: true,
        extraHeaders: { cookie: this.ctx.cookie },
        reconnectionDelay: 500,
        reconnectionDelayMax: 2000,
      })
      this.stormSockets.push({ server, socket })
    }
    if (this.plan.killEveryMs) this.loops.push(this.killLoop(this.plan.killEveryMs))
    if (this.plan.stormEverySec > 0) this.loops.push(this.stormLoop())
    if (this.plan.blipEverySec > 0) this.loops.push(this.blipLoop())
    if (this.ctx.cluster && this.plan.terminateEverySec > 0) this.loops.push(this.terminateLoop(this.ctx.cluster))
    if (this.ctx.cluster && this.plan.dbOutageAtSec !== null) this.loops.push(this.outage(this.ctx.cluster, this.plan.dbOutageAtSec))
  }

  /** Stops scheduling faults; an outage under way is ended (the database started again) first. */
  async stop(): Promise<void> {
    this.running = false
    for (const wake of this.wake) wake()
    this.wake = []
    await Promise.all(this.loops)
    for (const { socket } of this.stormSockets) socket.disconnect()
  }

  /** Sleeps, but wakes early when the faults stop. */
  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer)
        this.wake = this.wake.filter((w) => w !== done)
        resolve()
      }
      const timer = setTimeout(done, ms)
      this.wake.push(done)
    })
  }

  /**
   * The interval is service time: it starts once every process is serving again, so each kill hits
   * a fleet that had recovered from the last one (a process takes seconds to start, and killing
   * one that is still starting would leave the hall with no server at all, which tests nothing).
   */
  private async killLoop([lo, hi]: [number, number]): Promise<void> {
    const { timeline } = this.ctx
    const random = new Random(this.ctx.seed + 1)
    while (this.running) {
      while (this.running && !this.ctx.servers.every((s) => s.status === 'ready') && !this.outageActive) await this.pause(100)
      await this.pause(random.between(lo, hi))
      if (!this.running) return
      // During the outage the first process is spared, so its screens show how a live server and
      // its clients behave while the database is gone (the sync storm); the others are still
      // killed and must start while the database is down.
      const spared = this.outageActive && this.ctx.servers.length > 1 ? this.ctx.servers[0] : null
      const ready = this.ctx.servers.filter((s) => s.status === 'ready' && s !== spared)
      if (!ready.length) continue
      const server = random.pick(ready)
      const pid = server.pid
      await server.kill9()
      this.figures.kills += 1
      this.figures.killsByServer[server.name] = (this.figures.killsByServer[server.name] ?? 0) + 1
      timeline.note(`kill -9 ${server.name} (pid ${pid}), restarting it`)
    }
  }

  private async terminateLoop(cluster: ThrowawayCluster): Promise<void> {
    const { timeline } = this.ctx
    const random = new Random(this.ctx.seed + 2)
    const mean = this.plan.terminateEverySec * 1000
    while (this.running) {
      await this.pause(random.between(mean * 0.5, mean * 1.5))
      if (!this.running || !cluster.up) continue
      // Half the rounds end every connection once; the other half end the busy ones in a burst of
      // forty, 5 ms apart, to catch commands mid-transaction and mid-commit (a COMMIT waiting for
      // its WAL flush is 'active' for a few milliseconds).
      const which = random.next() < 0.5 ? 'busy' : 'all'
      try {
        const count = which === 'busy' ? await cluster.terminateBackends(this.ctx.databaseName, 'busy', 40, 5) : await cluster.terminateBackends(this.ctx.databaseName, 'all')
        this.figures.terminations.push({ at: timeline.now(), which, count })
        timeline.note(`pg_terminate_backend: ${count} ${which === 'busy' ? 'busy connection(s) in a burst' : 'connection(s)'} of the app`)
      } catch (err) {
        // The database went down under us (the outage): nothing to terminate.
        if (cluster.up) timeline.note(`pg_terminate_backend failed: ${(err as Error).message}`)
      }
    }
  }

  private async outage(cluster: ThrowawayCluster, atSec: number): Promise<void> {
    const { timeline } = this.ctx
    await this.pause(Math.max(0, this.startedAt + atSec * 1000 - timeline.now()))
    if (!this.running) return
    // From now on the first process is spared; wait (a little) until it serves, so the outage
    // has a live server to show what its screens do meanwhile.
    this.outageActive = true
    const spared = this.ctx.servers[0]
    for (let waited = 0; spared && spared.status !== 'ready' && waited < 30_000; waited += 100) await sleep(100)
    const record: OutageRecord = { stoppedAt: timeline.now(), startedAt: null }
    this.figures.outage = record
    await cluster.stopImmediately()
    timeline.note(`database STOPPED (pg_ctl stop -m immediate) for ${this.plan.dbOutageForSec} s`)
    // Not cut short by stop(): an outage lasts as long as it was planned.
    const blipAfter = Math.min(1000, (this.plan.dbOutageForSec * 1000) / 2)
    await sleep(blipAfter)
    for (const screen of this.ctx.screens) screen.dropNetwork()
    this.figures.blips += this.ctx.screens.length
    timeline.note(`network blip on all ${this.ctx.screens.length} screens, the database still down`)
    await sleep(this.plan.dbOutageForSec * 1000 - blipAfter)
    await cluster.start()
    this.outageActive = false
    record.startedAt = timeline.now()
    timeline.note('database started again')
  }

  private async blipLoop(): Promise<void> {
    const { timeline } = this.ctx
    const random = new Random(this.ctx.seed + 4)
    const mean = this.plan.blipEverySec * 1000
    while (this.running) {
      await this.pause(random.between(mean * 0.5, mean * 1.5))
      if (!this.running || !this.ctx.screens.length) continue
      const chosen = random.sample(this.ctx.screens, Math.max(1, Math.round(this.ctx.screens.length / 3)))
      for (const screen of chosen) screen.dropNetwork()
      this.figures.blips += chosen.length
      timeline.note(`network blip: ${chosen.map((s) => s.name).join(', ')}`)
    }
  }

  private async stormLoop(): Promise<void> {
    const { timeline } = this.ctx
    const random = new Random(this.ctx.seed + 3)
    const mean = this.plan.stormEverySec * 1000
    while (this.running) {
      await this.pause(random.between(mean * 0.5, mean * 1.5))
      if (!this.running) return
      const connected = this.stormSockets.filter((s) => s.socket.connected && s.server.status === 'ready')
      // Ids whose first answer is known and final: acknowledged, or refused for a reason of the
      // meeting's state. An id answered INTERNAL or UNAVAILABLE has an unknown outcome and its
      // operation may have been pressed again under a new id: re-sending the old one after that is
      // not what a client does.
      const answered = this.ctx.load.attempts.filter((a) => a.outcome === 'ok' || (a.outcome === 'refused' && a.code !== null && !UNKNOWN_OUTCOME.has(a.code)))
      if (!connected.length || !answered.length) continue
      const chosen = random.sample(answered, this.plan.stormCommands)
      const target = random.pick(connected)
      this.figures.storm.storms += 1
      timeline.note(`retry storm on ${target.server.name}: ${chosen.length} answered ids × ${this.plan.stormCopies} copies`)
      await Promise.all(chosen.flatMap((attempt) => Array.from({ length: this.plan.stormCopies }, () => this.reemit(target.socket, attempt))))
    }
  }

  private reemit(socket: RawSocket, attempt: Attempt): Promise<void> {
    const storm = this.figures.storm
    storm.emitted += 1
    const sentAt = Date.now()
    return new Promise((resolve) => {
      socket.timeout(30_000).emit(attempt.type, { ...attempt.fields, commandId: attempt.commandId }, (err: Error | null, ack: Ack<CommandResult>) => {
        if (err) {
          // Socket.IO fails the pending acks at once when the connection closes; otherwise the
          // error is the timeout.
          if (!socket.connected || /disconnected/i.test(err.message)) storm.unansweredServerGone += 1
          else storm.unanswered += 1
          return resolve()
        }
        storm.slowestAnswerMs = Math.max(storm.slowestAnswerMs, Date.now() - sentAt)
        if (ack.ok) {
          if (ack.data.duplicate) storm.answeredAsDuplicate += 1
          else storm.answeredAsApplied += 1
        } else if (attempt.outcome === 'refused' && ack.error.code === attempt.code) storm.answeredSameRefusal += 1
        else storm.answeredOtherRefusal[ack.error.code] = (storm.answeredOtherRefusal[ack.error.code] ?? 0) + 1
        resolve()
      })
    })
  }
}

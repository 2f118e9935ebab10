import { randomUUID } from 'node:crypto'
import type { Ack } from '../../shared/errors'
import type { CommandResult } from '../../shared/protocol'
import { type Random, sleep } from './random'
import type { Screen } from './screens'

// The load: people at the secretary's console and the chair's tablet doing their work. Each logical
// operation (one press of a button) is sent once through MeetingConnection.send, which re-sends it
// with the same commandId by itself after a reconnect or an overdue ack. What the harness adds is
// the person: when the screen reports a failure that leaves the outcome unknown (INTERNAL: "Đã xảy ra
// lỗi trên máy chủ. Vui lòng thử lại.", UNAVAILABLE), the person presses again, which is a new command id. If the
// first press had committed after all, that second press applies the operation twice: exactly the
// "call next applied twice" of the issue. A definite refusal (QUEUE_EMPTY, …) is not pressed again.
//
// Every operation leaves a mark that makes a second application visible in the log: a petition's
// unique title, a speaker's unique name; 'call next' has no mark of its own and is caught by its
// command ids (two presses of one operation both in the log).

export type OperationType = 'petition:record' | 'speaker:register' | 'speaker:call-next'

/**
 * Answers that leave the outcome unknown ("try again", "not written yet, the app will resend"):
 * the command may or may not have committed. After one of these, a person whose screen does not
 * show the result presses again, under a new command id.
 */
export const UNKNOWN_OUTCOME: ReadonlySet<string> = new Set(['INTERNAL', 'UNAVAILABLE', 'RATE_LIMITED'])
const MAX_PRESSES = 3

export interface Attempt {
  commandId: string
  type: OperationType
  /** The command's fields without its id: what a retry storm re-sends. */
  fields: Record<string, unknown>
  sender: string
  /** ms since epoch. */
  sentAt: number
  answeredAt: number | null
  outcome: 'pending' | 'ok' | 'refused'
  /** The refusal's code. */
  code: string | null
  /** The server said this answered a command it had already applied. */
  duplicate: boolean
}

export interface Operation {
  key: string
  type: OperationType
  /** Petition titles and speaker names this operation creates: each must appear in the log once. */
  petitionTitles: string[]
  speakerNames: string[]
  attempts: Attempt[]
}

export class Load {
  readonly operations: Operation[] = []
  private stopped = false
  /** The screens are closing: their connections now answer 'closed', which nobody presses again. */
  private closed = false
  private readonly running: Promise<void>[] = []
  private count = 0

  constructor(
    private readonly senders: readonly Screen[],
    private readonly random: Random,
    private readonly options: { opsPerSec: number; runTag: string; lanes?: number },
  ) {}

  /** Every command id sent, across operations. */
  get attempts(): Attempt[] {
    return this.operations.flatMap((o) => o.attempts)
  }

  start(): void {
    const lanes = this.options.lanes ?? 2
    for (const sender of this.senders) {
      for (let lane = 0; lane < lanes; lane++) this.running.push(this.lane(sender, lanes))
    }
  }

  /** No new operations; those under way go on until answered. */
  stop(): void {
    this.stopped = true
  }

  /** Before the screens close: no more presses at all. */
  close(): void {
    this.stopped = true
    this.closed = true
  }

  /** Resolves when every lane has finished its last operation, or after `timeoutMs`. */
  async drained(timeoutMs: number): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs)
    })
    const done = Promise.all(this.running).then(() => true as const)
    const result = await Promise.race([done, timeout])
    clearTimeout(timer)
    return result
  }

  /** A console can have several commands waiting for their acks: two lanes per sender. */
  private async lane(sender: Screen, lanes: number): Promise<void> {
    // The chair calls speakers at half the pace the secretaries register them, so the queue is
    // sometimes empty (QUEUE_EMPTY refusals are part of the test) but usually not.
    const pace = sender.spec.role === 'chair' ? this.options.opsPerSec / 2 : this.options.opsPerSec
    while (!this.stopped) {
      await sleep(this.random.exponential((1000 * lanes) / pace))
      if (this.stopped) return
      await this.perform(sender, this.nextOperation(sender))
    }
  }

  private nextOperation(sender: Screen): Operation {
    this.count += 1
    const key = `${this.options.runTag}-${sender.name}-${this.count}`
    const r = this.random.next()
    const type: OperationType = sender.spec.role === 'chair' ? 'speaker:call-next' : r < 0.45 ? 'petition:record' : r < 0.82 ? 'speaker:register' : 'speaker:call-next'
    const op: Operation = { key, type, petitionTitles: [], speakerNames: [], attempts: [] }
    this.operations.push(op)
    return op
  }

  /** The fields of one press; the same for every press of one operation. */
  private fieldsFor(op: Operation, sender: Screen): Record<string, unknown> {
    if (op.attempts[0]) return op.attempts[0].fields
    switch (op.type) {
      case 'petition:record': {
        const title = `Kiến nghị thử ${op.key}`
        op.petitionTitles.push(title)
        return {
          origin: this.random.next() < 0.5 ? 'registered' : 'added',
          field: this.random.pick(['Đất đai', 'Môi trường', 'Giao thông', 'Chính sách xã hội']),
          title,
          content: 'Đề nghị xem xét, giải quyết dứt điểm việc cấp giấy chứng nhận quyền sử dụng đất cho các hộ dân.',
          petitionerName: 'Lò Văn Thử',
          petitionerAddress: 'Thôn Bản Chang',
          representing: this.random.next() < 0.2 ? 12 : 0,
          // Confidential petitions and names without consent make the public screens' redacted
          // view differ from the full one, so convergence is checked on both.
          confidential: this.random.next() < 0.2,
          showName: this.random.next() < 0.5,
        }
      }
      case 'speaker:register': {
        const name = `Người phát biểu ${op.key}`
        op.speakerNames.push(name)
        const known = sender.state.petitions
        const fields: Record<string, unknown> = {
          name,
          unit: 'Thôn Nà Hẩu',
          petitionNos: known.length && this.random.next() < 0.3 ? [this.random.pick(known).no] : [],
          showName: this.random.next() < 0.7,
        }
        if (this.random.next() < 0.2) {
          const title = `Kiến nghị nêu tại chỗ ${op.key}`
          op.petitionTitles.push(title)
          fields.addedPetition = { field: 'Giao thông', title, content: 'Đường liên thôn xuống cấp.', confidential: this.random.next() < 0.3 }
        }
        return fields
      }
      case 'speaker:call-next':
        return {}
    }
  }

  private async perform(sender: Screen, op: Operation): Promise<void> {
    for (let press = 1; press <= MAX_PRESSES; press++) {
      const fields = this.fieldsFor(op, sender)
      const attempt: Attempt = {
        commandId: randomUUID(),
        type: op.type,
        fields,
        sender: sender.name,
        sentAt: Date.now(),
        answeredAt: null,
        outcome: 'pending',
        code: null,
        duplicate: false,
      }
      op.attempts.push(attempt)
      // The event map types each command's fields; here the type is only known at run time.
      const send = sender.connection.send.bind(sender.connection) as unknown as (
        type: OperationType,
        fields: Record<string, unknown>,
        commandId: string,
      ) => Promise<Ack<CommandResult>>
      const ack = await send(op.type, fields, attempt.commandId)
      // After close() the connection answers 'closed' itself: that is not the server's answer, and
      // the command stays unanswered in the figures.
      if (this.closed) return
      attempt.answeredAt = Date.now()
      if (ack.ok) {
        attempt.outcome = 'ok'
        attempt.duplicate = ack.data.duplicate
        return
      }
      attempt.outcome = 'refused'
      attempt.code = ack.error.code
      // A person still presses again after the faults stop: this is the same operation, not a new one.
      if (!UNKNOWN_OUTCOME.has(ack.error.code) || this.closed) return
      // The person reads the error, then presses again.
      await sleep(this.random.between(300, 1000))
    }
  }
}

import { randomUUID } from 'node:crypto'
import type { Kysely } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../db/connect'
import type { Database } from '../../db/schema'
import { countEvents } from '../../db/repositories/events'
import { buildCommand, type Command, type CommandInput, type CommandType } from '../../shared/meeting/commands'
import { backendName, openTestDatabase } from '../../tests/fixtures/database'
import { MeetingLog, type AppendedBatch } from './meeting-log'

function cmd<K extends CommandType>(type: K, input: Omit<CommandInput<K>, 'commandId'>, commandId = randomUUID()): Command {
  return buildCommand(type, commandId, input)
}

/**
 * The real database, with one fault injected the way a network causes it: the write commits, then
 * the reply is lost (the connection breaks right after COMMIT reached the server). The caller hears
 * "Connection terminated unexpectedly" although the events are in the log. A command is written
 * either in a transaction or, when nothing else commits with it, as one statement on its own:
 * both are covered.
 */
function withLostCommitReply(db: Kysely<Database>) {
  let loseNext = false
  const faulty = new Proxy(db, {
    get(target, property) {
      if (property === 'getExecutor') {
        // Statements run on the database itself (not in a transaction): the log's one-statement write.
        return () => {
          const executor = target.getExecutor()
          return new Proxy(executor, {
            get(inner, name) {
              const value = Reflect.get(inner, name, inner) as unknown
              if (name !== 'executeQuery') return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(inner) : value
              return async (...args: Parameters<typeof executor.executeQuery>) => {
                const result = await executor.executeQuery(...args)
                if (loseNext && /insert into meeting_commands/.test(args[0].sql)) {
                  loseNext = false
                  throw new Error('Connection terminated unexpectedly')
                }
                return result
              }
            },
          })
        }
      }
      if (property !== 'transaction') {
        // Kysely keeps its state in private fields: its methods must run on the real object.
        const value = Reflect.get(target, property, target) as unknown
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value
      }
      return () => {
        const builder = target.transaction()
        return {
          execute: async <T>(work: Parameters<typeof builder.execute<T>>[0]): Promise<T> => {
            const result = await builder.execute(work)
            if (loseNext) {
              loseNext = false
              throw new Error('Connection terminated unexpectedly')
            }
            return result
          },
        }
      }
    },
  })
  return { db: faulty, loseNextCommitReply: () => (loseNext = true) }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20))

describe(`commands whose outcome is unknown, on ${backendName}`, () => {
  let handle: DatabaseHandle
  let log: MeetingLog
  let fault: ReturnType<typeof withLostCommitReply>
  const announced: AppendedBatch[] = []

  beforeAll(async () => {
    handle = await openTestDatabase()
    fault = withLostCommitReply(handle.db)
    log = new MeetingLog(fault.db)
    log.on('appended', (b) => announced.push(b))
  })
  afterAll(async () => {
    log.close()
    await handle.close()
  })

  async function followedMeeting() {
    const created = await log.createMeeting({ title: 'Hội nghị đối thoại', venue: 'Hội trường' })
    if (!created.ok) throw new Error(created.error.code)
    const meetingId = created.data.meeting.meetingId
    await log.sync(meetingId, 0) // a screen follows it
    const seqsAnnounced = () => announced.filter((b) => b.meetingId === meetingId).flatMap((b) => b.events.map((e) => e.seq))
    return { meetingId, seqsAnnounced }
  }

  it('answers a retry of a command whose commit landed but whose reply was lost as a duplicate, and the other screens are told', async () => {
    const { meetingId, seqsAnnounced } = await followedMeeting()
    const call = cmd('petition:record', { origin: 'added', title: 'Cầu treo bản Nà Sài hỏng' })
    fault.loseNextCommitReply()
    await expect(log.execute(meetingId, 'secretary', call)).rejects.toThrow('Connection terminated')
    expect(await countEvents(handle.db, meetingId)).toBe(2) // it did commit

    const retry = await log.execute(meetingId, 'secretary', call)
    expect(retry).toMatchObject({ ok: true, data: { duplicate: true, seq: 2, events: [{ type: 'petition.recorded' }] } })
    await settle()
    expect(seqsAnnounced()).toEqual([2]) // once, although two answers went out
    expect(await countEvents(handle.db, meetingId)).toBe(2)
  })

  it('tells the other screens of what committed even when the sender never retries', async () => {
    const { meetingId, seqsAnnounced } = await followedMeeting()
    fault.loseNextCommitReply()
    await expect(log.execute(meetingId, 'secretary', cmd('speaker:register', { name: 'Lò Thị Xuân' }))).rejects.toThrow()
    const started = Date.now()
    while (!seqsAnnounced().includes(2) && Date.now() - started < 5_000) await settle()
    expect(seqsAnnounced()).toEqual([2])
  })

  it('gives a refused command id its first answer back, even after the state changed so that it would now apply', async () => {
    const { meetingId } = await followedMeeting()
    const callNext = cmd('speaker:call-next', {})
    expect(await log.execute(meetingId, 'chair', callNext)).toMatchObject({ ok: false, error: { code: 'QUEUE_EMPTY' } })
    expect(await log.execute(meetingId, 'secretary', cmd('speaker:register', { name: 'Cầm Văn Thanh' }))).toMatchObject({ ok: true })
    // The chair's tablet retries the same command (its first answer was lost): still QUEUE_EMPTY,
    // and Cầm Văn Thanh is not called without the chair deciding to.
    expect(await log.execute(meetingId, 'chair', callNext)).toMatchObject({ ok: false, error: { code: 'QUEUE_EMPTY' } })
    const state = await log.state(meetingId)
    expect(state?.currentSpeakerNo).toBeNull()
    // The same id with another payload is a different command: refused as a reuse.
    const reused = { ...cmd('speaker:call', { speakerNo: 1 }), commandId: callNext.commandId }
    expect(await log.execute(meetingId, 'chair', reused)).toMatchObject({ ok: false, error: { code: 'COMMAND_ID_REUSED' } })
  })
})

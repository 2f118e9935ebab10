import { fail, ok, type Ack } from '../../shared/errors'
import { commandSchemas, commandTypes, isCommandType, type Command } from '../../shared/meeting/commands'
import { eventsFor, stateFor } from '../../shared/meeting/redact'
import { syncRequestSchema, type SyncResult } from '../../shared/protocol'
import { parseWith } from '../../shared/validation'
import type { MeetingLog } from '../meetings/meeting-log'
import { roomFor } from './rooms'
import { credentialsHold } from './credentials'
import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import { actorOf } from '../auth/principal'
import type { RealtimeSocket } from './types'
import type { MeetingState } from '../../shared/meeting/model'

type AnyAck = (result: Ack<unknown>) => void

/** Socket.IO passes whatever the client sent; only a function can be acknowledged. */
function ackOf(args: unknown[]): AnyAck | null {
  const last = args[args.length - 1]
  return typeof last === 'function' ? (last as AnyAck) : null
}

// Every handler answers exactly once, whatever happens: a client with retries enabled waits for the
// ack of one message before sending the next, so an unanswered command would block its queue.
async function answer(ack: AnyAck, work: () => Promise<Ack<unknown>>): Promise<void> {
  try {
    ack(await work())
  } catch (err) {
    console.error('[realtime] handler failed:', err)
    ack(fail('INTERNAL'))
  }
}

export function registerMeetingHandlers(socket: RealtimeSocket, log: MeetingLog, db: Kysely<Database>): void {
  const { meetingId, role, principal } = socket.data
  const actor = actorOf(principal, socket.data.address)
  /** A session or pairing that ran out mid-meeting: refused, then the socket is closed. */
  const expired = async (): Promise<Ack<never> | null> => {
    if (await credentialsHold(socket, db)) return null
    setImmediate(() => socket.disconnect(true))
    return fail(principal.kind === 'device' ? 'DEVICE_REVOKED' : 'UNAUTHENTICATED')
  }

  socket.on('meeting:sync', (...args: unknown[]) => {
    const ack = ackOf(args)
    if (!ack) return
    void answer(ack, async () => {
      const refused = await expired()
      if (refused) return refused
      const request = parseWith(syncRequestSchema, args[0])
      if (!request.ok) return request
      // Join before reading: an event committed in between arrives twice and the client skips
      // the copy it already has (seq <= its own), rather than never.
      await socket.join(roomFor(meetingId, role))
      const result = await log.sync(meetingId, request.data.lastSeq)
      if (!result.ok) return result
      return ok({ ...forRole(result.data), serverTime: new Date().toISOString() })
    })
  })

  function forRole(r: SyncResult & { state: MeetingState }): SyncResult {
    if (r.kind === 'snapshot') {
      return { kind: 'snapshot', seq: r.seq, state: stateFor(role, r.state) }
    }
    const events = eventsFor(role, r.events, r.state)
    return { kind: 'events', seq: r.seq, events }
  }

  for (const type of commandTypes) {
    socket.on(type, (...args: unknown[]) => {
      const ack = ackOf(args)
      if (!ack) return
      void answer(ack, async () => {
        const refused = await expired()
        if (refused) return refused
        const parsed = parseWith(commandSchemas[type], args[0])
        if (!parsed.ok) return parsed
        return log.execute(meetingId, role, { type, ...parsed.data } as Command, actor)
      })
    })
  }

  socket.onAny((event: string, ...args: unknown[]) => {
    if (event === 'meeting:sync' || isCommandType(event)) return
    ackOf(args)?.(fail('UNKNOWN_COMMAND', `Lệnh không được hỗ trợ: «${event.slice(0, 60)}».`))
  })
}

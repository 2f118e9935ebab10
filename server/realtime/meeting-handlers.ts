import { fail, ok, type Ack } from '../../shared/errors'
import { unexpectedFailure } from '../http-errors'
import { commandTypes, isCommandType, parseCommand, unknownCommandMessage, type Command, type CommandOf } from '../../shared/meeting/commands'
import { eventsFor } from '../../shared/meeting/redact'
import { stateForScreen } from './redacted-views'
import { speakRequestStatusSchema, syncRequestSchema, type SyncResult } from '../../shared/protocol'
import { secretDigest } from '../meetings/speak-request-secret'
import { AddressRequestCounter, PhoneRequests } from './speak-request-limits'
import { parseWith } from '../../shared/validation'
import type { MeetingLog } from '../meetings/meeting-log'
import { roomFor } from './rooms'
import { credentialGuard, credentialsStillHold } from './credentials'
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
    const failure = unexpectedFailure(err)
    console.error(failure.code === 'UNAVAILABLE' ? '[realtime] database unavailable:' : '[realtime] handler failed:', err instanceof Error ? err.message : err)
    ack({ ok: false, error: failure })
  }
}

/** Requests to speak per address, across this process's sockets. */
const phoneRequestsByAddress = new AddressRequestCounter()

export function registerMeetingHandlers(socket: RealtimeSocket, log: MeetingLog, db: Kysely<Database>, addresses = phoneRequestsByAddress): void {
  const { meetingId, role, principal } = socket.data
  const actor = actorOf(principal, socket.data.address)
  const guard = credentialGuard(principal)
  const revoked = () => fail(principal.kind === 'device' ? 'DEVICE_REVOKED' : 'UNAUTHENTICATED')
  /** A session or pairing that ran out mid-meeting: refused, then the socket is closed. */
  const expired = async (use: 'command' | 'read'): Promise<Ack<never> | null> => {
    if (await credentialsStillHold(socket, db, use)) return null
    setImmediate(() => socket.disconnect(true))
    return revoked()
  }
  /** The log refused the command because the session or device no longer holds: close the socket too. */
  const execute = async (command: Command): Promise<Ack<unknown>> => {
    const result = await log.execute(meetingId, role, command, actor, guard)
    if (!result.ok && guard && result.error.code === revoked().error.code) setImmediate(() => socket.disconnect(true))
    return result
  }

  socket.on('meeting:sync', (...args: unknown[]) => {
    const ack = ackOf(args)
    if (!ack) return
    void answer(ack, async () => {
      const refused = await expired('read')
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
      return { kind: 'snapshot', seq: r.seq, state: stateForScreen(role, r.state) }
    }
    const events = eventsFor(role, r.events, r.state)
    return { kind: 'events', seq: r.seq, events }
  }

  for (const type of commandTypes) {
    socket.on(type, (...args: unknown[]) => {
      const ack = ackOf(args)
      if (!ack) return
      void answer(ack, async () => {
        const refused = await expired('command')
        if (refused) return refused
        const parsed = parseCommand(type, args[0])
        if (!parsed.ok) return parsed
        const command = parsed.data
        if (command.type === 'speak-request:submit' && role === 'attendee') return submitFromPhone(command)
        return execute(command)
      })
    })
  }

  // A phone's request to speak passes its limits (speak-request-limits.ts) before the log: refused,
  // nothing is written and nothing is broadcast.
  const phone = new PhoneRequests(addresses.limits)
  async function submitFromPhone(command: CommandOf<'speak-request:submit'>): Promise<Ack<unknown>> {
    if (!phone.commandIds.has(command.commandId)) {
      const now = Date.now()
      const state = await log.state(meetingId)
      // A request of this phone that the log has not answered yet counts as waiting.
      const waiting = (requestId: string) => {
        const request = state?.speakRequests.find((r) => r.requestId === requestId)
        return !request || request.status === 'waiting'
      }
      const key = `${meetingId} ${socket.data.address}`
      const refused = phone.check(now, waiting) ?? addresses.check(key, now)
      if (refused) return { ok: false, error: refused }
      phone.count(now, command.commandId, command.requestId)
      addresses.count(key, now)
    }
    const result = await execute(command)
    if (!result.ok) phone.requestIds.delete(command.requestId)
    return result
  }

  // Where a phone's own request stands, with the reason it was declined: for the phone holding its
  // secret only (other screens see the status alone, redact.ts).
  socket.on('speak-request:status', (...args: unknown[]) => {
    const ack = ackOf(args)
    if (!ack) return
    void answer(ack, async () => {
      const request = parseWith(speakRequestStatusSchema, args[0])
      if (!request.ok) return request
      const state = await log.state(meetingId)
      const digest = secretDigest(request.data.secret)
      const found = state?.speakRequests.find((r) => r.requestId === request.data.requestId && r.secret === digest)
      if (!found) return fail('SPEAK_REQUEST_NOT_FOUND')
      return ok({ status: found.status, speakerNo: found.speakerNo, reason: found.reason })
    })
  })

  // Whatever a client sends as an event name reaches here first: Socket.IO's parser lets a number
  // through (the frame `421[1,{}]` is event 1), so the name is checked before any use of it.
  socket.onAny((event: unknown, ...args: unknown[]) => {
    if (typeof event === 'string' && (event === 'meeting:sync' || event === 'speak-request:status' || isCommandType(event))) return
    ackOf(args)?.(fail('UNKNOWN_COMMAND', unknownCommandMessage(event)))
  })
  // A client may also send an event named "error": Node's EventEmitter throws an 'error' event that
  // nobody listens to, which would end the process. It is answered above as an unknown command.
  socket.on('error' as never, () => undefined)
}

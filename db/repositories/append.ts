import { sql, type RawBuilder } from 'kysely'
import type { AppError } from '../../shared/errors'
import type { AuditActor } from '../../shared/access/accounts'
import type { MeetingEvent } from '../../shared/meeting/events'
import type { Executor } from './executor'

// The meeting log's write path in one statement each. A command used to cost a round trip per step
// (lock the meeting, insert the events, move the head, record the command id, NOTIFY, and a session
// lookup before all that); a round trip is most of a command's cost, so the steps are folded into
// one statement whose parts run together or not at all:
// - the head moves only from the sequence number the caller decided against (`afterSeq`): a
//   concurrent writer (another process) makes it match no row, and nothing else is written;
// - the command id's row is inserted with the events: a retried id fails on its primary key, and
//   the caller answers with the first result;
// - the credentials behind the command must still hold in the database when it is written, so a
//   revocation that this process never heard of (a lost NOTIFY) still stops the next command.

/** Whose credentials the command rides on: checked in the same statement that writes it. */
export type CredentialGuard = { kind: 'session'; id: string } | { kind: 'device'; id: string } | null

interface AppendRequest {
  meetingId: string
  /** The head the events were decided against. */
  afterSeq: number
  events: readonly MeetingEvent[]
  actor: AuditActor | null
  /** The meeting's title and venue after the events (the copy the meeting lists show). */
  head: { title: string; venue: string }
  command: { commandId: string; commandType: string; payloadHash: string; appliedAt: string }
  guard: CredentialGuard
  /** NOTIFY for other server processes (PostgreSQL with fan-out only); delivered at commit. */
  notify: { channel: string; payload: string } | null
}

/** 'moved': the meeting's head is not at `afterSeq` (or there is no such meeting). */
type AppendOutcome = 'appended' | 'moved' | 'revoked'

function guardCondition(guard: CredentialGuard, now: string): RawBuilder<unknown> {
  if (!guard) return sql`true`
  if (guard.kind === 'device') {
    return sql`exists (select 1 from devices d where d.id = ${guard.id}::uuid and d.revoked_at is null and d.expires_at > ${now}::timestamptz)`
  }
  return sql`exists (select 1 from sessions s join users u on u.id = s.user_id
    where s.id = ${guard.id}::text and s.revoked_at is null and s.expires_at > ${now}::timestamptz and u.active)`
}

/** Appends a command's events, moves the head, records the command id (and NOTIFYs): one statement. */
export async function appendCommand(trx: Executor, r: AppendRequest): Promise<AppendOutcome> {
  const lastSeq = r.afterSeq + r.events.length
  const actor = r.actor ? JSON.stringify(r.actor) : null
  const rows = r.events.length === 0 ? sql`` : sql.join(
    r.events.map(
      (e) =>
        sql`(${e.meetingId}::uuid, ${e.seq}::int, ${e.type}::text, ${JSON.stringify(e.payload)}::jsonb, ${e.commandId}::uuid, ${e.actorRole}::text, ${actor}::jsonb, ${e.at}::timestamptz)`,
    ),
  )
  // A decision may produce no event at all; VALUES cannot be empty.
  const appended = r.events.length
    ? sql`insert into meeting_events (meeting_id, seq, type, payload, command_id, actor_role, actor, occurred_at)
      select v.* from (values ${rows}) as v(meeting_id, seq, type, payload, command_id, actor_role, actor, occurred_at)
      where exists (select 1 from head)
      returning 1`
    : sql`select 1 where false`
  const notify = r.notify ? sql`select pg_notify(${r.notify.channel}::text, ${r.notify.payload}::text) from head` : sql`select 1 from head where false`
  const { rows: [result] } = await sql<{ allowed: number; moved: number }>`
    with allowed as (select 1 where ${guardCondition(r.guard, r.command.appliedAt)}),
    head as (
      update meetings set last_seq = ${lastSeq}::int, title = ${r.head.title}::text, venue = ${r.head.venue}::text
      where id = ${r.meetingId}::uuid and last_seq = ${r.afterSeq}::int and exists (select 1 from allowed)
      returning id
    ),
    appended as (${appended}),
    recorded as (
      insert into meeting_commands (command_id, meeting_id, command_type, payload_hash, first_seq, last_seq, applied_at, refusal)
      select ${r.command.commandId}::uuid, ${r.meetingId}::uuid, ${r.command.commandType}::text, ${r.command.payloadHash}::text,
        ${r.afterSeq + 1}::int, ${lastSeq}::int, ${r.command.appliedAt}::timestamptz, null
      from head
      returning 1
    ),
    notified as (${notify})
    select (select count(*) from allowed)::int as allowed,
      (select count(*) from head)::int + 0 * (select count(*) from notified)::int + 0 * (select count(*) from appended)::int as moved
  `.execute(trx)
  if (!result || result.allowed === 0) return 'revoked'
  return result.moved === 1 ? 'appended' : 'moved'
}

/**
 * Records a refused command with its refusal, so a retry of the id gets the same answer: only if
 * the meeting is still where the refusal was decided, and the credentials hold.
 */
export async function recordRefusal(
  trx: Executor,
  r: Pick<AppendRequest, 'meetingId' | 'afterSeq' | 'command' | 'guard'> & { refusal: AppError },
): Promise<AppendOutcome> {
  const { rows: [result] } = await sql<{ allowed: number; recorded: number }>`
    with allowed as (select 1 where ${guardCondition(r.guard, r.command.appliedAt)}),
    recorded as (
      insert into meeting_commands (command_id, meeting_id, command_type, payload_hash, first_seq, last_seq, applied_at, refusal)
      select ${r.command.commandId}::uuid, ${r.meetingId}::uuid, ${r.command.commandType}::text, ${r.command.payloadHash}::text,
        null, null, ${r.command.appliedAt}::timestamptz, ${JSON.stringify(r.refusal)}::jsonb
      where exists (select 1 from allowed)
        and exists (select 1 from meetings where id = ${r.meetingId}::uuid and last_seq = ${r.afterSeq}::int)
      returning 1
    )
    select (select count(*) from allowed)::int as allowed, (select count(*) from recorded)::int as recorded
  `.execute(trx)
  if (!result || result.allowed === 0) return 'revoked'
  return result.recorded === 1 ? 'appended' : 'moved'
}

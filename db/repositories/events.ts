import type { EventType, MeetingEvent, MeetingEventOf } from '../../shared/meeting/events'
import type { AuditActor, MeetingAuditEntry } from '../../shared/access/accounts'
import type { Role } from '../../shared/roles'
import { type Executor, toIso } from './executor'

/** `actor`: who issued the command (kept for oversight; it never travels with the events). */
export async function appendEvents(trx: Executor, events: readonly MeetingEvent[], actor: AuditActor | null = null): Promise<void> {
  if (!events.length) return
  await trx
    .insertInto('meeting_events')
    .values(
      events.map((e) => ({
        meeting_id: e.meetingId,
        seq: e.seq,
        type: e.type,
        payload: JSON.stringify(e.payload),
        command_id: e.commandId,
        actor_role: e.actorRole,
        actor: actor ? JSON.stringify(actor) : null,
        occurred_at: e.at,
      })),
    )
    .execute()
}

/** Events with fromSeq < seq <= toSeq (toSeq omitted: to the end), in order. */
export async function readEvents(db: Executor, meetingId: string, fromSeq: number, toSeq?: number): Promise<MeetingEvent[]> {
  let q = db
    .selectFrom('meeting_events')
    .select(['meeting_id', 'seq', 'type', 'payload', 'command_id', 'actor_role', 'occurred_at'])
    .where('meeting_id', '=', meetingId)
    .where('seq', '>', fromSeq)
  if (toSeq !== undefined) q = q.where('seq', '<=', toSeq)
  const rows = await q.orderBy('seq').execute()
  return rows.map(
    (r) =>
      ({
        meetingId: r.meeting_id,
        seq: r.seq,
        type: r.type,
        // pg and PGlite both parse jsonb; a string here would mean a double-encoded payload.
        payload: typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload,
        commandId: r.command_id,
        actorRole: r.actor_role as Role | null,
        at: toIso(r.occurred_at),
      }) as MeetingEvent,
  )
}

/**
 * A meeting's events of these types only, in order: for a reader that needs a few kinds of event
 * out of thousands (the minutes: who was called to the microphone, and when the meeting began).
 */
export async function readEventsOfTypes<K extends EventType>(db: Executor, meetingId: string, types: readonly K[]): Promise<MeetingEventOf<K>[]> {
  if (!types.length) return []
  const rows = await db
    .selectFrom('meeting_events')
    .select(['meeting_id', 'seq', 'type', 'payload', 'command_id', 'actor_role', 'occurred_at'])
    .where('meeting_id', '=', meetingId)
    .where('type', 'in', types)
    .orderBy('seq')
    .execute()
  return rows.map(
    (r) =>
      ({
        meetingId: r.meeting_id,
        seq: r.seq,
        type: r.type,
        payload: typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload,
        commandId: r.command_id,
        actorRole: r.actor_role as Role | null,
        at: toIso(r.occurred_at),
      }) as MeetingEventOf<K>,
  )
}

/** Every event of a meeting with who issued it: the oversight view. */
/** The meeting's audit trail; each entry with its event's payload, for the route to name its subject. */
export async function readMeetingAudit(db: Executor, meetingId: string): Promise<(MeetingAuditEntry & { payload: unknown })[]> {
  const rows = await db
    .selectFrom('meeting_events')
    .select(['seq', 'type', 'actor_role', 'actor', 'occurred_at', 'payload'])
    .where('meeting_id', '=', meetingId)
    .orderBy('seq')
    .execute()
  return rows.map((r) => ({
    seq: r.seq,
    type: r.type,
    at: toIso(r.occurred_at),
    role: r.actor_role,
    actor: (typeof r.actor === 'string' ? JSON.parse(r.actor) : r.actor) as AuditActor | null,
    payload: typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload,
  }))
}

export async function countEvents(db: Executor, meetingId: string): Promise<number> {
  const row = await db
    .selectFrom('meeting_events')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('meeting_id', '=', meetingId)
    .executeTakeFirstOrThrow()
  return row.n
}

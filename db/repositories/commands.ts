import type { AppError } from '../../shared/errors'
import { type Executor, toIso } from './executor'

/** A command id's first answer: the events it produced, or the refusal it got. */
export type AppliedCommand = {
  commandId: string
  meetingId: string
  commandType: string
  payloadHash: string
  appliedAt: string
} & ({ firstSeq: number; lastSeq: number; refusal?: undefined } | { firstSeq?: undefined; lastSeq?: undefined; refusal: AppError })

export async function findAppliedCommand(db: Executor, commandId: string): Promise<AppliedCommand | null> {
  const r = await db.selectFrom('meeting_commands').selectAll().where('command_id', '=', commandId).executeTakeFirst()
  if (!r) return null
  const base = { commandId: r.command_id, meetingId: r.meeting_id, commandType: r.command_type, payloadHash: r.payload_hash, appliedAt: toIso(r.applied_at) }
  if (r.refusal !== null && r.refusal !== undefined) {
    // pg and PGlite both parse jsonb; a string would mean a double-encoded value.
    const refusal = (typeof r.refusal === 'string' ? JSON.parse(r.refusal) : r.refusal) as AppError
    return { ...base, refusal }
  }
  return { ...base, firstSeq: r.first_seq ?? 0, lastSeq: r.last_seq ?? 0 }
}

export async function recordAppliedCommand(trx: Executor, c: AppliedCommand): Promise<void> {
  await trx
    .insertInto('meeting_commands')
    .values({
      command_id: c.commandId,
      meeting_id: c.meetingId,
      command_type: c.commandType,
      payload_hash: c.payloadHash,
      first_seq: c.refusal ? null : c.firstSeq,
      last_seq: c.refusal ? null : c.lastSeq,
      applied_at: c.appliedAt,
      refusal: c.refusal ? JSON.stringify(c.refusal) : null,
    })
    .execute()
}

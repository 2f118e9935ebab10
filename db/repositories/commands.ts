import { type Executor, toIso } from './executor'

export interface AppliedCommand {
  commandId: string
  meetingId: string
  commandType: string
  payloadHash: string
  firstSeq: number
  lastSeq: number
  appliedAt: string
}

export async function findAppliedCommand(db: Executor, commandId: string): Promise<AppliedCommand | null> {
  const r = await db.selectFrom('meeting_commands').selectAll().where('command_id', '=', commandId).executeTakeFirst()
  if (!r) return null
  return {
    commandId: r.command_id,
    meetingId: r.meeting_id,
    commandType: r.command_type,
    payloadHash: r.payload_hash,
    firstSeq: r.first_seq,
    lastSeq: r.last_seq,
    appliedAt: toIso(r.applied_at),
  }
}

export async function recordAppliedCommand(trx: Executor, c: AppliedCommand): Promise<void> {
  await trx
    .insertInto('meeting_commands')
    .values({
      command_id: c.commandId,
      meeting_id: c.meetingId,
      command_type: c.commandType,
      payload_hash: c.payloadHash,
      first_seq: c.firstSeq,
      last_seq: c.lastSeq,
      applied_at: c.appliedAt,
    })
    .execute()
}

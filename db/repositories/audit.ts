import type { OfficeAuditEntry } from '../../shared/access/accounts'
import { type Executor, toIso } from './executor'

// The office's own audit trail: sign-ins, accounts, pairing and revocations. What happened inside a
// meeting is in its event log, with who issued each event (events.readMeetingAudit).

export interface OfficeAuditInput {
  at: string
  action: string
  actorUserId?: string | null
  actor?: string | null
  detail?: string
  address?: string | null
}

export async function recordAudit(db: Executor, entry: OfficeAuditInput): Promise<void> {
  await db
    .insertInto('office_audit')
    .values({
      at: entry.at,
      action: entry.action,
      actor_user_id: entry.actorUserId ?? null,
      actor: entry.actor ?? null,
      detail: entry.detail ?? '',
      address: entry.address ?? null,
    })
    .execute()
}

export async function listAudit(db: Executor, limit = 1000): Promise<OfficeAuditEntry[]> {
  const rows = await db.selectFrom('office_audit').select(['id', 'at', 'action', 'actor', 'detail', 'address']).orderBy('id', 'desc').limit(limit).execute()
  return rows.map((r) => ({ id: r.id, at: toIso(r.at), action: r.action, actor: r.actor, detail: r.detail, address: r.address }))
}

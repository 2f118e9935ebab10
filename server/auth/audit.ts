import type { FastifyRequest } from 'fastify'
import type { Executor } from '../../db/repositories/executor'
import { recordAudit } from '../../db/repositories/audit'
import type { OfficeAuditAction } from '../../shared/access/accounts'
import { actorOf } from './principal'

/**
 * Who an office audit row names, taken from the request before a service runs: services write the
 * row inside their own transaction and know nothing of HTTP.
 */
export interface Auditor {
  userId: string | null
  name: string | null
  address: string | null
}

/** The caller of this request. `as`: the account it happened to when nobody is signed in yet (a
 * failed sign-in, a setup link being used, a device pairing on behalf of whoever issued its code). */
export function auditorOf(req: FastifyRequest, as?: { id: string | null; name: string }): Auditor {
  const actor = actorOf(req.principal)
  return {
    userId: as ? as.id : actor?.kind === 'user' ? actor.id : null,
    name: as?.name ?? (actor ? (actor.kind === 'device' ? `Thiết bị: ${actor.name}` : actor.name) : null),
    address: req.ip,
  }
}

/** One row of the office audit trail, written on `db` (the caller's transaction when it has one). */
export async function recordBy(db: Executor, by: Auditor, action: OfficeAuditAction, detail: string): Promise<void> {
  await recordAudit(db, { at: new Date().toISOString(), action, actorUserId: by.userId, actor: by.name, detail, address: by.address })
}


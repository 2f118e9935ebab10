import type { FastifyRequest } from 'fastify'
import type { Executor } from '../../db/repositories/executor'
import { recordAudit } from '../../db/repositories/audit'
import type { OfficeAuditAction } from '../../shared/access/accounts'
import { actorOf } from './principal'

/** Records what a request did, by whom and from which address. `as`: the account it happened to
 * when nobody is signed in yet (a failed sign-in, a setup link being used). */
export async function audit(db: Executor, req: FastifyRequest, action: OfficeAuditAction, detail: string, as?: { id: string | null; name: string }): Promise<void> {
  const actor = actorOf(req.principal)
  await recordAudit(db, {
    at: new Date().toISOString(),
    action,
    actorUserId: as ? as.id : actor?.kind === 'user' ? actor.id : null,
    actor: as?.name ?? (actor ? (actor.kind === 'device' ? `Thiết bị: ${actor.name}` : actor.name) : null),
    detail,
    address: req.ip,
  })
}

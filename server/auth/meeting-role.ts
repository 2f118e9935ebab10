import type { FastifyRequest } from 'fastify'
import { meetingRoleFor, refusalFor } from '../../shared/access/policy'
import { ok, type Result } from '../../shared/errors'
import type { Role } from '../../shared/roles'

/** The caller's role in a meeting (the one asked for, or the one that sees the most). */
export function roleIn(req: FastifyRequest, meetingId: string, requested?: Role): Result<Role> {
  const role = meetingRoleFor(req.principal, meetingId, requested)
  if (role) return ok(role)
  return { ok: false, error: refusalFor(req.principal) }
}

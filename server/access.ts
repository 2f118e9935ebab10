import { timingSafeEqual } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import { findMeetingKeys, type MeetingKeys } from '../db/repositories/meetings'
import { fail, ok, type Result } from '../shared/errors'
import { publicRoles, type Role } from '../shared/roles'

// The one place that decides which role a connection or a request holds in a meeting. For now a
// meeting has a secret key per privileged role (secretary, chair), given once at creation; public
// screens (projector, attendee) need none and only ever receive the redacted view. Accounts and
// device pairing will replace the keys here without touching the callers.

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

export interface AccessClaim {
  meetingId: string
  /** The role asked for (sockets). Without it (REST) the role follows from the key. */
  role?: Role | undefined
  key?: string | undefined
}

// A meeting's keys never change once created, so they are looked up once per process: a hall full
// of screens reconnecting after a restart does not send one query each.
const knownKeys = new Map<string, MeetingKeys>()
const KNOWN_KEYS_LIMIT = 10_000

async function keysOf(db: Kysely<Database>, meetingId: string): Promise<MeetingKeys | null> {
  const cached = knownKeys.get(meetingId)
  if (cached) return cached
  const keys = await findMeetingKeys(db, meetingId)
  if (keys) {
    if (knownKeys.size >= KNOWN_KEYS_LIMIT) knownKeys.delete(knownKeys.keys().next().value as string)
    knownKeys.set(meetingId, keys)
  }
  return keys
}

export async function authorize(db: Kysely<Database>, claim: AccessClaim): Promise<Result<Role>> {
  const keys = await keysOf(db, claim.meetingId)
  if (!keys) return fail('MEETING_NOT_FOUND')
  const key = claim.key ?? ''
  if (claim.role) {
    if (publicRoles.includes(claim.role)) return ok(claim.role)
    const expected = claim.role === 'secretary' ? keys.secretary : keys.chair
    return key && sameSecret(key, expected) ? ok(claim.role) : fail('UNAUTHENTICATED')
  }
  if (!key) return ok('attendee')
  if (sameSecret(key, keys.secretary)) return ok('secretary')
  if (sameSecret(key, keys.chair)) return ok('chair')
  return fail('UNAUTHENTICATED')
}

/** For REST: the role the key gives, if it is one of `allowed`; FORBIDDEN otherwise. */
export async function authorizeFor(db: Kysely<Database>, meetingId: string, key: string | undefined, allowed: readonly Role[]): Promise<Result<Role>> {
  const role = await authorize(db, { meetingId, key })
  if (!role.ok) return role
  return allowed.includes(role.data) ? role : fail('FORBIDDEN')
}

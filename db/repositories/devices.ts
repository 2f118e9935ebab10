import type { PairableRole, PairedDevice } from '../../shared/access/accounts'
import { type Executor, toIso } from './executor'

// Pairing codes and the devices paired with them (the chair's tablet, the projector). Codes and
// tokens are stored as hashes only.

export async function insertPairingCode(
  db: Executor,
  c: { id: string; meetingId: string; role: PairableRole; codeHash: string; linkHash: string; createdBy: string | null; createdAt: string; expiresAt: string },
): Promise<void> {
  await db
    .insertInto('pairing_codes')
    .values({
      id: c.id,
      meeting_id: c.meetingId,
      role: c.role,
      code_hash: c.codeHash,
      link_hash: c.linkHash,
      created_by: c.createdBy,
      created_at: c.createdAt,
      expires_at: c.expiresAt,
    })
    .execute()
}

/** Closes the open codes of a meeting and role: a new code replaces the one on screen. */
export async function closeOpenCodes(db: Executor, meetingId: string, role: PairableRole, at: string): Promise<void> {
  await db.updateTable('pairing_codes').set({ closed_at: at }).where('meeting_id', '=', meetingId).where('role', '=', role).where('closed_at', 'is', null).execute()
}

export async function openCodeExists(db: Executor, codeHash: string, now: string): Promise<boolean> {
  const row = await db.selectFrom('pairing_codes').select('id').where('code_hash', '=', codeHash).where('closed_at', 'is', null).where('expires_at', '>', new Date(now)).executeTakeFirst()
  return row !== undefined
}

/**
 * Closes an open, unexpired code, found by its six digits or by its QR link, and answers what it
 * pairs: single use, even when raced.
 */
export async function consumePairingCode(
  db: Executor,
  by: { codeHash: string } | { linkHash: string },
  now: string,
): Promise<{ meetingId: string; role: PairableRole; createdBy: string | null } | null> {
  const update = db.updateTable('pairing_codes').set({ closed_at: now })
  const row = await ('codeHash' in by ? update.where('code_hash', '=', by.codeHash) : update.where('link_hash', '=', by.linkHash))
    .where('closed_at', 'is', null)
    .where('expires_at', '>', new Date(now))
    .returning(['meeting_id', 'role', 'created_by'])
    .executeTakeFirst()
  return row ? { meetingId: row.meeting_id, role: row.role as PairableRole, createdBy: row.created_by } : null
}

export async function recordPairingFailure(db: Executor, at: string, address: string | null): Promise<void> {
  await db.insertInto('pairing_failures').values({ at, address }).execute()
}

export async function countPairingFailuresSince(db: Executor, since: string): Promise<number> {
  const row = await db.selectFrom('pairing_failures').select((eb) => eb.fn.countAll<number>().as('n')).where('at', '>', new Date(since)).executeTakeFirstOrThrow()
  return Number(row.n)
}

/** A paired device as stored; whether it is connected now is known only to the sockets. */
export type DeviceRecord = Omit<PairedDevice, 'connected'>

interface DeviceRow {
  id: string
  meeting_id: string
  role: string
  label: string
  paired_from: string | null
  paired_at: Date
  expires_at: Date
  revoked_at: Date | null
}

const deviceColumns = ['id', 'meeting_id', 'role', 'label', 'paired_from', 'paired_at', 'expires_at', 'revoked_at'] as const

const toDevice = (r: DeviceRow): DeviceRecord => ({
  id: r.id,
  meetingId: r.meeting_id,
  role: r.role as PairableRole,
  label: r.label,
  pairedFrom: r.paired_from,
  pairedAt: toIso(r.paired_at),
  expiresAt: toIso(r.expires_at),
  revokedAt: r.revoked_at ? toIso(r.revoked_at) : null,
})

export async function insertDevice(
  db: Executor,
  d: { id: string; meetingId: string; role: PairableRole; label: string; pairedFrom?: string | null; tokenHash: string; pairedBy: string | null; pairedAt: string; expiresAt: string },
): Promise<void> {
  await db
    .insertInto('devices')
    .values({
      id: d.id,
      meeting_id: d.meetingId,
      role: d.role,
      label: d.label,
      paired_from: d.pairedFrom ?? null,
      token_hash: d.tokenHash,
      paired_by: d.pairedBy,
      paired_at: d.pairedAt,
      expires_at: d.expiresAt,
    })
    .execute()
}

/** The device holding this token, whatever its state: the caller tells revoked from expired. */
export async function findDeviceByToken(db: Executor, tokenHash: string): Promise<DeviceRecord | null> {
  const row = await db.selectFrom('devices').select(deviceColumns).where('token_hash', '=', tokenHash).executeTakeFirst()
  return row ? toDevice(row) : null
}

export async function findDeviceById(db: Executor, id: string): Promise<DeviceRecord | null> {
  const row = await db.selectFrom('devices').select(deviceColumns).where('id', '=', id).executeTakeFirst()
  return row ? toDevice(row) : null
}

export async function listDevices(db: Executor, meetingId: string): Promise<DeviceRecord[]> {
  const rows = await db.selectFrom('devices').select(deviceColumns).where('meeting_id', '=', meetingId).orderBy('paired_at', 'desc').execute()
  return rows.map(toDevice)
}

/** Revokes a device of this meeting; answers it, or null when there is no such device. */
export async function revokeDevice(db: Executor, meetingId: string, deviceId: string, at: string): Promise<DeviceRecord | null> {
  await db.updateTable('devices').set({ revoked_at: at }).where('id', '=', deviceId).where('meeting_id', '=', meetingId).where('revoked_at', 'is', null).execute()
  const row = await db.selectFrom('devices').select(deviceColumns).where('id', '=', deviceId).where('meeting_id', '=', meetingId).executeTakeFirst()
  return row ? toDevice(row) : null
}

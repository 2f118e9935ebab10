import { randomUUID } from 'node:crypto'
import type { Kysely } from 'kysely'
import {
  closeOpenCodes,
  consumePairingCode,
  countPairingFailuresSince,
  insertDevice,
  insertPairingCode,
  listDevices,
  openCodeExists,
  recordPairingFailure,
  revokeDevice,
  type DeviceRecord,
} from '../../db/repositories/devices'
import type { Executor } from '../../db/repositories/executor'
import { findMeeting, lockMeeting } from '../../db/repositories/meetings'
import type { Database } from '../../db/schema'
import { pairingLinkPattern, type PairableRole } from '../../shared/access/accounts'
import { fail, ok, type Result } from '../../shared/errors'
import { roleLabels } from '../../shared/roles'
import { recordBy, type Auditor } from '../auth/audit'
import { DEVICE_MS, later, PAIRING_CODE_MS, PAIRING_FAILURE_LIMIT, PAIRING_FAILURE_WINDOW_MS } from '../auth/lifetimes'
import { deviceRoom } from '../auth/principal'
import { hashToken, newPairingCode, newToken } from '../auth/secrets'
import { inTransaction } from '../in-transaction'
import type { DisconnectRooms } from '../auth/sessions'

/** What the console shows: the six digits, the QR code's link secret, and until when they work. */
export interface IssuedPairingCode {
  code: string
  link: string
  role: PairableRole
  expiresAt: string
}

/** What a device that paired receives: its token (shown once) and its record. */
export interface PairedDeviceToken {
  token: string
  device: DeviceRecord
}

const defaultLabel: Record<PairableRole, string> = { chair: 'Máy tính bảng của Chủ trì', projector: 'Màn hình chiếu hội trường' }

/** The meeting as the audit trail names it: its title, which a person recognises, then its id. */
const meetingName = (meeting: { meetingId: string; title: string }) => `«${meeting.title}» (${meeting.meetingId})`

async function meetingNameOf(db: Executor, meetingId: string): Promise<string> {
  return meetingName((await findMeeting(db, meetingId)) ?? { meetingId, title: '' })
}

/**
 * Pairing the hall's devices: the secretary asks for a short code, the chair's tablet or the
 * projector enters it (or scans its QR code) and receives a token for that meeting and role only.
 * Each step and its audit row are one transaction.
 */
export class PairingService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly disconnect: DisconnectRooms,
  ) {}

  /**
   * A new code for the meeting and role. A code on screen stands for one device: asking again
   * replaces it. Requests for the same meeting take turns on the meeting's row, so two at once
   * still leave exactly one open code (and the database's index refuses a second).
   */
  async issueCode(meetingId: string, role: PairableRole, by: Auditor): Promise<Result<IssuedPairingCode>> {
    const now = new Date()
    const at = now.toISOString()
    return inTransaction(this.db, async (trx) => {
      const meeting = await lockMeeting(trx, meetingId)
      if (!meeting) return fail('MEETING_NOT_FOUND')
      await closeOpenCodes(trx, meetingId, role, at)
      let code = newPairingCode()
      // Two open codes must never be equal, or one device could take the other's meeting.
      while (await openCodeExists(trx, hashToken(code), at)) code = newPairingCode()
      // The QR code carries a long secret of its own: scanning pairs even while typed codes are paused.
      const link = newToken()
      const expiresAt = later(now, PAIRING_CODE_MS)
      await insertPairingCode(trx, { id: randomUUID(), meetingId, role, codeHash: hashToken(code), linkHash: hashToken(link), createdBy: by.userId, createdAt: at, expiresAt })
      await recordBy(trx, by, 'pairing-code-issued', `${roleLabels[role]} — hội nghị ${meetingName(meeting)}`)
      return ok({ code, link, role, expiresAt })
    })
  }

  /**
   * A device enters a code (or its QR link) from `address`. A good code is used up and the device
   * recorded with its audit row; a wrong six-digit code is counted, and the wave of wrong guesses
   * that reaches the limit pauses typed codes for everyone (recorded once).
   */
  async pair(input: { code: string; label?: string | undefined }, address: string): Promise<Result<PairedDeviceToken>> {
    const now = new Date()
    const at = now.toISOString()
    if (pairingLinkPattern.test(input.code)) {
      // A QR link: 256 bits, not worth counting guesses against (the per-address limit still holds).
      return this.paired({ linkHash: hashToken(input.code) }, input.label, address, now)
    }
    const since = new Date(now.getTime() - PAIRING_FAILURE_WINDOW_MS).toISOString()
    if ((await countPairingFailuresSince(this.db, since)) >= PAIRING_FAILURE_LIMIT) return fail('PAIRING_PAUSED')
    const done = await this.paired({ codeHash: hashToken(input.code) }, input.label, address, now)
    if (done.ok || done.error.code !== 'PAIRING_CODE_INVALID') return done
    await this.db.transaction().execute(async (trx) => {
      await recordPairingFailure(trx, at, address)
      if ((await countPairingFailuresSince(trx, since)) === PAIRING_FAILURE_LIMIT) {
        const detail = `${PAIRING_FAILURE_LIMIT} mã ghép sai trong ${PAIRING_FAILURE_WINDOW_MS / 60_000} phút: tạm ngừng ghép bằng mã số, mã QR vẫn dùng được`
        await recordBy(trx, { userId: null, name: null, address }, 'pairing-paused', detail)
      }
    })
    return done
  }

  /** Uses up the code and records the device with its audit row, or refuses with nothing written. */
  private async paired(by: { codeHash: string } | { linkHash: string }, label: string | undefined, address: string, now: Date): Promise<Result<PairedDeviceToken>> {
    const at = now.toISOString()
    const token = newToken()
    return inTransaction(this.db, async (trx) => {
      const code = await consumePairingCode(trx, by, at)
      if (!code) return fail('PAIRING_CODE_INVALID')
      const device: DeviceRecord = {
        id: randomUUID(),
        meetingId: code.meetingId,
        role: code.role,
        label: label || defaultLabel[code.role],
        pairedFrom: address,
        pairedAt: at,
        expiresAt: later(now, DEVICE_MS),
        revokedAt: null,
      }
      await insertDevice(trx, { ...device, tokenHash: hashToken(token), pairedBy: code.createdBy })
      // Named as the device, on behalf of whoever issued its code.
      const auditor = { userId: code.createdBy, name: `Thiết bị: ${device.label}`, address }
      await recordBy(trx, auditor, 'device-paired', `${device.label} (${roleLabels[device.role]}) — hội nghị ${await meetingNameOf(trx, device.meetingId)}`)
      return ok({ token, device })
    })
  }

  async list(meetingId: string): Promise<DeviceRecord[]> {
    return listDevices(this.db, meetingId)
  }

  /** Revokes a device of this meeting with its audit row; its sockets close after commit. */
  async revoke(meetingId: string, deviceId: string, by: Auditor): Promise<Result<DeviceRecord>> {
    const done = await inTransaction(this.db, async (trx) => {
      const revoked = await revokeDevice(trx, meetingId, deviceId, new Date().toISOString())
      if (!revoked) return fail('NOT_FOUND', 'Không tìm thấy thiết bị trong hội nghị này.')
      await recordBy(trx, by, 'device-revoked', `${revoked.label} (${roleLabels[revoked.role]}) — hội nghị ${await meetingNameOf(trx, meetingId)}`)
      return ok(revoked)
    })
    if (done.ok) await this.disconnect([deviceRoom(done.data.id)])
    return done
  }
}

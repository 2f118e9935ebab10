import type { Kysely } from 'kysely'
import { listAudit } from '../../db/repositories/audit'
import { readMeetingAudit } from '../../db/repositories/events'
import type { Database } from '../../db/schema'
import type { MeetingAuditEntry, OfficeAuditEntry } from '../../shared/access/accounts'
import { seesConfidentialPetitioners, type Principal } from '../../shared/access/policy'
import { fail, ok, type Result } from '../../shared/errors'
import { auditSubject, type AuditSubject } from '../../shared/meeting/audit-subject'
import type { MeetingState } from '../../shared/meeting/model'

/** What the audit trail needs of the meeting log: a meeting's current state, to name petitions and speakers. */
export interface MeetingStates {
  state(meetingId: string): Promise<MeetingState | null>
}

/** An entry of a meeting's trail, with its subject as this reader may see it (null: none). */
export type MeetingTrailEntry = MeetingAuditEntry & { subject: AuditSubject | null }

/**
 * For Ban Thanh tra nhân dân: who did what, when, from which device — read-only. A meeting's trail is
 * its event log; the office's (sign-ins, accounts, pairing, office settings) is the office_audit
 * table, which every service writes in the same transaction as the change it records.
 */
export class AuditTrail {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly meetings: MeetingStates,
  ) {}

  /**
   * Each entry names its petition or speaker as this reader may see them (a confidential petition by
   * number and field for the oversight board).
   */
  async meeting(meetingId: string, reader: Principal): Promise<Result<MeetingTrailEntry[]>> {
    const state = await this.meetings.state(meetingId)
    if (!state) return fail('MEETING_NOT_FOUND')
    const full = seesConfidentialPetitioners(reader)
    const entries = await readMeetingAudit(this.db, meetingId)
    return ok(entries.map(({ payload, ...e }) => ({ ...e, subject: auditSubject(payload, state, full) })))
  }

  office(): Promise<OfficeAuditEntry[]> {
    return listAudit(this.db)
  }
}

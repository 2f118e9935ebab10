import type { AuditActor, OfficeAuditEntry } from '@shared/access/accounts'
import type { AuditSubject } from '@shared/meeting/audit-subject'
import { roles, roleLabels, type Role } from '@shared/roles'
import { accessText } from '../../i18n/access'
import { hallLinksText } from '../../i18n/hallLinks'
import { foldVi } from '../petition/petitionFilter'

// Turning the audit trails' codes into words a reader of the record understands. A code this client
// does not know yet (a newer server) is shown as it is rather than hidden.

export const officeActionLabel = (action: string): string => accessText.audit.actions[action] ?? action

export const eventLabel = (type: string): string => accessText.events[type] ?? type

export const roleText = (role: string | null): string => (role && (roles as readonly string[]).includes(role) ? roleLabels[role as Role] : (role ?? ''))

/** The person by name, a device as "Thiết bị: <label>", nobody (the system) as such. */
export function actorText(actor: AuditActor | null): string {
  if (!actor) return accessText.meetingAudit.system
  const who = actor.kind === 'device' ? accessText.meetingAudit.device(actor.name) : actor.name
  return actor.address ? `${who} · ${actor.address}` : who
}

/**
 * Which petition and speaker a meeting audit entry concerns, as the server named them for this
 * reader: "KN 3: <title>", a confidential one as "Kiến nghị số 3 (bảo mật, lĩnh vực …)", a speaker
 * as "Người phát biểu số 2: <name>" or by number alone.
 */
export function subjectText(subject: AuditSubject | null | undefined): string {
  if (!subject) return ''
  const t = hallLinksText.audit
  const parts: string[] = []
  const p = subject.petition
  if (p) parts.push(p.withheld ? p.title : t.petition(p.no, p.title))
  const s = subject.speaker
  if (s) parts.push(t.speaker(s.no, s.name))
  return parts.join(' · ')
}

/** Entries whose words contain the query, accents and case aside ("dang nhap" finds "Đăng nhập"). */
export function filterOfficeAudit(entries: readonly OfficeAuditEntry[], query: string): OfficeAuditEntry[] {
  const q = foldVi(query.trim())
  if (!q) return [...entries]
  return entries.filter((e) => foldVi([officeActionLabel(e.action), e.action, e.actor ?? '', e.detail, e.address ?? ''].join(' ')).includes(q))
}

import type { MeetingAuditEntry, OfficeAuditEntry } from '@shared/access/accounts'
import type { Ack } from '@shared/errors'
import { request } from './http'

// The two audit trails (server/routes/audit), for the oversight board and the administrator.
export const getOfficeAudit = (): Promise<Ack<{ entries: OfficeAuditEntry[] }>> => request('/api/audit')

export const getMeetingAudit = (meetingId: string): Promise<Ack<{ entries: MeetingAuditEntry[] }>> =>
  request(`/api/meetings/${encodeURIComponent(meetingId)}/audit`)

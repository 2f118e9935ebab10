import { loadKeys } from '../../access/keys'

// Which key this browser holds for a meeting, for the pages after the conference: the secretary's
// (may edit) is preferred, else the chair's (reads only).
export type AccessRole = 'secretary' | 'chair'

export interface MeetingAccess {
  key: string
  role: AccessRole
}

export function meetingAccess(meetingId: string): MeetingAccess | null {
  const keys = loadKeys(meetingId)
  if (keys.secretary) return { key: keys.secretary, role: 'secretary' }
  if (keys.chair) return { key: keys.chair, role: 'chair' }
  return null
}

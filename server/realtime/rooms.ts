import type { Role } from '../../shared/roles'
import { seesConfidential } from '../../shared/roles'

// Two rooms per meeting: screens that may see everything, and public screens that receive the
// redacted view. A socket is in exactly one of them.
export const fullRoom = (meetingId: string) => `meeting:${meetingId}:full`
export const publicRoom = (meetingId: string) => `meeting:${meetingId}:public`
export const roomFor = (meetingId: string, role: Role) => (seesConfidential(role) ? fullRoom(meetingId) : publicRoom(meetingId))

// The roles a connection can hold in one meeting. Who may issue which command lives in
// access/policy.ts, with every other permission.
export const Role = {
  secretary: 'secretary',
  chair: 'chair',
  projector: 'projector',
  attendee: 'attendee',
  /** Ban Thanh tra nhân dân: follows the full record, issues nothing. */
  oversight: 'oversight',
} as const
export type Role = (typeof Role)[keyof typeof Role]
export const roles = Object.values(Role)

/**
 * The roles that see who filed a confidential petition: the secretary and the chair, and nobody else
 * (the brief; Luật Tố cáo 2018, Điều 9). Every other screen — the projector, attendees' phones, and
 * oversight, which reads the record and the audit trail but needs no denouncer's name — receives
 * the redacted view.
 */
export const confidentialRoles: readonly Role[] = [Role.secretary, Role.chair]
export const seesConfidential = (role: Role): boolean => confidentialRoles.includes(role)

export const roleLabels: Record<Role, string> = {
  secretary: 'Thư ký',
  chair: 'Chủ trì',
  projector: 'Màn hình chiếu',
  attendee: 'Đại biểu',
  oversight: 'Ban Thanh tra nhân dân',
}

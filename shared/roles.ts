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

/** Roles whose screens are public: they only ever receive the redacted view. */
export const publicRoles: readonly Role[] = [Role.projector, Role.attendee]
export const seesConfidential = (role: Role): boolean => !publicRoles.includes(role)

export const roleLabels: Record<Role, string> = {
  secretary: 'Thư ký',
  chair: 'Chủ trì',
  projector: 'Màn hình chiếu',
  attendee: 'Đại biểu',
  oversight: 'Ban Thanh tra nhân dân',
}

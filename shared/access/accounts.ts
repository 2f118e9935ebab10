import { z } from 'zod'
import { cleanedText, requiredText } from '../text'
import type { AuditSubject } from '../meeting/audit-subject'

// Accounts: the people who sign in, and the roles they hold in this office. A person may hold
// several roles (in a small commune the secretary also keeps the directory). What each role may do
// is in policy.ts.
export const OfficeRole = {
  admin: 'admin',
  secretary: 'secretary',
  chair: 'chair',
  unitLead: 'unit_lead',
  oversight: 'oversight',
} as const
export type OfficeRole = (typeof OfficeRole)[keyof typeof OfficeRole]
export const officeRoles = Object.values(OfficeRole)

export const officeRoleLabels: Record<OfficeRole, string> = {
  admin: 'Quản trị hệ thống',
  secretary: 'Thư ký hội nghị',
  chair: 'Chủ trì',
  unit_lead: 'Lãnh đạo đơn vị',
  oversight: 'Ban Thanh tra nhân dân',
}

export const MIN_PASSWORD_LENGTH = 10
/** scrypt hashes whatever it is given; a cap keeps a megabyte "password" from costing a request. */
export const MAX_PASSWORD_LENGTH = 200

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{3,40}$/, 'Tên đăng nhập gồm 3–40 ký tự: chữ không dấu, số, dấu chấm, gạch ngang hoặc gạch dưới.')

export const passwordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `Mật khẩu cần ít nhất ${MIN_PASSWORD_LENGTH} ký tự.`)
  .max(MAX_PASSWORD_LENGTH, `Mật khẩu dài tối đa ${MAX_PASSWORD_LENGTH} ký tự.`)

export const signInSchema = z.strictObject({
  username: z.string().trim().toLowerCase().min(1, 'Nhập tên đăng nhập.').max(40),
  password: z.string().min(1, 'Nhập mật khẩu.').max(MAX_PASSWORD_LENGTH),
})

export const setPasswordSchema = z.strictObject({
  token: z.string().min(1).max(200),
  password: passwordSchema,
})

export const changePasswordSchema = z.strictObject({
  currentPassword: z.string().min(1, 'Nhập mật khẩu hiện tại.').max(MAX_PASSWORD_LENGTH),
  newPassword: passwordSchema,
})

const rolesSchema = z
  .array(z.enum(officeRoles))
  .max(officeRoles.length)
  .transform((roles) => officeRoles.filter((r) => roles.includes(r)))

/** A unit lead answers for one unit of the directory; nobody else is tied to a unit. */
function unitLeadHasUnit(value: { roles: OfficeRole[]; unitId: string | null }, ctx: z.RefinementCtx) {
  if (value.roles.includes('unit_lead') && !value.unitId) {
    ctx.addIssue({ code: 'custom', path: ['unitId'], message: 'Lãnh đạo đơn vị cần chọn đơn vị phụ trách.' })
  }
}

export const createUserSchema = z
  .strictObject({
    username: usernameSchema,
    displayName: requiredText(120),
    roles: rolesSchema,
    unitId: z.uuid().nullable().default(null),
  })
  .superRefine(unitLeadHasUnit)

export const updateUserSchema = z
  .strictObject({
    displayName: requiredText(120),
    roles: rolesSchema,
    unitId: z.uuid().nullable().default(null),
    active: z.boolean(),
  })
  .superRefine(unitLeadHasUnit)

export type CreateUserInput = z.output<typeof createUserSchema>
export type UpdateUserInput = z.output<typeof updateUserSchema>

export interface SessionUser {
  id: string
  username: string
  displayName: string
  roles: OfficeRole[]
  unitId: string | null
}

export interface UserAccount extends SessionUser {
  active: boolean
  createdAt: string
  lastSignInAt: string | null
  passwordSet: boolean
}

export interface SessionInfo {
  user: SessionUser | null
  csrfToken: string | null
  /** True until the first administrator has set a password (the server printed a setup link). */
  setupRequired: boolean
}

/** The roles a device can be paired for: the chair's tablet and the projector in the hall. */
export const pairableRoles = ['chair', 'projector'] as const
export type PairableRole = (typeof pairableRoles)[number]

export const pairingRequestSchema = z.strictObject({ role: z.enum(pairableRoles) })
/** A QR link's secret: long and random, so guessing it is hopeless and never paused. */
export const pairingLinkPattern = /^[A-Za-z0-9_-]{32,200}$/

/** Six digits as typed ("483 921" and "483-921" are fine), or the secret of the QR code's link. */
export const pairSchema = z.strictObject({
  code: z
    .string()
    .max(220)
    .transform((s) => (pairingLinkPattern.test(s.trim()) ? s.trim() : s.replace(/[\s-]/g, '')))
    .pipe(z.string().refine((s) => /^\d{6}$/.test(s) || pairingLinkPattern.test(s), 'Mã ghép gồm 6 chữ số.')),
  label: cleanedText(80).optional(),
})

export interface PairedDevice {
  id: string
  meetingId: string
  role: PairableRole
  label: string
  /** The address it paired from: the secretary tells the hall's tablet from a stranger's phone. */
  pairedFrom: string | null
  pairedAt: string
  expiresAt: string
  revokedAt: string | null
  connected: boolean
}

export interface AuditActor {
  kind: 'user' | 'device'
  id: string
  name: string
  /** The network address the command came from: which machine, for a person who may use several. */
  address?: string
}

export interface MeetingAuditEntry {
  seq: number
  type: string
  at: string
  role: string | null
  actor: AuditActor | null
  /** Which petition or speaker the event concerns, named as the reader may see it. */
  subject?: AuditSubject | null
}

/** What the office audit trail records (sign-ins, accounts, pairing); the UI labels each one. */
export const officeAuditActions = [
  'sign-in',
  'sign-in-failed',
  'sign-out',
  'password-set',
  'password-changed',
  'user-created',
  'user-updated',
  'password-link-issued',
  'pairing-code-issued',
  'device-paired',
  'pairing-paused',
  'device-revoked',
  'follow-up-extended',
  'follow-up-result',
  'office-changed',
] as const
export type OfficeAuditAction = (typeof officeAuditActions)[number]

export interface OfficeAuditEntry {
  id: number
  at: string
  action: string
  actor: string | null
  detail: string
  address: string | null
}

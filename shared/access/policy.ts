import type { CommandType, LogCommandType } from '../meeting/commands'
import { confidentialRoles, type Role } from '../roles'
import { appError, type AppError } from '../errors'
import type { OfficeRole, PairableRole, SessionUser } from './accounts'

// Who may do what: the one place. Two tables, read by the server for every request and every socket
// message, and by the UI only to hide what would be refused:
// - commandPolicy: which meeting role may issue which meeting command (sockets and REST alike);
// - actionPolicy: which principal may call which REST action (each route declares its action).
//
// commandPolicy: the secretary runs the console and may do everything (the chair often directs aloud
// and the secretary records it); the chair's tablet directs the queue and decides on petitions;
// public screens and oversight issue nothing, except an attendee's phone asking to speak.
const secretary = ['secretary'] as const
const both = ['secretary', 'chair'] as const

export const commandPolicy: Record<LogCommandType, readonly Role[]> = {
  // Opening a meeting's log: the office's secretary (who prepares the conference), as the console.
  'meeting:create': secretary,
  'meeting:update-details': secretary,
  'meeting:set-phase': secretary,
  'meeting:set-speaking-limit': secretary,
  'meeting:set-programme': secretary,
  'meeting:record-conclusion': both,
  'registration:close': secretary,
  'registration:reopen': secretary,
  'projector:show': secretary,
  'projector:assign': secretary,

  'petition:record': secretary,
  'petition:edit': secretary,
  'petition:prepare-answer': secretary,
  'petition:discuss': both,
  'petition:assign-answerer': both,
  'petition:record-answer': both,
  'petition:commit-written-answer': both,
  'petition:forward': both,
  'petition:withdraw': secretary,
  'petition:merge': secretary,
  'petition:conclude': both,
  'petition:reopen': both,
  'petition:set-aside': both,

  'speaker:register': secretary,
  'speaker:edit': secretary,
  // The chair may put someone next from the tablet (without interrupting whoever is speaking).
  'speaker:move': both,
  'speaker:withdraw': secretary,
  'speaker:readd': both,
  'speaker:call-next': both,
  'speaker:call': both,
  'speaker:start': both,
  'speaker:pause': both,
  'speaker:resume': both,
  'speaker:extend': both,
  'speaker:finish': both,
  'speaker:summarize': secretary,

  // An attendee's phone issues these two and nothing else: its own request to speak, and taking
  // it back (the domain checks the request's secret, so a phone withdraws only its own).
  'speak-request:submit': ['attendee'],
  'speak-request:withdraw': ['attendee'],
  'speak-request:accept': secretary,
  'speak-request:decline': secretary,
}

export const mayIssue = (role: Role, type: LogCommandType): boolean => commandPolicy[type].includes(role)

/** Who is on the other end of a request or a socket, once authenticated. */
export type Principal =
  | { kind: 'anonymous' }
  | { kind: 'user'; user: SessionUser; sessionId: string; expiresAt: string }
  | { kind: 'device'; deviceId: string; meetingId: string; role: PairableRole; label: string; expiresAt: string }

export const anonymous: Principal = { kind: 'anonymous' }

/**
 * A grant in actionPolicy: an office role, or one of these. A device's grants hold only in its own
 * meeting (the guard compares the route's meetingId).
 */
export type Grant = OfficeRole | 'anyone' | 'signed-in' | 'device'

export const actionPolicy = {
  health: ['anyone'],
  'auth:session': ['anyone'],
  'auth:sign-in': ['anyone'],
  'auth:set-password': ['anyone'],
  'auth:sign-out': ['signed-in'],
  'auth:change-password': ['signed-in'],
  'users:manage': ['admin'],
  'meetings:list': ['signed-in'],
  'meetings:create': ['secretary'],
  /** Anyone with the meeting's address sees the redacted attendee view; more needs a role. */
  'meeting:read': ['anyone'],
  /** Then commandPolicy decides, for the caller's role in the meeting. */
  'meeting:command': ['signed-in', 'device'],
  'office:read': ['signed-in', 'device'],
  'office:write': ['admin'],
  /** People only: a hall device holds its live screen and nothing more (least privilege). */
  'documents:read': ['secretary', 'chair', 'oversight'],
  'documents:write': ['secretary'],
  /** Published documents (the finalised notice) never name a confidential petitioner. */
  'documents:published': ['anyone'],
  'followups:read': ['secretary', 'chair', 'oversight', 'unit_lead'],
  'followups:extend': ['secretary'],
  'followups:report': ['secretary', 'unit_lead'],
  'reports:read': ['secretary', 'chair', 'oversight', 'admin'],
  'devices:manage': ['secretary'],
  'devices:pair': ['anyone'],
  'audit:read': ['oversight', 'admin'],
  /** The address the console hands to the hall's devices: harmless, any office person may read it. */
  'public-address:read': ['signed-in'],
  /** The REST API's OpenAPI description and its browsable page: for whoever connects other systems. */
  'api-docs:read': ['admin'],
} as const satisfies Record<string, readonly Grant[]>

export type Action = keyof typeof actionPolicy
export const actions = Object.keys(actionPolicy) as Action[]

function holds(principal: Principal, grant: Grant): boolean {
  switch (grant) {
    case 'anyone':
      return true
    case 'signed-in':
      return principal.kind === 'user'
    case 'device':
      return principal.kind === 'device'
    default:
      return principal.kind === 'user' && principal.user.roles.includes(grant)
  }
}

/**
 * `meetingId`: the meeting the request is about, when it is about one. A paired device belongs to
 * one meeting: about any other it may do nothing at all, not even what anyone may.
 */
export function mayDo(principal: Principal, action: Action, meetingId?: string): boolean {
  if (principal.kind === 'device' && meetingId !== undefined && meetingId !== principal.meetingId) return false
  return (actionPolicy[action] as readonly Grant[]).some((grant) => holds(principal, grant))
}

/** What a caller the policy turns away is told: sign in first, or this is not for your role. */
export const refusalFor = (principal: Principal): AppError => appError(principal.kind === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN')

/**
 * Whether a person may learn who filed a confidential petition: the secretary and the chair only
 * (shared/roles.ts), so lists they read show confidential items in full.
 */
export const seesConfidentialPetitioners = (principal: Principal): boolean =>
  principal.kind === 'user' && principal.user.roles.some((r) => (confidentialRoles as readonly string[]).includes(r))

/** The screens (meeting roles) a principal may open in a meeting. Anyone may follow as an attendee. */
export function screenRolesFor(principal: Principal, meetingId: string): Role[] {
  if (principal.kind === 'anonymous') return ['attendee']
  if (principal.kind === 'device') return principal.meetingId === meetingId ? [principal.role, 'attendee'] : []
  const held = principal.user.roles
  const screens = new Set<Role>()
  if (held.includes('secretary')) ['secretary', 'chair', 'projector'].forEach((r) => screens.add(r as Role))
  if (held.includes('chair')) ['chair', 'projector'].forEach((r) => screens.add(r as Role))
  if (held.includes('oversight')) ['oversight', 'projector'].forEach((r) => screens.add(r as Role))
  if (held.includes('admin')) screens.add('projector')
  screens.add('attendee')
  return [...screens]
}

/** The role to use when the caller names none (REST reads): the one that sees the most. */
const preference: Role[] = ['secretary', 'oversight', 'chair', 'projector', 'attendee']

/**
 * The role a command arriving over REST runs as: of the screens the caller may open, one allowed to
 * issue it (a person who is both chair and oversight runs chair commands as chair).
 */
export function commandRoleFor(principal: Principal, meetingId: string, type: CommandType): Role | null {
  const screens = screenRolesFor(principal, meetingId)
  return screens.find((r) => mayIssue(r, type)) ?? meetingRoleFor(principal, meetingId)
}

/** The meeting role a principal holds for `requested` (or its best one), or null when not allowed. */
export function meetingRoleFor(principal: Principal, meetingId: string, requested?: Role): Role | null {
  const screens = screenRolesFor(principal, meetingId)
  if (requested) return screens.includes(requested) ? requested : null
  return preference.find((r) => screens.includes(r)) ?? null
}

/**
 * The unit whose follow-up items a person reads, or null for every item. A unit lead reads its own
 * unit's; holding secretary, chair or oversight as well widens what they read, never what they change.
 */
export function followUpReadUnit(principal: Principal): string | null {
  if (principal.kind !== 'user') return null
  const { roles, unitId } = principal.user
  if (roles.some((r) => r === 'secretary' || r === 'chair' || r === 'oversight')) return null
  return roles.includes('unit_lead') ? (unitId ?? '') : null
}

/** Whether a person may record the result of an item assigned to `unitId`: the secretary any, a unit lead its own. */
export function mayReportFollowUp(principal: Principal, unitId: string): boolean {
  if (principal.kind !== 'user' || !mayDo(principal, 'followups:report')) return false
  const { roles, unitId: own } = principal.user
  return roles.includes('secretary') || (roles.includes('unit_lead') && own !== null && own === unitId)
}

import { mayDo, screenRolesFor, type Action, type Principal } from '@shared/access/policy'
import { pairableRoles } from '@shared/access/accounts'
import type { Role } from '@shared/roles'

// Who may open which page, read from the shared policy (the server's own table), so the UI never
// offers a page the server would refuse. The router's guard and the navigation both read this.

export type PageAccess =
  /** Anyone: signing in, pairing, the attendee's phone view. */
  | { kind: 'public' }
  /** Whoever may call the REST action the page is built on. */
  | { kind: 'action'; action: Action }
  /** A live screen of a meeting: whoever may open that screen (shared screenRolesFor). */
  | { kind: 'screen'; role: Role }

/**
 * - open: show the page;
 * - sign-in: nobody is signed in and the page needs an account: go to /sign-in and come back;
 * - forbidden: signed in, but these roles do not open the page: say so (never a blank page).
 */
export type PageVerdict = 'open' | 'sign-in' | 'forbidden'

export function pageVerdict(access: PageAccess | undefined, principal: Principal, meetingId?: string): PageVerdict {
  if (!access || access.kind === 'public') return 'open'
  const allowed =
    access.kind === 'action'
      ? mayDo(principal, access.action, meetingId)
      : meetingId !== undefined && screenRolesFor(principal, meetingId).includes(access.role)
  if (allowed) return 'open'
  if (principal.kind === 'user') return 'forbidden'
  // A chair tablet or projector that is not (or no longer) paired opens its screen, which explains
  // how to pair; sending a tablet nobody signs in on to the sign-in page would be a dead end.
  if (access.kind === 'screen' && (pairableRoles as readonly string[]).includes(access.role)) return 'open'
  return 'sign-in'
}

/** The meeting a route is about, for the policy's per-meeting grants. */
export const routeMeetingId = (params: Record<string, unknown>): string | undefined =>
  typeof params.meetingId === 'string' ? params.meetingId : undefined

export const pageAccess = {
  public: { kind: 'public' },
  signedIn: { kind: 'action', action: 'auth:change-password' },
  meetings: { kind: 'action', action: 'meetings:list' },
  secretary: { kind: 'screen', role: 'secretary' },
  chair: { kind: 'screen', role: 'chair' },
  projector: { kind: 'screen', role: 'projector' },
  documents: { kind: 'action', action: 'documents:read' },
  followUp: { kind: 'action', action: 'followups:read' },
  report: { kind: 'action', action: 'reports:read' },
  office: { kind: 'action', action: 'office:write' },
  users: { kind: 'action', action: 'users:manage' },
  audit: { kind: 'action', action: 'audit:read' },
} as const satisfies Record<string, PageAccess>

/** The account bar's links, in order; each shows only to whoever may open it. */
export const navigation = [
  { name: 'home', path: '/', action: 'meetings:list' },
  { name: 'followUp', path: '/follow-up', action: 'followups:read' },
  { name: 'report', path: '/report', action: 'reports:read' },
  { name: 'users', path: '/users', action: 'users:manage' },
  { name: 'audit', path: '/audit', action: 'audit:read' },
  { name: 'directory', path: '/directory', action: 'office:write' },
  { name: 'settings', path: '/settings', action: 'office:write' },
] as const satisfies readonly { name: string; path: string; action: Action }[]

export type NavigationItem = (typeof navigation)[number]

export const navigationFor = (principal: Principal): NavigationItem[] => navigation.filter((item) => mayDo(principal, item.action))

/** Where a person goes from a meeting in the list, the first being their main one. */
export type MeetingEntry = 'secretary' | 'chair' | 'audit' | 'follow-up' | 'projector'

export function meetingEntries(principal: Principal, meetingId: string): MeetingEntry[] {
  const screens = screenRolesFor(principal, meetingId)
  const entries: MeetingEntry[] = []
  if (screens.includes('secretary')) entries.push('secretary')
  if (screens.includes('chair')) entries.push('chair')
  if (mayDo(principal, 'audit:read', meetingId)) entries.push('audit')
  // A unit lead's part in a meeting is the answers assigned to their unit.
  if (principal.kind === 'user' && principal.user.roles.includes('unit_lead')) entries.push('follow-up')
  if (screens.includes('projector')) entries.push('projector')
  return entries
}

import { describe, expect, it } from 'vitest'
import type { OfficeRole } from '@shared/access/accounts'
import { anonymous, type Principal } from '@shared/access/policy'
import { meetingEntries, navigationFor, pageAccess, pageVerdict } from './pages'

const user = (...roles: OfficeRole[]): Principal => ({
  kind: 'user',
  user: { id: 'u', username: 'u', displayName: 'U', roles, unitId: roles.includes('unit_lead') ? 'unit-1' : null },
  sessionId: '',
  expiresAt: '',
})
const device = (role: 'chair' | 'projector', meetingId = 'm-1'): Principal => ({
  kind: 'device',
  deviceId: 'd',
  meetingId,
  role,
  label: '',
  expiresAt: '',
})

describe('who may open a page', () => {
  it('opens public pages to anyone', () => {
    expect(pageVerdict(pageAccess.public, anonymous)).toBe('open')
    expect(pageVerdict(undefined, anonymous)).toBe('open')
  })

  it('sends a visitor of an account page to sign in, and tells a person without the role', () => {
    expect(pageVerdict(pageAccess.users, anonymous)).toBe('sign-in')
    expect(pageVerdict(pageAccess.users, user('secretary'))).toBe('forbidden')
    expect(pageVerdict(pageAccess.users, user('admin'))).toBe('open')
    expect(pageVerdict(pageAccess.audit, user('oversight'))).toBe('open')
    expect(pageVerdict(pageAccess.meetings, user('unit_lead'))).toBe('open')
    expect(pageVerdict(pageAccess.office, device('chair'))).toBe('sign-in')
  })

  it("opens a meeting's screens per the shared policy", () => {
    expect(pageVerdict(pageAccess.secretary, user('secretary'), 'm-1')).toBe('open')
    expect(pageVerdict(pageAccess.secretary, user('chair'), 'm-1')).toBe('forbidden')
    expect(pageVerdict(pageAccess.secretary, anonymous, 'm-1')).toBe('sign-in')
    expect(pageVerdict(pageAccess.chair, user('chair'), 'm-1')).toBe('open')
    expect(pageVerdict(pageAccess.chair, user('unit_lead'), 'm-1')).toBe('forbidden')
    expect(pageVerdict(pageAccess.projector, user('oversight'), 'm-1')).toBe('open')
  })

  it('lets an unpaired tablet or projector reach its screen, which explains pairing', () => {
    expect(pageVerdict(pageAccess.chair, anonymous, 'm-1')).toBe('open')
    expect(pageVerdict(pageAccess.projector, device('chair', 'm-2'), 'm-1')).toBe('open')
    expect(pageVerdict(pageAccess.chair, device('chair'), 'm-1')).toBe('open')
  })

  it('keeps hall devices to their live screens: no documents, even for their own meeting', () => {
    expect(pageVerdict(pageAccess.documents, device('chair'), 'm-1')).toBe('sign-in')
    expect(pageVerdict(pageAccess.documents, device('chair'), 'm-2')).toBe('sign-in')
    expect(pageVerdict(pageAccess.documents, device('projector'), 'm-1')).toBe('sign-in')
  })
})

describe('navigation', () => {
  const names = (p: Principal) => navigationFor(p).map((i) => i.name)

  it('shows each person the pages their roles open', () => {
    expect(names(user('admin'))).toEqual(['home', 'report', 'users', 'audit', 'directory', 'settings'])
    expect(names(user('secretary'))).toEqual(['home', 'followUp', 'report'])
    expect(names(user('oversight'))).toEqual(['home', 'followUp', 'report', 'audit'])
    expect(names(user('unit_lead'))).toEqual(['home', 'followUp'])
    expect(names(anonymous)).toEqual([])
  })
})

describe('entries to a meeting', () => {
  it('leads each role to its own screen first', () => {
    expect(meetingEntries(user('secretary'), 'm-1')).toEqual(['secretary', 'chair', 'projector'])
    expect(meetingEntries(user('chair'), 'm-1')).toEqual(['chair', 'projector'])
    expect(meetingEntries(user('oversight'), 'm-1')).toEqual(['audit', 'projector'])
    expect(meetingEntries(user('unit_lead'), 'm-1')).toEqual(['follow-up'])
    expect(meetingEntries(user('admin'), 'm-1')).toEqual(['audit', 'projector'])
  })
})

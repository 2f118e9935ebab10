import { randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../db/connect'
import { actionPolicy, actions, mayDo, type Principal } from '../../shared/access/policy'
import { createAccount, type TestAccount } from '../../tests/fixtures/accounts'
import { buildTestApp } from '../../tests/fixtures/app'
import type { buildApp } from '../app'

// The policy table, checked against the running app: every /api route, called by every kind of
// caller. A caller the table refuses gets UNAUTHENTICATED or FORBIDDEN and the database does not
// change by a single row; a caller it allows gets past the guard (the handler may still refuse the
// dummy input, for its own reasons).
describe('every route × every caller', () => {
  let handle: DatabaseHandle
  let app: Awaited<ReturnType<typeof buildApp>>
  let meetingId: string
  let otherMeetingId: string
  const callers: { name: string; principal: Principal; headers: Record<string, string> }[] = []

  const tables = ['meetings', 'meeting_events', 'users', 'sessions', 'password_tokens', 'pairing_codes', 'devices', 'directory_units', 'directory_officials', 'calendar_days', 'calendar_years', 'office_profile', 'meeting_documents', 'meeting_projection', 'office_audit'] as const
  /** Every table's row count, in one query: it runs before and after each of some 500 requests. */
  async function fingerprint(): Promise<string> {
    const counts = sql.join(tables.map((t) => sql`${sql.lit(t)} || '=' || (select count(*) from ${sql.table(t)})`), sql` || ' ' || `)
    return (await sql<{ counts: string }>`select ${counts} as counts`.execute(handle.db)).rows[0]!.counts
  }

  const asUser = (name: string, a: TestAccount) =>
    callers.push({ name, principal: { kind: 'user', user: a.user, sessionId: '', expiresAt: '' }, headers: a.headers })

  async function pair(role: 'chair' | 'projector', meeting: string, secretary: TestAccount) {
    const issued = await app.inject({ method: 'POST', url: `/api/meetings/${meeting}/pairings`, headers: secretary.headers, payload: { role } })
    const paired = await app.inject({ method: 'POST', url: '/api/pair', payload: { code: issued.json().code } })
    const { token, device } = paired.json() as { token: string; device: { id: string; label: string; expiresAt: string } }
    return {
      principal: { kind: 'device', deviceId: device.id, meetingId: meeting, role, label: device.label, expiresAt: device.expiresAt } as Principal,
      headers: { authorization: `Bearer ${token}` },
    }
  }

  beforeAll(async () => {
    ;({ app, handle } = await buildTestApp({ database: 'private', security: { rateLimit: false } }))
    const secretary = await createAccount(handle.db, ['secretary'])
    const create = (title: string) => app.inject({ method: 'POST', url: '/api/meetings', headers: secretary.headers, payload: { title } })
    meetingId = (await create('Hội nghị A')).json().meetingId
    otherMeetingId = (await create('Hội nghị B')).json().meetingId

    callers.push({ name: 'anyone', principal: { kind: 'anonymous' }, headers: {} })
    for (const role of ['admin', 'secretary', 'chair', 'unit_lead', 'oversight'] as const) asUser(role, await createAccount(handle.db, [role], { unitId: null }))
    asUser('no role', await createAccount(handle.db, []))
    callers.push({ name: 'chair tablet of this meeting', ...(await pair('chair', meetingId, secretary)) })
    callers.push({ name: 'projector of this meeting', ...(await pair('projector', meetingId, secretary)) })
    callers.push({ name: 'chair tablet of another meeting', ...(await pair('chair', otherMeetingId, secretary)) })
  })
  afterAll(async () => {
    await app.close()
    await handle.close()
  })

  /** Any value the route's path parameters accept: the guard runs before the handler looks. */
  const fill = (url: string) =>
    url
      .replace(':meetingId', meetingId)
      .replace(':kind', 'notice')
      .replace(':format', 'docx')
      .replace(':version', '1')
      .replace(':petitionNo', '1')
      .replace(':day', '2031-03-03')
      .replace(/:(userId|deviceId|id)\b/, randomUUID())

  it('declares an action for every /api route, and the table names no action no route uses', () => {
    expect(app.routeActions.length).toBeGreaterThan(40)
    const used = new Set(app.routeActions.map((r) => r.action))
    expect(actions.filter((a) => !used.has(a))).toEqual([])
  })

  it('lets each caller through exactly where the table allows, and a refusal changes nothing', async () => {
    // Signing out ends the caller's session: it goes last.
    const routes = [...app.routeActions].sort((a, b) => Number(a.url === '/api/auth/sign-out') - Number(b.url === '/api/auth/sign-out'))
    const outcomes: string[] = []
    for (const route of routes) {
      for (const caller of callers) {
        const allowed = mayDo(caller.principal, route.action, route.url.includes(':meetingId') ? meetingId : undefined)
        // Only a refusal must leave the database as it was.
        const before = allowed ? '' : await fingerprint()
        const res = await app.inject({
          method: route.method as 'GET',
          url: fill(route.url),
          headers: caller.headers,
          ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { payload: {} }),
        })
        const code = res.headers['content-type']?.toString().includes('json') ? (res.json() as { error?: { code?: string } }).error?.code : undefined
        const refused = (res.statusCode === 401 || res.statusCode === 403) && (code === 'UNAUTHENTICATED' || code === 'FORBIDDEN' || code === 'DEVICE_REVOKED')
        const expected = caller.principal.kind === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN'
        if (allowed) {
          if (refused) outcomes.push(`${route.method} ${route.url} as ${caller.name}: refused (${code}) but allowed by ${route.action}`)
        } else {
          if (code !== expected) outcomes.push(`${route.method} ${route.url} as ${caller.name}: ${res.statusCode} ${code}, expected ${expected}`)
          const after = await fingerprint()
          if (after !== before) outcomes.push(`${route.method} ${route.url} as ${caller.name}: refused but wrote ${before} → ${after}`)
        }
      }
    }
    expect(outcomes).toEqual([])
  })

  it('keeps the grants that matter to the hall', () => {
    // Oversight reads everything and changes nothing.
    for (const action of actions) {
      const grants = actionPolicy[action] as readonly string[]
      if (grants.includes('oversight')) expect(action).toMatch(/read|audit|meeting:command/)
    }
    const tablet: Principal = { kind: 'device', deviceId: 'd', meetingId: 'm1', role: 'chair', label: 't', expiresAt: '' }
    expect(mayDo(tablet, 'office:read')).toBe(true) // the chair picks answerers from the directory
    expect(mayDo(tablet, 'documents:read', 'm1')).toBe(false) // its live screen, nothing more
    expect(mayDo(tablet, 'meeting:read', 'm2')).toBe(false) // nothing about another meeting
    expect(mayDo(tablet, 'meetings:list')).toBe(false)
    expect(mayDo({ kind: 'anonymous' }, 'meeting:read', 'm1')).toBe(true)
    expect(mayDo({ kind: 'anonymous' }, 'meeting:command', 'm1')).toBe(false)
  })
})

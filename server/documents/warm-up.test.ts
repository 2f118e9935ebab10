import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'kysely'
import { buildTestApp, type TestApp } from '../../tests/fixtures/app'
import { officeAccounts } from '../../tests/fixtures/accounts'
import { warmUpDocuments } from './warm-up'

// The warm-up main.ts runs after listening: it reads the latest meetings and drafts and packs their
// documents once, and writes nothing (a server that restarts changes no record by starting).
describe('the documents warm-up', () => {
  let test: TestApp
  beforeAll(async () => {
    test = await buildTestApp({ database: 'private' })
  })
  afterAll(() => test.close())

  it('runs over the latest meetings, finalised minutes or not, and writes nothing', async () => {
    const { app, db } = test
    const { secretary } = await officeAccounts(db)
    for (const title of ['Đối thoại quý I', 'Đối thoại quý II']) {
      const created = await app.inject({ method: 'POST', url: '/api/meetings', headers: secretary.headers, payload: { title, meetingDate: '2026-03-20' } })
      const { meetingId } = created.json() as { meetingId: string }
      await app.inject({ method: 'POST', url: `/api/meetings/${meetingId}/commands`, headers: secretary.headers, payload: { type: 'petition:record', commandId: randomUUID(), origin: 'registered', title: 'Đường' } })
    }
    const rows = async () => (await sql<{ n: string }>`select (select count(*) from meeting_events) + (select count(*) from meeting_documents) + (select count(*) from meeting_commands) as n`.execute(db)).rows[0]!.n
    const before = await rows()
    expect(await warmUpDocuments(app)).toEqual({ meetings: 2 })
    expect(await rows()).toBe(before)
  })
})

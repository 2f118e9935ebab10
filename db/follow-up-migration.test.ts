import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from './connect'
import { openPrivateDatabase } from '../tests/fixtures/database'
import { migrateTo, migrateToLatest } from './migrate'
import { appendEvents, readEvents } from './repositories/events'
import { findMeeting, insertMeeting, setMeetingHead } from './repositories/meetings'
import { loadMeetingSummary } from './repositories/meeting-projection'
import { command, DomainHarness, MEETING_ID, testDirectory } from '../shared/meeting/test-helpers'
import { fold } from '../shared/meeting/evolve'
import { emptyMeetingState } from '../shared/meeting/model'
import { meetingSummary } from '../shared/report'
import { followUpItems } from '../shared/followup'
import { rebuildMissingProjections } from '../server/reports/meeting-projection'

// Migration 0016 on a database that has follow-up rows beside the log: they become events of their
// meeting, numbered after its last one, the table is gone, and the projection is made on start-up.
describe('moving follow-up records into the meeting log (migration 0016)', () => {
  let handle: DatabaseHandle
  beforeAll(async () => {
    // The migrated snapshot taken back to the migration before (0016's down brings the table back, empty).
    handle = await openPrivateDatabase()
    await migrateTo(handle.db, '2026_12_02_0015_pairing_code_once')
  })
  afterAll(() => handle.close())

  it('appends each extension and result as events, drops the table, and the projection is rebuilt from the log', async () => {
    const m = new DomainHarness()
    m.must(command('petition:record', { origin: 'registered', title: 'Đường nội đồng' }))
    m.must(command('petition:record', { origin: 'registered', title: 'Nước sinh hoạt' }))
    m.must(command('petition:commit-written-answer', { petitionNo: 1, unitId: testDirectory.units[0]!.id, dueDate: '2026-07-10' }))
    m.must(command('petition:commit-written-answer', { petitionNo: 2, unitId: testDirectory.units[1]!.id, dueDate: '2026-07-15' }))
    const { db } = handle
    await insertMeeting(db, { meetingId: MEETING_ID, title: m.state.title, venue: m.state.venue, createdAt: m.state.createdAt })
    await appendEvents(db, m.log)
    await setMeetingHead(db, MEETING_ID, { lastSeq: m.state.seq, title: m.state.title, venue: m.state.venue })
    await sql`insert into follow_up_records (meeting_id, petition_no, extended_due_date, extension_reason, result_text, result_date, petitioner_answered)
      values (${MEETING_ID}, 1, '2026-07-31', 'Cần đo đạc lại', 'Đã làm xong đường', '2026-07-28', true),
             (${MEETING_ID}, 2, null, '', null, null, null)`.execute(db)
    const before = m.state.seq

    await migrateToLatest(db)
    const moved = await readEvents(db, MEETING_ID, before)
    expect(moved.map((e) => [e.seq, e.type, e.payload])).toEqual([
      [before + 1, 'follow-up.extended', { petitionNo: 1, dueDate: '2026-07-31', reason: 'Cần đo đạc lại' }],
      [before + 2, 'follow-up.result-recorded', { petitionNo: 1, result: { text: 'Đã làm xong đường', date: '2026-07-28', petitionerAnswered: true } }],
    ])
    expect((await findMeeting(db, MEETING_ID))!.lastSeq).toBe(before + 2)
    const tables = await sql<{ n: number }>`select count(*)::int as n from information_schema.tables where table_name = 'follow_up_records'`.execute(db)
    expect(tables.rows[0]!.n).toBe(0)

    // Folded, the items read as they did from the table.
    const state = fold(emptyMeetingState(MEETING_ID), await readEvents(db, MEETING_ID, 0))
    expect(followUpItems(state).map((i) => [i.petitionNo, i.effectiveDueDate, i.record])).toEqual([
      [1, '2026-07-31', { extendedDueDate: '2026-07-31', extensionReason: 'Cần đo đạc lại', result: { text: 'Đã làm xong đường', date: '2026-07-28', petitionerAnswered: true } }],
      [2, '2026-07-15', { extendedDueDate: null, extensionReason: '', result: null }],
    ])
    // The projection has no row for a meeting recorded before it: start-up makes it, once.
    expect(await loadMeetingSummary(db, MEETING_ID)).toBeNull()
    expect(await rebuildMissingProjections(db)).toBe(1)
    expect(await loadMeetingSummary(db, MEETING_ID)).toEqual(meetingSummary(state))
    expect(await rebuildMissingProjections(db)).toBe(0)
  })
})

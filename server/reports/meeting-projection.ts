import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import type { Executor } from '../../db/repositories/executor'
import { meetingsToProject, saveMeetingSummary } from '../../db/repositories/meeting-projection'
import { readEvents } from '../../db/repositories/events'
import { fold } from '../../shared/meeting/evolve'
import { emptyMeetingState, type MeetingState } from '../../shared/meeting/model'
import { MEETING_SUMMARY_SHAPE, meetingSummary, summaryChanged } from '../../shared/report'

/**
 * Keeps a meeting's row of the projection in step with its log: called in the transaction that
 * appends its events, with the state they lead to (and the state before them, when known), so the
 * row and the events commit together or not at all. Events that change nothing a report reads
 * (most of a live meeting: speakers, clocks, the projector) write nothing.
 */
export async function updateMeetingProjection(trx: Executor, after: MeetingState, before?: MeetingState): Promise<void> {
  if (!projectionChanges(after, before)) return
  await saveMeetingSummary(trx, meetingSummary(after), after.seq, MEETING_SUMMARY_SHAPE)
}

/**
 * Whether `updateMeetingProjection` writes for these states. The meeting log asks first: a command
 * that changes nothing a report reads is then written in one statement, without a transaction.
 */
export function projectionChanges(after: MeetingState, before?: MeetingState): boolean {
  return !(before && before.seq > 0 && !summaryChanged(before, after))
}

/**
 * Makes the rows a projection lacks: meetings recorded before it existed, or whose row has an older
 * shape. Folds each log on its own (not through the meeting cache, which it would flood). Run on
 * start-up; a no-op query once every meeting has its row.
 */
export async function rebuildMissingProjections(db: Kysely<Database>): Promise<number> {
  const missing = await meetingsToProject(db, MEETING_SUMMARY_SHAPE)
  for (const meetingId of missing) {
    const state = fold(emptyMeetingState(meetingId), await readEvents(db, meetingId, 0))
    await saveMeetingSummary(db, meetingSummary(state), state.seq, MEETING_SUMMARY_SHAPE)
  }
  return missing.length
}

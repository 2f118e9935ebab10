import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import { heldMeetingSummaries } from '../../db/repositories/meeting-projection'
import { vietnamDate } from '../../shared/calendar/working-days'
import { buildResultsReport, type ResultsReport } from '../../shared/report'
import type { OfficeData } from '../office/office-data'

export interface PeriodFigures {
  report: ResultsReport
  /** The plans the meetings held in the period were held under, each once. */
  meetingBases: string[]
  /** Who signs: the head who last chaired a dialogue of the period in person ('' when none did). */
  headName: string
}

/**
 * The half-year and yearly results report's figures. Read from the meeting projection (one row per
 * meeting, kept in the transaction that appends its events), selected by the period in SQL: a
 * report reads the meetings held in its period instead of refolding every meeting's log.
 */
export class ReportService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly office: Pick<OfficeData, 'context'>,
  ) {}

  async figures(from: string, to: string, now = new Date()): Promise<PeriodFigures> {
    const held = await heldMeetingSummaries(this.db, from, to)
    const { calendar } = await this.office.context()
    const report = buildResultsReport(held, from, to, vietnamDate(now), calendar)
    const meetingBases = [...new Set(held.flatMap((m) => m.bases))]
    // The head signs the report; the last dialogue of the period the head chaired in person names
    // them (the clerk can still change the signer when issuing).
    const when = (m: (typeof held)[number]) => m.meetingDate || m.createdAt
    const last = held
      .filter((m) => !m.delegated && m.chairName.trim())
      .sort((a, b) => when(a).localeCompare(when(b)))
      .at(-1)
    return { report, meetingBases, headName: last?.chairName.trim() ?? '' }
  }
}

import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import { loadCalendar, loadConfirmedYears } from '../../db/repositories/calendar'
import { loadDirectory } from '../../db/repositories/directory'
import type { HolidayCalendar } from '../../shared/calendar/working-days'
import type { Directory } from '../../shared/directory'
import type { DeadlineRuleSet } from '../../shared/meeting/rules'
import { loadDeadlineRules } from '../../db/repositories/documents'

export interface OfficeContext {
  directory: Directory
  calendar: HolidayCalendar
  rules: DeadlineRuleSet
  /**
   * The years an administrator confirmed against the official announcement: a deadline counted
   * over any other year carries a warning (shared/calendar/confirmation.ts).
   */
  confirmedYears: readonly number[]
}

/**
 * The office-level data every decision may need (who can be assigned to answer, which days are
 * working days), cached in memory and reloaded after an edit. Another process's edit is picked up
 * within `ttlMs`.
 */
export class OfficeData {
  private cached: { value: OfficeContext; loadedAt: number } | null = null

  constructor(
    private readonly db: Kysely<Database>,
    private readonly ttlMs = 30_000,
  ) {}

  async context(): Promise<OfficeContext> {
    if (this.cached && Date.now() - this.cached.loadedAt < this.ttlMs) return this.cached.value
    const [directory, calendar, rules, confirmedYears] = await Promise.all([loadDirectory(this.db), loadCalendar(this.db), loadDeadlineRules(this.db), loadConfirmedYears(this.db)])
    this.cached = { value: { directory, calendar, rules, confirmedYears }, loadedAt: Date.now() }
    return this.cached.value
  }

  invalidate(): void {
    this.cached = null
  }
}

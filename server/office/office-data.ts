import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import { loadCalendar } from '../../db/repositories/calendar'
import { loadDirectory } from '../../db/repositories/directory'
import type { HolidayCalendar } from '../../shared/calendar/working-days'
import type { Directory } from '../../shared/directory'

export interface OfficeContext {
  directory: Directory
  calendar: HolidayCalendar
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
    const [directory, calendar] = await Promise.all([loadDirectory(this.db), loadCalendar(this.db)])
    this.cached = { value: { directory, calendar }, loadedAt: Date.now() }
    return this.cached.value
  }

  invalidate(): void {
    this.cached = null
  }
}

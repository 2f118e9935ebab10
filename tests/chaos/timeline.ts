// The run's clock and its log of what happened when: every fault and every notable reaction (a
// server exiting by itself, the database back up) is printed as it happens and kept for the report.
export interface TimelineEntry {
  /** Seconds since the run started. */
  at: number
  what: string
}

export class Timeline {
  readonly startedAt = Date.now()
  readonly entries: TimelineEntry[] = []

  constructor(private readonly verbose = true) {}

  /** Milliseconds since the run started. */
  now(): number {
    return Date.now() - this.startedAt
  }

  note(what: string): void {
    const entry = { at: Math.round(this.now() / 100) / 10, what }
    this.entries.push(entry)
    if (this.verbose) console.log(`  [${entry.at.toFixed(1).padStart(6)} s] ${what}`)
  }
}

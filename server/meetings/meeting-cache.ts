import type { MeetingState } from '../../shared/meeting/model'

/** How many meetings' states a process keeps by default: far more than are ever live at once. */
export const DEFAULT_CACHED_MEETINGS = 200

/**
 * The meeting states a process keeps in memory, least recently used dropped first, so an office
 * with thousands of meetings keeps only those in use. A dropped meeting is refolded from its log
 * the next time it is read (the log, not the cache, is the record). A Map keeps insertion order:
 * reading or writing a meeting moves it to the end, the first key is the one to drop.
 */
export class MeetingCache {
  private readonly states = new Map<string, MeetingState>()
  /**
   * Meetings that must stay whatever their age: those screens of this process follow. Another
   * process's events reach them only through the cached state (MeetingLog.onRemoteAppend catches up
   * meetings it holds), so dropping one would leave its screens behind until something read it again.
   */
  private keep: (meetingId: string) => boolean = () => false

  constructor(readonly capacity: number = DEFAULT_CACHED_MEETINGS) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new Error(`meeting cache capacity must be a positive integer, not ${capacity}`)
  }

  get(meetingId: string): MeetingState | undefined {
    const state = this.states.get(meetingId)
    if (state === undefined) return undefined
    this.states.delete(meetingId)
    this.states.set(meetingId, state)
    return state
  }

  set(meetingId: string, state: MeetingState): void {
    this.states.delete(meetingId)
    this.states.set(meetingId, state)
    if (this.states.size <= this.capacity) return
    // The least recently used first, skipping the followed ones; when every meeting held is
    // followed, the cache holds more than its capacity rather than leave a hall behind.
    for (const id of this.states.keys()) {
      if (this.states.size <= this.capacity) break
      if (id !== meetingId && !this.keep(id)) this.states.delete(id)
    }
  }

  /** Tells the cache which meetings are followed here (the realtime layer knows: its rooms). */
  keepWhile(keep: (meetingId: string) => boolean): void {
    this.keep = keep
  }

  has(meetingId: string): boolean {
    return this.states.has(meetingId)
  }

  keys(): IterableIterator<string> {
    return this.states.keys()
  }

  get size(): number {
    return this.states.size
  }
}

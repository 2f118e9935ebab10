import { evolve } from '@shared/meeting/evolve'
import type { MeetingEvent } from '@shared/meeting/events'
import type { MeetingState } from '@shared/meeting/model'
import type { SyncResult } from '@shared/protocol'

// The client side of "catch up by sequence number": pure, so it is tested without a socket.
// Events are applied strictly in order: one already applied (seq <= current) is ignored, the next one
// (current + 1) is folded in, and anything beyond means we missed something, so we stop and ask the
// server for what we lack instead of folding a state with a hole in it.

export interface BatchOutcome {
  state: MeetingState
  /** How many events were folded in. */
  applied: number
  /** True when an event was ahead of the next expected seq: the caller must sync. */
  gap: boolean
}

export function applyBatch(state: MeetingState, events: readonly MeetingEvent[]): BatchOutcome {
  // A batch is sent in order, but acks and broadcasts can interleave; sorting costs nothing here.
  const ordered = [...events].sort((a, b) => a.seq - b.seq)
  let current = state
  let applied = 0
  for (const event of ordered) {
    if (event.seq <= current.seq) continue
    if (event.seq > current.seq + 1) return { state: current, applied, gap: true }
    current = evolve(current, event)
    applied += 1
  }
  return { state: current, applied, gap: false }
}

/** True when `seq` lies beyond the next event we expect. */
export const hasGap = (currentSeq: number, seq: number): boolean => seq > currentSeq + 1

/**
 * Applies the answer to `meeting:sync`. A snapshot replaces the state unless it is older than what we
 * already hold (a slow answer to an earlier sync); events are folded like any batch, and if they stop
 * short of the seq the server reported, that is a gap too.
 */
export function applySync(state: MeetingState, result: SyncResult): BatchOutcome {
  if (result.kind === 'snapshot') {
    if (result.state.seq < state.seq) return { state, applied: 0, gap: false }
    return { state: result.state, applied: Math.max(0, result.state.seq - state.seq), gap: false }
  }
  const outcome = applyBatch(state, result.events)
  return outcome.gap || outcome.state.seq >= result.seq ? outcome : { ...outcome, gap: true }
}

import type { MeetingState } from '../../shared/meeting/model'
import { stateFor } from '../../shared/meeting/redact'
import { seesConfidential, type Role } from '../../shared/roles'

// A hall of public screens that reconnect together (after a restart, a Wi-Fi drop) each ask for a
// snapshot of the same state: it is redacted once per state, not once per screen. States are never
// changed in place (evolve returns a new one), so the state object itself is the key, and a state
// no longer referenced takes its redacted copy with it.
const redactedStates = new WeakMap<MeetingState, MeetingState>()

/** The state as a screen holding `role` may see it; the same as `stateFor`, computed once per state. */
export function stateForScreen(role: Role, state: MeetingState): MeetingState {
  if (seesConfidential(role)) return state
  let redacted = redactedStates.get(state)
  if (!redacted) {
    redacted = stateFor(role, state)
    redactedStates.set(state, redacted)
  }
  return redacted
}

import type { MeetingEvent } from './events'
import type { MeetingState, Petition, Speaker } from './model'

// What a public screen (projector, attendee phone) may receive. A confidential petitioner's name and
// address never leave the server for these screens, and neither do the name and unit/village of a
// speaker who raises a confidential petition (in a commune, the village alone can tell who filed it). The property that matters,
// tested in shared: redactState(fold(events)) equals fold(events redacted one by one).

export function redactPetition(p: Petition): Petition {
  return p.confidential ? { ...p, petitionerName: null, petitionerAddress: null } : p
}

function speakerIsConfidential(s: Speaker, petitions: readonly Petition[]): boolean {
  return s.petitionNos.some((no) => petitions.find((p) => p.no === no)?.confidential)
}

export function redactSpeaker(s: Speaker, petitions: readonly Petition[]): Speaker {
  return speakerIsConfidential(s, petitions) ? { ...s, name: null, unit: '' } : s
}

/**
 * Redacts one event. `context` is a full (unredacted) state that already knows the petitions the event
 * refers to: the state before the event or any later one (petitions are only ever added).
 */
export function redactEvent(event: MeetingEvent, context: MeetingState): MeetingEvent {
  switch (event.type) {
    case 'petition.recorded':
      return { ...event, payload: { petition: redactPetition(event.payload.petition) } }
    case 'speaker.registered':
      return { ...event, payload: { speaker: redactSpeaker(event.payload.speaker, context.petitions) } }
    default:
      return event
  }
}

export function redactState(state: MeetingState): MeetingState {
  return {
    ...state,
    petitions: state.petitions.map(redactPetition),
    speakers: state.speakers.map((s) => redactSpeaker(s, state.petitions)),
  }
}

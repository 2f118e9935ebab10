import type { MeetingEvent } from './events'
import type { MeetingState, Speaker } from './model'

// evolve: state + event → state. Pure and total: the server folds the log with it, and every client
// folds the events it receives with the very same function. It never mutates its input.
export function evolve(state: MeetingState, event: MeetingEvent): MeetingState {
  const next = { ...state, seq: event.seq }
  switch (event.type) {
    case 'meeting.created':
      return { ...next, title: event.payload.title, venue: event.payload.venue, createdAt: event.at }
    case 'petition.recorded':
      return { ...next, petitions: [...state.petitions, event.payload.petition] }
    case 'speaker.registered':
      return { ...next, speakers: [...state.speakers, event.payload.speaker] }
    case 'speaker.called':
      return {
        ...next,
        currentSpeakerNo: event.payload.speakerNo,
        speakers: updateSpeaker(state.speakers, event.payload.speakerNo, { status: 'speaking', calledAt: event.at }),
      }
    case 'speaker.finished':
      return {
        ...next,
        currentSpeakerNo: state.currentSpeakerNo === event.payload.speakerNo ? null : state.currentSpeakerNo,
        speakers: updateSpeaker(state.speakers, event.payload.speakerNo, { status: 'finished', finishedAt: event.at }),
      }
  }
}

function updateSpeaker(speakers: Speaker[], no: number, patch: Partial<Speaker>): Speaker[] {
  return speakers.map((s) => (s.no === no ? { ...s, ...patch } : s))
}

export function fold(state: MeetingState, events: readonly MeetingEvent[]): MeetingState {
  return events.reduce(evolve, state)
}

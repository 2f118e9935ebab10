import type { MeetingState, SpeakRequest } from './model'

// Reading requests to speak: the secretary's queue of them, and where a phone's own request stands.

/** Requests waiting for the secretary, oldest first. */
export const waitingRequests = (state: MeetingState): SpeakRequest[] => (state.speakRequests ?? []).filter((r) => r.status === 'waiting')

export const waitingRequestCount = (state: MeetingState): number => waitingRequests(state).length

/**
 * Where a request stands, as its phone shows it: waiting for the secretary; declined or withdrawn;
 * accepted and in the queue (`before`: how many are called first), called to speak, done.
 */
export type RequestStanding =
  | { kind: 'waiting' }
  | { kind: 'declined' }
  | { kind: 'withdrawn' }
  | { kind: 'queued'; speakerNo: number; before: number }
  | { kind: 'called'; speakerNo: number }
  | { kind: 'spoken'; speakerNo: number }
  | { kind: 'removed'; speakerNo: number }

/** null while the request is not in the state yet (the phone has not caught up, or it was never sent). */
export function requestStanding(state: MeetingState, requestId: string): RequestStanding | null {
  // A state kept from before phones could ask to speak has no list: nothing found yet.
  const request = (state.speakRequests ?? []).find((r) => r.requestId === requestId)
  if (!request) return null
  if (request.status !== 'accepted' || request.speakerNo === null) return { kind: request.status === 'accepted' ? 'waiting' : request.status }
  const speakerNo = request.speakerNo
  const speaker = state.speakers.find((s) => s.no === speakerNo)
  switch (speaker?.status) {
    case 'waiting': {
      // Those waiting ahead in the queue; whoever is at the microphone now is not counted.
      return { kind: 'queued', speakerNo, before: Math.max(0, state.queue.indexOf(speakerNo)) }
    }
    case 'called':
    case 'speaking':
    case 'paused':
      return { kind: 'called', speakerNo }
    case 'finished':
      return { kind: 'spoken', speakerNo }
    default:
      return { kind: 'removed', speakerNo }
  }
}

/**
 * The title a new petition from a phone starts with at the desk (the secretary corrects it): the
 * first line the person wrote, cut at a word near 120 characters.
 */
export function suggestedTitle(content: string): string {
  const first = content.split('\n').find((line) => line.trim())?.trim() ?? ''
  if ([...first].length <= 120) return first
  const cut = [...first].slice(0, 120).join('')
  const space = cut.lastIndexOf(' ')
  return `${(space > 60 ? cut.slice(0, space) : cut).trimEnd()}…`
}

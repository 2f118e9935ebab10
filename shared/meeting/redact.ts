import type { MeetingEvent } from './events'
import type { MeetingState, Petition, Speaker, SpeakRequest, WrittenAnswerCommitment } from './model'
import { seesConfidential, type Role } from '../roles'
import { publicClosingConclusion, publicPetitionTitle } from './confidentiality'

// What a public screen (projector, attendee phone) may receive. Nothing withheld here ever leaves
// the server for those screens:
// - a confidential petitioner's name and address, and the petition's full content (it may name them);
// - the name of a petitioner or speaker who did not agree to be shown;
// - the name and unit/village of a speaker raising a confidential petition (in a commune, the
//   village alone can tell who filed it);
// - internal work: answers units drafted beforehand, the secretary's summaries;
// - of a confidential petition, everything but its number and field: its title, content, the
//   answer given, the conclusion and why it was set aside (confidentiality.ts: one rule everywhere).
// The property that matters, tested in shared: redactState(fold(events)) equals fold(events
// redacted one by one against the latest state).

export function redactPetition(p: Petition): Petition {
  const hideName = p.confidential || !p.showName
  const secret = p.confidential
  return {
    ...p,
    title: publicPetitionTitle(p),
    petitionerName: hideName ? null : p.petitionerName,
    petitionerAddress: hideName ? null : p.petitionerAddress,
    content: secret ? '' : p.content,
    answer: secret && p.answer ? { ...p.answer, summary: '' } : p.answer,
    conclusion: secret ? '' : p.conclusion,
    setAsideReason: secret ? '' : p.setAsideReason,
    writtenAnswer: secret && p.writtenAnswer ? redactFollowUp(p.writtenAnswer) : p.writtenAnswer,
    preparedAnswers: [],
  }
}

/** A confidential petition's follow-up: that it was extended and answered, and when; not the words. */
function redactFollowUp(c: WrittenAnswerCommitment): WrittenAnswerCommitment {
  return {
    ...c,
    ...(c.extension ? { extension: { ...c.extension, reason: '' } } : {}),
    ...(c.result ? { result: { ...c.result, text: '' } } : {}),
  }
}

/**
 * A request to speak as public screens receive it: its id, status and speaker number. Nothing the
 * person wrote, not whether they asked for confidentiality, not the secret's digest. The phone that
 * sent it knows its own id; the decline reason reaches that phone alone (speak-request:status).
 */
export function redactSpeakRequest(r: SpeakRequest): SpeakRequest {
  return { ...r, secret: '', name: null, unit: '', showName: false, petitionNos: [], newPetition: null, confidential: false, reason: '' }
}

/** Whether petition `no` is confidential in `context` (the latest full state). */
const isSecret = (context: MeetingState, no: number) => context.petitions.find((p) => p.no === no)?.confidential === true

function raisesConfidential(s: Speaker, petitions: readonly Petition[]): boolean {
  return s.petitionNos.some((no) => petitions.find((p) => p.no === no)?.confidential)
}

export function redactSpeaker(s: Speaker, petitions: readonly Petition[]): Speaker {
  const confidential = raisesConfidential(s, petitions)
  return { ...s, name: confidential || !s.showName ? null : s.name, unit: confidential ? '' : s.unit, summary: '' }
}

/**
 * Redacts one event. `context` is a full (unredacted) state no older than the event: the state after
 * its batch, or the current one. Redacting against the latest state means a petition made
 * confidential later also hides what earlier events said about it.
 */
export function redactEvent(event: MeetingEvent, context: MeetingState): MeetingEvent {
  switch (event.type) {
    case 'petition.recorded':
      return { ...event, payload: { petition: redactPetition(event.payload.petition) } }
    case 'petition.edited':
      return {
        ...event,
        payload: {
          petition: redactPetition(event.payload.petition),
          speakers: event.payload.speakers.map((s) => redactSpeaker(s, context.petitions)),
        },
      }
    case 'petition.answer-prepared':
      return { ...event, payload: { petitionNo: event.payload.petitionNo } }
    case 'speaker.registered':
      return { ...event, payload: { speaker: redactSpeaker(event.payload.speaker, context.petitions) } }
    case 'speaker.edited':
      return { ...event, payload: { speaker: redactSpeaker(event.payload.speaker, context.petitions) } }
    case 'speak-request.submitted':
      return { ...event, payload: { request: redactSpeakRequest(event.payload.request) } }
    case 'speak-request.declined':
      return { ...event, payload: { requestId: event.payload.requestId, reason: '' } }
    case 'speaker.summarized':
      return { ...event, payload: { speakerNo: event.payload.speakerNo, summary: '' } }
    case 'petition.answered':
      return isSecret(context, event.payload.petitionNo) ? { ...event, payload: { ...event.payload, summary: '' } } : event
    case 'petition.concluded':
      return isSecret(context, event.payload.petitionNo) ? { ...event, payload: { ...event.payload, conclusion: '' } } : event
    case 'petition.set-aside':
      return isSecret(context, event.payload.petitionNo) ? { ...event, payload: { ...event.payload, reason: '' } } : event
    case 'follow-up.extended':
      return isSecret(context, event.payload.petitionNo) ? { ...event, payload: { ...event.payload, reason: '' } } : event
    case 'follow-up.result-recorded':
      return isSecret(context, event.payload.petitionNo) ? { ...event, payload: { ...event.payload, result: { ...event.payload.result, text: '' } } } : event
    case 'meeting.conclusion-recorded':
      return { ...event, payload: { text: publicClosingConclusion(event.payload.text, context) } }
    // Nothing in these is withheld from a public screen. Listed rather than a default, so that a new
    // event type does not compile until someone decides what a public screen may see of it.
    case 'meeting.created':
    case 'meeting.details-updated':
    case 'meeting.phase-changed':
    case 'meeting.speaking-limit-set':
    case 'meeting.programme-set':
    case 'registration.closed':
    case 'registration.reopened':
    case 'projector.switched':
    case 'projector.assigned':
    case 'petition.discussion-started':
    case 'petition.answerer-assigned':
    case 'petition.written-answer-committed':
    case 'petition.forwarded':
    case 'petition.withdrawn':
    case 'petition.merged':
    case 'petition.reopened':
    case 'speaker.queue-reordered':
    case 'speaker.withdrawn':
    case 'speaker.called':
    case 'speaker.started':
    case 'speaker.paused':
    case 'speaker.resumed':
    case 'speaker.extended':
    case 'speaker.finished':
    case 'speak-request.accepted':
    case 'speak-request.withdrawn':
    case 'notice.issued':
      return event
  }
}

// States are immutable (evolve returns new objects), so a redacted view can be kept per state: a
// hundred projectors reconnecting at once share one redaction instead of making a hundred.
const redactedViews = new WeakMap<MeetingState, MeetingState>()

export function redactState(state: MeetingState): MeetingState {
  const known = redactedViews.get(state)
  if (known) return known
  const view = redactStateNow(state)
  redactedViews.set(state, view)
  return view
}

function redactStateNow(state: MeetingState): MeetingState {
  return {
    ...state,
    petitions: state.petitions.map(redactPetition),
    speakers: state.speakers.map((s) => redactSpeaker(s, state.petitions)),
    speakRequests: (state.speakRequests ?? []).map(redactSpeakRequest),
    closingConclusion: publicClosingConclusion(state.closingConclusion, state),
  }
}

/** The state as a screen holding `role` may see it. */
export function stateFor(role: Role, state: MeetingState): MeetingState {
  return seesConfidential(role) ? state : redactState(state)
}

/** Events as a screen holding `role` may receive them; `context` as for redactEvent. */
export function eventsFor(role: Role, events: readonly MeetingEvent[], context: MeetingState): MeetingEvent[] {
  return seesConfidential(role) ? [...events] : events.map((e) => redactEvent(e, context))
}

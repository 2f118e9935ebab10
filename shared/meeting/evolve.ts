import type { MeetingEvent } from './events'
import type { MeetingState, Petition, Speaker, SpeakRequest, Speech, WrittenAnswerCommitment } from './model'

// evolve: state + event → state. Pure and total: the server folds the log with it, and every client
// folds the events it receives with the very same function. It never mutates its input.
export function evolve(state: MeetingState, event: MeetingEvent): MeetingState {
  const s = { ...state, seq: event.seq }
  const at = event.at
  switch (event.type) {
    case 'meeting.created':
      return { ...s, title: event.payload.title, venue: event.payload.venue, createdAt: at, details: event.payload.details ?? s.details }
    case 'meeting.details-updated':
      return { ...s, title: event.payload.title, venue: event.payload.venue, details: event.payload.details }
    case 'meeting.phase-changed': {
      const closing = event.payload.phase === 'closed'
      // Once closed, nothing is "under discussion" on any screen.
      return { ...s, phase: event.payload.phase, closedAt: closing ? at : null, currentPetitionNo: closing ? null : s.currentPetitionNo }
    }
    case 'meeting.speaking-limit-set':
      return { ...s, speakingLimitSec: event.payload.seconds }
    case 'meeting.programme-set':
      return { ...s, programme: event.payload.items }
    case 'meeting.conclusion-recorded':
      return { ...s, closingConclusion: event.payload.text }
    case 'registration.closed':
      return { ...s, registrationOpen: false }
    case 'registration.reopened':
      return { ...s, registrationOpen: true }
    case 'projector.switched':
      return { ...s, projector: { ...s.projector, mode: event.payload.mode, announcement: event.payload.announcement } }
    case 'projector.assigned': {
      const { deviceId, label, mode } = event.payload
      // A state kept from before per-screen views (a tab's saved picture) has no list yet.
      const others = (s.projector.screens ?? []).filter((x) => x.deviceId !== deviceId)
      return { ...s, projector: { ...s.projector, screens: mode === null ? others : [...others, { deviceId, label, mode }] } }
    }

    case 'petition.recorded':
      // Logs written before a petition could be set aside carry no reason field.
      return { ...s, petitions: [...s.petitions, { ...event.payload.petition, setAsideReason: event.payload.petition.setAsideReason ?? '' }] }
    case 'petition.edited': {
      const { petition, speakers } = event.payload
      // The drafts stay as they were: an edit does not carry them (older logs carried a copy).
      const petitions = s.petitions.map((p) => (p.no === petition.no ? { ...petition, preparedAnswers: p.preparedAnswers } : p))
      return { ...s, petitions, speakers: speakers.reduce(replaceSpeaker, s.speakers) }
    }
    case 'petition.answer-prepared': {
      const { petitionNo, answer, preparedAnswers } = event.payload
      if (preparedAnswers) return { ...s, petitions: patchPetition(s.petitions, petitionNo, { preparedAnswers }) }
      if (!answer) return s // a public screen's copy: nothing it may see changed
      return { ...s, petitions: s.petitions.map((p) => (p.no === petitionNo ? { ...p, preparedAnswers: [...p.preparedAnswers, answer] } : p)) }
    }
    case 'petition.discussion-started': {
      const no = event.payload.petitionNo
      // The petition that was being discussed without a decision goes back to waiting.
      const petitions = s.petitions.map((p) =>
        p.no === no ? { ...p, status: 'discussing' as const } : p.status === 'discussing' ? { ...p, status: 'waiting' as const } : p,
      )
      return { ...s, petitions, currentPetitionNo: no }
    }
    case 'petition.answerer-assigned':
      return { ...s, petitions: patchPetition(s.petitions, event.payload.petitionNo, { answerer: event.payload.answerer }) }
    case 'petition.answered': {
      const { petitionNo, answerer, summary } = event.payload
      return { ...s, petitions: patchPetition(s.petitions, petitionNo, { status: 'answered', answerer, answer: { answerer, summary, at } }) }
    }
    case 'petition.written-answer-committed':
      return { ...s, petitions: patchPetition(s.petitions, event.payload.petitionNo, { status: 'written_answer', writtenAnswer: event.payload.commitment }) }
    case 'petition.forwarded':
      return { ...s, petitions: patchPetition(s.petitions, event.payload.petitionNo, { status: 'forwarded', forwardedTo: event.payload.body }) }
    case 'petition.withdrawn':
      return endDiscussion({ ...s, petitions: patchPetition(s.petitions, event.payload.petitionNo, { status: 'withdrawn' }) }, event.payload.petitionNo)
    case 'petition.merged':
      return endDiscussion(
        { ...s, petitions: patchPetition(s.petitions, event.payload.petitionNo, { status: 'merged', mergedInto: event.payload.intoNo }) },
        event.payload.petitionNo,
      )
    case 'petition.set-aside': {
      const { petitionNo, reason } = event.payload
      return endDiscussion({ ...s, petitions: patchPetition(s.petitions, petitionNo, { status: 'set_aside', setAsideReason: reason }) }, petitionNo)
    }
    case 'petition.concluded':
      return endDiscussion({ ...s, petitions: patchPetition(s.petitions, event.payload.petitionNo, { conclusion: event.payload.conclusion }) }, event.payload.petitionNo)
    case 'petition.reopened': {
      const no = event.payload.petitionNo
      const petitions = s.petitions.map((p) =>
        p.no === no
          ? { ...p, status: 'discussing' as const, answer: null, writtenAnswer: null, forwardedTo: '', mergedInto: null, conclusion: '', setAsideReason: '' }
          : p.status === 'discussing'
            ? { ...p, status: 'waiting' as const }
            : p,
      )
      return { ...s, petitions, currentPetitionNo: no }
    }

    case 'speaker.registered':
      return { ...s, speakers: [...s.speakers, event.payload.speaker], queue: [...s.queue, event.payload.speaker.no] }
    case 'speaker.edited':
      return { ...s, speakers: replaceSpeaker(s.speakers, event.payload.speaker) }
    case 'speaker.queue-reordered':
      return { ...s, queue: event.payload.queue }
    case 'speaker.withdrawn': {
      const no = event.payload.speakerNo
      return {
        ...s,
        speakers: patchSpeaker(s.speakers, no, { status: 'withdrawn' }),
        queue: s.queue.filter((x) => x !== no),
        currentSpeakerNo: s.currentSpeakerNo === no ? null : s.currentSpeakerNo,
      }
    }
    case 'speaker.called': {
      const no = event.payload.speakerNo
      return {
        ...s,
        currentSpeakerNo: no,
        queue: s.queue.filter((x) => x !== no),
        speakers: patchSpeaker(s.speakers, no, { status: 'called', calledAt: at }),
      }
    }
    case 'speaker.started': {
      const speech: Speech = { limitSec: event.payload.limitSec, extendedSec: 0, elapsedMs: 0, runningSince: at, startedAt: at }
      return { ...s, speakers: patchSpeaker(s.speakers, event.payload.speakerNo, { status: 'speaking', speech }) }
    }
    case 'speaker.paused':
      return { ...s, speakers: updateSpeech(s.speakers, event.payload.speakerNo, (sp) => stopClock(sp, at), 'paused') }
    case 'speaker.resumed':
      return { ...s, speakers: updateSpeech(s.speakers, event.payload.speakerNo, (sp) => ({ ...sp, runningSince: at }), 'speaking') }
    case 'speaker.extended':
      return { ...s, speakers: updateSpeech(s.speakers, event.payload.speakerNo, (sp) => ({ ...sp, extendedSec: sp.extendedSec + event.payload.seconds })) }
    case 'speaker.finished': {
      const no = event.payload.speakerNo
      const speakers = s.speakers.map((sp) =>
        sp.no === no ? { ...sp, status: 'finished' as const, finishedAt: at, speech: sp.speech && stopClock(sp.speech, at) } : sp,
      )
      return { ...s, speakers, currentSpeakerNo: s.currentSpeakerNo === no ? null : s.currentSpeakerNo }
    }
    case 'speak-request.submitted':
      // A state kept from before phones could ask to speak (a tab's saved picture) has no list yet.
      return { ...s, speakRequests: [...(s.speakRequests ?? []), event.payload.request] }
    case 'speak-request.accepted':
      return { ...s, speakRequests: patchRequest(s.speakRequests, event.payload.requestId, { status: 'accepted', speakerNo: event.payload.speakerNo, decidedAt: at }) }
    case 'speak-request.declined':
      return { ...s, speakRequests: patchRequest(s.speakRequests, event.payload.requestId, { status: 'declined', reason: event.payload.reason, decidedAt: at }) }
    case 'speak-request.withdrawn':
      return { ...s, speakRequests: patchRequest(s.speakRequests, event.payload.requestId, { status: 'withdrawn', decidedAt: at }) }
    case 'notice.issued': {
      if (s.notice) return s // a corrected notice: the deadlines already count from the first
      const { number, symbol, date, dueDates } = event.payload
      const due = new Map(dueDates.map((d) => [d.petitionNo, d.dueDate]))
      const petitions = s.petitions.map((p) =>
        p.writtenAnswer?.dueRule && due.has(p.no)
          ? { ...p, writtenAnswer: { ...p.writtenAnswer, dueDate: due.get(p.no)!, dueRule: { ...p.writtenAnswer.dueRule, from: date } } }
          : p,
      )
      return { ...s, petitions, notice: { number, symbol, date } }
    }
    case 'speaker.summarized':
      return { ...s, speakers: patchSpeaker(s.speakers, event.payload.speakerNo, { summary: event.payload.summary }) }
    // Follow-up belongs to the commitment: a petition reopened and committed anew starts afresh.
    case 'follow-up.extended': {
      const { petitionNo, dueDate, reason } = event.payload
      return { ...s, petitions: patchCommitment(s.petitions, petitionNo, { extension: { dueDate, reason } }) }
    }
    case 'follow-up.result-recorded':
      return { ...s, petitions: patchCommitment(s.petitions, event.payload.petitionNo, { result: event.payload.result }) }
  }
}

function patchCommitment(petitions: Petition[], no: number, patch: Partial<WrittenAnswerCommitment>): Petition[] {
  return petitions.map((p) => (p.no === no && p.writtenAnswer ? { ...p, writtenAnswer: { ...p.writtenAnswer, ...patch } } : p))
}

function stopClock(speech: Speech, at: string): Speech {
  if (!speech.runningSince) return speech
  return { ...speech, elapsedMs: speech.elapsedMs + Math.max(0, Date.parse(at) - Date.parse(speech.runningSince)), runningSince: null }
}

function endDiscussion(state: MeetingState, no: number): MeetingState {
  return state.currentPetitionNo === no ? { ...state, currentPetitionNo: null } : state
}

function replaceSpeaker(speakers: Speaker[], speaker: Speaker): Speaker[] {
  return speakers.map((s) => (s.no === speaker.no ? speaker : s))
}

function patchPetition(petitions: Petition[], no: number, patch: Partial<Petition>): Petition[] {
  return petitions.map((p) => (p.no === no ? { ...p, ...patch } : p))
}

function patchRequest(requests: SpeakRequest[] | undefined, requestId: string, patch: Partial<SpeakRequest>): SpeakRequest[] {
  return (requests ?? []).map((r) => (r.requestId === requestId ? { ...r, ...patch } : r))
}

function patchSpeaker(speakers: Speaker[], no: number, patch: Partial<Speaker>): Speaker[] {
  return speakers.map((s) => (s.no === no ? { ...s, ...patch } : s))
}

function updateSpeech(speakers: Speaker[], no: number, f: (speech: Speech) => Speech, status?: Speaker['status']): Speaker[] {
  return speakers.map((s) => (s.no === no && s.speech ? { ...s, speech: f(s.speech), ...(status ? { status } : {}) } : s))
}

export function fold(state: MeetingState, events: readonly MeetingEvent[]): MeetingState {
  return events.reduce(evolve, state)
}

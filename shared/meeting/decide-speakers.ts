import { fail, ok, type Result } from '../errors'
import type { CommandOf, CommandType } from './commands'
import type { DecideContext, Deciders } from './decide'
import { newPetition } from './decide-petitions'
import type { EventDraft } from './events'
import { resolvedStatuses, type MeetingState, type Speaker } from './model'

function find(state: MeetingState, no: number): Result<Speaker> {
  const s = state.speakers.find((x) => x.no === no)
  return s ? ok(s) : fail('SPEAKER_NOT_FOUND', `Không tìm thấy người đăng ký số ${no}.`)
}

function current(state: MeetingState): Result<Speaker> {
  const s = state.speakers.find((x) => x.no === state.currentSpeakerNo)
  return s ? ok(s) : fail('NO_CURRENT_SPEAKER')
}

function checkPetitions(state: MeetingState, nos: readonly number[]): Result<number[]> {
  const unique = [...new Set(nos)]
  const missing = unique.filter((no) => !state.petitions.some((p) => p.no === no))
  return missing.length ? fail('PETITION_NOT_FOUND', `Không tìm thấy kiến nghị số ${missing.join(', ')}.`) : ok(unique)
}

function newSpeaker(state: MeetingState, fields: Pick<Speaker, 'name' | 'unit' | 'petitionNos' | 'showName' | 'againOf'>, at: string): Speaker {
  return { no: state.speakers.length + 1, ...fields, status: 'waiting', registeredAt: at, calledAt: null, finishedAt: null, speech: null, summary: '' }
}

/**
 * Calling a speaker. The rule every screen states: calling someone while another person speaks
 * finishes that speech first. Calling in the opening or report phase moves the meeting to the
 * dialogue; and if nothing is under discussion, the speaker's first open petition comes up.
 */
function call(state: MeetingState, speaker: Speaker): EventDraft[] {
  const events: EventDraft[] = []
  if (state.currentSpeakerNo !== null) events.push({ type: 'speaker.finished', payload: { speakerNo: state.currentSpeakerNo } })
  if (state.phase === 'opening' || state.phase === 'report') events.push({ type: 'meeting.phase-changed', payload: { phase: 'dialogue' } })
  events.push({ type: 'speaker.called', payload: { speakerNo: speaker.no } })
  const discussed = state.petitions.find((p) => p.no === state.currentPetitionNo)
  const nothingOpen = !discussed || resolvedStatuses.includes(discussed.status)
  const next = speaker.petitionNos.map((no) => state.petitions.find((p) => p.no === no)).find((p) => p && p.status === 'waiting')
  if (nothingOpen && next) events.push({ type: 'petition.discussion-started', payload: { petitionNo: next.no } })
  return events
}

/**
 * Registers a speaker, with the petition they raise in the room if any: the desk's registration,
 * and a phone's request the secretary accepts. The events come as one batch, so there is never a
 * speaker without their petition.
 */
export function registerSpeaker(state: MeetingState, c: Omit<CommandOf<'speaker:register'>, 'type' | 'commandId'>, ctx: Pick<DecideContext, 'at'>): Result<EventDraft[]> {
  const linked = checkPetitions(state, c.petitionNos)
  if (!linked.ok) return linked
  const events: EventDraft[] = []
  let petitionNos = linked.data
  if (c.addedPetition) {
    // Confidentiality follows the person: a speaker who holds a confidential petition in this
    // meeting, or who did not consent to be shown, raises the new petition without their name
    // on any public screen, whatever was ticked for it. The secretary may change that later, on
    // the petition itself.
    const holdsConfidential = linked.data.some((no) => state.petitions.find((p) => p.no === no)?.confidential)
    const petition = newPetition(
      state,
      { origin: 'added', ...c.addedPetition, petitionerName: c.name, petitionerAddress: c.unit, representing: 0, showName: c.showName && !holdsConfidential },
      ctx.at,
    )
    events.push({ type: 'petition.recorded', payload: { petition } })
    petitionNos = [...petitionNos, petition.no]
  }
  const speaker = newSpeaker(state, { name: c.name, unit: c.unit, petitionNos, showName: c.showName, againOf: null }, ctx.at)
  events.push({ type: 'speaker.registered', payload: { speaker } })
  return ok(events)
}

export const speakerDeciders: Deciders<Extract<CommandType, `speaker:${string}`>> = {
  'speaker:register': (state, c, ctx) => {
    if (!state.registrationOpen) return fail('REGISTRATION_CLOSED')
    return registerSpeaker(state, c, ctx)
  },

  'speaker:edit': (state, c) => {
    const found = find(state, c.speakerNo)
    if (!found.ok) return found
    const linked = checkPetitions(state, c.petitionNos)
    if (!linked.ok) return linked
    const speaker = { ...found.data, name: c.name, unit: c.unit, petitionNos: linked.data, showName: c.showName }
    return ok([{ type: 'speaker.edited', payload: { speaker } }])
  },

  'speaker:move': (state, c) => {
    const found = find(state, c.speakerNo)
    if (!found.ok) return found
    const from = state.queue.indexOf(c.speakerNo)
    if (from < 0) return fail('SPEAKER_NOT_WAITING')
    const rest = state.queue.filter((no) => no !== c.speakerNo)
    const to = Math.min(c.position, rest.length)
    if (to === from) return fail('NO_CHANGE', 'Thứ tự không thay đổi.')
    const queue = [...rest.slice(0, to), c.speakerNo, ...rest.slice(to)]
    return ok([{ type: 'speaker.queue-reordered', payload: { queue } }])
  },

  'speaker:withdraw': (state, c) => {
    const found = find(state, c.speakerNo)
    if (!found.ok) return found
    if (found.data.status !== 'waiting' && found.data.status !== 'called') return fail('SPEAKER_NOT_WAITING')
    return ok([{ type: 'speaker.withdrawn', payload: { speakerNo: c.speakerNo } }])
  },

  'speaker:readd': (state, c, ctx) => {
    let original: Speaker | undefined
    if (c.speakerNo !== undefined) {
      const found = find(state, c.speakerNo)
      if (!found.ok) return found
      original = found.data
    } else {
      // "The last speaker": the one who finished most recently, or the one speaking now.
      original = [...state.speakers].filter((s) => s.finishedAt).sort((a, b) => (a.finishedAt! < b.finishedAt! ? -1 : 1)).pop()
      original ??= state.speakers.find((s) => s.no === state.currentSpeakerNo)
    }
    if (!original) return fail('NO_SPEAKER_TO_READD')
    const root = original.againOf ?? original.no
    const speaker = newSpeaker(
      state,
      { name: original.name, unit: original.unit, petitionNos: original.petitionNos, showName: original.showName, againOf: root },
      ctx.at,
    )
    const events: EventDraft[] = [{ type: 'speaker.registered', payload: { speaker } }]
    if (c.position === 'next' && state.queue.length) {
      events.push({ type: 'speaker.queue-reordered', payload: { queue: [speaker.no, ...state.queue] } })
    }
    return ok(events)
  },

  'speaker:call-next': (state) => {
    const nextNo = state.queue[0]
    if (nextNo === undefined) return fail('QUEUE_EMPTY')
    const next = find(state, nextNo)
    return next.ok ? ok(call(state, next.data)) : next
  },

  'speaker:call': (state, c) => {
    const found = find(state, c.speakerNo)
    if (!found.ok) return found
    if (!state.queue.includes(c.speakerNo)) return fail('SPEAKER_NOT_WAITING')
    return ok(call(state, found.data))
  },

  'speaker:start': (state) => {
    const s = current(state)
    if (!s.ok) return s
    if (s.data.status !== 'called') return fail('SPEECH_ALREADY_RUNNING', s.data.status === 'paused' ? 'Lượt phát biểu đang tạm dừng: chọn «Tiếp tục».' : undefined)
    return ok([{ type: 'speaker.started', payload: { speakerNo: s.data.no, limitSec: state.speakingLimitSec } }])
  },

  'speaker:pause': (state) => {
    const s = current(state)
    if (!s.ok) return s
    if (s.data.status !== 'speaking') return fail('SPEECH_NOT_RUNNING')
    return ok([{ type: 'speaker.paused', payload: { speakerNo: s.data.no } }])
  },

  'speaker:resume': (state) => {
    const s = current(state)
    if (!s.ok) return s
    if (s.data.status !== 'paused') return fail('SPEECH_NOT_PAUSED')
    return ok([{ type: 'speaker.resumed', payload: { speakerNo: s.data.no } }])
  },

  'speaker:extend': (state, c) => {
    const s = current(state)
    if (!s.ok) return s
    if (!s.data.speech) return fail('SPEECH_NOT_STARTED')
    return ok([{ type: 'speaker.extended', payload: { speakerNo: s.data.no, seconds: c.seconds } }])
  },

  'speaker:finish': (state) => {
    const s = current(state)
    if (!s.ok) return s
    return ok([{ type: 'speaker.finished', payload: { speakerNo: s.data.no } }])
  },

  'speaker:summarize': (state, c) => {
    const found = find(state, c.speakerNo)
    if (!found.ok) return found
    return ok([{ type: 'speaker.summarized', payload: { speakerNo: c.speakerNo, summary: c.summary } }])
  },
}

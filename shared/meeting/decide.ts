import { fail, ok, type Result } from '../errors'
import type { Command, CommandOf } from './commands'
import type { EventDraft } from './events'
import type { MeetingState } from './model'

// decide: state + command → events | error. Pure: the clock comes in as `at`, numbering comes from
// the state, so the same inputs always give the same events.
export interface DecideContext {
  at: string
}

export function decide(state: MeetingState, command: Command, ctx: DecideContext): Result<EventDraft[]> {
  switch (command.type) {
    case 'petition:record':
      return recordPetition(state, command, ctx)
    case 'speaker:register':
      return registerSpeaker(state, command, ctx)
    case 'speaker:call-next':
      return callNextSpeaker(state)
    case 'speaker:finish':
      return finishSpeech(state)
  }
}

function recordPetition(state: MeetingState, c: CommandOf<'petition:record'>, ctx: DecideContext): Result<EventDraft[]> {
  const no = state.petitions.length + 1
  return ok([
    {
      type: 'petition.recorded',
      payload: {
        petition: {
          no,
          origin: c.origin,
          field: c.field,
          title: c.title,
          content: c.content,
          petitionerName: c.petitionerName,
          petitionerAddress: c.petitionerAddress,
          confidential: c.confidential,
          status: 'waiting',
          recordedAt: ctx.at,
        },
      },
    },
  ])
}

function registerSpeaker(state: MeetingState, c: CommandOf<'speaker:register'>, ctx: DecideContext): Result<EventDraft[]> {
  const petitionNos = [...new Set(c.petitionNos)]
  const missing = petitionNos.filter((no) => !state.petitions.some((p) => p.no === no))
  if (missing.length) {
    return fail('PETITION_NOT_FOUND', `Không tìm thấy kiến nghị số ${missing.join(', ')}.`)
  }
  return ok([
    {
      type: 'speaker.registered',
      payload: {
        speaker: {
          no: state.speakers.length + 1,
          name: c.name,
          unit: c.unit,
          petitionNos,
          status: 'waiting',
          registeredAt: ctx.at,
          calledAt: null,
          finishedAt: null,
        },
      },
    },
  ])
}

// The rule every screen states: calling the next speaker while someone speaks finishes that speech.
function callNextSpeaker(state: MeetingState): Result<EventDraft[]> {
  const next = state.speakers.find((s) => s.status === 'waiting')
  if (!next) return fail('QUEUE_EMPTY')
  const events: EventDraft[] = []
  if (state.currentSpeakerNo !== null) {
    events.push({ type: 'speaker.finished', payload: { speakerNo: state.currentSpeakerNo } })
  }
  events.push({ type: 'speaker.called', payload: { speakerNo: next.no } })
  return ok(events)
}

function finishSpeech(state: MeetingState): Result<EventDraft[]> {
  if (state.currentSpeakerNo === null) return fail('NO_CURRENT_SPEAKER')
  return ok([{ type: 'speaker.finished', payload: { speakerNo: state.currentSpeakerNo } }])
}

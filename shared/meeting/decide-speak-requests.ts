import { fail, ok, type Result } from '../errors'
import { speakRequestLimits, type CommandType } from './commands'
import type { Deciders } from './decide'
import { registerSpeaker } from './decide-speakers'
import type { MeetingState, SpeakRequest } from './model'
import { waitingRequestCount } from './speak-requests'

// Requests to speak from attendees' phones: a second registration desk. A phone submits and may
// withdraw while the request waits; the secretary accepts it (registering the speaker, and a new
// petition raised in the room, in the same batch) or declines it with a reason.

const chooseSomething = 'Hãy chọn kiến nghị muốn phát biểu, hoặc ghi nội dung mới, hoặc chọn «Giữ bí mật».'

function find(state: MeetingState, requestId: string): Result<SpeakRequest> {
  const r = state.speakRequests.find((x) => x.requestId === requestId)
  return r ? ok(r) : fail('SPEAK_REQUEST_NOT_FOUND')
}

function findWaiting(state: MeetingState, requestId: string): Result<SpeakRequest> {
  const r = find(state, requestId)
  if (r.ok && r.data.status !== 'waiting') return fail('SPEAK_REQUEST_DECIDED')
  return r
}

export const speakRequestDeciders: Deciders<Extract<CommandType, `speak-request:${string}`>> = {
  'speak-request:submit': (state, c, ctx) => {
    if (!state.registrationOpen) return fail('REGISTRATION_CLOSED')
    if (state.speakRequests.some((r) => r.requestId === c.requestId)) return fail('SPEAK_REQUEST_EXISTS')
    if (waitingRequestCount(state) >= speakRequestLimits.waitingPerMeeting) return fail('SPEAK_REQUESTS_FULL')
    if (!c.confidential && !c.newPetition && c.petitionNos.length === 0) return fail('VALIDATION_FAILED', chooseSomething, { petitionNos: chooseSomething })
    const unique = [...new Set(c.petitionNos)]
    const missing = unique.filter((no) => !state.petitions.some((p) => p.no === no))
    if (missing.length) {
      const message = `Không tìm thấy kiến nghị số ${missing.join(', ')}.`
      return fail('PETITION_NOT_FOUND', message, { petitionNos: message })
    }
    const request: SpeakRequest = {
      requestId: c.requestId,
      secret: c.secret,
      name: c.name,
      unit: c.unit,
      // Confidential: the person is not named on any screen, whatever was ticked.
      showName: c.showName && !c.confidential,
      petitionNos: unique,
      newPetition: c.newPetition ?? null,
      confidential: c.confidential,
      status: 'waiting',
      speakerNo: null,
      reason: '',
      submittedAt: ctx.at,
      decidedAt: null,
    }
    return ok([{ type: 'speak-request.submitted', payload: { request } }])
  },

  'speak-request:withdraw': (state, c) => {
    // Another phone's request, or a wrong secret, is answered as not found: nothing tells a
    // stranger that the id exists.
    const found = state.speakRequests.find((r) => r.requestId === c.requestId && r.secret === c.secret)
    if (!found) return fail('SPEAK_REQUEST_NOT_FOUND')
    if (found.status !== 'waiting') return fail('SPEAK_REQUEST_DECIDED')
    return ok([{ type: 'speak-request.withdrawn', payload: { requestId: c.requestId } }])
  },

  'speak-request:accept': (state, c, ctx) => {
    // Accepted even if registration closed meanwhile: the person asked while it was open.
    const found = findWaiting(state, c.requestId)
    if (!found.ok) return found
    let fields = { name: c.name, unit: c.unit, petitionNos: c.petitionNos, showName: c.showName, addedPetition: c.addedPetition }
    if (found.data.confidential) {
      // Confidentiality follows the person: their new petition is confidential and they are not
      // named, whatever the form said; without one, they must hold a confidential petition, so
      // that the speaker is withheld from public screens too (redact.ts).
      const holdsConfidential = c.petitionNos.some((no) => state.petitions.find((p) => p.no === no)?.confidential)
      if (!c.addedPetition && !holdsConfidential) return fail('SPEAK_REQUEST_NEEDS_CONFIDENTIAL')
      fields = { ...fields, showName: false, addedPetition: c.addedPetition && { ...c.addedPetition, confidential: true } }
    }
    const registered = registerSpeaker(state, fields, ctx)
    if (!registered.ok) return registered
    const speaker = registered.data.find((e) => e.type === 'speaker.registered')
    if (speaker?.type !== 'speaker.registered') return fail('INTERNAL')
    return ok([...registered.data, { type: 'speak-request.accepted', payload: { requestId: c.requestId, speakerNo: speaker.payload.speaker.no } }])
  },

  'speak-request:decline': (state, c) => {
    const found = findWaiting(state, c.requestId)
    if (!found.ok) return found
    return ok([{ type: 'speak-request.declined', payload: { requestId: c.requestId, reason: c.reason } }])
  },
}

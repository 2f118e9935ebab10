import { fail, ok } from '../errors'
import type { LogCommandType } from './commands'
import type { Deciders } from './decide'
import type { EventDraft } from './events'
import { openPetitions } from './selectors'
import { waitingRequestCount } from './speak-requests'

export const meetingDeciders: Deciders<Extract<LogCommandType, `meeting:${string}` | `registration:${string}` | `projector:${string}`>> = {
  // The first event of every log. The log decides it on the empty state of a new meeting id; on
  // any other state it is refused, so no meeting is ever created twice over.
  'meeting:create': (state, c) => {
    if (state.seq > 0) return fail('NO_CHANGE', 'Hội nghị này đã được tạo rồi.')
    const { title, venue, meetingDate, chairName, chairTitle, secretaryName, level, audience, form } = c
    const details = { meetingDate, chairName, chairTitle, delegated: false, secretaryName, level, audience, form }
    return ok([{ type: 'meeting.created', payload: { title, venue, details } }])
  },

  'meeting:update-details': (state, c) => {
    const { title, venue, meetingDate, chairName, chairTitle, delegated, secretaryName, level } = c
    const audience = c.audience ?? state.details.audience
    const form = c.form ?? state.details.form
    const delegatedBy = c.delegatedBy ?? state.details.delegatedBy
    const bases = c.bases ?? state.details.bases
    const attendance = c.attendance ?? state.details.attendance
    const details = {
      meetingDate,
      chairName,
      chairTitle,
      delegated,
      secretaryName,
      level,
      ...(audience ? { audience } : {}),
      ...(form ? { form } : {}),
      ...(delegatedBy ? { delegatedBy } : {}),
      ...(bases ? { bases } : {}),
      ...(attendance ? { attendance } : {}),
    }
    return ok([{ type: 'meeting.details-updated', payload: { title, venue, details } }])
  },

  'meeting:set-phase': (state, c) => {
    if (c.phase === state.phase) return fail('NO_CHANGE', 'Hội nghị đang ở phần này rồi.')
    // Every petition is decided before the meeting closes: answered, committed to a unit with a
    // deadline, forwarded, or set aside with the reason. None silently falls out of the record.
    const open = openPetitions(state)
    if (c.phase === 'closed' && open.length) {
      const list = open.map((p) => `KN ${p.no}`).join(', ')
      return fail('OPEN_PETITIONS', `Còn ${open.length} kiến nghị chưa xử lý (${list}). Hãy giao đơn vị trả lời có thời hạn, hoặc ghi lý do không xem xét tại hội nghị, rồi bế mạc.`)
    }
    // Likewise a request to speak sent from a phone: someone in the hall is waiting for an answer,
    // perhaps with a new petition only the secretary has read.
    const waiting = waitingRequestCount(state)
    if (c.phase === 'closed' && waiting) {
      return fail('REQUESTS_WAITING', `Còn ${waiting} đăng ký phát biểu từ điện thoại chưa xem. Hãy nhận hoặc từ chối (có lý do) từng đăng ký, rồi bế mạc.`)
    }
    const events: EventDraft[] = []
    // Closing the meeting ends the speech in progress: nothing stays "speaking" in the record.
    if (c.phase === 'closed' && state.currentSpeakerNo !== null) {
      events.push({ type: 'speaker.finished', payload: { speakerNo: state.currentSpeakerNo } })
    }
    events.push({ type: 'meeting.phase-changed', payload: { phase: c.phase } })
    return ok(events)
  },

  'meeting:set-speaking-limit': (state, c) => {
    return ok([{ type: 'meeting.speaking-limit-set', payload: { seconds: c.seconds } }])
  },

  'meeting:set-programme': (state, c) => {
    return ok([{ type: 'meeting.programme-set', payload: { items: c.items } }])
  },

  'meeting:record-conclusion': (state, c) => {
    return ok([{ type: 'meeting.conclusion-recorded', payload: { text: c.text } }])
  },

  'registration:close': (state) => {
    if (!state.registrationOpen) return fail('NO_CHANGE', 'Đăng ký phát biểu đã khóa rồi.')
    return ok([{ type: 'registration.closed', payload: {} }])
  },

  'registration:reopen': (state) => {
    if (state.registrationOpen) return fail('NO_CHANGE', 'Đăng ký phát biểu đang mở.')
    return ok([{ type: 'registration.reopened', payload: {} }])
  },

  'projector:show': (state, c) => {
    return ok([{ type: 'projector.switched', payload: { mode: c.mode, announcement: c.announcement } }])
  },

  'projector:assign': (state, c, ctx) => {
    const device = ctx.projectors?.find((d) => d.id === c.deviceId)
    if (!device) return fail('PROJECTOR_NOT_FOUND')
    const own = (state.projector.screens ?? []).find((x) => x.deviceId === c.deviceId)
    if ((own?.mode ?? null) === c.mode) return fail('NO_CHANGE', 'Màn hình này đang hiện nội dung đó rồi.')
    return ok([{ type: 'projector.assigned', payload: { deviceId: device.id, label: device.label, mode: c.mode } }])
  },
}

import { errorMessages, fail, ok, type Result } from '../errors'
import { deadlineRules, defaultWrittenAnswerDue } from './rules'
import { addDays, isWorkingDay, nextWorkingDayOnOrAfter, vietnamDate, type HolidayCalendar } from '../calendar/working-days'
import { formatDateVi } from './selectors'
import { resolveAnswerer } from './answerers'
import type { CommandOf, CommandType } from './commands'
import type { Deciders } from './decide'
import type { EventDraft } from './events'
import { resolvedStatuses, type MeetingState, type Petition, type WrittenAnswerCommitment } from './model'

function find(state: MeetingState, no: number): Result<Petition> {
  const p = state.petitions.find((x) => x.no === no)
  return p ? ok(p) : fail('PETITION_NOT_FOUND', `Không tìm thấy kiến nghị số ${no}.`)
}

const isResolved = (p: Petition) => resolvedStatuses.includes(p.status)

/** The petition must still be open for a decision. */
function findOpen(state: MeetingState, no: number): Result<Petition> {
  const p = find(state, no)
  if (p.ok && isResolved(p.data)) return fail('PETITION_RESOLVED', `Kiến nghị số ${no} đã có kết quả xử lý. Mở lại nếu cần thay đổi.`)
  return p
}

/** Deciding on a petition that is not the one under discussion brings it under discussion first. */
function discussFirst(state: MeetingState, p: Petition): EventDraft[] {
  return state.currentPetitionNo === p.no && p.status === 'discussing' ? [] : [{ type: 'petition.discussion-started', payload: { petitionNo: p.no } }]
}

export function newPetition(state: MeetingState, c: Omit<CommandOf<'petition:record'>, 'type' | 'commandId'>, at: string): Petition {
  return {
    no: state.petitions.length + 1,
    origin: c.origin,
    field: c.field,
    title: c.title,
    content: c.content,
    petitionerName: c.petitionerName,
    petitionerAddress: c.petitionerAddress,
    representing: c.representing,
    confidential: c.confidential,
    showName: c.showName,
    status: 'waiting',
    answerer: null,
    answer: null,
    writtenAnswer: null,
    forwardedTo: '',
    mergedInto: null,
    conclusion: '',
    setAsideReason: '',
    preparedAnswers: [],
    recordedAt: at,
  }
}

/** The longest a chair may commit a unit to: a year after the meeting (the rules speak of weeks). */
const maxDueDays = 366
const weekdayNames = ['Chủ nhật', 'thứ Bảy'] as const

/**
 * A due date chosen in the room must be after the meeting, within a year of it, and a working day:
 * a deadline on a Sunday or a holiday is one nobody can meet on the day, so the chair is offered
 * the next working day instead.
 */
function dueDateRefusal(dueDate: string, from: string, calendar: HolidayCalendar) {
  // The field is named, so a form can show the message next to the date.
  const refuse = (code: 'DUE_DATE_IN_PAST' | 'DUE_DATE_TOO_LATE' | 'DUE_DATE_DAY_OFF', message = errorMessages[code]) => fail(code, message, { dueDate: message })
  if (dueDate <= from) return refuse('DUE_DATE_IN_PAST')
  if (dueDate > addDays(from, maxDueDays)) return refuse('DUE_DATE_TOO_LATE')
  if (isWorkingDay(dueDate, calendar)) return null
  const weekday = new Date(`${dueDate}T00:00:00Z`).getUTCDay()
  const what = weekday === 0 ? weekdayNames[0] : weekday === 6 ? weekdayNames[1] : 'ngày nghỉ lễ'
  const next = nextWorkingDayOnOrAfter(dueDate, calendar)
  return refuse('DUE_DATE_DAY_OFF', `Ngày ${formatDateVi(dueDate)} là ${what}, không phải ngày làm việc. Hãy chọn một ngày làm việc, ví dụ ${formatDateVi(next)}.`)
}

export const petitionDeciders: Deciders<Extract<CommandType, `petition:${string}`>> = {
  'petition:record': (state, c, ctx) => {
    return ok([{ type: 'petition.recorded', payload: { petition: newPetition(state, c, ctx.at) } }])
  },

  'petition:edit': (state, c) => {
    const found = find(state, c.petitionNo)
    if (!found.ok) return found
    const { origin, field, title, content, petitionerName, petitionerAddress, representing, confidential, showName } = c
    const petition = { ...found.data, origin, field, title, content, petitionerName, petitionerAddress, representing, confidential, showName, preparedAnswers: [] }
    const speakers = state.speakers.filter((s) => s.petitionNos.includes(c.petitionNo))
    return ok([{ type: 'petition.edited', payload: { petition, speakers } }])
  },

  'petition:prepare-answer': (state, c) => {
    const found = find(state, c.petitionNo)
    if (!found.ok) return found
    return ok([{ type: 'petition.answer-prepared', payload: { petitionNo: c.petitionNo, answer: { unitName: c.unitName, text: c.text } } }])
  },

  'petition:discuss': (state, c) => {
    const found = findOpen(state, c.petitionNo)
    if (!found.ok) return found
    const events = discussFirst(state, found.data)
    return events.length ? ok(events) : fail('NO_CHANGE', `Kiến nghị số ${c.petitionNo} đang được thảo luận.`)
  },

  'petition:assign-answerer': (state, c, ctx) => {
    const found = findOpen(state, c.petitionNo)
    if (!found.ok) return found
    const answerer = resolveAnswerer(c.answerer, state, ctx.directory)
    if (!answerer.ok) return answerer
    return ok([...discussFirst(state, found.data), { type: 'petition.answerer-assigned', payload: { petitionNo: c.petitionNo, answerer: answerer.data } }])
  },

  'petition:record-answer': (state, c, ctx) => {
    const found = findOpen(state, c.petitionNo)
    if (!found.ok) return found
    let answerer = found.data.answerer
    if (c.answerer || !answerer) {
      const resolved = resolveAnswerer(c.answerer ?? { kind: 'chair' }, state, ctx.directory)
      if (!resolved.ok) return resolved
      answerer = resolved.data
    }
    return ok([...discussFirst(state, found.data), { type: 'petition.answered', payload: { petitionNo: c.petitionNo, answerer, summary: c.summary } }])
  },

  'petition:commit-written-answer': (state, c, ctx) => {
    const found = findOpen(state, c.petitionNo)
    if (!found.ok) return found
    const unit = ctx.directory.units.find((u) => u.id === c.unitId)
    if (!unit) return fail('UNIT_NOT_FOUND')
    const today = vietnamDate(ctx.at)
    const from = state.details.meetingDate || today
    if (c.dueDate !== undefined) {
      const refused = dueDateRefusal(c.dueDate, from, ctx.calendar)
      if (refused) return refused
    }
    // A date chosen in the room stands as chosen. Without one, the rules' period counts from the
    // day the conclusion notice is issued: until then the date is the estimate from the latest day
    // the notice may be issued, and the issue fixes it (notice.issued).
    const commitment: WrittenAnswerCommitment =
      c.dueDate !== undefined
        ? { unitId: unit.id, unitName: unit.name, dueDate: c.dueDate, form: c.form }
        : {
            unitId: unit.id,
            unitName: unit.name,
            dueDate: defaultWrittenAnswerDue(state.details, today, ctx.calendar, ctx.rules),
            form: c.form,
            dueRule: { workingDays: (ctx.rules ?? deadlineRules)[state.details.level].resultWorkingDays },
          }
    return ok([...discussFirst(state, found.data), { type: 'petition.written-answer-committed', payload: { petitionNo: c.petitionNo, commitment } }])
  },

  'petition:forward': (state, c) => {
    const found = findOpen(state, c.petitionNo)
    if (!found.ok) return found
    return ok([...discussFirst(state, found.data), { type: 'petition.forwarded', payload: { petitionNo: c.petitionNo, body: c.body } }])
  },

  'petition:withdraw': (state, c) => {
    const found = findOpen(state, c.petitionNo)
    if (!found.ok) return found
    return ok([{ type: 'petition.withdrawn', payload: { petitionNo: c.petitionNo } }])
  },

  'petition:merge': (state, c) => {
    const found = findOpen(state, c.petitionNo)
    if (!found.ok) return found
    const into = find(state, c.intoNo)
    if (!into.ok) return into
    if (c.intoNo === c.petitionNo || into.data.status === 'merged') return fail('INVALID_MERGE')
    return ok([{ type: 'petition.merged', payload: { petitionNo: c.petitionNo, intoNo: c.intoNo } }])
  },

  'petition:conclude': (state, c) => {
    const found = find(state, c.petitionNo)
    if (!found.ok) return found
    if (!isResolved(found.data)) return fail('PETITION_NOT_RESOLVED')
    return ok([{ type: 'petition.concluded', payload: { petitionNo: c.petitionNo, conclusion: c.conclusion } }])
  },

  'petition:set-aside': (state, c) => {
    const found = findOpen(state, c.petitionNo)
    if (!found.ok) return found
    return ok([{ type: 'petition.set-aside', payload: { petitionNo: c.petitionNo, reason: c.reason } }])
  },

  'petition:reopen': (state, c) => {
    const found = find(state, c.petitionNo)
    if (!found.ok) return found
    if (!isResolved(found.data)) return fail('PETITION_NOT_RESOLVED', `Kiến nghị số ${c.petitionNo} chưa có kết quả để mở lại.`)
    return ok([{ type: 'petition.reopened', payload: { petitionNo: c.petitionNo } }])
  },
}

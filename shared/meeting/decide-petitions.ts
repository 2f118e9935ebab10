import { fail, ok, type Result } from '../errors'
import { defaultWrittenAnswerDue } from './rules'
import { vietnamDate } from '../calendar/working-days'
import { resolveAnswerer } from './answerers'
import type { Command, CommandOf } from './commands'
import type { DecideContext } from './decide'
import type { EventDraft } from './events'
import { resolvedStatuses, type MeetingState, type Petition } from './model'

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
    preparedAnswers: [],
    recordedAt: at,
  }
}

export function decidePetition(state: MeetingState, c: Command, ctx: DecideContext): Result<EventDraft[]> {
  switch (c.type) {
    case 'petition:record':
      return ok([{ type: 'petition.recorded', payload: { petition: newPetition(state, c, ctx.at) } }])

    case 'petition:edit': {
      const found = find(state, c.petitionNo)
      if (!found.ok) return found
      const { origin, field, title, content, petitionerName, petitionerAddress, representing, confidential, showName } = c
      const petition = { ...found.data, origin, field, title, content, petitionerName, petitionerAddress, representing, confidential, showName }
      const speakers = state.speakers.filter((s) => s.petitionNos.includes(c.petitionNo))
      return ok([{ type: 'petition.edited', payload: { petition, speakers } }])
    }

    case 'petition:prepare-answer': {
      const found = find(state, c.petitionNo)
      if (!found.ok) return found
      const preparedAnswers = [...found.data.preparedAnswers, { unitName: c.unitName, text: c.text }]
      return ok([{ type: 'petition.answer-prepared', payload: { petitionNo: c.petitionNo, preparedAnswers } }])
    }

    case 'petition:discuss': {
      const found = findOpen(state, c.petitionNo)
      if (!found.ok) return found
      const events = discussFirst(state, found.data)
      return events.length ? ok(events) : fail('NO_CHANGE', `Kiến nghị số ${c.petitionNo} đang được thảo luận.`)
    }

    case 'petition:assign-answerer': {
      const found = findOpen(state, c.petitionNo)
      if (!found.ok) return found
      const answerer = resolveAnswerer(c.answerer, state, ctx.directory)
      if (!answerer.ok) return answerer
      return ok([...discussFirst(state, found.data), { type: 'petition.answerer-assigned', payload: { petitionNo: c.petitionNo, answerer: answerer.data } }])
    }

    case 'petition:record-answer': {
      const found = findOpen(state, c.petitionNo)
      if (!found.ok) return found
      let answerer = found.data.answerer
      if (c.answerer || !answerer) {
        const resolved = resolveAnswerer(c.answerer ?? { kind: 'chair' }, state, ctx.directory)
        if (!resolved.ok) return resolved
        answerer = resolved.data
      }
      return ok([...discussFirst(state, found.data), { type: 'petition.answered', payload: { petitionNo: c.petitionNo, answerer, summary: c.summary } }])
    }

    case 'petition:commit-written-answer': {
      const found = findOpen(state, c.petitionNo)
      if (!found.ok) return found
      const unit = ctx.directory.units.find((u) => u.id === c.unitId)
      if (!unit) return fail('UNIT_NOT_FOUND')
      const today = vietnamDate(ctx.at)
      const from = state.details.meetingDate || today
      if (c.dueDate !== undefined && c.dueDate <= from) return fail('DUE_DATE_IN_PAST')
      const dueDate = c.dueDate ?? defaultWrittenAnswerDue(state.details, today, ctx.calendar, ctx.rules)
      return ok([
        ...discussFirst(state, found.data),
        { type: 'petition.written-answer-committed', payload: { petitionNo: c.petitionNo, commitment: { unitId: unit.id, unitName: unit.name, dueDate, form: c.form } } },
      ])
    }

    case 'petition:forward': {
      const found = findOpen(state, c.petitionNo)
      if (!found.ok) return found
      return ok([...discussFirst(state, found.data), { type: 'petition.forwarded', payload: { petitionNo: c.petitionNo, body: c.body } }])
    }

    case 'petition:withdraw': {
      const found = findOpen(state, c.petitionNo)
      if (!found.ok) return found
      return ok([{ type: 'petition.withdrawn', payload: { petitionNo: c.petitionNo } }])
    }

    case 'petition:merge': {
      const found = findOpen(state, c.petitionNo)
      if (!found.ok) return found
      const into = find(state, c.intoNo)
      if (!into.ok) return into
      if (c.intoNo === c.petitionNo || into.data.status === 'merged') return fail('INVALID_MERGE')
      return ok([{ type: 'petition.merged', payload: { petitionNo: c.petitionNo, intoNo: c.intoNo } }])
    }

    case 'petition:conclude': {
      const found = find(state, c.petitionNo)
      if (!found.ok) return found
      if (!isResolved(found.data)) return fail('PETITION_NOT_RESOLVED')
      return ok([{ type: 'petition.concluded', payload: { petitionNo: c.petitionNo, conclusion: c.conclusion } }])
    }

    case 'petition:reopen': {
      const found = find(state, c.petitionNo)
      if (!found.ok) return found
      if (!isResolved(found.data)) return fail('PETITION_NOT_RESOLVED', `Kiến nghị số ${c.petitionNo} chưa có kết quả để mở lại.`)
      return ok([{ type: 'petition.reopened', payload: { petitionNo: c.petitionNo } }])
    }

    default:
      return fail('UNKNOWN_COMMAND')
  }
}

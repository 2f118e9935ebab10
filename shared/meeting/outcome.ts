import { answererLabel } from './answerers'
import type { MeetingState, Petition } from './model'
import { formatDateVi, petitionCounts } from './selectors'

// What became of a petition, in the words the screens and the chair's conclusions use. Shared by the
// chair's tablet (to prefill a conclusion), the projector (the outcome the hall sees) and, later,
// the minutes. Pure: everything comes from the petition as folded.

const formPhrase = { in_writing: 'trả lời bằng văn bản', in_person: 'trả lời trực tiếp' } as const

/**
 * One line for the screens: who answers or answered, the written-answer commitment, the body it was
 * forwarded to. Null while nothing is decided and nobody is assigned.
 */
export function petitionOutcome(p: Petition): string | null {
  switch (p.status) {
    case 'answered': {
      const who = p.answer?.answerer ?? p.answerer
      return who ? `Đã trả lời tại hội nghị: ${answererLabel(who)}` : 'Đã trả lời tại hội nghị'
    }
    case 'written_answer':
      return p.writtenAnswer
        ? `Giao ${p.writtenAnswer.unitName} ${formPhrase[p.writtenAnswer.form]}, hạn chậm nhất ${formatDateVi(p.writtenAnswer.dueDate)}`
        : 'Giao trả lời sau'
    case 'forwarded':
      return p.forwardedTo ? `Vượt thẩm quyền: chuyển ${p.forwardedTo}` : 'Vượt thẩm quyền: chuyển cơ quan có thẩm quyền'
    case 'withdrawn':
      return 'Người kiến nghị đã rút kiến nghị'
    case 'merged':
      return p.mergedInto !== null ? `Đã gộp vào KN ${p.mergedInto}` : 'Đã gộp với kiến nghị khác'
    case 'set_aside':
      return p.setAsideReason ? `Không xem xét tại hội nghị: ${p.setAsideReason.replace(/[.\s]+$/, '')}` : 'Không xem xét tại hội nghị'
    case 'waiting':
    case 'discussing':
      return p.answerer ? `Giao ${answererLabel(p.answerer)} trả lời` : null
  }
}

/** A conclusion the chair can accept as is or edit: '' while the petition has no outcome. */
export function suggestedConclusion(p: Petition): string {
  switch (p.status) {
    case 'answered': {
      const who = p.answer?.answerer ?? p.answerer
      const summary = p.answer?.summary.trim() ?? ''
      const head = who ? `${answererLabel(who)} đã trả lời trực tiếp tại hội nghị` : 'Đã trả lời trực tiếp tại hội nghị'
      return summary ? `${head}: ${summary.replace(/[.\s]+$/, '')}.` : `${head}.`
    }
    case 'written_answer':
    case 'merged':
    case 'withdrawn':
    case 'set_aside':
      return `${petitionOutcome(p)}.`
    case 'forwarded':
      return `Vượt thẩm quyền của cơ quan; chuyển ${p.forwardedTo || 'cơ quan có thẩm quyền'} xem xét, giải quyết theo quy định.`
    case 'waiting':
    case 'discussing':
      return ''
  }
}

/**
 * A draft of the chair's closing conclusions: the tallies, then every commitment made in the room
 * (written answers with their unit and deadline, forwarded petitions), then what is still open.
 */
export function suggestedClosingConclusion(state: MeetingState): string {
  const c = petitionCounts(state)
  const lines = [
    `Hội nghị đã tiếp nhận ${c.total} kiến nghị (${c.registered} kiến nghị đã đăng ký, ${c.added} kiến nghị bổ sung tại hội nghị); ` +
      `đã trả lời trực tiếp ${c.answered} kiến nghị, giao trả lời sau ${c.writtenAnswer} kiến nghị, chuyển cơ quan có thẩm quyền ${c.forwarded} kiến nghị.`,
  ]
  const committed = state.petitions.filter((p) => p.status === 'written_answer' || p.status === 'forwarded')
  for (const p of committed) lines.push(`- KN ${p.no} (${p.title}): ${petitionOutcome(p)}.`)
  if (c.pending > 0) lines.push(`Còn ${c.pending} kiến nghị chưa được xem xét tại hội nghị.`)
  return lines.join('\n')
}

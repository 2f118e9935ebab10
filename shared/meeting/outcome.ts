import { answererLabel } from './answerers'
import { isProvisionalDue, type MeetingState, type Petition, type WrittenAnswerCommitment } from './model'
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
      return p.writtenAnswer ? `Giao ${p.writtenAnswer.unitName} ${formPhrase[p.writtenAnswer.form]}, ${commitmentDueText(p.writtenAnswer)}` : 'Giao trả lời sau'
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

/**
 * A commitment's deadline in words: the date chosen or fixed; or, while the notice is not issued,
 * the rule and the estimate ("hạn 15 ngày làm việc kể từ ngày ban hành thông báo kết luận, dự kiến 21/07/2026").
 */
export function commitmentDueText(c: WrittenAnswerCommitment): string {
  if (!isProvisionalDue(c)) return `hạn chậm nhất ${formatDateVi(c.dueDate)}`
  return `hạn ${c.dueRule!.workingDays} ngày làm việc kể từ ngày ban hành thông báo kết luận (dự kiến ${formatDateVi(c.dueDate)})`
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
  // The tallies and the commitments are stated by the minutes and the notice themselves (I and II):
  // the chair's conclusion says what the figures do not, so the notice never repeats them.
  const c = petitionCounts(state)
  const lines = ['Hội nghị diễn ra dân chủ, thẳng thắn, đúng chương trình, kế hoạch đề ra.']
  if (c.writtenAnswer + c.forwarded > 0) lines.push('- Các đơn vị được giao khẩn trương giải quyết, trả lời người kiến nghị đúng thời hạn.')
  if (c.pending > 0) lines.push(`Còn ${c.pending} kiến nghị chưa được xem xét tại hội nghị.`)
  return lines.join('\n')
}

import { answererLabel } from './answerers'
import { isProvisionalDue, type AnswerForm, type MeetingState, type Petition, type PetitionStatus, type WrittenAnswerCommitment } from './model'
import { formatDateVi, petitionCounts, type PetitionCountPart } from './selectors'

// What became of a petition, in one vocabulary for the screens (console, tablet, projector, phones)
// and the documents (minutes, notice, report): the status names, the count names, the phrases that
// go inside a sentence, and the lines and conclusions built from them. Pure: everything comes from
// the petition as folded. Screens and documents import these rather than spelling outcomes again.

/** A petition's status as the secretary's console and the chair's tablet name it. */
export const petitionStatusLabels: Record<PetitionStatus, string> = {
  waiting: 'Chờ thảo luận',
  discussing: 'Đang thảo luận',
  answered: 'Đã trả lời tại hội nghị',
  written_answer: 'Giao trả lời sau',
  forwarded: 'Vượt thẩm quyền, chuyển cơ quan khác',
  withdrawn: 'Rút kiến nghị',
  merged: 'Đã gộp',
  set_aside: 'Không xem xét tại hội nghị',
}

/** The same statuses in the short words of a list read from the back of the hall (projector, phones). */
export const hallStatusLabels: Record<PetitionStatus, string> = {
  waiting: 'Chờ xem xét',
  discussing: 'Đang xem xét',
  answered: 'Đã trả lời',
  written_answer: 'Trả lời sau',
  forwarded: 'Chuyển cơ quan khác',
  withdrawn: 'Đã rút',
  merged: 'Đã gộp',
  set_aside: 'Không xem xét tại hội nghị',
}

/** What each count is called on every screen. The parts add up to the total (selectors.ts). */
export const countLabels: Record<'registered' | 'added' | 'total' | PetitionCountPart, string> = {
  registered: 'Kiến nghị đã đăng ký',
  added: 'Kiến nghị bổ sung',
  total: 'Tổng số kiến nghị',
  answered: 'Trả lời tại hội nghị',
  writtenAnswer: 'Giao trả lời sau',
  forwarded: 'Chuyển cơ quan khác',
  setAside: 'Không xem xét tại hội nghị',
  withdrawnOrMerged: 'Rút hoặc gộp',
  pending: 'Chưa xử lý',
}

/**
 * The decided outcomes inside a sentence of the notice and the report ("trong đó trả lời trực tiếp
 * tại hội nghị 2, giao đơn vị trả lời sau hội nghị 1, …"): the same four counts as the screens'.
 */
export const tallyPhrases: Record<'answered' | 'writtenAnswer' | 'forwarded' | 'setAside', string> = {
  answered: 'trả lời trực tiếp tại hội nghị',
  writtenAnswer: 'giao đơn vị trả lời sau hội nghị',
  forwarded: 'chuyển cơ quan có thẩm quyền',
  setAside: 'không xem xét tại hội nghị',
}

/** How a unit is to answer, inside a sentence ("Giao Phòng Kinh tế trả lời bằng văn bản, …"). */
export const answerFormPhrases: Record<AnswerForm, string> = { in_writing: 'trả lời bằng văn bản', in_person: 'trả lời trực tiếp' }

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
      return p.writtenAnswer ? `Giao ${p.writtenAnswer.unitName} ${answerFormPhrases[p.writtenAnswer.form]}, ${commitmentDueText(p.writtenAnswer)}` : 'Giao trả lời sau'
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

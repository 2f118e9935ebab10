import { addWorkingDays, type HolidayCalendar } from '../calendar/working-days'
import { answererLabel } from '../meeting/answerers'
import { meetingAudience, type MeetingAudience, type MeetingDetails, type MeetingState, type Petition, type WrittenAnswerCommitment } from '../meeting/model'
import { deadlineRules, type DeadlineRuleSet } from '../meeting/rules'
import { answerFormPhrases, tallyPhrases } from '../meeting/outcome'
import { formatDateVi, petitionCounts } from '../meeting/selectors'
import { inSentence } from './text'
import { headerOf, type AdministrativeDocument, type DocumentBlock, type OfficeProfile, type SignatureBlock } from './model'

// The conclusion notice (Thông báo kết luận), in the shape of the 2025 notice of the Văn phòng UBND
// tỉnh Sơn La in docs/seeds/: the "Thực hiện …" paragraph with the legal bases, what was held, I. the
// results of the dialogue, II. who must do what ("Giao <unit>", with the office's standing
// assignments), the closing line, Nơi nhận and the signing block. Drafted from the meeting as
// recorded; the secretary edits it, finalises a version and issues it with a number and a date.
// It is published: a confidential petition appears by its number and field only.

/** The latest day the notice may be issued: 5 (office) / 7 (commune) working days after the meeting. */
export function noticeDueDate(details: MeetingDetails, calendar: HolidayCalendar, ruleSet: DeadlineRuleSet = deadlineRules): string | null {
  if (!details.meetingDate) return null
  return addWorkingDays(details.meetingDate, ruleSet[details.level].noticeWorkingDays, calendar)
}

/**
 * Who signs by default: a deputy chairing by delegation signs "KT. <head>"; a collective body's
 * head signs "TM. <body>"; otherwise the head in the office's name. The secretary may choose another
 * signer when issuing.
 */
export function defaultSignature(details: MeetingDetails, profile: Pick<OfficeProfile, 'headTitle' | 'deputyTitle' | 'collectiveBody'>): SignatureBlock {
  if (details.delegated && profile.deputyTitle) return { authority: `KT. ${profile.headTitle}`, position: profile.deputyTitle, name: details.chairName }
  if (profile.collectiveBody) return { authority: `TM. ${profile.collectiveBody}`, position: profile.headTitle, name: details.chairName }
  return { authority: '', position: profile.headTitle, name: details.chairName }
}

/** Whom the dialogue was with, as the seed's sentence names them. */
export const audienceInText: Record<MeetingAudience, string> = {
  staff: 'công chức, viên chức, người lao động',
  citizens: 'Nhân dân',
  procedures: 'tổ chức, cá nhân về giải quyết thủ tục hành chính',
}

/** A petition as the published notice names it: by its subject, or, when confidential, by number and field. */
export function petitionSubject(p: Petition): string {
  if (p.confidential) return `kiến nghị số ${p.no} (bảo mật${p.field ? `, lĩnh vực ${p.field}` : ''})`
  return `kiến nghị về ${inSentence(p.title)}`
}

/** The phrase that states a commitment's one deadline, and the rule it follows when it has one. */
export const DUE_RULE_PHRASE = 'ngày làm việc kể từ ngày ban hành Thông báo này'

/**
 * The deadline of a commitment as this notice states it. One commitment has one deadline, the one
 * follow-up tracks: a date chosen in the room stands as chosen; the rule's period counts from the
 * day the notice is issued (`issueDate`), and says so next to the date.
 */
export function commitmentDue(c: WrittenAnswerCommitment, issueDate: string, calendar: HolidayCalendar, issued: boolean): string {
  if (!c.dueRule) return `hạn chậm nhất ngày ${formatDateVi(c.dueDate)}`
  const date = issued || !issueDate ? c.dueDate : addWorkingDays(issueDate, c.dueRule.workingDays, calendar)
  return `hạn chậm nhất ngày ${formatDateVi(date)} (${c.dueRule.workingDays} ${DUE_RULE_PHRASE})`
}

/** "… (2 kiến nghị gửi trước hội nghị, 1 kiến nghị nêu tại hội nghị); trong đó …": the tallies, once. */
function tallies(state: MeetingState): string {
  const c = petitionCounts(state)
  const parts = [
    [c.answered, tallyPhrases.answered],
    [c.writtenAnswer, tallyPhrases.writtenAnswer],
    [c.forwarded, tallyPhrases.forwarded],
    // "không", as every screen and the report say: a petition set aside was decided on, not left over.
    [c.setAside, tallyPhrases.setAside],
  ] as const
  const outcomes = parts.filter(([n]) => n > 0).map(([n, what]) => `${what} ${n} kiến nghị`)
  const origins = [
    [c.registered, 'gửi trước hội nghị'],
    [c.added, 'nêu tại hội nghị'],
  ] as const
  const received = origins.filter(([n]) => n > 0).map(([n, how]) => `${n} kiến nghị ${how}`)
  return `Hội nghị đã tiếp nhận ${c.total} ý kiến, kiến nghị (${received.join(', ')})` + (outcomes.length ? `; trong đó ${outcomes.join(', ')}.` : '.')
}

function answeredLine(p: Petition): string {
  const who = p.answer ? answererLabel(p.answer.answerer) : 'Chủ trì hội nghị'
  const summary = p.answer?.summary.trim()
  // A confidential petition's answer stays in the internal record: it can say whom it concerns.
  if (p.confidential || !summary) return `Đối với ${petitionSubject(p)}: ${who} đã trả lời trực tiếp tại hội nghị.`
  return `Về ${inSentence(p.title)}: ${who} trả lời: ${summary.replace(/[.\s]+$/, '')}.`
}

function setAsideLine(p: Petition): string {
  const subject = petitionSubject(p)
  const head = subject.charAt(0).toLocaleUpperCase('vi') + subject.slice(1)
  return p.confidential || !p.setAsideReason.trim()
    ? `${head} chưa được xem xét tại hội nghị.`
    : `${head} chưa được xem xét tại hội nghị: ${p.setAsideReason.trim().replace(/[.\s]+$/, '')}.`
}

/** The chair's closing conclusions, one block per line, as the secretary recorded them. */
function conclusionBlocks(text: string): DocumentBlock[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l): DocumentBlock => ({ kind: 'bullet', text: l.replace(/^-\s*/, '') }))
}

interface UnitItem {
  unit: string
  lines: string[]
}

export interface NoticeContext {
  profile: OfficeProfile
  /** The date the notice is drafted to be issued on ('YYYY-MM-DD'): rule-based deadlines count from it. */
  issueDate: string
  calendar: HolidayCalendar
  rules?: DeadlineRuleSet
}

export function draftNotice(state: MeetingState, ctx: NoticeContext): AdministrativeDocument {
  const { profile, issueDate, calendar } = ctx
  const ruleSet = ctx.rules ?? deadlineRules
  const d = state.details
  const audience = audienceInText[meetingAudience(d)]
  const chair = [d.chairTitle, d.chairName].filter(Boolean).join(' ')
  const issued = state.notice !== null
  const answered = state.petitions.filter((p) => p.status === 'answered')
  const setAside = state.petitions.filter((p) => p.status === 'set_aside')
  const forwarded = state.petitions.filter((p) => p.status === 'forwarded')
  const committed = state.petitions.filter((p): p is Petition & { writtenAnswer: WrittenAnswerCommitment } => p.status === 'written_answer' && p.writtenAnswer !== null)

  const bases = [...profile.standingBases, ...(d.bases ?? '').split('\n')].map((b) => b.trim().replace(/[;.\s]+$/, '')).filter(Boolean)
  const who = d.delegated && chair ? `đồng chí ${chair}` : `đồng chí ${profile.headInText}`
  const held =
    `Ngày ${d.meetingDate ? formatDateVi(d.meetingDate) : '…'}, ${profile.nameInText} đã tổ chức hội nghị đối thoại trực tiếp giữa ${profile.headInText} với ${audience}` +
    (d.delegated && chair ? `, do đồng chí ${chair} chủ trì theo ủy quyền` : '') +
    (state.venue ? ` tại ${state.venue}` : '') +
    '.'

  const body: DocumentBlock[] = []
  if (bases.length) body.push({ kind: 'paragraph', text: `Thực hiện ${bases.join('; ')}.` })
  body.push({ kind: 'paragraph', text: held })
  body.push({ kind: 'paragraph', text: `Sau khi nghe các ý kiến tham gia, thảo luận, thống nhất các nội dung tại hội nghị, ${who} kết luận, chỉ đạo như sau:` })
  body.push({ kind: 'heading', text: 'I. KẾT QUẢ ĐỐI THOẠI' })
  body.push({
    kind: 'paragraph',
    text: state.petitions.length ? tallies(state) : `Tại hội nghị, ${profile.nameInText} không nhận được ý kiến, kiến nghị của ${audience}.`,
  })
  body.push(...answered.map((p): DocumentBlock => ({ kind: 'bullet', text: answeredLine(p) })))
  body.push(...setAside.map((p): DocumentBlock => ({ kind: 'bullet', text: setAsideLine(p) })))
  body.push(...conclusionBlocks(state.closingConclusion))

  // II: one "Giao <unit>" per unit with commitments, in the order they were made; the office's
  // standing assignments after them (joined to a unit's own when it is the same unit).
  body.push({ kind: 'heading', text: 'II. TỔ CHỨC THỰC HIỆN' })
  const items: UnitItem[] = []
  const itemFor = (unit: string) => items.find((i) => i.unit === unit) ?? items[items.push({ unit, lines: [] }) - 1]!
  for (const p of committed) {
    const c = p.writtenAnswer
    itemFor(c.unitName).lines.push(`Xem xét, ${answerFormPhrases[c.form]} ${petitionSubject(p)}; ${commitmentDue(c, issueDate, calendar, issued)}.`)
  }
  let n = 0
  for (const item of items) {
    body.push({ kind: 'subheading', text: `${++n}. Giao ${item.unit}` })
    body.push(...item.lines.map((text): DocumentBlock => ({ kind: 'bullet', text })))
    for (const standing of profile.standingAssignments.filter((s) => s.unit === item.unit)) {
      body.push(...standing.tasks.map((text): DocumentBlock => ({ kind: 'bullet', text })))
    }
  }
  const byRule = committed.find((p) => p.writtenAnswer.dueRule)
  if (byRule) {
    const extended = ruleSet[d.level].extendedResultWorkingDays
    body.push({
      kind: 'paragraph',
      text: `Trường hợp kiến nghị cần xác minh thêm, đơn vị được giao báo cáo ${profile.headInText} xem xét gia hạn một lần, không quá ${extended} ${DUE_RULE_PHRASE}.`,
    })
  }
  if (forwarded.length) {
    body.push({ kind: 'subheading', text: `${++n}. Đối với kiến nghị vượt thẩm quyền` })
    for (const p of forwarded) {
      const subject = petitionSubject(p)
      body.push({ kind: 'bullet', text: `Chuyển ${subject} đến ${p.forwardedTo} xem xét, giải quyết theo thẩm quyền; thông báo cho người kiến nghị biết.` })
    }
  }
  for (const standing of profile.standingAssignments.filter((s) => !items.some((i) => i.unit === s.unit))) {
    body.push({ kind: 'subheading', text: `${++n}. Giao ${standing.unit}` })
    body.push(...standing.tasks.map((text): DocumentBlock => ({ kind: 'bullet', text })))
  }
  if (profile.noticeClosing.trim()) body.push({ kind: 'paragraph', text: profile.noticeClosing.trim() })

  const recipients = unique([
    ...profile.standingRecipients,
    ...items.map((i) => i.unit),
    ...forwarded.map((p) => p.forwardedTo).filter(Boolean),
    `Lưu: VT, ${profile.draftingUnit || profile.officeCode}`,
  ])

  return {
    kind: 'notice',
    office: headerOf(profile),
    number: '',
    symbol: `TB-${profile.officeCode}`,
    date: issueDate,
    title: 'THÔNG BÁO',
    // As the seed notice: "Kết luận Hội nghị đối thoại giữa …".
    summary: /^hội nghị/i.test(state.title) ? `Kết luận ${state.title}` : `Kết luận hội nghị ${inSentence(state.title)}`,
    body,
    recipients,
    signatures: [defaultSignature(d, profile)],
  }
}

/** Each recipient once, the first spelling kept (a unit can be both assigned and standing). */
function unique(lines: readonly string[]): string[] {
  const seen = new Set<string>()
  return lines.filter((l) => {
    const key = l.trim().toLocaleLowerCase('vi').replace(/\s*\(.*\)$/, '')
    if (!l.trim() || seen.has(key)) return false
    seen.add(key)
    return true
  })
}

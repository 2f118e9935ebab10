import { addWorkingDays, type HolidayCalendar } from '../calendar/working-days'
import type { MeetingDetails, MeetingState, Petition } from '../meeting/model'
import { deadlineRules, type DeadlineRuleSet } from '../meeting/rules'
import { answerFormLabels, formatDateVi, petitionCounts } from '../meeting/selectors'
import { petitionResolution } from './minutes'
import { inSentence } from './text'
import type { AdministrativeDocument, DocumentBlock, OfficeProfile, SignatureBlock } from './model'

// The conclusion notice (Thông báo kết luận), in the shape of the 2025 notice in seeds/: an
// introduction, I. the results of the dialogue, II. who must do what (one item per unit), the
// recipients and the signing block. Drafted from the meeting as recorded (the finalised minutes'
// source); the secretary edits it before issuing.

/** The latest day the notice may be issued: 5 (office) / 7 (commune) working days after the meeting. */
export function noticeDueDate(details: MeetingDetails, calendar: HolidayCalendar, ruleSet: DeadlineRuleSet = deadlineRules): string | null {
  if (!details.meetingDate) return null
  return addWorkingDays(details.meetingDate, ruleSet[details.level].noticeWorkingDays, calendar)
}

/** The signing block the rules give: the head signs, or a deputy "KT." when the chair was delegated. */
export function defaultSignature(details: MeetingDetails): SignatureBlock {
  if (details.level === 'commune') {
    return details.delegated
      ? { authority: 'KT. CHỦ TỊCH', position: 'PHÓ CHỦ TỊCH', name: details.chairName }
      : { authority: 'TM. ỦY BAN NHÂN DÂN', position: 'CHỦ TỊCH', name: details.chairName }
  }
  return details.delegated
    ? { authority: 'KT. CHÁNH VĂN PHÒNG', position: 'PHÓ CHÁNH VĂN PHÒNG', name: details.chairName }
    : { authority: '', position: 'CHÁNH VĂN PHÒNG', name: details.chairName }
}

function byUnit(petitions: readonly Petition[]): Map<string, Petition[]> {
  const units = new Map<string, Petition[]>()
  for (const p of petitions) {
    if (p.status !== 'written_answer' || !p.writtenAnswer) continue
    units.set(p.writtenAnswer.unitName, [...(units.get(p.writtenAnswer.unitName) ?? []), p])
  }
  return units
}

export function draftNotice(state: MeetingState, office: OfficeProfile, issueDate: string, ruleSet: DeadlineRuleSet = deadlineRules): AdministrativeDocument {
  const d = state.details
  const c = petitionCounts(state)
  const chair = [d.chairTitle, d.chairName].filter(Boolean).join(' ') || 'Chủ trì hội nghị'
  const rules = ruleSet[d.level]
  const answered = state.petitions.filter((p) => p.status === 'answered')
  const forwarded = state.petitions.filter((p) => p.status === 'forwarded')
  const units = byUnit(state.petitions)

  const body: DocumentBlock[] = [
    {
      kind: 'paragraph',
      text: `Ngày ${d.meetingDate ? formatDateVi(d.meetingDate) : '…'}, tại ${state.venue || '…'}, ${state.title} đã được tổ chức${d.chairName ? ` dưới sự chủ trì của đồng chí ${chair}${d.delegated ? ' (theo ủy quyền)' : ''}` : ''}.`,
    },
    { kind: 'paragraph', text: `Sau khi nghe ý kiến của các đại biểu và ý kiến trả lời của các phòng, ban, đơn vị, đồng chí ${chair} kết luận như sau:` },
    { kind: 'heading', text: 'I. KẾT QUẢ ĐỐI THOẠI' },
    {
      kind: 'paragraph',
      text:
        c.total === 0
          ? 'Tại hội nghị không có ý kiến, kiến nghị.'
          : `Hội nghị đã tiếp nhận ${c.total} ý kiến, kiến nghị (${c.registered} kiến nghị gửi trước hội nghị, ${c.added} kiến nghị bổ sung tại hội nghị). Trong đó: trả lời trực tiếp tại hội nghị ${c.answered} kiến nghị; giao trả lời sau hội nghị ${c.writtenAnswer} kiến nghị; chuyển cơ quan có thẩm quyền ${c.forwarded} kiến nghị.`,
    },
    ...answered.map((p): DocumentBlock => ({ kind: 'bullet', text: `Về ${inSentence(p.title)}: ${petitionResolution(p)}` })),
    ...state.closingConclusion
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .map((l): DocumentBlock => ({ kind: 'bullet', text: l.replace(/^- /, '') })),
    { kind: 'heading', text: 'II. TỔ CHỨC THỰC HIỆN' },
  ]

  let n = 0
  for (const [unit, petitions] of units) {
    body.push({ kind: 'subheading', text: `${++n}. Giao ${unit}` })
    for (const p of petitions) {
      body.push({
        kind: 'bullet',
        text: `Xem xét, ${answerFormLabels[p.writtenAnswer!.form].toLowerCase()} kiến nghị về ${inSentence(p.title)}; hạn chậm nhất ngày ${formatDateVi(p.writtenAnswer!.dueDate)}.`,
      })
    }
    body.push({
      kind: 'bullet',
      text: `Báo cáo kết quả giải quyết trong thời hạn ${rules.resultWorkingDays} ngày làm việc kể từ ngày ban hành Thông báo này; trường hợp cần xác minh thêm, không quá ${rules.extendedResultWorkingDays} ngày làm việc.`,
    })
  }
  if (forwarded.length) {
    body.push({ kind: 'subheading', text: `${++n}. Kiến nghị vượt thẩm quyền` })
    for (const p of forwarded) body.push({ kind: 'bullet', text: `Chuyển kiến nghị về ${inSentence(p.title)} đến ${p.forwardedTo} xem xét, giải quyết theo quy định.` })
  }
  body.push({ kind: 'subheading', text: `${++n}. Giao bộ phận thư ký` })
  body.push({ kind: 'bullet', text: 'Theo dõi, đôn đốc việc thực hiện; tổng hợp kết quả giải quyết, báo cáo người chủ trì; thông báo kết quả cho người kiến nghị.' })
  body.push({ kind: 'paragraph', text: 'Yêu cầu các phòng, ban, đơn vị nghiêm túc thực hiện./.' })

  return {
    kind: 'notice',
    office,
    number: '',
    symbol: `TB-${office.officeCode}`,
    date: issueDate,
    title: 'THÔNG BÁO',
    // As the seed notice: "Kết luận Hội nghị đối thoại giữa …".
    summary: /^hội nghị/i.test(state.title) ? `Kết luận ${state.title}` : `Kết luận hội nghị ${inSentence(state.title)}`,
    body,
    recipients: [...[...units.keys()].map((u) => `${u} (thực hiện)`), 'Lãnh đạo cơ quan', `Lưu: VT, ${office.officeCode}`],
    signatures: [defaultSignature(d)],
  }
}


import { answererLabel } from '../meeting/answerers'
import type { MeetingEvent } from '../meeting/events'
import { isProvisionalDue, type MeetingState, type Petition, type Speaker } from '../meeting/model'
import { answerFormPhrases, petitionOutcome, tallyPhrases } from '../meeting/outcome'
import { formatDateVi, petitionCounts } from '../meeting/selectors'
import { vietnamDate } from '../calendar/working-days'
import { headerOf, type AdministrativeDocument, type DocumentBlock, type OfficeProfile } from './model'

// The minutes (Biên bản) drafted from the meeting log, never typed from memory. The secretary edits
// the draft; finalising freezes a numbered version (server/documents). Documents circulate beyond
// the hall, so a confidential petitioner is never named here either.

/** "08 giờ 05 phút" in Vietnam time. */
export function clockTimeVi(iso: string): string {
  const d = new Date(Date.parse(iso) + 7 * 3600_000)
  return `${String(d.getUTCHours()).padStart(2, '0')} giờ ${String(d.getUTCMinutes()).padStart(2, '0')} phút`
}

export function petitionerInDocuments(p: Petition): string {
  const who = p.confidential ? 'người kiến nghị đề nghị giữ bí mật thông tin' : p.petitionerName || 'không ghi tên'
  const where = !p.confidential && p.petitionerAddress ? `, ${p.petitionerAddress}` : ''
  return p.representing > 0 ? `${who}${where}, đại diện ${p.representing} người` : `${who}${where}`
}

function speakerInDocuments(s: Speaker, petitions: readonly Petition[]): string {
  const confidential = s.petitionNos.some((no) => petitions.find((p) => p.no === no)?.confidential)
  if (confidential) return `Đại biểu số ${s.no} (đề nghị giữ bí mật thông tin)`
  return s.unit ? `${s.name ?? `Đại biểu số ${s.no}`} (${s.unit})` : (s.name ?? `Đại biểu số ${s.no}`)
}

function petitionLine(p: Petition): string {
  const field = p.field ? `[${p.field}] ` : ''
  return `KN ${p.no}. ${field}${p.title} (${petitionerInDocuments(p)}).`
}

/** What the record says about one petition: the answer given, the commitment, or the forwarding. */
export function petitionResolution(p: Petition): string {
  switch (p.status) {
    case 'answered': {
      const who = p.answer ? answererLabel(p.answer.answerer) : 'Chủ trì'
      const summary = p.answer?.summary.trim()
      return `${who} trả lời${summary ? `: ${summary.replace(/[.\s]+$/, '')}.` : ' trực tiếp tại hội nghị.'}`
    }
    case 'written_answer': {
      const c = p.writtenAnswer
      if (!c) return 'Giao trả lời sau hội nghị.'
      // What was decided in the room: a date, or the rules' period from the notice's issue.
      const due = isProvisionalDue(c) ? `hạn ${c.dueRule!.workingDays} ngày làm việc kể từ ngày ban hành thông báo kết luận` : `hạn chậm nhất ngày ${formatDateVi(c.dueDate)}`
      return `Giao ${c.unitName} ${answerFormPhrases[c.form]}, ${due}.`
    }
    case 'forwarded':
      return `Vượt thẩm quyền; chuyển ${p.forwardedTo} xem xét, giải quyết.`
    case 'withdrawn':
    case 'merged':
    case 'set_aside':
      return `${petitionOutcome(p) ?? ''}.`
    case 'waiting':
    case 'discussing':
      return 'Chưa được xem xét tại hội nghị.'
  }
}

/**
 * Who spoke, in the order they were called to the microphone (the order things happened, not the
 * order of registration). A speaker called and then withdrawn before speaking did not speak.
 */
export function speakersInOrder(state: MeetingState, events: readonly MeetingEvent[]): Speaker[] {
  const called = new Set<number>()
  const spoke: Speaker[] = []
  for (const e of events) {
    if (e.type !== 'speaker.called' || called.has(e.payload.speakerNo)) continue
    called.add(e.payload.speakerNo)
    const speaker = state.speakers.find((s) => s.no === e.payload.speakerNo)
    if (speaker && speaker.status !== 'withdrawn') spoke.push(speaker)
  }
  return spoke
}

/** When the conference actually began: its first live event (a phase change or a call). */
function startedAt(events: readonly MeetingEvent[]): string | null {
  return events.find((e) => e.type === 'meeting.phase-changed' || e.type === 'speaker.called')?.at ?? null
}

/** "; trả lời trực tiếp tại hội nghị 2; giao đơn vị trả lời sau hội nghị 3" — only what happened; a row of zeros says nothing. */
function tallies(c: ReturnType<typeof petitionCounts>): string {
  // The notice's and the report's words (outcome.ts), so the documents name each outcome alike.
  const parts: [number, string][] = [
    [c.answered, tallyPhrases.answered],
    [c.writtenAnswer, tallyPhrases.writtenAnswer],
    [c.forwarded, tallyPhrases.forwarded],
    [c.setAside, tallyPhrases.setAside],
  ]
  return parts.filter(([n]) => n > 0).map(([n, label]) => `; ${label} ${n}`).join('')
}

/** The only events the minutes read beyond the state: a server reads just these from the log. */
export const minutesEventTypes = ['meeting.phase-changed', 'speaker.called'] as const satisfies readonly MeetingEvent['type'][]

/** `events`: the meeting's events in order; those of `minutesEventTypes` are enough. */
export function draftMinutes(state: MeetingState, events: readonly MeetingEvent[], office: OfficeProfile): AdministrativeDocument {
  const d = state.details
  const start = startedAt(events)
  const date = d.meetingDate || (start ? vietnamDate(start) : '')
  const counts = petitionCounts(state)
  const registered = state.petitions.filter((p) => p.origin === 'registered')
  const added = state.petitions.filter((p) => p.origin === 'added')
  const spoke = speakersInOrder(state, events)
  const chair = [d.chairTitle, d.chairName].filter(Boolean).join(' ') || '…'

  // The shape of Mẫu 1.9 (Nghị định 30/2020, Phụ lục III): labelled lines for the time, place, who
  // attended, chaired and kept the record, then the content as it happened, then the closing line.
  // Numbered items are paragraphs, not list items, so no line carries two markers ("- 1.").
  const body: DocumentBlock[] = [
    { kind: 'paragraph', text: `Thời gian bắt đầu: ${start ? `${clockTimeVi(start)}, ` : ''}ngày ${date ? formatDateVi(date) : '…'}.` },
    { kind: 'paragraph', text: `Địa điểm: ${state.venue || '…'}.` },
    { kind: 'paragraph', text: `Thành phần tham dự: ${d.attendance?.trim() ? `${d.attendance.trim().replace(/[.\s]+$/, '')}.` : '…'}` },
    { kind: 'paragraph', text: `Chủ trì: ${chair}${d.delegated ? ` (chủ trì theo ủy quyền${d.delegatedBy ? ` của ${d.delegatedBy}` : ''})` : ''}.` },
    { kind: 'paragraph', text: `Thư ký: ${d.secretaryName || '…'}.` },
    { kind: 'paragraph', text: 'Nội dung (theo diễn biến hội nghị):' },
    { kind: 'subheading', text: '1. Kiến nghị đã tiếp nhận trước hội nghị' },
    registered.length
      ? { kind: 'paragraph', text: `Thư ký báo cáo ${registered.length} kiến nghị đã tiếp nhận trước hội nghị:` }
      : { kind: 'paragraph', text: 'Trước hội nghị không tiếp nhận kiến nghị nào.' },
    ...registered.map((p): DocumentBlock => ({ kind: 'bullet', text: petitionLine(p) })),
    { kind: 'subheading', text: '2. Kiến nghị bổ sung tại hội nghị' },
    added.length ? { kind: 'paragraph', text: `Tại hội nghị có ${added.length} kiến nghị bổ sung:` } : { kind: 'paragraph', text: 'Không có kiến nghị bổ sung.' },
    ...added.map((p): DocumentBlock => ({ kind: 'bullet', text: petitionLine(p) })),
    { kind: 'subheading', text: '3. Ý kiến phát biểu' },
    ...(spoke.length
      ? spoke.map((s, i): DocumentBlock => {
          const raised = s.petitionNos.length ? ` (nêu ${s.petitionNos.map((no) => `KN ${no}`).join(', ')})` : ''
          const said = s.summary.trim() ? `: ${s.summary.trim().replace(/[.\s]+$/, '')}.` : '.'
          return { kind: 'paragraph', text: `${i + 1}. ${speakerInDocuments(s, state.petitions)}${raised}${said}` }
        })
      : [{ kind: 'paragraph' as const, text: 'Không có đại biểu phát biểu.' }]),
    { kind: 'subheading', text: '4. Trả lời, giải quyết kiến nghị' },
    ...state.petitions.map((p): DocumentBlock => ({ kind: 'bullet', text: `KN ${p.no} (${p.title}): ${petitionResolution(p)}` })),
    {
      kind: 'paragraph',
      text: `Tổng hợp: ${counts.total} kiến nghị (${counts.registered} đã đăng ký, ${counts.added} bổ sung)${tallies(counts)}.`,
    },
    { kind: 'subheading', text: '5. Kết luận của chủ trì' },
    ...(state.closingConclusion.trim()
      ? state.closingConclusion
          .split('\n')
          .filter((l) => l.trim())
          .map((l): DocumentBlock => (l.startsWith('- ') ? { kind: 'bullet', text: l.slice(2) } : { kind: 'paragraph', text: l }))
      : [{ kind: 'paragraph' as const, text: '…' }]),
    // The minutes say only what happened: that they were read out and adopted is written in by the
    // secretary when it was so.
    { kind: 'paragraph', text: `Hội nghị kết thúc vào hồi ${state.closedAt ? clockTimeVi(state.closedAt) : '…'} cùng ngày./.` },
  ]

  return {
    kind: 'minutes',
    office: headerOf(office),
    number: '',
    symbol: `BB-${office.officeCode}`,
    date,
    title: 'BIÊN BẢN',
    summary: state.title,
    body,
    recipients: ['Chủ trì hội nghị', `Lưu: VT, ${office.draftingUnit || office.officeCode}`],
    signatures: [
      { authority: '', position: 'THƯ KÝ', name: d.secretaryName },
      { authority: '', position: 'CHỦ TỌA', name: d.chairName },
    ],
  }
}

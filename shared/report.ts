import type { HolidayCalendar } from './calendar/working-days'
import { isoDate } from './meeting/commands'
import { meetingAudience, meetingForm, type MeetingAudience, type MeetingForm, type MeetingState } from './meeting/model'
import { followUpItems, followUpStatus, publicFollowUpItem, type FollowUpItem } from './followup'
import { headerOf, type AdministrativeDocument, type DocumentBlock, type OfficeProfile, type SignatureBlock } from './documents/model'
import { formatDateVi } from './meeting/selectors'
import { tallyPhrases } from './meeting/outcome'
import { z } from 'zod'

// The results report (Báo cáo kết quả) for a half-year or a year, as the rules ask (by 25 June and
// by 15–20 December): conferences held by audience and form, petitions received, answered in the
// meeting, assigned, resolved on time or late, still open — in total and by field.

export const reportQuerySchema = z.strictObject({ from: isoDate, to: isoDate })

export const audienceLabels: Record<MeetingAudience, string> = {
  staff: 'Công chức, viên chức, người lao động',
  citizens: 'Nhân dân',
  procedures: 'Tổ chức, cá nhân về thủ tục hành chính',
}
export const formLabels: Record<MeetingForm, string> = { periodic: 'Định kỳ', ad_hoc: 'Đột xuất' }

export interface FieldFigures {
  field: string
  received: number
  registered: number
  added: number
  answered: number
  assigned: number
  forwarded: number
  resolvedOnTime: number
  resolvedLate: number
  open: number
  /** Not taken up at the meeting, with the reason recorded. */
  setAside: number
}

export interface ResultsReport {
  from: string
  to: string
  conferences: { total: number; byAudience: Record<MeetingAudience, number>; byForm: Record<MeetingForm, number> }
  totals: Omit<FieldFigures, 'field'> & { overdue: number }
  byField: FieldFigures[]
}

/**
 * What reports and cross-meeting lists need of one meeting, kept per meeting in the projection
 * (written in the transaction that appends its events) so a report reads rows instead of refolding
 * every log. Follow-up items are kept as lists beyond the secretary and chair show them: a
 * confidential petition by its number only. Their status is computed when read (it depends on today).
 */
export interface MeetingSummary {
  meetingId: string
  title: string
  createdAt: string
  meetingDate: string
  /** The day it took place: its set date, else the day it was created. */
  heldOn: string
  /** It went past its opening (a meeting only planned is not counted). */
  held: boolean
  phase: MeetingState['phase']
  audience: MeetingAudience
  form: MeetingForm
  delegated: boolean
  chairName: string
  /** The meeting's own legal bases, one per entry. */
  bases: string[]
  petitions: { no: number; field: string; origin: MeetingState['petitions'][number]['origin']; status: MeetingState['petitions'][number]['status'] }[]
  followUps: FollowUpItem[]
}

/** Bumped when MeetingSummary changes shape: rows of an older shape are rebuilt from the log. */
export const MEETING_SUMMARY_SHAPE = 1

export function meetingSummary(s: MeetingState): MeetingSummary {
  return {
    meetingId: s.meetingId,
    title: s.title,
    createdAt: s.createdAt,
    meetingDate: s.details.meetingDate,
    heldOn: s.details.meetingDate || s.createdAt.slice(0, 10),
    held: s.phase !== 'opening' || s.closedAt !== null,
    phase: s.phase,
    audience: meetingAudience(s.details),
    form: meetingForm(s.details),
    delegated: s.details.delegated,
    chairName: s.details.chairName,
    bases: (s.details.bases ?? '').split('\n').map((b) => b.trim()).filter(Boolean),
    petitions: s.petitions.map((p) => ({ no: p.no, field: p.field, origin: p.origin, status: p.status })),
    followUps: followUpItems(s).map(publicFollowUpItem),
  }
}

/**
 * Whether going from `before` to `after` changes the meeting's summary. States are immutable and
 * evolve keeps untouched parts by reference, so most events (a speaker's clock, the projector) are
 * seen to change nothing without building a summary, and write nothing.
 */
export function summaryChanged(before: MeetingState, after: MeetingState): boolean {
  return (
    before.petitions !== after.petitions ||
    before.details !== after.details ||
    before.title !== after.title ||
    before.createdAt !== after.createdAt ||
    before.phase !== after.phase ||
    before.closedAt !== after.closedAt
  )
}

export function buildResultsReport(meetings: readonly MeetingSummary[], from: string, to: string, today: string, calendar: HolidayCalendar): ResultsReport {
  const held = meetings.filter((m) => m.held && m.heldOn >= from && m.heldOn <= to)
  const byAudience: Record<MeetingAudience, number> = { staff: 0, citizens: 0, procedures: 0 }
  const byForm: Record<MeetingForm, number> = { periodic: 0, ad_hoc: 0 }
  const fields = new Map<string, FieldFigures>()
  let overdue = 0
  const empty = (field: string): FieldFigures => ({ field, received: 0, registered: 0, added: 0, answered: 0, assigned: 0, forwarded: 0, resolvedOnTime: 0, resolvedLate: 0, open: 0, setAside: 0 })

  for (const m of held) {
    byAudience[m.audience]++
    byForm[m.form]++
    const items = new Map(m.followUps.map((i) => [i.petitionNo, followUpStatus(i, today, calendar)]))
    for (const p of m.petitions) {
      if (p.status === 'merged' || p.status === 'withdrawn') continue
      const name = p.field || 'Lĩnh vực khác'
      const f = fields.get(name) ?? empty(name)
      fields.set(name, f)
      f.received++
      f[p.origin === 'registered' ? 'registered' : 'added']++
      if (p.status === 'answered') f.answered++
      if (p.status === 'forwarded') f.forwarded++
      if (p.status === 'set_aside') f.setAside++
      if (p.status === 'written_answer') {
        f.assigned++
        const status = items.get(p.no)
        if (status === 'done_on_time') f.resolvedOnTime++
        else if (status === 'done_late') f.resolvedLate++
        else {
          f.open++
          if (status === 'overdue') overdue++
        }
      }
      if (p.status === 'waiting' || p.status === 'discussing') f.open++
    }
  }
  const byField = [...fields.values()].sort((a, b) => b.received - a.received || a.field.localeCompare(b.field, 'vi'))
  const sum = (k: keyof Omit<FieldFigures, 'field'>) => byField.reduce((n, f) => n + f[k], 0)
  return {
    from,
    to,
    conferences: { total: held.length, byAudience, byForm },
    totals: {
      received: sum('received'),
      registered: sum('registered'),
      added: sum('added'),
      answered: sum('answered'),
      assigned: sum('assigned'),
      forwarded: sum('forwarded'),
      resolvedOnTime: sum('resolvedOnTime'),
      resolvedLate: sum('resolvedLate'),
      open: sum('open'),
      setAside: sum('setAside'),
      overdue,
    },
    byField,
  }
}

/** "năm 2026", "6 tháng đầu năm 2026", or "từ ngày 01/03/2026 đến ngày 31/08/2026". */
export function periodLabel(from: string, to: string): string {
  const year = from.slice(0, 4)
  if (to.slice(0, 4) === year && from.endsWith('-01-01')) {
    if (to.endsWith('-12-31')) return `năm ${year}`
    if (to.slice(5, 7) === '06') return `6 tháng đầu năm ${year}`
  }
  if (to.slice(0, 4) === year && from.endsWith('-07-01') && to.endsWith('-12-31')) return `6 tháng cuối năm ${year}`
  return `từ ngày ${formatDateVi(from)} đến ngày ${formatDateVi(to)}`
}

/** The period after this one, as section III names it. */
function nextPeriodLabel(from: string, to: string): string {
  const year = Number(from.slice(0, 4))
  if (to.endsWith('-12-31') && from.endsWith('-01-01')) return `năm ${year + 1}`
  if (to.slice(5, 7) === '06' && from.endsWith('-01-01')) return `6 tháng cuối năm ${year}`
  return 'kỳ tới'
}

/** Those the report is addressed to: the standing recipients marked "(b/c)" or "(Báo cáo)". */
function addressees(recipients: readonly string[]): string[] {
  return recipients.filter((r) => /\((b\/c|báo cáo)\)\s*$/iu.test(r)).map((r) => r.replace(/\s*\((b\/c|báo cáo)\)\s*$/iu, '').trim())
}

/** "A", "A và B", "A, B và C": the way a sentence names several bodies. */
function listInText(names: readonly string[]): string {
  return names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} và ${names.at(-1)}`
}

export interface ReportContext {
  profile: OfficeProfile
  /** The date it is drafted to be issued on. */
  date: string
  signature: SignatureBlock
  /** The legal bases of the meetings held in the period (their plans), each once. */
  meetingBases: string[]
}

/**
 * The results report as an administrative document, in the shape of the 2021 report in docs/seeds/:
 * the "Thực hiện …" paragraph, I. leadership and dissemination, II. results (the dialogues held, by
 * audience and form, those held inside routine meetings and citizens' requests for dialogue, which
 * the secretary completes, and the petitions table), III. tasks for the next period, IV. proposals,
 * the closing "… trân trọng báo cáo …/.", recipients marked "(Báo cáo)", the signing block. The
 * secretary edits the draft, finalises and issues it like the minutes.
 */
export function reportDocument(r: ResultsReport, ctx: ReportContext): AdministrativeDocument {
  const { profile } = ctx
  const t = r.totals
  const period = periodLabel(r.from, r.to)
  const bases = profile.standingBases.map((b) => b.trim().replace(/[;.\s]+$/, '')).filter(Boolean)
  const to = addressees(profile.standingRecipients)
  const c = r.conferences
  const outcomes = [
    [t.answered, tallyPhrases.answered],
    [t.assigned, tallyPhrases.writtenAnswer],
    [t.forwarded, tallyPhrases.forwarded],
    [t.setAside, tallyPhrases.setAside],
  ] as const
  // Only what happened: "không xem xét tại hội nghị 0" says nothing.
  const happened = outcomes.filter(([n]) => n > 0)
  const body: DocumentBlock[] = [
    {
      kind: 'paragraph',
      text: `${bases.length ? `Thực hiện ${bases.join('; ')}. ` : ''}${profile.nameInText} báo cáo kết quả thực hiện công tác đối thoại ${period} như sau:`,
    },
    { kind: 'heading', text: 'I. CÔNG TÁC LÃNH ĐẠO, TRIỂN KHAI THỰC HIỆN' },
    {
      kind: 'paragraph',
      text: ctx.meetingBases.length
        ? `Trong kỳ, ${profile.nameInText} đã tổ chức thực hiện: ${ctx.meetingBases.map((b) => b.replace(/[;.\s]+$/, '')).join('; ')}.`
        : '…',
    },
    { kind: 'heading', text: 'II. KẾT QUẢ THỰC HIỆN' },
    { kind: 'subheading', text: '1. Công tác tuyên truyền, phổ biến, quán triệt thực hiện' },
    { kind: 'paragraph', text: '…' },
    { kind: 'subheading', text: '2. Kết quả tổ chức đối thoại' },
    {
      kind: 'paragraph',
      text: `Trong kỳ báo cáo, ${profile.nameInText} đã tổ chức ${c.total} hội nghị đối thoại trực tiếp (định kỳ ${c.byForm.periodic}, đột xuất ${c.byForm.ad_hoc}):`,
    },
    ...(Object.keys(audienceLabels) as MeetingAudience[]).map((a): DocumentBlock => ({ kind: 'bullet', text: `Đối thoại với ${audienceLabels[a].toLowerCase()}: ${c.byAudience[a]} hội nghị.` })),
    { kind: 'bullet', text: 'Đối thoại lồng ghép tại các cuộc họp giao ban, hội nghị của cơ quan: …' },
    { kind: 'bullet', text: 'Yêu cầu đối thoại của công dân: …' },
    { kind: 'subheading', text: '3. Kết quả tiếp nhận, giải quyết ý kiến, kiến nghị' },
    {
      kind: 'paragraph',
      text:
        `Tổng số ý kiến, kiến nghị tiếp nhận: ${t.received} (gửi trước hội nghị ${t.registered}, nêu tại hội nghị ${t.added})` +
        (happened.length ? `; trong đó ${happened.map(([n, what]) => `${what} ${n}`).join(', ')}` : '') +
        (t.assigned ? `. Trong số giao trả lời sau hội nghị: đã giải quyết đúng hạn ${t.resolvedOnTime}, trễ hạn ${t.resolvedLate}, còn đang giải quyết ${t.open}${t.overdue ? ` (quá hạn ${t.overdue})` : ''}` : '') +
        '.',
    },
    {
      kind: 'table',
      rows: [
        ['Lĩnh vực', 'Tiếp nhận', 'Trả lời tại hội nghị', 'Giao trả lời', 'Đúng hạn', 'Trễ hạn', 'Chuyển', 'Đang giải quyết'],
        ...r.byField.map((f) => [f.field, f.received, f.answered, f.assigned, f.resolvedOnTime, f.resolvedLate, f.forwarded, f.open].map(String)),
        ['Tổng cộng', t.received, t.answered, t.assigned, t.resolvedOnTime, t.resolvedLate, t.forwarded, t.open].map(String),
      ],
    },
    { kind: 'heading', text: `III. PHƯƠNG HƯỚNG, NHIỆM VỤ ${nextPeriodLabel(r.from, r.to).toLocaleUpperCase('vi')}` },
    { kind: 'paragraph', text: `1. Tiếp tục tuyên truyền, quán triệt các quy định về đối thoại trực tiếp; xây dựng và thực hiện kế hoạch đối thoại ${nextPeriodLabel(r.from, r.to)}.` },
    ...(t.open
      ? [{ kind: 'paragraph' as const, text: `2. Theo dõi, đôn đốc các đơn vị giải quyết dứt điểm ${t.open} kiến nghị còn đang giải quyết, thông báo kết quả cho người kiến nghị.` }]
      : []),
    { kind: 'heading', text: 'IV. ĐỀ XUẤT, KIẾN NGHỊ' },
    { kind: 'paragraph', text: 'Không.' },
    { kind: 'paragraph', text: `${profile.nameInText} trân trọng báo cáo${to.length ? ` ${listInText(to)}` : ''}./.` },
  ]
  return {
    kind: 'report',
    office: headerOf(profile),
    number: '',
    symbol: `BC-${profile.officeCode}`,
    date: ctx.date,
    title: 'BÁO CÁO',
    summary: `Kết quả thực hiện công tác đối thoại ${period}`,
    body,
    recipients: [
      ...profile.standingRecipients.map((r) => r.replace(/\s*\(b\/c\)\s*$/iu, ' (Báo cáo)')),
      `Lưu: VT, ${profile.draftingUnit || profile.officeCode}`,
    ],
    signatures: [ctx.signature],
  }
}

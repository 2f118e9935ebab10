import type { HolidayCalendar } from './calendar/working-days'
import { isoDate } from './meeting/commands'
import { meetingAudience, meetingForm, type MeetingAudience, type MeetingForm, type MeetingState } from './meeting/model'
import { followUpItems, followUpStatus, type FollowUpRecord } from './followup'
import { headerOf, type AdministrativeDocument, type DocumentBlock, type OfficeProfile, type SignatureBlock } from './documents/model'
import { formatDateVi } from './meeting/selectors'
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
}

export interface ResultsReport {
  from: string
  to: string
  conferences: { total: number; byAudience: Record<MeetingAudience, number>; byForm: Record<MeetingForm, number> }
  totals: Omit<FieldFigures, 'field'> & { overdue: number }
  byField: FieldFigures[]
}

export interface ReportMeeting {
  state: MeetingState
  followUps: ReadonlyMap<number, FollowUpRecord>
}

/** The day a meeting took place: its set date, else the day it was created (Vietnam time). */
const heldOn = (s: MeetingState) => s.details.meetingDate || s.createdAt.slice(0, 10)
/** Held: it went past its opening (a meeting only planned is not counted). */
const wasHeld = (s: MeetingState) => s.phase !== 'opening' || s.closedAt !== null

export function buildResultsReport(meetings: readonly ReportMeeting[], from: string, to: string, today: string, calendar: HolidayCalendar): ResultsReport {
  const held = meetings.filter((m) => wasHeld(m.state) && heldOn(m.state) >= from && heldOn(m.state) <= to)
  const byAudience: Record<MeetingAudience, number> = { staff: 0, citizens: 0, procedures: 0 }
  const byForm: Record<MeetingForm, number> = { periodic: 0, ad_hoc: 0 }
  const fields = new Map<string, FieldFigures>()
  let overdue = 0
  const empty = (field: string): FieldFigures => ({ field, received: 0, registered: 0, added: 0, answered: 0, assigned: 0, forwarded: 0, resolvedOnTime: 0, resolvedLate: 0, open: 0 })

  for (const { state, followUps } of held) {
    byAudience[meetingAudience(state.details)]++
    byForm[meetingForm(state.details)]++
    const items = new Map(followUpItems(state, followUps).map((i) => [i.petitionNo, followUpStatus(i, today, calendar)]))
    for (const p of state.petitions) {
      if (p.status === 'merged' || p.status === 'withdrawn') continue
      const name = p.field || 'Lĩnh vực khác'
      const f = fields.get(name) ?? empty(name)
      fields.set(name, f)
      f.received++
      f[p.origin === 'registered' ? 'registered' : 'added']++
      if (p.status === 'answered') f.answered++
      if (p.status === 'forwarded') f.forwarded++
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
      overdue,
    },
    byField,
  }
}

export function reportDocument(r: ResultsReport, office: OfficeProfile, date: string, signature: SignatureBlock): AdministrativeDocument {
  const t = r.totals
  const period = `từ ngày ${formatDateVi(r.from)} đến ngày ${formatDateVi(r.to)}`
  const body: DocumentBlock[] = [
    { kind: 'heading', text: 'I. KẾT QUẢ TỔ CHỨC ĐỐI THOẠI' },
    {
      kind: 'paragraph',
      text: `Trong kỳ báo cáo (${period}), đã tổ chức ${r.conferences.total} hội nghị đối thoại trực tiếp (định kỳ ${r.conferences.byForm.periodic}, đột xuất ${r.conferences.byForm.ad_hoc}).`,
    },
    ...(Object.keys(audienceLabels) as MeetingAudience[]).map((a): DocumentBlock => ({ kind: 'bullet', text: `Đối thoại với ${audienceLabels[a].toLowerCase()}: ${r.conferences.byAudience[a]} hội nghị.` })),
    { kind: 'heading', text: 'II. KẾT QUẢ TIẾP NHẬN, GIẢI QUYẾT KIẾN NGHỊ' },
    {
      kind: 'paragraph',
      text: `Tổng số ý kiến, kiến nghị tiếp nhận: ${t.received} (gửi trước hội nghị ${t.registered}, bổ sung tại hội nghị ${t.added}). Đã trả lời trực tiếp tại hội nghị ${t.answered}; giao trả lời sau hội nghị ${t.assigned}, trong đó đã giải quyết đúng hạn ${t.resolvedOnTime}, trễ hạn ${t.resolvedLate}; chuyển cơ quan có thẩm quyền ${t.forwarded}; còn đang giải quyết ${t.open}${t.overdue ? ` (quá hạn ${t.overdue})` : ''}.`,
    },
    {
      kind: 'table',
      rows: [
        ['Lĩnh vực', 'Tiếp nhận', 'Trả lời tại HN', 'Giao trả lời', 'Đúng hạn', 'Trễ hạn', 'Chuyển', 'Đang giải quyết'],
        ...r.byField.map((f) => [f.field, f.received, f.answered, f.assigned, f.resolvedOnTime, f.resolvedLate, f.forwarded, f.open].map(String)),
        ['Tổng cộng', t.received, t.answered, t.assigned, t.resolvedOnTime, t.resolvedLate, t.forwarded, t.open].map(String),
      ],
    },
    { kind: 'heading', text: 'III. ĐÁNH GIÁ, KIẾN NGHỊ' },
    { kind: 'paragraph', text: '…' },
  ]
  return {
    kind: 'report',
    office: headerOf(office),
    number: '',
    symbol: `BC-${office.officeCode}`,
    date,
    title: 'BÁO CÁO',
    summary: `Kết quả đối thoại trực tiếp ${period}`,
    body,
    recipients: ['Như trên', `Lưu: VT, ${office.officeCode}`],
    signatures: [signature],
  }
}

import { vietnamDate, addDays, isWorkingDay, nextWorkingDayOnOrAfter, type HolidayCalendar } from '@shared/calendar/working-days'
import { calendarText } from '../../i18n/calendar'
import { chairText } from '../../i18n/chair'
import type { Directory, DirectoryOfficial, DirectoryUnit } from '@shared/directory'
import type { AppError } from '@shared/errors'
import type { MeetingDetails, MeetingState, Petition, PetitionStatus, Speaker } from '@shared/meeting/model'
import { redactSpeaker } from '@shared/meeting/redact'
import { defaultWrittenAnswerDue, type DeadlineRuleSet } from '@shared/meeting/rules'
import { formatDateVi, isResolved } from '@shared/meeting/selectors'

// Display choices for the chair's tablet. The rules themselves live in shared/ (decide, selectors);
// these only arrange what the chair sees and which buttons are offered.

/** The order the chair's list shows petitions in: what still needs a decision first. */
export const statusOrder: readonly PetitionStatus[] = ['discussing', 'waiting', 'answered', 'written_answer', 'forwarded', 'set_aside', 'withdrawn', 'merged']

export function petitionGroups(petitions: readonly Petition[]): { status: PetitionStatus; petitions: Petition[] }[] {
  return statusOrder
    .map((status) => ({ status, petitions: petitions.filter((p) => p.status === status).sort((a, b) => a.no - b.no) }))
    .filter((g) => g.petitions.length > 0)
}

/**
 * The speaker "Mời phát biểu lại người vừa nói" means: the one who finished most recently, or the
 * one at the microphone if nobody has finished. The tablet names them on the button and sends their
 * number, so what the chair reads is what happens.
 */
export function lastSpeaker(state: MeetingState): Speaker | null {
  const finished = state.speakers.filter((s) => s.finishedAt !== null && s.status === 'finished')
  const latest = finished.reduce<Speaker | null>((best, s) => (!best || (s.finishedAt ?? '') >= (best.finishedAt ?? '') ? s : best), null)
  return latest ?? state.speakers.find((s) => s.no === state.currentSpeakerNo) ?? null
}

/** True when the hall screen shows this speaker as "Đại biểu số N" (no name) rather than by name. */
export function hiddenOnProjector(speaker: Speaker, petitions: readonly Petition[]): boolean {
  return redactSpeaker(speaker, petitions).name === null
}

export interface AnswererChoices {
  /** Officials without a unit: the office's leadership (Phó Chủ tịch, Phó Chánh Văn phòng …). */
  leaders: DirectoryOfficial[]
  /** Each unit with its officials, in the directory's order; units without officials too. */
  units: { unit: DirectoryUnit; officials: DirectoryOfficial[] }[]
}

export function answererChoices(directory: Directory): AnswererChoices {
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'vi')
  return {
    leaders: directory.officials.filter((o) => !o.unitId || !directory.units.some((u) => u.id === o.unitId)).sort(byName),
    units: [...directory.units].sort(byName).map((unit) => ({ unit, officials: directory.officials.filter((o) => o.unitId === unit.id).sort(byName) })),
  }
}

/** The office's calendar and deadline sets as the tablet read them (GET /api/calendar, /api/office/deadlines). */
export interface ChairOffice {
  calendar: HolidayCalendar
  rules: DeadlineRuleSet
  /** A day's note in the calendar ("Tết Dương lịch"), to say why a chosen day is off. */
  noteOf?: (day: string) => string | undefined
}

/**
 * The due date the form starts from: the office's default, counted with the same rule the server
 * applies (shared/meeting/rules.ts) over the office's own calendar and deadline sets, so the date
 * the chair reads is the date committed when the tablet omits dueDate. `from` is where counting
 * starts (for the unconfirmed-year warning); `earliest` is the first date the server accepts.
 */
export function writtenAnswerDates(details: MeetingDetails, nowMs: number, office: ChairOffice): { preview: string; from: string; earliest: string; latest: string } {
  const today = vietnamDate(new Date(nowMs))
  const from = details.meetingDate || today
  return { preview: defaultWrittenAnswerDue(details, today, office.calendar, office.rules), from, earliest: addDays(from, 1), latest: addDays(from, 366) }
}

/**
 * Why a chosen due date cannot be committed, said before the chair presses: outside the range the
 * server accepts, a Saturday or Sunday that is not worked, or a holiday of the office's calendar
 * (the server refuses it with DUE_DATE_DAY_OFF anyway, naming the next working day, as here).
 */
export function dueDateProblem(date: string, dates: { earliest: string; latest: string }, office: Pick<ChairOffice, 'calendar' | 'noteOf'>): string | null {
  if (!date) return chairText.decide.dueInvalid
  if (date < dates.earliest) return chairText.decide.dueTooEarly
  if (date > dates.latest) return chairText.decide.dueTooLate
  if (isWorkingDay(date, office.calendar)) return null
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay()
  if (weekday === 0 || weekday === 6) return chairText.decide.dueWeekend(weekday === 0 ? 'Chủ nhật' : 'thứ Bảy')
  return calendarText.chair.dueDayOff(formatDateVi(date), office.noteOf?.(date) ?? '', formatDateVi(nextWorkingDayOnOrAfter(date, office.calendar)))
}

/** What the tablet offers for a petition, following the domain's rules. */
export type DecisionStage =
  /** Nothing decided: the four decisions. */
  | 'open'
  /** Someone was assigned to answer now: "Đã trả lời", or choose again. */
  | 'assigned'
  /** An outcome, no conclusion yet: conclude or reopen. */
  | 'resolved'
  /** Concluded: reopen only. */
  | 'concluded'

export function decisionStage(p: Petition): DecisionStage {
  if (isResolved(p)) return p.conclusion ? 'concluded' : 'resolved'
  return p.answerer ? 'assigned' : 'open'
}

/** A refusal in one line: the server's message, then the fields it names (for a validation error). */
export function refusalText(error: AppError): string {
  const fields = error.fields ? [...new Set(Object.values(error.fields))].filter((m) => m && m !== error.message) : []
  return fields.length ? `${error.message} ${fields.join(' ')}` : error.message
}

/** Quick picks for "Vượt thẩm quyền": the bodies petitions are most often forwarded to. */
export const forwardQuickPicks = ['UBND tỉnh', 'Sở Nông nghiệp và Môi trường', 'Tòa án nhân dân khu vực', 'Công an tỉnh'] as const

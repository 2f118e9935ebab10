import type { HolidayCalendar } from '@shared/calendar/working-days'
import { calendarText } from '../../i18n/calendar'
import { chairText } from '../../i18n/chair'
import type { Directory, DirectoryOfficial, DirectoryUnit } from '@shared/directory'
import { dueDateProblem, type WrittenAnswerDates } from '@shared/meeting/answer-deadline'
import type { Petition, PetitionStatus, Speaker } from '@shared/meeting/model'
import { redactSpeaker } from '@shared/meeting/redact'
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

/**
 * Why a chosen due date cannot be committed, in the chair's words, said before the chair presses
 * (the rule is shared/meeting/answer-deadline.ts, the one the server applies). `noteOf` names a
 * holiday from the office's calendar ("Tết Dương lịch").
 */
export function dueDateWarning(
  date: string,
  dates: Pick<WrittenAnswerDates, 'earliest' | 'latest'>,
  office: { calendar: HolidayCalendar; noteOf?: (day: string) => string | undefined },
): string | null {
  const problem = dueDateProblem(date, dates, office.calendar)
  switch (problem?.code) {
    case undefined:
      return null
    case 'DUE_DATE_MISSING':
      return chairText.decide.dueInvalid
    case 'DUE_DATE_IN_PAST':
      return chairText.decide.dueTooEarly
    case 'DUE_DATE_TOO_LATE':
      return chairText.decide.dueTooLate
    case 'DUE_DATE_WEEKEND':
      return chairText.decide.dueWeekend(problem.weekday === 0 ? 'Chủ nhật' : 'thứ Bảy')
    case 'DUE_DATE_DAY_OFF':
      return calendarText.chair.dueDayOff(formatDateVi(date), office.noteOf?.(date) ?? '', formatDateVi(problem.nextWorkingDay))
  }
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

/** Quick picks for "Vượt thẩm quyền": the bodies petitions are most often forwarded to. */
export const forwardQuickPicks = ['UBND tỉnh', 'Sở Nông nghiệp và Môi trường', 'Tòa án nhân dân khu vực', 'Công an tỉnh'] as const

import type { CalendarYearStatus } from '@shared/calendar/confirmation'
import type { CalendarYearApplied, CalendarYearPreview } from '@shared/calendar/schedule'
import type { Ack } from '@shared/errors'
import type { DeadlineRuleSet } from '@shared/meeting/rules'
import { request } from './http'

// The office's holiday calendar (server/routes/office): its days, each year's confirmation, and
// loading a whole year. Reading is open to anyone signed in and to the paired chair tablet.

export interface CalendarDayRow {
  day: string
  kind: string
  note: string
}

export interface OfficeCalendarData {
  days: CalendarDayRow[]
  /** The years an administrator loaded or confirmed; a year not listed is unconfirmed. */
  years: CalendarYearStatus[]
}

export type ScheduleFormat = 'list' | 'csv' | 'ics'

export const getOfficeCalendar = (): Promise<Ack<OfficeCalendarData>> => request('/api/calendar')

export const getOfficeDeadlineRules = (): Promise<Ack<DeadlineRuleSet>> => request('/api/office/deadlines')

export const previewCalendarYear = (year: number, format: ScheduleFormat, text: string): Promise<Ack<CalendarYearPreview>> =>
  request(`/api/calendar/years/${year}/preview`, { method: 'POST', body: JSON.stringify({ format, text }) })

export const applyCalendarYear = (year: number, format: ScheduleFormat, text: string, confirm: boolean): Promise<Ack<CalendarYearApplied>> =>
  request(`/api/calendar/years/${year}`, { method: 'PUT', body: JSON.stringify({ format, text, confirm }) })

export const confirmCalendarYear = (year: number, confirmed: boolean): Promise<Ack<CalendarYearStatus>> =>
  request(`/api/calendar/years/${year}/confirmation`, { method: 'PUT', body: JSON.stringify({ confirmed }) })

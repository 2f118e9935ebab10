import type { DeadlineRuleSet } from '@shared/meeting/rules'
import type { OfficeProfile } from '@shared/documents/model'
import type { Ack } from '@shared/errors'
import { request, requestNoContent } from './http'
import type { CalendarDay, CalendarKind } from '../components/settings/calendar'

// The office profile printed on documents and the holiday calendar (server/routes/documents, office).
export const getOffice = (): Promise<Ack<OfficeProfile>> => request('/api/office')

export const saveOffice = (profile: OfficeProfile): Promise<Ack<OfficeProfile>> =>
  request('/api/office', { method: 'PUT', body: JSON.stringify(profile) })

export const getCalendarDays = (): Promise<Ack<{ days: CalendarDay[] }>> => request('/api/calendar')
/** The office's own deadline sets (the provincial rules until it sets them). */
export const getDeadlineRules = (): Promise<Ack<DeadlineRuleSet>> => request('/api/office/deadlines')

export const putCalendarDay = (day: string, kind: CalendarKind, note: string): Promise<Ack<CalendarDay>> =>
  request(`/api/calendar/${encodeURIComponent(day)}`, { method: 'PUT', body: JSON.stringify({ kind, note }) })

/** DELETE answers 204 with no body. */
export const deleteCalendarDay = (day: string): Promise<Ack<null>> =>
  requestNoContent(`/api/calendar/${encodeURIComponent(day)}`, { method: 'DELETE' })
export const saveDeadlineRules = (rules: DeadlineRuleSet): Promise<Ack<DeadlineRuleSet>> =>
  request('/api/office/deadlines', { method: 'PUT', body: JSON.stringify(rules) })

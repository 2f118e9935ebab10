import { describe, expect, it } from 'vitest'
import type { AdministrativeDocument } from '@shared/documents/model'
import { calendarFromDays as calendarOf } from '@shared/calendar/working-days'
import { noticeDue } from './due'
import type { DocumentView } from '../../api/documents'

const view = (patch: Partial<DocumentView>): DocumentView => ({
  kind: 'notice',
  draft: {} as AdministrativeDocument,
  draftSaved: null,
  versions: [],
  dueDate: '2026-06-30',
  noticeDueDate: '2026-06-30',
  noticeWorkingDays: 7,
  overdue: false,
  issuedOn: null,
  issuedLate: false,
  register: { type: 'TB', year: 2026, suggestedNumber: 1 },
  protectedInDraft: { names: [], places: [] },
  ...patch,
})

describe('the notice’s due date', () => {
  it('takes the server’s date and flag when the notice is available', () => {
    expect(noticeDue(view({ overdue: true }), null, '2026-07-02')).toEqual({ dueDate: '2026-06-30', overdue: true, issuedOn: null, issuedLate: false })
  })
  it('tells when it was issued, on time or late, as the server says: a finalised text is not an issued one', () => {
    const finalised = view({ versions: [{ version: 1, note: '', savedBy: 'secretary', savedAt: '2026-06-29T18:00:00.000Z', issued: null }] })
    expect(noticeDue(finalised, null, '2026-07-10')).toMatchObject({ issuedOn: null })
    expect(noticeDue(view({ issuedOn: '2026-07-01', issuedLate: true }), null, '2026-07-10')).toMatchObject({ issuedOn: '2026-07-01', issuedLate: true })
  })
  it('counts from the meeting while the notice cannot be drafted yet', () => {
    expect(noticeDue(null, '2026-06-30', '2026-06-30')).toMatchObject({ dueDate: '2026-06-30', overdue: false })
    expect(noticeDue(null, '2026-06-30', '2026-07-01')).toMatchObject({ overdue: true })
    expect(noticeDue(null, null, '2026-07-01')).toMatchObject({ dueDate: null, overdue: false })
  })
  it('reads the calendar days as the shared working-day calendar', () => {
    expect(calendarOf([{ day: '2026-01-01', kind: 'day_off', note: '' }, { day: '2026-02-07', kind: 'working_day', note: '' }])).toEqual({
      daysOff: ['2026-01-01'],
      workingWeekendDays: ['2026-02-07'],
    })
  })
})

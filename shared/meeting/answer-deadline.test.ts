import { describe, expect, it } from 'vitest'
import { calendarFromDays, emptyCalendar } from '../calendar/working-days'
import { dueDateProblem, vietnamToday, writtenAnswerDates } from './answer-deadline'
import type { MeetingDetails } from './model'
import { deadlineRules } from './rules'

const details: MeetingDetails = { meetingDate: '2026-06-19', chairName: '', chairTitle: '', delegated: false, secretaryName: '', level: 'office' }

describe('writtenAnswerDates', () => {
  it('previews the default over working days from the meeting date, and allows from the next day to a year on', () => {
    // Office level: 5 + 7 = 12 working days after Friday 19/06/2026 → Tuesday 07/07/2026.
    expect(writtenAnswerDates(details, '2026-06-19', emptyCalendar, deadlineRules)).toEqual({
      preview: '2026-07-07',
      from: '2026-06-19',
      earliest: '2026-06-20',
      latest: '2027-06-20',
    })
  })

  it('counts from today in Vietnam when the meeting has no date', () => {
    // 20:00 UTC on 18/06 is 03:00 on 19/06 in Vietnam; commune: 7 + 15 = 22 working days.
    const today = vietnamToday(Date.parse('2026-06-18T20:00:00Z'))
    expect(today).toBe('2026-06-19')
    expect(writtenAnswerDates({ ...details, meetingDate: '', level: 'commune' }, today, emptyCalendar, deadlineRules)).toEqual({
      preview: '2026-07-21',
      from: '2026-06-19',
      earliest: '2026-06-20',
      latest: '2027-06-20',
    })
  })

  it('skips the office’s holidays, as the server will: never New Year’s Day 2027', () => {
    const december = { ...details, meetingDate: '2026-12-16' }
    // Twelve weekdays after Wednesday 16/12/2026 end on Friday 01/01/2027, which is Tết Dương lịch.
    expect(writtenAnswerDates(december, '2026-12-16', emptyCalendar).preview).toBe('2027-01-01')
    const calendar = calendarFromDays([{ day: '2027-01-01', kind: 'day_off', note: 'Tết Dương lịch' }])
    expect(writtenAnswerDates(december, '2026-12-16', calendar).preview).toBe('2027-01-04')
  })

  it('uses the office’s own deadline sets, with a worked Saturday counted', () => {
    const own = { ...deadlineRules, office: { noticeWorkingDays: 3, resultWorkingDays: 5, extendedResultWorkingDays: 10 } }
    const calendar = calendarFromDays([{ day: '2026-06-27', kind: 'working_day', note: 'Làm bù' }])
    expect(writtenAnswerDates(details, '2026-06-19', calendar, own).preview).toBe('2026-06-30')
  })
})

describe('dueDateProblem', () => {
  const dates = { earliest: '2026-06-20', latest: '2027-06-20' }

  it('names what the server would refuse: no date, too early, too late, a weekend', () => {
    expect(dueDateProblem('2026-07-06', dates, emptyCalendar)).toBeNull() // a Monday
    expect(dueDateProblem('', dates, emptyCalendar)).toEqual({ code: 'DUE_DATE_MISSING' })
    expect(dueDateProblem('2026-06-19', dates, emptyCalendar)).toEqual({ code: 'DUE_DATE_IN_PAST' })
    expect(dueDateProblem('2027-06-21', dates, emptyCalendar)).toEqual({ code: 'DUE_DATE_TOO_LATE' })
    expect(dueDateProblem('2026-07-05', dates, emptyCalendar)).toEqual({ code: 'DUE_DATE_WEEKEND', weekday: 0, nextWorkingDay: '2026-07-06' })
    expect(dueDateProblem('2026-07-04', dates, emptyCalendar)).toEqual({ code: 'DUE_DATE_WEEKEND', weekday: 6, nextWorkingDay: '2026-07-06' })
  })

  it('names a holiday of the office’s calendar with the next working day; a worked Saturday is fine', () => {
    const calendar = calendarFromDays([
      { day: '2026-09-02', kind: 'day_off', note: 'Quốc khánh' },
      { day: '2026-10-10', kind: 'working_day', note: 'Làm bù' },
    ])
    expect(dueDateProblem('2026-09-02', dates, calendar)).toEqual({ code: 'DUE_DATE_DAY_OFF', nextWorkingDay: '2026-09-03' })
    expect(dueDateProblem('2026-10-10', dates, calendar)).toBeNull()
  })
})

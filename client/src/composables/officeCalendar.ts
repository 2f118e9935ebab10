import { computed, ref } from 'vue'
import { confirmedYearsOf, deadlineCalendarWarning, type CalendarYearStatus } from '@shared/calendar/confirmation'
import { calendarFromDays } from '@shared/calendar/working-days'
import { deadlineRules, type DeadlineRuleSet } from '@shared/meeting/rules'
import { getOfficeCalendar, getOfficeDeadlineRules, type CalendarDayRow } from '../api/calendar'

// The office's holiday calendar, its confirmed years and its deadline sets, loaded once per page and
// shared by every screen that shows a deadline: the chair's tablet previews the default deadline over
// it, and the console, the follow-up and the documents pages warn when a deadline depends on a year
// an administrator has not confirmed. Reloaded when the page comes back into view after a while,
// since a tablet stays open through a whole meeting.
const days = ref<CalendarDayRow[]>([])
const years = ref<CalendarYearStatus[]>([])
const rules = ref<DeadlineRuleSet>(deadlineRules)
const loaded = ref(false)
const error = ref<string | null>(null)
let inflight: Promise<void> | null = null
let loadedAt = 0
const staleAfterMs = 5 * 60_000

const calendar = computed(() => calendarFromDays(days.value))
const confirmedYears = computed(() => confirmedYearsOf(years.value))
const notes = computed(() => new Map(days.value.map((d) => [d.day, d.note])))

async function load(): Promise<void> {
  const [cal, set] = await Promise.all([getOfficeCalendar(), getOfficeDeadlineRules()])
  if (cal.ok) {
    days.value = cal.data.days ?? []
    years.value = cal.data.years ?? []
  }
  if (set.ok) rules.value = set.data
  const failed = !cal.ok ? cal : !set.ok ? set : null
  error.value = failed ? failed.error.message : null
  if (!failed) {
    loaded.value = true
    loadedAt = Date.now()
  }
}

function reload(): Promise<void> {
  inflight ??= load().finally(() => (inflight = null))
  return inflight
}

let watchingVisibility = false
function watchVisibility(): void {
  if (watchingVisibility || typeof document === 'undefined') return
  watchingVisibility = true
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible' && Date.now() - loadedAt > staleAfterMs) void reload()
  })
}

/**
 * The warning for a deadline counted from `start` to `due` (start null for a chosen date), or null.
 * Null too until the calendar is loaded: a warning is said only when it is known to hold.
 */
function warningFor(start: string | null | undefined, due: string | null | undefined): string | null {
  if (!loaded.value || !due) return null
  return deadlineCalendarWarning(start || null, due, confirmedYears.value)
}

export function useOfficeCalendar() {
  if (!loaded.value) void reload()
  watchVisibility()
  return { days, years, rules, calendar, confirmedYears, notes, loaded, error, reload, warningFor }
}

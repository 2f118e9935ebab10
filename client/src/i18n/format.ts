const dateTime = new Intl.DateTimeFormat('vi-VN', {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
})
const time = new Intl.DateTimeFormat('vi-VN', { hour: '2-digit', minute: '2-digit' })

/** "08:30 20/12/2025"; the raw text when it is not a date (never "Invalid Date" on screen). */
export function formatDateTime(iso: string): string {
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? iso : dateTime.format(date)
}

export function formatTime(iso: string | null): string {
  if (!iso) return ''
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? '' : time.format(date)
}

// The records (audit trails, accounts, paired devices) are read as the office's own time, whatever
// the clock of the computer reading them says: an inspector away from the province sees the same.
const officeTime = new Intl.DateTimeFormat('vi-VN', {
  timeZone: 'Asia/Ho_Chi_Minh',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
})

/** "08:30:15 20/12/2025" in Vietnam's time; the raw text when it is not a date. */
export function formatOfficeTime(iso: string): string {
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? iso : officeTime.format(date)
}

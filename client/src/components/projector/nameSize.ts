// The projector cannot scroll, so the current speaker's name is sized by its length: short names
// (most Vietnamese names, 3–4 words) get the largest type on one line; long ones (double given
// names, "Đại biểu số 12", names with titles) step down so two lines still fit on a 16:9 screen.

export type NameSize = 'xl' | 'l' | 'm'

export function speakerNameSize(label: string): NameSize {
  // Count characters as people see them: a decomposed "ệ" is one letter, not three code points.
  const length = [...label.normalize('NFC').trim()].length
  if (length <= 20) return 'xl'
  if (length <= 32) return 'l'
  return 'm'
}

export type TextSize = 'xl' | 'l' | 'm' | 's'

/** An announcement fills the screen: the shorter it is, the larger it is set. */
export function announcementSize(text: string): TextSize {
  const length = [...text.normalize('NFC').trim()].length
  if (length <= 40) return 'xl'
  if (length <= 110) return 'l'
  if (length <= 240) return 'm'
  return 's'
}

import { meetingPhases, type MeetingPhase, type ProgrammeItem } from '@shared/meeting/model'

// The programme the secretary set is free text; the meeting moves through fixed phases. Each item is
// placed in a phase by the words it uses (the plans in docs/seeds/ and defaultProgramme word them this
// way); an item that names none belongs with the item before it. On the projector the items of the
// current phase are marked "Đang diễn ra", earlier ones "Đã xong".

const rules: [MeetingPhase, RegExp][] = [
  // Checked in this order: "Chủ trì kết luận" is the conclusion even though it names the chair,
  // "Giới thiệu … bộ phận tiếp nhận đăng ký phát biểu" is the opening even though it says "phát biểu".
  ['closed', /bế mạc/],
  ['conclusion', /kết luận/],
  ['report', /báo cáo/],
  ['opening', /khai mạc|tuyên bố|giới thiệu|nội quy|chào cờ|chương trình/],
  ['dialogue', /phát biểu|đối thoại|trả lời|thảo luận|ý kiến|kiến nghị/],
]

export function programmeItemPhase(title: string): MeetingPhase | null {
  const text = title.normalize('NFC').toLowerCase()
  return rules.find(([, pattern]) => pattern.test(text))?.[0] ?? null
}

/** The phase of every item, in order; the first items default to the opening. */
export function programmePhases(items: readonly ProgrammeItem[]): MeetingPhase[] {
  let previous: MeetingPhase = 'opening'
  return items.map((item) => (previous = programmeItemPhase(item.title) ?? previous))
}

export type ProgrammeItemState = 'done' | 'current' | 'upcoming'

export function programmeItemStates(items: readonly ProgrammeItem[], phase: MeetingPhase): ProgrammeItemState[] {
  const now = meetingPhases.indexOf(phase)
  return programmePhases(items).map((p) => {
    const at = meetingPhases.indexOf(p)
    return phase === 'closed' || at < now ? 'done' : at === now ? 'current' : 'upcoming'
  })
}

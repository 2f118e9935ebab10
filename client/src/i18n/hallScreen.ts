import { countLabels } from '@shared/meeting/outcome'

// The petition counts in one wording for every screen (console, tablet, projector, phones), and the
// hall's words for the end of the conference: the chair's conclusions, the closing screen, and which
// projector shows what (the console's per-screen control).

/** What each count is called, everywhere: the one outcome vocabulary (shared/meeting/outcome.ts). */
export { countLabels }

export const hallScreenText = {
  conclusionHeading: 'Kết luận của chủ trì hội nghị',
  conclusionPending: 'Chủ trì hội nghị đang kết luận',
  petitionConclusions: 'Kết luận từng kiến nghị',
  noPetitionConclusions: 'Chưa có kết luận về kiến nghị',
  closedHeading: 'Hội nghị đã bế mạc',
  figuresHeading: 'Kết quả hội nghị',
  received: 'Kiến nghị tiếp nhận',
  receivedDetail: (registered: number, added: number) => `${registered} đã đăng ký, ${added} bổ sung tại hội nghị`,
  speakersHeard: 'Đại biểu đã phát biểu',
  thanks: 'Trân trọng cảm ơn các đại biểu đã tham dự hội nghị!',
  /** The attendee phone's card once the discussion is over. */
  discussionOver: 'Phần đối thoại đã kết thúc.',
  page: (n: number, of: number) => `${n}/${of}`,
  /** The console's per-screen control. */
  screens: {
    heading: 'Từng màn hình trong hội trường',
    none: 'Chưa ghép màn hình chiếu nào. Ghép tại "Thiết bị trong hội trường".',
    follows: 'Theo màn hình chung',
    own: 'Riêng',
    modeFor: (label: string) => `Nội dung của ${label}`,
    shows: 'Đang hiện:',
    assigned: (label: string, mode: string) => `${label}: ${mode}.`,
    followed: (label: string) => `${label} trở lại theo màn hình chung.`,
    unnamed: 'Màn hình chiếu',
    loadError: 'Không tải được danh sách màn hình:',
  },
} as const

import { hallStatusLabels } from '@shared/meeting/outcome'

// The hall screen's words (the projector view and components/projector), and the countdown's, which
// the chair's tablet shares. Read from 15 m: short, no abbreviations the hall would not know.

export const timerText = {
  ready: 'Thời gian phát biểu',
  running: 'Còn lại',
  warning: 'Sắp hết giờ',
  paused: 'Tạm dừng',
  over: 'Hết giờ',
  overBy: 'Quá giờ',
  extended: (minutes: number) => `Đã thêm ${minutes} phút`,
} as const

export const projectorText = {
  phase: 'Phiên',
  microphoneFree: 'Micro đang trống',
  speakerStatus: {
    waiting: 'Chờ phát biểu',
    called: 'Xin mời phát biểu',
    speaking: 'Đang phát biểu',
    paused: 'Đang phát biểu · tạm dừng',
    finished: 'Đã phát biểu xong',
    withdrawn: 'Đã rút',
  },
  petition: 'Kiến nghị đang xem xét',
  noPetition: 'Chưa có kiến nghị đang xem xét',
  answerer: 'Người trả lời',
  outcome: 'Kết quả',
  notAssigned: 'Chủ trì sẽ trả lời hoặc phân công trả lời',
  petitionsHeading: 'Kiến nghị theo lĩnh vực',
  petitionsEmpty: 'Chưa có kiến nghị',
  continued: '(tiếp)',
  page: (n: number, of: number) => `Trang ${n}/${of}`,
  petitionCount: (n: number) => `${n} kiến nghị`,
  /** Short status words for a list read from the back of the hall (the one outcome vocabulary, shared). */
  status: hallStatusLabels,
  programmeHeading: 'Chương trình hội nghị',
  programmeNow: 'Đang diễn ra',
  programmeDone: 'Đã xong',
  announcement: 'Thông báo',
  nationalName: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  nationalMotto: 'Độc lập - Tự do - Hạnh phúc',
  reloading: 'Đang thử kết nối lại…',
} as const

// The words of the holiday calendar by year: loading a year's schedule on the settings page, and the
// calendar's part of the deadlines the chair sees. (The unconfirmed-year warning itself is shared:
// shared/calendar/confirmation.ts, so the server's documents say the same words.)
export const calendarText = {
  years: {
    heading: 'Xác nhận lịch theo năm',
    lead: 'Mỗi năm Chính phủ công bố lịch nghỉ Tết và ngày làm bù. Khi đã đối chiếu lịch của một năm với thông báo chính thức, hãy xác nhận năm đó; hạn tính qua năm chưa xác nhận sẽ kèm cảnh báo trên mọi màn hình.',
    confirmed: 'Đã xác nhận',
    unconfirmed: 'Chưa xác nhận',
    confirmedBy: (who: string, when: string) => `Xác nhận bởi ${who}, ${when}`,
    loadedBy: (who: string, when: string) => `Nạp lần cuối: ${who}, ${when}`,
    confirm: 'Xác nhận lịch năm này',
    confirmAsIs: (year: number) => `Xác nhận lịch năm ${year} như hiện có`,
    unconfirm: 'Bỏ xác nhận',
    confirmedNow: (year: number) => `Đã xác nhận lịch năm ${year}.`,
    unconfirmedNow: (year: number) => `Đã bỏ xác nhận lịch năm ${year}.`,
    yearState: (year: number, confirmed: boolean) => `Năm ${year}: ${confirmed ? 'đã xác nhận' : 'chưa xác nhận'}`,
  },
  load: {
    heading: (year: number) => `Nạp lịch năm ${year} một lần`,
    lead: 'Dán danh sách ngày từ thông báo chính thức, hoặc chọn tệp .csv / .ics. Xem trước rồi mới lưu: lịch năm này sẽ được thay bằng danh sách mới.',
    pasteLabel: 'Dán danh sách (mỗi dòng một ngày hoặc một khoảng ngày)',
    pastePlaceholder: (year: number) =>
      `01/01/${year} Tết Dương lịch\n${year}-01-10 làm bù cho thứ Sáu 02/01\n14/02/${year} - 22/02/${year} nghỉ Tết Nguyên đán`,
    pasteHint:
      'Ngày thường ghi trong danh sách là ngày nghỉ; Thứ Bảy, Chủ nhật ghi "làm bù" hoặc "làm việc" là ngày làm bù. Thứ Bảy, Chủ nhật trong khoảng ngày nghỉ không cần lưu. Dòng bắt đầu bằng # được bỏ qua.',
    fileLabel: 'Hoặc chọn tệp .csv, .ics',
    fileHint: 'Tệp .csv: cột Ngày (hoặc khoảng ngày), Loại (nghỉ / làm bù, có thể bỏ trống), Ghi chú. Tệp .ics: các sự kiện trong năm.',
    fileRead: (name: string) => `Đã đọc tệp ${name}.`,
    fileUnknown: 'Chỉ nhận tệp .csv, .txt hoặc .ics.',
    fileTooBig: 'Tệp quá lớn (tối đa 500 KB).',
    preview: 'Xem trước',
    previewing: 'Đang đọc…',
    empty: 'Dán danh sách hoặc chọn tệp trước.',
    daysRead: (n: number) => `Đọc được ${n} ngày sẽ lưu`,
    skipped: 'Không lưu (đã đúng theo tuần):',
    problems: (n: number) => `${n} dòng cần sửa trước khi lưu:`,
    changes: 'So với lịch đang lưu của năm này:',
    added: (n: number) => `thêm ${n}`,
    removed: (n: number) => `bỏ ${n}`,
    changed: (n: number) => `sửa ${n}`,
    unchanged: (n: number) => `giữ nguyên ${n}`,
    noChange: 'Không có gì thay đổi so với lịch đang lưu.',
    change: { added: 'Thêm', removed: 'Bỏ', changed: 'Sửa' } as const,
    confirmToo: 'Tôi đã đối chiếu với thông báo chính thức: xác nhận lịch năm này',
    apply: (year: number) => `Lưu lịch năm ${year}`,
    applying: 'Đang lưu…',
    applied: (year: number, n: number) => `Đã lưu lịch năm ${year}: ${n} ngày.`,
    cancel: 'Bỏ',
    source: 'Dòng',
  },
  secretary: {
    defaultDue: (date: string) => `Hạn mặc định: ${date}.`,
  },
  chair: {
    calendarLoading: 'Đang tải lịch nghỉ của cơ quan…',
    dueDefaultHint: (date: string) => `Hạn ${date}: tính theo ngày làm việc, trừ thứ Bảy, Chủ nhật và các ngày nghỉ trong lịch của cơ quan, như máy chủ sẽ ghi nhận.`,
    calendarFailed: 'Chưa tải được lịch nghỉ của cơ quan: hạn xem trước chưa trừ ngày nghỉ lễ (máy chủ vẫn tính đúng khi ghi nhận).',
    dueDayOff: (date: string, note: string, next: string) =>
      `Ngày ${date} là ngày nghỉ${note ? ` (${note})` : ''}, không phải ngày làm việc. Hãy chọn ngày khác, ví dụ ${next}.`,
  },
}

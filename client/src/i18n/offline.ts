// The words for a dropped network and for what survives it: commands kept in the outbox, drafts kept
// in the browser, and the warnings before leaving a page with either (realtime/outbox.ts,
// composables/draft.ts, composables/leaveGuard.ts).

export const offlineText = {
  /** The console's notice line, when a command sent by a page that was since reloaded is refused. */
  restoredRefused: (what: string, message: string) =>
    what ? `Thao tác nhập trước khi tải lại trang (${what}) không được ghi nhận: ${message}` : `Một thao tác nhập trước khi tải lại trang không được ghi nhận: ${message}`,
  /** What `beforeunload` and the in-app navigation guard ask. */
  leaveConfirm: (pending: number, drafts: number) => {
    const parts: string[] = []
    if (pending > 0) parts.push(`${pending} thao tác chưa gửi được tới máy chủ`)
    if (drafts > 0) parts.push('nội dung đang soạn chưa lưu')
    return `Trang này còn ${parts.join(' và ')}. Máy này vẫn giữ lại và sẽ gửi khi mở lại hội nghị, nhưng người khác chưa thấy. Vẫn rời trang?`
  },
  /** After the offline banner's count of commands waiting: they survive a reload on this device. */
  keptHere: 'đã lưu trên máy này, sẽ tự gửi khi có mạng',
  /** Under a text box whose text came back from this browser's draft after a reload. */
  draftRestored: 'Đã khôi phục nội dung đang soạn trước khi tải lại trang (chưa lưu).',
} as const

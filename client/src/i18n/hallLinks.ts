// Issue 11, part A: the address handed to the hall's devices, the queue by touch, the home list's
// dates and phases, the meeting audit's subjects. Kept apart from vi.ts so several people can add
// strings at once.

export const hallLinksText = {
  address: {
    loading: 'Đang hỏi máy chủ địa chỉ trao cho thiết bị…',
    handedOut: 'Thiết bị trong hội trường mở:',
    configured: '(đặt bằng PUBLIC_URL)',
    detected: '(địa chỉ mạng nội bộ máy chủ tự dò)',
    none: 'Máy chủ không tìm thấy địa chỉ mạng nội bộ: mã QR và liên kết dưới đây dùng địa chỉ của trang này, thiết bị khác có thể không mở được. Nối mạng cho máy chủ rồi tải lại trang, hoặc đặt PUBLIC_URL (xem README).',
    loopback: (url: string) =>
      `${url} chỉ tới chính thiết bị mở nó: máy tính bảng, màn hình chiếu và điện thoại đại biểu sẽ không vào được. Đặt PUBLIC_URL là địa chỉ máy chủ trong mạng nội bộ (xem README).`,
    otherHost: (page: string, url: string) => `Trang này đang mở tại ${page}; mã QR và liên kết trao cho thiết bị dùng ${url}.`,
    failed: 'Chưa hỏi được máy chủ địa chỉ trao cho thiết bị; tạm dùng địa chỉ của trang này.',
  },
  queue: {
    moveGroup: (who: string) => `Đổi thứ tự: ${who}`,
    toNext: 'Lên đầu',
    toNextLabel: (who: string) => `Đưa ${who} lên đầu hàng chờ (người tiếp theo)`,
    up: 'Lên',
    upLabel: (who: string) => `Đưa ${who} lên một bậc`,
    down: 'Xuống',
    downLabel: (who: string) => `Đưa ${who} xuống một bậc`,
  },
  chairQueue: {
    toNext: 'Mời tiếp theo',
    toNextLabel: (who: string) => `Mời tiếp theo: đưa ${who} lên đầu danh sách chờ`,
  },
  home: {
    date: (date: string) => `Ngày họp ${date}`,
    noDate: 'Chưa đặt ngày họp',
  },
  audit: {
    subject: 'Liên quan',
    petition: (no: number, title: string) => `KN ${no}: ${title}`,
    speaker: (no: number, name: string | null) => (name ? `Người phát biểu số ${no}: ${name}` : `Người phát biểu số ${no}`),
  },
}

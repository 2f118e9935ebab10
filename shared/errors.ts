// Error codes shared by REST responses, socket acks and the UI. The message is the Vietnamese text a
// person sees; the code is what programs (and tests) branch on.
export const ErrorCode = {
  VALIDATION_FAILED: 'VALIDATION_FAILED',
  BAD_REQUEST: 'BAD_REQUEST',
  UNKNOWN_COMMAND: 'UNKNOWN_COMMAND',
  MEETING_NOT_FOUND: 'MEETING_NOT_FOUND',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  PROTOCOL_MISMATCH: 'PROTOCOL_MISMATCH',
  COMMAND_ID_REUSED: 'COMMAND_ID_REUSED',
  PETITION_NOT_FOUND: 'PETITION_NOT_FOUND',
  QUEUE_EMPTY: 'QUEUE_EMPTY',
  NO_CURRENT_SPEAKER: 'NO_CURRENT_SPEAKER',
  SPEAKER_NOT_FOUND: 'SPEAKER_NOT_FOUND',
  SPEAKER_NOT_WAITING: 'SPEAKER_NOT_WAITING',
  NO_SPEAKER_TO_READD: 'NO_SPEAKER_TO_READD',
  SPEECH_ALREADY_RUNNING: 'SPEECH_ALREADY_RUNNING',
  SPEECH_NOT_RUNNING: 'SPEECH_NOT_RUNNING',
  SPEECH_NOT_PAUSED: 'SPEECH_NOT_PAUSED',
  SPEECH_NOT_STARTED: 'SPEECH_NOT_STARTED',
  REGISTRATION_CLOSED: 'REGISTRATION_CLOSED',
  MEETING_CLOSED: 'MEETING_CLOSED',
  PETITION_RESOLVED: 'PETITION_RESOLVED',
  PETITION_NOT_RESOLVED: 'PETITION_NOT_RESOLVED',
  OPEN_PETITIONS: 'OPEN_PETITIONS',
  REQUESTS_WAITING: 'REQUESTS_WAITING',
  INVALID_MERGE: 'INVALID_MERGE',
  OFFICIAL_NOT_FOUND: 'OFFICIAL_NOT_FOUND',
  UNIT_NOT_FOUND: 'UNIT_NOT_FOUND',
  DUE_DATE_IN_PAST: 'DUE_DATE_IN_PAST',
  DUE_DATE_TOO_LATE: 'DUE_DATE_TOO_LATE',
  DUE_DATE_DAY_OFF: 'DUE_DATE_DAY_OFF',
  NO_CHANGE: 'NO_CHANGE',
  MINUTES_NOT_FINAL: 'MINUTES_NOT_FINAL',
  ALREADY_ISSUED: 'ALREADY_ISSUED',
  NUMBER_TAKEN: 'NUMBER_TAKEN',
  CONFIDENTIAL_NAMES: 'CONFIDENTIAL_NAMES',
  ALREADY_EXTENDED: 'ALREADY_EXTENDED',
  RESULT_ALREADY_RECORDED: 'RESULT_ALREADY_RECORDED',
  NOT_FOUND: 'NOT_FOUND',
  RATE_LIMITED: 'RATE_LIMITED',
  INVALID_CREDENTIALS: 'INVALID_CREDENTIALS',
  WRONG_PASSWORD: 'WRONG_PASSWORD',
  CSRF_FAILED: 'CSRF_FAILED',
  TOKEN_INVALID: 'TOKEN_INVALID',
  PAIRING_CODE_INVALID: 'PAIRING_CODE_INVALID',
  PAIRING_PAUSED: 'PAIRING_PAUSED',
  DEVICE_REVOKED: 'DEVICE_REVOKED',
  PROJECTOR_NOT_FOUND: 'PROJECTOR_NOT_FOUND',
  SPEAK_REQUEST_NOT_FOUND: 'SPEAK_REQUEST_NOT_FOUND',
  SPEAK_REQUEST_DECIDED: 'SPEAK_REQUEST_DECIDED',
  SPEAK_REQUEST_EXISTS: 'SPEAK_REQUEST_EXISTS',
  SPEAK_REQUEST_PENDING: 'SPEAK_REQUEST_PENDING',
  SPEAK_REQUESTS_FULL: 'SPEAK_REQUESTS_FULL',
  /** Not RATE_LIMITED: a screen retries that by itself, and the person would never read why. */
  SPEAK_REQUESTS_TOO_MANY: 'SPEAK_REQUESTS_TOO_MANY',
  SPEAK_REQUEST_NEEDS_CONFIDENTIAL: 'SPEAK_REQUEST_NEEDS_CONFIDENTIAL',
  USERNAME_TAKEN: 'USERNAME_TAKEN',
  LAST_ADMIN: 'LAST_ADMIN',
  UNAVAILABLE: 'UNAVAILABLE',
  INTERNAL: 'INTERNAL',
} as const
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode]

export const errorMessages: Record<ErrorCode, string> = {
  VALIDATION_FAILED: 'Dữ liệu không hợp lệ.',
  BAD_REQUEST: 'Yêu cầu không hợp lệ.',
  UNKNOWN_COMMAND: 'Lệnh không được hỗ trợ.',
  MEETING_NOT_FOUND: 'Không tìm thấy hội nghị.',
  UNAUTHENTICATED: 'Cần đăng nhập (hoặc ghép thiết bị) để thực hiện thao tác này.',
  FORBIDDEN: 'Vai trò của bạn không được phép thực hiện thao tác này.',
  PROTOCOL_MISMATCH: 'Phiên bản ứng dụng không khớp với máy chủ. Vui lòng tải lại trang.',
  COMMAND_ID_REUSED: 'Mã lệnh đã được dùng cho một lệnh khác.',
  PETITION_NOT_FOUND: 'Không tìm thấy kiến nghị được liên kết.',
  QUEUE_EMPTY: 'Không còn người đăng ký phát biểu đang chờ.',
  NO_CURRENT_SPEAKER: 'Hiện không có ai đang phát biểu.',
  SPEAKER_NOT_FOUND: 'Không tìm thấy người đăng ký phát biểu.',
  SPEAKER_NOT_WAITING: 'Người này không còn trong danh sách chờ phát biểu.',
  NO_SPEAKER_TO_READD: 'Chưa có ai phát biểu xong để mời phát biểu lại.',
  SPEECH_ALREADY_RUNNING: 'Đồng hồ phát biểu đang chạy.',
  SPEECH_NOT_RUNNING: 'Đồng hồ phát biểu không chạy.',
  SPEECH_NOT_PAUSED: 'Lượt phát biểu không ở trạng thái tạm dừng.',
  SPEECH_NOT_STARTED: 'Lượt phát biểu chưa bắt đầu.',
  REGISTRATION_CLOSED: 'Đã khóa đăng ký phát biểu.',
  MEETING_CLOSED: 'Hội nghị đã bế mạc; không thể thay đổi diễn biến.',
  PETITION_RESOLVED: 'Kiến nghị này đã có kết quả xử lý. Mở lại nếu cần thay đổi.',
  PETITION_NOT_RESOLVED: 'Kiến nghị chưa được trả lời, phân công hoặc chuyển.',
  OPEN_PETITIONS: 'Còn kiến nghị chưa xử lý; hãy quyết định từng kiến nghị trước khi bế mạc.',
  REQUESTS_WAITING: 'Còn đăng ký phát biểu từ điện thoại chưa xem; hãy nhận hoặc từ chối trước khi bế mạc.',
  INVALID_MERGE: 'Không thể gộp kiến nghị vào chính nó hoặc vào kiến nghị đã gộp.',
  OFFICIAL_NOT_FOUND: 'Không tìm thấy cán bộ trong danh bạ.',
  UNIT_NOT_FOUND: 'Không tìm thấy đơn vị trong danh bạ.',
  DUE_DATE_IN_PAST: 'Hạn trả lời phải sau ngày hội nghị.',
  DUE_DATE_TOO_LATE: 'Hạn trả lời không được quá một năm sau ngày hội nghị.',
  DUE_DATE_DAY_OFF: 'Hạn trả lời rơi vào ngày nghỉ; hãy chọn một ngày làm việc.',
  NO_CHANGE: 'Không có gì thay đổi.',
  MINUTES_NOT_FINAL: 'Cần hoàn thiện (chốt) biên bản trước khi lập thông báo kết luận.',
  ALREADY_ISSUED: 'Phiên bản này đã được ban hành.',
  NUMBER_TAKEN: 'Số văn bản này đã được dùng; mỗi số chỉ dùng một lần trong năm.',
  CONFIDENTIAL_NAMES: 'Văn bản công khai còn nêu thông tin của người kiến nghị đề nghị giữ bí mật.',
  ALREADY_EXTENDED: 'Thời hạn chỉ được gia hạn một lần.',
  RESULT_ALREADY_RECORDED: 'Kết quả giải quyết đã được ghi nhận.',
  NOT_FOUND: 'Không tìm thấy.',
  RATE_LIMITED: 'Quá nhiều yêu cầu, vui lòng thử lại sau.',
  INVALID_CREDENTIALS: 'Tên đăng nhập hoặc mật khẩu không đúng.',
  WRONG_PASSWORD: 'Mật khẩu hiện tại không đúng.',
  CSRF_FAILED: 'Phiên làm việc không hợp lệ. Vui lòng tải lại trang rồi thử lại.',
  TOKEN_INVALID: 'Liên kết đặt mật khẩu không đúng, đã hết hạn hoặc đã được dùng.',
  PAIRING_CODE_INVALID: 'Mã ghép không đúng hoặc đã hết hạn.',
  PAIRING_PAUSED: 'Tạm ngừng ghép bằng mã số vì có quá nhiều lần nhập sai. Hãy quét mã QR trên bàn thư ký, hoặc thử lại sau ít phút.',
  DEVICE_REVOKED: 'Thiết bị này đã bị thu hồi hoặc hết thời hạn ghép. Hãy ghép lại bằng mã mới.',
  PROJECTOR_NOT_FOUND: 'Không tìm thấy màn hình chiếu này trong các thiết bị đã ghép của hội nghị (có thể đã bị thu hồi).',
  SPEAK_REQUEST_NOT_FOUND: 'Không tìm thấy đăng ký phát biểu này.',
  SPEAK_REQUEST_DECIDED: 'Đăng ký phát biểu này đã được thư ký xử lý hoặc đã rút.',
  SPEAK_REQUEST_EXISTS: 'Đăng ký phát biểu này đã được gửi.',
  SPEAK_REQUEST_PENDING: 'Điện thoại này đang có một đăng ký phát biểu chờ thư ký xử lý. Hãy chờ kết quả hoặc rút đăng ký đó trước.',
  SPEAK_REQUESTS_FULL: 'Hiện có quá nhiều đăng ký phát biểu đang chờ thư ký xử lý. Vui lòng thử lại sau ít phút hoặc đăng ký tại bàn thư ký.',
  SPEAK_REQUESTS_TOO_MANY: 'Điện thoại này đã gửi nhiều đăng ký phát biểu trong ít phút qua. Vui lòng chờ ít phút, hoặc đăng ký tại bàn thư ký.',
  SPEAK_REQUEST_NEEDS_CONFIDENTIAL:
    'Người này đề nghị giữ bí mật: cần thêm kiến nghị mới được đánh dấu bảo mật, hoặc liên kết với một kiến nghị bảo mật đã có.',
  USERNAME_TAKEN: 'Tên đăng nhập này đã có người dùng.',
  LAST_ADMIN: 'Phải còn ít nhất một tài khoản quản trị đang hoạt động.',
  UNAVAILABLE: 'Máy chủ tạm thời không ghi được dữ liệu (mất kết nối cơ sở dữ liệu). Lệnh chưa được ghi; ứng dụng sẽ tự gửi lại.',
  INTERNAL: 'Đã xảy ra lỗi trên máy chủ. Vui lòng thử lại.',
}

export interface AppError {
  code: ErrorCode
  message: string
  /** Field-level problems for VALIDATION_FAILED: path → Vietnamese message. */
  fields?: Record<string, string>
}

export function appError(code: ErrorCode, message = errorMessages[code], fields?: Record<string, string>): AppError {
  return fields ? { code, message, fields } : { code, message }
}

/** The acknowledgement of every client → server message, and the shape of every REST error body. */
export type Ack<T> = { ok: true; data: T } | { ok: false; error: AppError }

export type Result<T> = Ack<T>
export const ok = <T>(data: T): { ok: true; data: T } => ({ ok: true, data })
export const fail = (code: ErrorCode, message?: string, fields?: Record<string, string>): { ok: false; error: AppError } => ({
  ok: false,
  error: appError(code, message, fields),
})

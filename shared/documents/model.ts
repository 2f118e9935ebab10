// One shape for every administrative document the app issues (Nghị định 30/2020/NĐ-CP): the
// conclusion notice (Thông báo kết luận), the minutes (Biên bản) and the results report (Báo cáo
// kết quả). Builders in this folder fill it from the meeting log; server/documents renders it as
// .docx and as a print-ready page. Text here is final wording, in NFC.

/** Who issues the document: the header's two lines, the number's symbol and the place line. */
export interface OfficeProfile {
  /** Cơ quan chủ quản, printed in capitals, not bold: "UBND TỈNH SƠN LA". '' when none. */
  parentBody: string
  /** Cơ quan ban hành, printed in capitals, bold: "VĂN PHÒNG". */
  issuingBody: string
  /** Viết tắt for the number: "VPUB" → "Số: 12/TB-VPUB". */
  officeCode: string
  /** Địa danh for the date line: "Sơn La" → "Sơn La, ngày 05 tháng 01 năm 2026". */
  place: string
}

export interface SignatureBlock {
  /** Thẩm quyền ký, e.g. "KT. CHÁNH VĂN PHÒNG", "TM. ỦY BAN NHÂN DÂN"; '' when signing in one's own name. */
  authority: string
  /** Chức vụ, e.g. "PHÓ CHÁNH VĂN PHÒNG", "CHỦ TỊCH", "THƯ KÝ", "CHỦ TỌA". */
  position: string
  /** Họ và tên người ký. */
  name: string
}

export type DocumentBlock =
  /** A section heading such as "I. KẾT QUẢ ĐỐI THOẠI" (bold). */
  | { kind: 'heading'; text: string }
  /** A sub-heading such as "1. Giao Phòng Kinh tế" (bold). */
  | { kind: 'subheading'; text: string }
  | { kind: 'paragraph'; text: string; italic?: boolean }
  /** A line starting with "- ", as the seeds write lists. */
  | { kind: 'bullet'; text: string }
  /** A simple table (the results report's figures). The first row is the header. */
  | { kind: 'table'; rows: string[][] }

export const DocumentKind = { notice: 'notice', minutes: 'minutes', report: 'report' } as const
export type DocumentKind = (typeof DocumentKind)[keyof typeof DocumentKind]

export interface AdministrativeDocument {
  kind: DocumentKind
  office: OfficeProfile
  /** The number part of "Số: 12/TB-VPUB"; '' leaves it blank for the records clerk to fill in. */
  number: string
  /** Ký hiệu: "TB-VPUB", "BB-VPUB", "BC-VPUB". */
  symbol: string
  /** 'YYYY-MM-DD'; '' leaves "ngày … tháng … năm …" blank. */
  date: string
  /** The document type in capitals: "THÔNG BÁO", "BIÊN BẢN", "BÁO CÁO". */
  title: string
  /** Trích yếu, the bold line under the title. */
  summary: string
  body: DocumentBlock[]
  /** Nơi nhận, each without the leading "- "; the last is "Lưu: VT, …". Empty for minutes. */
  recipients: string[]
  /** One block (notice, report) or two, left then right (minutes: THƯ KÝ, CHỦ TỌA). */
  signatures: SignatureBlock[]
}

/** "Sơn La, ngày 05 tháng 01 năm 2026": days and months below 10 keep their leading zero. */
export function placeAndDate(place: string, date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  if (!m) return `${place}, ngày     tháng     năm     `
  return `${place}, ngày ${m[3]} tháng ${m[2]} năm ${m[1]}`
}

/** "Số: 12/TB-VPUB", or "Số:      /TB-VPUB" when the number is not assigned yet. */
export function numberLine(number: string, symbol: string): string {
  return `Số: ${number || '     '}/${symbol}`
}

// One shape for every administrative document the app issues (Nghị định 30/2020/NĐ-CP): the
// conclusion notice (Thông báo kết luận), the minutes (Biên bản) and the results report (Báo cáo
// kết quả). Builders in this folder fill it from the meeting log; server/documents renders it as
// .docx and as a print-ready page. Text here is final wording, in NFC.

/** Who issues the document: the header's two lines, the number's symbol and the place line. */
export interface OfficeHeader {
  /** Cơ quan chủ quản, printed in capitals, not bold: "UBND TỈNH SƠN LA". '' when none. */
  parentBody: string
  /** Cơ quan ban hành, printed in capitals, bold: "VĂN PHÒNG". */
  issuingBody: string
  /** Viết tắt for the number: "VPUB" → "Số: 12/TB-VPUB". */
  officeCode: string
  /** Địa danh for the date line: "Sơn La" → "Sơn La, ngày 05 tháng 01 năm 2026". */
  place: string
}

/** A task the office gives in every conclusion notice: publishing it, tracking the results. */
export interface StandingAssignment {
  /** "Trung tâm Thông tin", "Phòng Tổ chức - Hành chính - Quản trị". */
  unit: string
  tasks: string[]
}

/**
 * What an office sets once and every document it drafts uses: the header, how its sentences name
 * the office and its head, who may sign and how, and the standing parts of a conclusion notice
 * (legal bases, assignments, recipients), as the seed notice of the Văn phòng UBND tỉnh Sơn La has them.
 */
export interface OfficeProfile extends OfficeHeader {
  /** The office as a sentence names it: "Văn phòng Ủy ban nhân dân tỉnh", "Ủy ban nhân dân xã Sốp Cộp". */
  nameInText: string
  /** Its head as a sentence names them: "Chánh Văn phòng UBND tỉnh", "Chủ tịch UBND xã". */
  headInText: string
  /** The head's signing title, in capitals: "CHÁNH VĂN PHÒNG", "CHỦ TỊCH". */
  headTitle: string
  /** A deputy's signing title, under "KT. <headTitle>": "PHÓ CHÁNH VĂN PHÒNG", "PHÓ CHỦ TỊCH". */
  deputyTitle: string
  /** A collective body signs "TM. ỦY BAN NHÂN DÂN"; '' when the head signs for the office itself. */
  collectiveBody: string
  /** The drafting unit's code in "Lưu: VT, TCHCQT." */
  draftingUnit: string
  /** Legal bases every notice cites in its "Thực hiện …" paragraph, one per item. */
  standingBases: string[]
  /** Tasks every notice assigns, each under "Giao <unit>". */
  standingAssignments: StandingAssignment[]
  /** Recipients of every notice, with their mark: "Ban Tuyên giáo và Dân vận Tỉnh ủy (b/c)". */
  standingRecipients: string[]
  /** The notice's last line: "Yêu cầu các phòng, đơn vị nghiêm túc thực hiện./." */
  noticeClosing: string
}

/** The header part of a profile, as a document keeps it. */
export const headerOf = (p: OfficeHeader): OfficeHeader => ({ parentBody: p.parentBody, issuingBody: p.issuingBody, officeCode: p.officeCode, place: p.place })

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
  office: OfficeHeader
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

/**
 * "Sơn La, ngày 05 tháng 3 năm 2026". Nghị định 30/2020, Phụ lục I: a day below 10 and the months
 * 1 and 2 take a leading zero (so "tháng 01", "tháng 02"), other months do not ("tháng 3", "tháng 12").
 */
export function placeAndDate(place: string, date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  if (!m) return `${place}, ngày     tháng     năm     `
  const month = Number(m[2])
  return `${place}, ngày ${m[3]} tháng ${month <= 2 ? m[2] : String(month)} năm ${m[1]}`
}

/** "Số: 12/TB-VPUB", or "Số:      /TB-VPUB" when the number is not assigned yet. */
export function numberLine(number: string, symbol: string): string {
  return `Số: ${number || '     '}/${symbol}`
}

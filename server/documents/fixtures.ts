// Two realistic documents for the renderer's tests and for looking at the output by eye: a
// conclusion notice in the shape of the 2025 Sơn La notice in docs/seeds, and the minutes
// of the same conference (two signatures, no recipients).

import { headerOf, type AdministrativeDocument } from '../../shared/documents/model'
import { sonLaOffice } from '../../tests/fixtures/offices'

export { sonLaOffice }

export function noticeFixture(): AdministrativeDocument {
  return {
    kind: 'notice',
    office: headerOf(sonLaOffice),
    number: '12',
    symbol: 'TB-VPUB',
    date: '2026-01-05',
    title: 'THÔNG BÁO',
    summary: 'Kết luận Hội nghị đối thoại giữa Chánh Văn phòng với công chức, viên chức, người lao động',
    body: [
      {
        kind: 'paragraph',
        text: 'Thực hiện Quy định số 429-QĐ/TU ngày 01/7/2022 của Ban Thường vụ Tỉnh ủy về ban hành quy định đối thoại trực tiếp giữa người đứng đầu cấp ủy, chính quyền các cấp; người đứng đầu các sở, ban, ngành cấp tỉnh với nhân dân; Kế hoạch số 74/KH-VPUB ngày 15/12/2025 của Văn phòng UBND tỉnh về tổ chức hội nghị công chức, viên chức, người lao động năm 2026.',
      },
      {
        kind: 'paragraph',
        text: 'Ngày 30/12/2025, Văn phòng Ủy ban nhân dân tỉnh đã tổ chức hội nghị đối thoại trực tiếp giữa Chánh Văn phòng với công chức, viên chức, người lao động tại Hội trường tầng 3.',
      },
      {
        kind: 'paragraph',
        text: 'Sau khi nghe các ý kiến tham gia, thảo luận, thống nhất các nội dung tại hội nghị, đồng chí Chánh Văn phòng UBND tỉnh kết luận, chỉ đạo như sau:',
      },
      { kind: 'heading', text: 'I. KẾT QUẢ ĐỐI THOẠI' },
      {
        kind: 'paragraph',
        text: 'Hội nghị đã tiếp nhận 3 ý kiến, kiến nghị (2 kiến nghị gửi trước hội nghị, 1 kiến nghị bổ sung tại hội nghị). Trong đó: trả lời trực tiếp tại hội nghị 1 kiến nghị; giao trả lời sau hội nghị 2 kiến nghị.',
      },
      {
        kind: 'bullet',
        text: 'Về chế độ phụ cấp công vụ năm 2025: Trưởng phòng Tổ chức - Hành chính - Quản trị trả lời: đã chi trả đủ trong tháng 12/2025.',
      },
      {
        kind: 'bullet',
        text: 'Tiếp tục đẩy mạnh công tác cải cách hành chính, ứng dụng công nghệ thông tin và chuyển đổi số trong công tác chỉ đạo, điều hành, hội họp.',
      },
      { kind: 'heading', text: 'II. TỔ CHỨC THỰC HIỆN' },
      { kind: 'subheading', text: '1. Giao Phòng Kinh tế' },
      {
        kind: 'bullet',
        text: 'Xem xét, trả lời bằng văn bản kiến nghị về tiến độ giải ngân vốn đầu tư công; hạn chậm nhất ngày 14/01/2026.',
      },
      {
        kind: 'bullet',
        text: 'Báo cáo kết quả giải quyết trong thời hạn 7 ngày làm việc kể từ ngày ban hành Thông báo này; trường hợp cần xác minh thêm, không quá 15 ngày làm việc.',
      },
      { kind: 'subheading', text: '2. Giao Trung tâm Thông tin' },
      {
        kind: 'bullet',
        text: 'Đăng tải thông báo kết luận hội nghị đối thoại trên Cổng Thông tin điện tử Văn phòng để phổ biến cho các tổ chức, cá nhân được biết.',
      },
      { kind: 'paragraph', text: 'Yêu cầu các phòng, trung tâm và đơn vị trực thuộc nghiêm túc thực hiện./.' },
    ],
    recipients: [
      'Ban Tuyên giáo và Dân vận Tỉnh ủy (b/c)',
      'Thanh tra tỉnh (b/c)',
      'Lãnh đạo VPUB tỉnh',
      'Phòng Kinh tế (thực hiện)',
      'Trung tâm Thông tin',
      'Lưu: VT, TCHCQT',
    ],
    signatures: [{ authority: 'KT. CHÁNH VĂN PHÒNG', position: 'PHÓ CHÁNH VĂN PHÒNG', name: 'Nguyễn Thị Thu Hương' }],
  }
}

export function minutesFixture(): AdministrativeDocument {
  return {
    kind: 'minutes',
    office: headerOf(sonLaOffice),
    number: '',
    symbol: 'BB-VPUB',
    date: '2025-12-30',
    title: 'BIÊN BẢN',
    summary: 'Hội nghị đối thoại trực tiếp giữa Chánh Văn phòng với công chức, viên chức, người lao động năm 2026',
    body: [
      {
        kind: 'paragraph',
        text: 'Hôm nay, vào hồi 08 giờ 05 phút, ngày 30/12/2025, tại Hội trường tầng 3, Văn phòng tổ chức hội nghị đối thoại trực tiếp giữa Chánh Văn phòng với công chức, viên chức, người lao động năm 2026.',
      },
      { kind: 'heading', text: 'I. THÀNH PHẦN' },
      { kind: 'bullet', text: 'Chủ trì: Chánh Văn phòng Lê Văn Minh.' },
      { kind: 'bullet', text: 'Thư ký: Trần Thị Lan.' },
      { kind: 'heading', text: 'II. NỘI DUNG' },
      { kind: 'subheading', text: '1. Kiến nghị đã tiếp nhận trước hội nghị' },
      { kind: 'bullet', text: 'KN 1. [Chế độ, chính sách] Chế độ phụ cấp công vụ năm 2025 (Nguyễn Văn An, Phòng Kinh tế).' },
      { kind: 'bullet', text: 'KN 2. [Tổ chức bộ máy] Bố trí vị trí việc làm sau sắp xếp (người kiến nghị đề nghị giữ bí mật thông tin).' },
      { kind: 'subheading', text: '2. Tổng hợp' },
      {
        kind: 'table',
        rows: [
          ['Nội dung', 'Đã đăng ký', 'Bổ sung', 'Tổng số'],
          ['Kiến nghị tiếp nhận', '2', '1', '3'],
          ['Trả lời tại hội nghị', '1', '0', '1'],
          ['Giao trả lời sau hội nghị', '1', '1', '2'],
        ],
      },
      { kind: 'paragraph', text: 'Biên bản được lập và thông qua tại hội nghị.', italic: true },
    ],
    recipients: [],
    signatures: [
      { authority: '', position: 'THƯ KÝ', name: 'Trần Thị Lan' },
      { authority: '', position: 'CHỦ TỌA', name: 'Lê Văn Minh' },
    ],
  }
}

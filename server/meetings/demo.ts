import { randomUUID } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import { insertOfficial, insertUnit, loadDirectory } from '../../db/repositories/directory'
import { ok, type Result } from '../../shared/errors'
import { buildCommand, type CommandInput, type CommandType } from '../../shared/meeting/commands'
import type { OfficeData } from '../office/office-data'
import type { MeetingLog } from './meeting-log'
import type { MeetingRecord } from '../../db/repositories/meetings'
import type { AuditActor } from '../../shared/access/accounts'

// A demo conference for a newcomer who just ran `npm start`: a commune dialogue with citizens, with
// registered petitions across several fields (one confidential, one from a representative of 12
// households), prepared answers, two registered speakers, and the commune's units and officials.
// It is built through the meeting log like any meeting, so it is a real record, not a fixture.

const demoUnits = ['Văn phòng HĐND và UBND xã', 'Phòng Kinh tế', 'Phòng Văn hóa - Xã hội', 'Công an xã', 'Trạm Y tế xã']
const demoOfficials: { name: string; title: string; unit: string | null }[] = [
  { name: 'Lò Văn Hùng', title: 'Chủ tịch UBND xã', unit: null },
  { name: 'Cầm Thị Hương', title: 'Phó Chủ tịch UBND xã', unit: null },
  { name: 'Tòng Văn Minh', title: 'Trưởng phòng Kinh tế', unit: 'Phòng Kinh tế' },
  { name: 'Lường Thị Lan', title: 'Trưởng phòng Văn hóa - Xã hội', unit: 'Phòng Văn hóa - Xã hội' },
  { name: 'Quàng Văn Dũng', title: 'Trưởng Công an xã', unit: 'Công an xã' },
]

/** Adds the demo units and officials when the directory is empty; keeps an office's own directory. */
async function ensureDemoDirectory(db: Kysely<Database>, office: OfficeData): Promise<void> {
  const existing = await loadDirectory(db)
  if (existing.units.length || existing.officials.length) return
  const unitIds = new Map<string, string>()
  for (const name of demoUnits) {
    const id = randomUUID()
    unitIds.set(name, id)
    await insertUnit(db, { id, name })
  }
  for (const o of demoOfficials) {
    await insertOfficial(db, { id: randomUUID(), name: o.name, title: o.title, unitId: o.unit ? (unitIds.get(o.unit) ?? null) : null })
  }
  office.invalidate()
}

export async function createDemoConference(
  db: Kysely<Database>,
  office: OfficeData,
  log: MeetingLog,
  today: string,
  actor: AuditActor | null = null,
): Promise<Result<{ meeting: MeetingRecord }>> {
  await ensureDemoDirectory(db, office)
  const created = await log.createMeeting({
    title: 'Hội nghị đối thoại trực tiếp giữa Chủ tịch UBND xã với Nhân dân năm 2026 (dữ liệu mẫu)',
    venue: 'Hội trường UBND xã',
    meetingDate: today,
    chairName: 'Lò Văn Hùng',
    chairTitle: 'Chủ tịch UBND xã',
    secretaryName: 'Quàng Thị Thu',
    level: 'commune',
  }, actor)
  if (!created.ok) return created
  const meetingId = created.data.meeting.meetingId

  const run = async <K extends CommandType>(type: K, input: Omit<CommandInput<K>, 'commandId'>) => {
    const command = buildCommand(type, randomUUID(), input)
    const result = await log.execute(meetingId, 'secretary', command, actor)
    if (!result.ok) throw new Error(`demo command ${type} refused: ${result.error.code}`)
  }

  const petitions: Omit<CommandInput<'petition:record'>, 'commandId'>[] = [
    {
      origin: 'registered',
      field: 'Giao thông',
      title: 'Đường vào bản Nà Cang xuống cấp, xe máy đi lại khó khăn mùa mưa',
      content: 'Tuyến đường từ trung tâm xã vào bản Nà Cang dài 4 km bị sạt lở nhiều đoạn, đề nghị UBND xã sớm sửa chữa trước mùa mưa.',
      petitionerName: 'Cầm Văn Thanh',
      petitionerAddress: 'Bản Nà Cang',
      showName: true,
    },
    {
      origin: 'registered',
      field: 'Đất đai',
      title: 'Chậm cấp giấy chứng nhận quyền sử dụng đất cho các hộ bản Mòn',
      content: 'Các hộ đã nộp hồ sơ từ tháng 3 năm 2025 nhưng đến nay chưa được cấp giấy chứng nhận.',
      petitionerName: 'Lường Văn Phong',
      petitionerAddress: 'Bản Mòn',
      representing: 12,
      showName: true,
    },
    {
      origin: 'registered',
      field: 'Đất đai',
      title: 'Tố cáo việc đo đạc sai ranh giới đất sản xuất',
      content: 'Người kiến nghị đề nghị giữ bí mật danh tính. Nội dung: việc đo đạc ranh giới đất sản xuất tại khu đồi Pá Khoang có dấu hiệu sai lệch.',
      petitionerName: 'Lò Văn Sáng',
      petitionerAddress: 'Bản Hua Mường',
      confidential: true,
    },
    {
      origin: 'registered',
      field: 'Chính sách xã hội',
      title: 'Chậm chi trả trợ cấp hằng tháng cho người có công',
      content: 'Trợ cấp quý III chưa được chi trả đầy đủ cho một số gia đình người có công ở bản Co Muông.',
      petitionerName: 'Quàng Thị Mai',
      petitionerAddress: 'Bản Co Muông',
    },
    {
      origin: 'registered',
      field: 'Y tế',
      title: 'Trạm y tế xã thiếu thuốc điều trị bệnh mạn tính',
      content: 'Người dân phải mua thuốc điều trị huyết áp, tiểu đường ở ngoài do trạm y tế thường xuyên hết thuốc.',
      petitionerName: 'Hoàng Văn Đức',
      petitionerAddress: 'Bản Phứa',
      showName: true,
    },
  ]
  for (const p of petitions) await run('petition:record', p)
  await run('petition:prepare-answer', {
    petitionNo: 1,
    unitName: 'Phòng Kinh tế',
    text: 'Tuyến đường đã có trong kế hoạch duy tu năm 2026; dự kiến khởi công trong quý II với kinh phí 1,2 tỷ đồng.',
  })
  await run('petition:prepare-answer', {
    petitionNo: 2,
    unitName: 'Phòng Kinh tế',
    text: 'Hồ sơ đang chờ kết quả đo đạc bổ sung; dự kiến trình cấp giấy trong tháng tới.',
  })
  // Two speakers agreed to have their names shown; the confidential petitioner did not.
  await run('speaker:register', { name: 'Cầm Văn Thanh', unit: 'Bản Nà Cang', petitionNos: [1], showName: true })
  await run('speaker:register', { name: 'Lường Văn Phong', unit: 'Bản Mòn', petitionNos: [2], showName: true })
  await run('speaker:register', { name: 'Lò Văn Sáng', unit: 'Bản Hua Mường', petitionNos: [3] })
  return ok({ meeting: created.data.meeting })
}

// Produces docs/samples/: the minutes and the conclusion notice of the demo conference, run through
// a short session exactly as the screens would (through the meeting log and the document service),
// and the year's results report, each finalised and issued, as .docx and, when LibreOffice and
// poppler are installed, a PNG of every page.
//   npx tsx server/documents/make-samples.ts [out-dir]
// Not part of CI: it needs `soffice` and `pdftoppm` (Debian: libreoffice-writer-nogui, poppler-utils).
import { execFileSync } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { openDatabase } from '../../db/connect'
import { migrateToLatest } from '../../db/migrate'
import { saveOfficeProfile } from '../../db/repositories/documents'
import { createAccount } from '../../tests/fixtures/accounts'
import { buildApp } from '../app'
import { vietnamDate } from '../../shared/calendar/working-days'
import { defaultDocumentSettings } from '../../shared/documents/profile'

const outDir = path.resolve(process.argv[2] ?? 'docs/samples')
const db = await openDatabase({})
await migrateToLatest(db.db)
const app = await buildApp({ db: db.db, clientDir: '/nonexistent' })
// A commune of Sơn La as it is since 1 July 2025: no district above it.
const header = { parentBody: '', issuingBody: 'ỦY BAN NHÂN DÂN\nXÃ SỐP CỘP', officeCode: 'UBND', place: 'Sốp Cộp' }
await saveOfficeProfile(db.db, {
  ...header,
  ...defaultDocumentSettings(header),
  nameInText: 'Ủy ban nhân dân xã Sốp Cộp',
  draftingUnit: 'VP',
  standingBases: [
    'Luật Thực hiện dân chủ ở cơ sở ngày 10/11/2022',
    'Nghị định số 59/2023/NĐ-CP ngày 14/8/2023 của Chính phủ quy định chi tiết một số điều của Luật Thực hiện dân chủ ở cơ sở',
  ],
  standingAssignments: [{ unit: 'Văn phòng HĐND và UBND xã', tasks: ['Niêm yết công khai thông báo kết luận tại trụ sở UBND xã và nhà văn hóa các bản; theo dõi, đôn đốc các đơn vị thực hiện, tổng hợp kết quả báo cáo Chủ tịch UBND xã.'] }],
  standingRecipients: ['Thường trực Đảng ủy xã (b/c)', 'Thường trực HĐND xã (b/c)', 'Ủy ban MTTQ Việt Nam xã', 'Các bản'],
})

// The secretary who runs the session: an account with a live session, as after signing in.
const { headers } = await createAccount(db.db, ['secretary'], { displayName: 'Quàng Thị Thu' })
const created = await app.inject({ method: 'POST', url: '/api/demo', headers })
if (created.statusCode !== 201) throw new Error(`demo: ${created.body}`)
const demo = created.json() as { meetingId: string }
const directory = (await app.inject({ url: '/api/directory', headers })).json() as { units: { id: string; name: string }[] }
const unit = (name: string) => directory.units.find((u) => u.name === name)!.id
// The session is played on a clock of its own, from 08:00 of today (Vietnam time), a few minutes a
// step, so the minutes read like a real morning rather than a session held within one second.
const RealDate = Date
let sessionClock = RealDate.parse(`${vietnamDate(new RealDate())}T01:00:00Z`)
class SessionDate extends RealDate {
  constructor(...args: unknown[]) {
    if (args.length) super(...(args as [string]))
    else super(sessionClock)
  }
  static override now(): number {
    return sessionClock
  }
}
globalThis.Date = SessionDate as DateConstructor
async function run(type: string, fields: object = {}) {
  sessionClock += 6 * 60_000
  const res = await app.inject({ method: 'POST', url: `/api/meetings/${demo.meetingId}/commands`, headers, payload: { type, commandId: randomUUID(), ...fields } })
  if (res.statusCode !== 200) throw new Error(`${type}: ${res.body}`)
}

await run('meeting:update-details', {
  title: 'Hội nghị đối thoại trực tiếp giữa Chủ tịch UBND xã với Nhân dân năm 2026',
  venue: 'Hội trường UBND xã Sốp Cộp',
  meetingDate: vietnamDate(new Date()), // the session below happens now: keep the record consistent
  chairName: 'Lò Văn Hùng',
  chairTitle: 'Chủ tịch UBND xã',
  secretaryName: 'Quàng Thị Thu',
  level: 'commune',
  attendance: 'Đại diện Thường trực Đảng ủy, HĐND, Ủy ban MTTQ Việt Nam xã; các ban, ngành, đoàn thể xã; trưởng các bản và 86 công dân trên địa bàn xã',
  bases: 'Kế hoạch số 12/KH-UBND ngày 15/01/2026 của Ủy ban nhân dân xã về tổ chức đối thoại trực tiếp với Nhân dân năm 2026',
})
await run('meeting:set-phase', { phase: 'report' })
await run('speaker:call-next')
await run('speaker:start')
await run('speaker:summarize', { speakerNo: 1, summary: 'Đề nghị sửa chữa tuyến đường vào bản Nà Cang trước mùa mưa; nhiều đoạn sạt lở, học sinh đi lại khó khăn' })
await run('petition:record-answer', { petitionNo: 1, summary: 'Tuyến đường đã có trong kế hoạch duy tu năm 2026, khởi công trong quý III với kinh phí 1,2 tỷ đồng' })
await run('petition:conclude', { petitionNo: 1, conclusion: 'Chủ tịch UBND xã đã trả lời trực tiếp; người dân đồng tình.' })
await run('speaker:call-next')
await run('speaker:summarize', { speakerNo: 2, summary: 'Thay mặt 12 hộ bản Mòn đề nghị sớm cấp giấy chứng nhận quyền sử dụng đất' })
await run('petition:commit-written-answer', { petitionNo: 2, unitId: unit('Phòng Kinh tế'), form: 'in_writing' })
await run('speaker:call-next')
await run('petition:forward', { petitionNo: 3, body: 'Thanh tra tỉnh Sơn La' })
await run('speaker:register', { name: 'Hà Thị Dung', unit: 'Bản Lạnh', addedPetition: { field: 'Môi trường', title: 'Nước sinh hoạt bản Lạnh bị ô nhiễm do chăn nuôi' } })
await run('speaker:call-next')
await run('speaker:summarize', { speakerNo: 4, summary: 'Phản ánh nguồn nước sinh hoạt bị ô nhiễm từ trại chăn nuôi đầu nguồn' })
await run('petition:commit-written-answer', { petitionNo: 6, unitId: unit('Phòng Văn hóa - Xã hội'), form: 'in_person' })
await run('petition:record-answer', { petitionNo: 4, answerer: { kind: 'chair' }, summary: 'Trợ cấp quý III đã được chi trả bổ sung trong tháng 6' })
await run('petition:commit-written-answer', { petitionNo: 5, unitId: unit('Trạm Y tế xã'), form: 'in_writing' })
await run('meeting:set-phase', { phase: 'conclusion' })
await run('meeting:record-conclusion', {
  text: 'Hội nghị diễn ra dân chủ, thẳng thắn; các kiến nghị thuộc thẩm quyền của xã đã được trả lời hoặc giao đơn vị giải quyết.\n- Giao các phòng, đơn vị được phân công giải quyết dứt điểm, trả lời bằng văn bản cho người kiến nghị đúng thời hạn.',
})
await run('meeting:set-phase', { phase: 'closed' })
globalThis.Date = RealDate

fs.mkdirSync(outDir, { recursive: true })
const today = vietnamDate(new Date())
const year = today.slice(0, 4)
// Each document as the office would file it: finalised, then issued with a number and a date.
const samples: { url: string; file: string }[] = [
  { url: `/api/meetings/${demo.meetingId}/documents/minutes`, file: 'bien-ban-mau' },
  { url: `/api/meetings/${demo.meetingId}/documents/notice`, file: 'thong-bao-ket-luan-mau' },
  { url: `/api/reports/${year}-01-01/${year}-12-31/document`, file: 'bao-cao-ket-qua-mau' },
]
for (const { url, file } of samples) {
  const fin = await app.inject({ method: 'POST', url: `${url}/finalize`, headers, payload: { note: '' } })
  if (fin.statusCode !== 201) throw new Error(`${file}: ${fin.body}`)
  const number = (await app.inject({ url, headers })).json().register.suggestedNumber as number
  const issued = await app.inject({ method: 'POST', url: `${url}/versions/1/issue`, headers, payload: { commandId: randomUUID(), number, date: today } })
  if (issued.statusCode !== 201) throw new Error(`${file}: ${issued.body}`)
  const docxFile = await app.inject({ url: `${url}/issued/1/docx`, headers })
  const docx = path.join(outDir, `${file}.docx`)
  fs.writeFileSync(docx, docxFile.rawPayload)
  console.log(`wrote ${docx}`)
  try {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hnd-sample-'))
    execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', tmp, docx], { stdio: 'ignore' })
    // Every page, so the whole document can be read against the seeds: <file>-1.png, <file>-2.png …
    for (const old of fs.readdirSync(outDir).filter((f) => f.startsWith(`${file}`) && f.endsWith('.png'))) fs.rmSync(path.join(outDir, old))
    execFileSync('pdftoppm', ['-png', '-r', '80', path.join(tmp, `${file}.pdf`), path.join(outDir, file)])
    console.log(`wrote ${fs.readdirSync(outDir).filter((f) => f.startsWith(`${file}-`)).join(', ')}`)
  } catch {
    console.log('soffice/pdftoppm not available: no PNG')
  }
}
await app.close()
await db.close()

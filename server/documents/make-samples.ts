// Produces docs/samples/: the minutes and the conclusion notice of the demo conference, run through
// a short session exactly as the screens would (through the meeting log and the document service),
// as .docx and, when LibreOffice and poppler are installed, a PNG of each first page.
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
import { renderDocx } from './docx'
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
  standingBases: ['Luật Thực hiện dân chủ ở cơ sở ngày 10/11/2022', 'Kế hoạch số 15/KH-UBND ngày 20/5/2025 của Ủy ban nhân dân xã về tổ chức đối thoại trực tiếp với Nhân dân năm 2025'],
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
async function run(type: string, fields: object = {}) {
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

fs.mkdirSync(outDir, { recursive: true })
for (const [kind, file] of [
  ['minutes', 'bien-ban-mau'],
  ['notice', 'thong-bao-ket-luan-mau'],
] as const) {
  const url = `/api/meetings/${demo.meetingId}/documents/${kind}`
  const fin = await app.inject({ method: 'POST', url: `${url}/finalize`, headers, payload: { number: kind === 'minutes' ? '15' : '16', note: '' } })
  if (fin.statusCode !== 201) throw new Error(`${kind}: ${fin.body}`)
  const version = (await app.inject({ url: `${url}/versions/1`, headers })).json()
  const docx = path.join(outDir, `${file}.docx`)
  fs.writeFileSync(docx, await renderDocx(version.document))
  console.log(`wrote ${docx}`)
  try {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hnd-sample-'))
    execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', tmp, docx], { stdio: 'ignore' })
    execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', path.join(tmp, `${file}.pdf`), path.join(outDir, file)])
    console.log(`wrote ${path.join(outDir, `${file}.png`)}`)
  } catch {
    console.log('soffice/pdftoppm not available: no PNG')
  }
}
await app.close()
await db.close()

import { randomUUID } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Database } from '../../../db/schema'
import { appendEvents } from '../../../db/repositories/events'
import { insertMeeting, setMeetingHead } from '../../../db/repositories/meetings'
import { insertUnit } from '../../../db/repositories/directory'
import { appendFinalVersion, loadOfficeProfile } from '../../../db/repositories/documents'
import { draftMinutes } from '../../../shared/documents/minutes'
import { updateMeetingProjection } from '../../../server/reports/meeting-projection'
import { emptyCalendar } from '../../../shared/calendar/working-days'
import type { Directory } from '../../../shared/directory'
import { buildCommand, type Command, type CommandInput, type CommandType } from '../../../shared/meeting/commands'
import { decide } from '../../../shared/meeting/decide'
import type { EventDraft, MeetingEvent } from '../../../shared/meeting/events'
import { evolve } from '../../../shared/meeting/evolve'
import { emptyMeetingState, type MeetingState } from '../../../shared/meeting/model'
import { deadlineRules } from '../../../shared/meeting/rules'

// Meetings for the documents bench, written straight to the log as the server would have written
// them (decided and folded by the domain, appended with their projection row in one transaction),
// so that building 500 meetings takes seconds instead of the minutes it would through HTTP.

const fields = ['Đất đai', 'Giao thông', 'Môi trường', 'Y tế', 'Giáo dục', 'Văn hóa', 'Lao động', 'Nông nghiệp']
const places = ['bản Nà Sài', 'bản Púng Bánh', 'bản Huổi Khương', 'bản Phiêng Sàng', 'bản Nà Vạc', 'bản Mường Và']

const paragraph = (i: number) =>
  `Đề nghị chính quyền xem xét việc số ${i}: đoạn đường liên bản xuống cấp sau mùa mưa, xe chở nông sản không đi được, ` +
  `bà con phải gùi hàng ra chợ; mong được hỗ trợ kinh phí sửa chữa và hướng dẫn thủ tục đăng ký đất sản xuất cho các hộ mới tách.`

export interface ConferenceShape {
  title: string
  meetingDate: string
  petitions: number
  speeches: number
}

/** A directory with the units that answer in writing. */
export async function seedDirectory(db: Kysely<Database>): Promise<Directory> {
  const units = ['Phòng Kinh tế', 'Phòng Tài nguyên và Môi trường', 'Phòng Văn hóa - Xã hội'].map((name) => ({ id: randomUUID(), name }))
  for (const u of units) await insertUnit(db, u)
  return { units, officials: [] }
}

/** The events of a conference held and closed: petitions with every kind of outcome, speeches with summaries. */
export function conferenceEvents(meetingId: string, shape: ConferenceShape, directory: Directory): MeetingEvent[] {
  let state: MeetingState = emptyMeetingState(meetingId)
  const log: MeetingEvent[] = []
  let clock = Date.parse(`${shape.meetingDate}T01:00:00Z`)
  const append = (drafts: EventDraft[], commandId: string | null) => {
    const at = new Date(clock).toISOString()
    for (const d of drafts) {
      const event = { ...d, meetingId, seq: state.seq + 1, at, commandId, actorRole: 'secretary' } as MeetingEvent
      log.push(event)
      state = evolve(state, event)
    }
  }
  const run = <K extends CommandType>(type: K, input: Omit<CommandInput<K>, 'commandId'>) => {
    clock += 20_000
    const command: Command = buildCommand(type, randomUUID(), input)
    const decided = decide(state, command, { at: new Date(clock).toISOString(), directory, calendar: emptyCalendar, rules: deadlineRules })
    if (!decided.ok) throw new Error(`${type}: ${decided.error.code} ${decided.error.message}`)
    append(decided.data, command.commandId)
  }
  const details = { meetingDate: shape.meetingDate, chairName: 'Lò Văn Hùng', chairTitle: 'Chủ tịch UBND xã', delegated: false, secretaryName: 'Quàng Thị Thu', level: 'commune' as const }
  append([{ type: 'meeting.created', payload: { title: shape.title, venue: 'Hội trường UBND xã', details } }], randomUUID())
  run('meeting:update-details', { title: shape.title, venue: 'Hội trường UBND xã', ...details, bases: 'Kế hoạch số 12/KH-UBND ngày 02/01/2026 của UBND xã' })

  for (let i = 1; i <= shape.petitions; i++) {
    run('petition:record', {
      origin: i % 4 === 0 ? 'added' : 'registered',
      field: fields[i % fields.length]!,
      title: `Kiến nghị về ${fields[i % fields.length]!.toLowerCase()} ở ${places[i % places.length]!}`,
      content: paragraph(i),
      petitionerName: `Lò Văn Dân ${i}`,
      petitionerAddress: places[i % places.length]!,
      confidential: i % 25 === 0,
    })
  }
  run('meeting:set-phase', { phase: 'dialogue' })
  for (let s = 1; s <= shape.speeches; s++) {
    const petitionNo = shape.petitions ? ((s - 1) % shape.petitions) + 1 : undefined
    run('speaker:register', { name: `Cầm Thị Nói ${s}`, unit: places[s % places.length]!, petitionNos: petitionNo ? [petitionNo] : [] })
    run('speaker:call', { speakerNo: s })
    run('speaker:start', {})
    clock += 120_000
    run('speaker:finish', {})
    run('speaker:summarize', { speakerNo: s, summary: `Ý kiến của đại biểu số ${s}: ${paragraph(s)}` })
  }
  const unit = directory.units[0]!
  for (let i = 1; i <= shape.petitions; i++) {
    const outcome = i % 5
    if (outcome === 0) run('petition:commit-written-answer', { petitionNo: i, unitId: directory.units[i % directory.units.length]!.id })
    else if (outcome === 1) run('petition:forward', { petitionNo: i, body: 'Tòa án nhân dân khu vực' })
    else {
      run('petition:record-answer', { petitionNo: i, summary: `Trả lời kiến nghị số ${i}: ${unit.name} đã kiểm tra và sẽ bố trí kinh phí trong quý tới.` })
      run('petition:conclude', { petitionNo: i, conclusion: `Giao ${unit.name} thực hiện, báo cáo kết quả trước ngày 30 của tháng sau.` })
    }
  }
  run('meeting:record-conclusion', { text: 'Chủ tịch UBND xã kết luận: các đơn vị được giao khẩn trương giải quyết, trả lời bằng văn bản cho công dân đúng thời hạn.' })
  run('meeting:set-phase', { phase: 'closed' })
  return log
}

/**
 * Writes one conference's log, its head and its projection row, as one append would. `finalMinutes`:
 * its minutes finalised too (version 1, no edited draft), so its notice can be drafted; the next
 * view of either drafts afresh from the log.
 */
export async function writeConference(db: Kysely<Database>, shape: ConferenceShape, directory: Directory, finalMinutes = false): Promise<string> {
  const meetingId = randomUUID()
  const events = conferenceEvents(meetingId, shape, directory)
  const state = events.reduce(evolve, emptyMeetingState(meetingId))
  await db.transaction().execute(async (trx) => {
    await insertMeeting(trx, { meetingId, title: state.title, venue: state.venue, createdAt: state.createdAt })
    // In slices: one statement for thousands of rows is more than PGlite's parameter limit.
    for (let i = 0; i < events.length; i += 500) await appendEvents(trx, events.slice(i, i + 500))
    await setMeetingHead(trx, meetingId, { lastSeq: state.seq, title: state.title, venue: state.venue })
    await updateMeetingProjection(trx, state)
    if (finalMinutes) await appendFinalVersion(trx, meetingId, 'minutes', draftMinutes(state, events, await loadOfficeProfile(trx)), 'Bench', new Date().toISOString(), '')
  })
  return meetingId
}

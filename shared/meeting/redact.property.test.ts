import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { emptyCalendar } from '../calendar/working-days'
import { roles } from '../roles'
import { parseCommand, type CommandInput, type CommandType, type LogCommand } from './commands'
import { decide, type DecideContext } from './decide'
import type { MeetingEvent } from './events'
import { evolve, fold } from './evolve'
import { emptyMeetingState, meetingPhases, ProjectorMode, type MeetingState } from './model'
import { eventsFor, stateFor } from './redact'
import { testDirectory } from './test-helpers'

// The property redaction rests on: a public screen that catches up from the log, each event
// redacted against the meeting's latest state, folds to exactly the redacted latest state — for any
// sequence of commands, including a petition made confidential (or a name typed into a conclusion)
// long after the events that mention it. A screen that is not public receives everything.
//
// Commands of every type are generated with valid payloads over small pools of numbers, names and
// ids, so that they meet each other (the same petition edited, answered and made confidential; the
// petitioner's name in the chair's conclusion). decide() keeps the ones a secretary could issue.

const MEETING_ID = '00000000-0000-4000-8000-0000000000aa'
const requestIds = ['aaaaaaaa-0000-4000-8000-000000000001', 'aaaaaaaa-0000-4000-8000-000000000002', 'aaaaaaaa-0000-4000-8000-000000000003']
const secrets = ['s'.repeat(32), 't'.repeat(40)]
const projectors = [
  { id: 'bbbbbbbb-0000-4000-8000-000000000001', label: 'Màn hình chính' },
  { id: 'bbbbbbbb-0000-4000-8000-000000000002', label: 'Màn hình phụ' },
]
const names = ['Lò Văn Bí', 'Cầm Văn Công', 'Quàng Thị Thu', 'Bản Kẻ']
const places = ['Bản Kẻ', 'Bản Mòn', '', 'Tổ dân phố 3']
const texts = ['Đường liên bản sạt lở', 'Tố cáo sai phạm của Lò Văn Bí', 'Người dân Bản Kẻ đề nghị', 'Đồng ý', 'Cầm Văn Công đã trình bày rõ']

const no = fc.integer({ min: 1, max: 5 })
const bool = fc.boolean()
const name = fc.constantFrom(...names)
const place = fc.constantFrom(...places)
const text = fc.constantFrom(...texts)
const maybeText = fc.constantFrom('', ...texts)
const projectorMode = fc.constantFrom(...Object.values(ProjectorMode))
const answerer = fc.oneof(
  fc.constant({ kind: 'chair' as const }),
  fc.constantFrom(...testDirectory.officials).map((o) => ({ kind: 'official' as const, officialId: o.id })),
  fc.constantFrom(...testDirectory.units).map((u) => ({ kind: 'unit' as const, unitId: u.id })),
)
const petitionFields = {
  origin: fc.constantFrom('registered' as const, 'added' as const),
  field: fc.constantFrom('', 'Đất đai', 'Giao thông'),
  title: text,
  content: maybeText,
  petitionerName: fc.constantFrom('', ...names),
  petitionerAddress: place,
  representing: fc.integer({ min: 0, max: 12 }),
  confidential: bool,
  showName: bool,
}
const addedPetition = fc.option(fc.record({ field: fc.constantFrom('', 'Đất đai'), title: text, content: maybeText, confidential: bool }), { nil: undefined })
const registration = { name, unit: place, petitionNos: fc.array(no, { maxLength: 2 }), showName: bool, addedPetition }

type Fields<K extends CommandType> = Omit<CommandInput<K>, 'commandId'>
// One generator per command type: a type added without one does not compile.
const fieldsOf: { [K in CommandType]: fc.Arbitrary<Fields<K>> } = {
  'meeting:update-details': fc.record({ title: text, venue: place, level: fc.constantFrom('office' as const, 'commune' as const), meetingDate: fc.constantFrom('', '2026-06-19') }),
  'meeting:set-phase': fc.record({ phase: fc.constantFrom(...meetingPhases) }),
  'meeting:set-speaking-limit': fc.record({ seconds: fc.integer({ min: 30, max: 3600 }) }),
  'meeting:set-programme': fc.record({ items: fc.array(fc.record({ time: fc.constantFrom('', '08:00'), title: text }), { maxLength: 2 }) }),
  'meeting:record-conclusion': fc.record({ text: maybeText }),
  'registration:close': fc.constant({}),
  'registration:reopen': fc.constant({}),
  'projector:show': fc.record({ mode: projectorMode, announcement: maybeText }),
  'projector:assign': fc.record({ deviceId: fc.constantFrom(...projectors.map((p) => p.id)), mode: fc.option(projectorMode, { nil: null }) }),

  'petition:record': fc.record(petitionFields),
  'petition:edit': fc.record({ petitionNo: no, ...petitionFields }),
  'petition:prepare-answer': fc.record({ petitionNo: no, unitName: fc.constantFrom('Phòng Kinh tế'), text }),
  'petition:discuss': fc.record({ petitionNo: no }),
  'petition:assign-answerer': fc.record({ petitionNo: no, answerer }),
  'petition:record-answer': fc.record({ petitionNo: no, answerer: fc.option(answerer, { nil: undefined }), summary: maybeText }),
  'petition:commit-written-answer': fc.record({
    petitionNo: no,
    unitId: fc.constantFrom(...testDirectory.units.map((u) => u.id)),
    form: fc.constantFrom('in_writing' as const, 'in_person' as const),
  }),
  'petition:forward': fc.record({ petitionNo: no, body: fc.constantFrom('Công an huyện', 'Sở Tài nguyên và Môi trường') }),
  'petition:withdraw': fc.record({ petitionNo: no }),
  'petition:merge': fc.record({ petitionNo: no, intoNo: no }),
  'petition:conclude': fc.record({ petitionNo: no, conclusion: text }),
  'petition:reopen': fc.record({ petitionNo: no }),
  'petition:set-aside': fc.record({ petitionNo: no, reason: text }),

  'speaker:register': fc.record(registration),
  'speaker:edit': fc.record({ speakerNo: no, name, unit: place, petitionNos: fc.array(no, { maxLength: 2 }), showName: bool }),
  'speaker:move': fc.record({ speakerNo: no, position: fc.integer({ min: 0, max: 4 }) }),
  'speaker:withdraw': fc.record({ speakerNo: no }),
  'speaker:readd': fc.record({ speakerNo: fc.option(no, { nil: undefined }), position: fc.constantFrom('next' as const, 'end' as const) }),
  'speaker:call-next': fc.constant({}),
  'speaker:call': fc.record({ speakerNo: no }),
  'speaker:start': fc.constant({}),
  'speaker:pause': fc.constant({}),
  'speaker:resume': fc.constant({}),
  'speaker:extend': fc.record({ seconds: fc.integer({ min: 10, max: 1800 }) }),
  'speaker:finish': fc.constant({}),
  'speaker:summarize': fc.record({ speakerNo: no, summary: maybeText }),

  'speak-request:submit': fc.record({
    requestId: fc.constantFrom(...requestIds),
    secret: fc.constantFrom(...secrets),
    name,
    unit: place,
    showName: bool,
    petitionNos: fc.array(no, { maxLength: 2 }),
    newPetition: fc.option(fc.record({ field: fc.constantFrom('', 'Đất đai'), content: text }), { nil: undefined }),
    confidential: bool,
  }),
  'speak-request:withdraw': fc.record({ requestId: fc.constantFrom(...requestIds), secret: fc.constantFrom(...secrets) }),
  'speak-request:accept': fc.record({ requestId: fc.constantFrom(...requestIds), ...registration }),
  'speak-request:decline': fc.record({ requestId: fc.constantFrom(...requestIds), reason: text }),
}

const anyCommand: fc.Arbitrary<{ type: CommandType; fields: object }> = fc.oneof(
  ...(Object.keys(fieldsOf) as CommandType[]).map((type) => fieldsOf[type].map((fields: object) => ({ type, fields }))),
)

const creation: LogCommand = {
  type: 'meeting:create',
  commandId: '00000000-0000-4000-8000-0000000000c0',
  title: 'Hội nghị đối thoại',
  venue: 'Hội trường',
  meetingDate: '2026-06-19',
  chairName: 'Lò Văn Hùng',
  chairTitle: 'Chủ tịch UBND xã',
  secretaryName: '',
  level: 'commune',
  audience: 'citizens',
  form: 'periodic',
}

interface Conference {
  /** Each accepted command's events, as the log appended them, with the full state after them. */
  batches: { events: MeetingEvent[]; after: MeetingState }[]
  final: MeetingState
}

/** Runs the commands as the log does (decide, number, fold), keeping the accepted ones. */
function runConference(commands: readonly { type: CommandType; fields: object }[]): Conference {
  let state = emptyMeetingState(MEETING_ID)
  const batches: Conference['batches'] = []
  let clock = Date.parse('2026-06-20T08:00:00Z')
  const apply = (command: LogCommand, i: number) => {
    clock += 7_000
    const at = new Date(clock).toISOString()
    const ctx: DecideContext = { at, directory: testDirectory, calendar: emptyCalendar, projectors }
    const decided = decide(state, command, ctx)
    if (!decided.ok) return
    const events = decided.data.map((d, k): MeetingEvent => ({ ...d, meetingId: MEETING_ID, seq: state.seq + k + 1, at, commandId: `c${i}`, actorRole: 'secretary' }))
    state = fold(state, events)
    batches.push({ events, after: state })
  }
  apply(creation, 0)
  commands.forEach(({ type, fields }, i) => {
    const parsed = parseCommand(type, { ...fields, commandId: `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}` })
    if (!parsed.ok) throw new Error(`generated an invalid ${type}: ${parsed.error.message}`)
    apply(parsed.data, i + 1)
  })
  return { batches, final: state }
}

const events = (c: Conference) => c.batches.flatMap((b) => b.events)

// About a second for the three properties (1,500 runs each took 9 s and found nothing more); the
// pools are small, so short runs meet often.
const runs = { numRuns: 300 }
const sequences = fc.array(anyCommand, { minLength: 1, maxLength: 60 })

describe('redaction: folding redacted events equals redacting the folded state', () => {
  it('holds for every audience, for any sequence of commands, catching up from the log', () => {
    fc.assert(
      fc.property(sequences, (commands) => {
        const conference = runConference(commands)
        for (const role of roles) {
          const caughtUp = fold(emptyMeetingState(MEETING_ID), eventsFor(role, events(conference), conference.final))
          expect(caughtUp).toEqual(stateFor(role, conference.final))
        }
      }),
      runs,
    )
  })

  it('holds when a petition is made confidential later, after its petitioner, speakers, answer and conclusion were recorded', () => {
    const later = fc.record({ petitionNo: no, ...petitionFields, confidential: fc.constant(true) }).map((fields) => ({ type: 'petition:edit' as const, fields }))
    fc.assert(
      fc.property(sequences, fc.array(later, { minLength: 1, maxLength: 3 }), (before, edits) => {
        const conference = runConference([...before, ...edits])
        const secret = conference.final.petitions.filter((p) => p.confidential)
        for (const role of roles) {
          const caughtUp = fold(emptyMeetingState(MEETING_ID), eventsFor(role, events(conference), conference.final))
          expect(caughtUp).toEqual(stateFor(role, conference.final))
          if (role === 'secretary' || role === 'chair') continue
          // What a public screen folds never holds a confidential petition's words or petitioner.
          for (const p of secret) {
            const seen = caughtUp.petitions.find((x) => x.no === p.no)
            expect(seen).toMatchObject({ content: '', conclusion: '', setAsideReason: '', petitionerName: null, petitionerAddress: null })
          }
        }
      }),
      runs,
    )
  })

  it('holds for a screen that followed live, each batch redacted against the state right after it', () => {
    fc.assert(
      fc.property(sequences, (commands) => {
        const conference = runConference(commands)
        for (const role of roles) {
          let live = emptyMeetingState(MEETING_ID)
          for (const batch of conference.batches) live = eventsFor(role, batch.events, batch.after).reduce(evolve, live)
          expect(live).toEqual(stateFor(role, conference.final))
        }
      }),
      runs,
    )
  })
})

describe('the case the property found', () => {
  it("hides the chair's conclusion on a live projector once it names a confidential petitioner recorded after it", () => {
    const conference = runConference([
      { type: 'meeting:record-conclusion', fields: { text: 'Tố cáo sai phạm của Lò Văn Bí' } },
      { type: 'petition:record', fields: { origin: 'registered', title: 'Đường liên bản sạt lở', petitionerName: 'Lò Văn Bí', confidential: true } },
    ])
    const recorded = conference.batches.at(-1)!
    // The conclusion is re-stated with the petition, unchanged in the record and blank for the hall.
    expect(recorded.events.map((e) => e.type)).toEqual(['petition.recorded', 'meeting.conclusion-recorded'])
    expect(recorded.after.closingConclusion).toBe('Tố cáo sai phạm của Lò Văn Bí')
    expect(eventsFor('projector', recorded.events, recorded.after).at(-1)).toMatchObject({ payload: { text: '' } })
  })
})

// Not a property: the generators are what the property is about, so check they reach the cases.
describe('the generated conferences', () => {
  it('reach confidential petitions with answers, linked speakers, requests to speak and a closed meeting', () => {
    const seen = { confidentialAnswered: false, confidentialSpeaker: false, request: false, closed: false, conclusion: false }
    fc.assert(
      fc.property(sequences, (commands) => {
        const { final } = runConference(commands)
        const secret = final.petitions.filter((p) => p.confidential)
        seen.confidentialAnswered ||= secret.some((p) => p.answer !== null || p.conclusion !== '')
        seen.confidentialSpeaker ||= final.speakers.some((s) => s.petitionNos.some((n) => secret.some((p) => p.no === n)))
        seen.request ||= final.speakRequests.some((r) => r.status !== 'waiting')
        seen.closed ||= final.phase === 'closed'
        seen.conclusion ||= final.closingConclusion !== ''
      }),
      { numRuns: 200, seed: 12 },
    )
    expect(seen).toEqual({ confidentialAnswered: true, confidentialSpeaker: true, request: true, closed: true, conclusion: true })
  })
})


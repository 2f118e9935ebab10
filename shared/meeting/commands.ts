import { z } from 'zod'
import { isWithinDateRange } from '../calendar/working-days'
import { cleanedText, optionalText, requiredText } from '../text'
import { AnswerForm, MeetingAudience, MeetingForm, meetingPhases, OfficeLevel, PetitionOrigin, ProjectorMode } from './model'

const audience = z.enum(Object.values(MeetingAudience) as [MeetingAudience, ...MeetingAudience[]])
const meetingForm = z.enum(Object.values(MeetingForm) as [MeetingForm, ...MeetingForm[]])

// One schema per command payload. The socket event name and the REST `type` are the command name,
// so ClientToServerEvents is derived from this table (protocol.ts) and REST accepts the same shapes.
export const limits = {
  title: 200,
  name: 120,
  unit: 200,
  field: 80,
  content: 10_000,
  summary: 10_000,
  conclusion: 20_000,
  announcement: 500,
  petitionLinks: 50,
  programmeItems: 30,
} as const

const commandId = z.uuid()
const petitionNo = z.int().min(1).max(1_000_000)
const speakerNo = z.int().min(1).max(1_000_000)

const existingDate = (s: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false
  const d = new Date(`${s}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s)
}
const dateSchema = (allowEmpty: boolean) =>
  z
    .string()
    .refine((s) => (allowEmpty && s === '') || existingDate(s), { message: 'Ngày không hợp lệ.', abort: true })
    .refine((s) => (allowEmpty && s === '') || isWithinDateRange(s), 'Ngày phải trong khoảng từ 01/01/2000 đến 31/12/2099.')

/** A calendar date 'YYYY-MM-DD' that exists, within the years an office can mean (2000–2099). */
export const isoDate = dateSchema(false)
/** The same, or '' for a date not set yet (a meeting whose day is not fixed). */
export const isoDateOrEmpty = dateSchema(true)

/** Who is to answer, by directory id; the server copies the names into the event. */
export const answererRef = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('chair') }),
  z.strictObject({ kind: z.literal('official'), officialId: z.uuid() }),
  z.strictObject({ kind: z.literal('unit'), unitId: z.uuid() }),
])
export type AnswererRef = z.output<typeof answererRef>

const petitionFields = {
  origin: z.enum([PetitionOrigin.registered, PetitionOrigin.added]),
  field: optionalText(limits.field),
  title: requiredText(limits.title),
  content: optionalText(limits.content),
  petitionerName: optionalText(limits.name),
  petitionerAddress: optionalText(limits.unit),
  representing: z.int().min(0).max(1_000_000).default(0),
  confidential: z.boolean().default(false),
  /** The petitioner consents to their name on screen; off unless asked. */
  showName: z.boolean().default(false),
}

const onCurrent = z.strictObject({ commandId })
const onPetition = z.strictObject({ commandId, petitionNo })

export const commandSchemas = {
  // --- the meeting ---
  'meeting:update-details': z.strictObject({
    commandId,
    title: requiredText(limits.title),
    venue: optionalText(limits.unit),
    meetingDate: isoDateOrEmpty.default(''),
    chairName: optionalText(limits.name),
    chairTitle: optionalText(limits.unit),
    delegated: z.boolean().default(false),
    secretaryName: optionalText(limits.name),
    level: z.enum([OfficeLevel.office, OfficeLevel.commune]).default('office'),
    /** Omitted: unchanged. */
    delegatedBy: cleanedText(limits.unit).optional(),
    audience: audience.optional(),
    form: meetingForm.optional(),
    /** The meeting's own legal bases, one per line. Omitted: unchanged. */
    bases: cleanedText(2000).optional(),
    /** Who attended, as the minutes' "Thành phần tham dự" line. Omitted: unchanged. */
    attendance: cleanedText(500).optional(),
  }),
  'meeting:set-phase': z.strictObject({ commandId, phase: z.enum(meetingPhases) }),
  'meeting:set-speaking-limit': z.strictObject({ commandId, seconds: z.int().min(30).max(3600) }),
  'meeting:set-programme': z.strictObject({
    commandId,
    items: z.array(z.strictObject({ time: optionalText(20), title: requiredText(limits.title) })).max(limits.programmeItems),
  }),
  'meeting:record-conclusion': z.strictObject({ commandId, text: optionalText(limits.conclusion) }),
  'registration:close': onCurrent,
  'registration:reopen': onCurrent,
  'projector:show': z.strictObject({
    commandId,
    mode: z.enum(Object.values(ProjectorMode) as [ProjectorMode, ...ProjectorMode[]]),
    announcement: optionalText(limits.announcement),
  }),
  /**
   * Gives one paired projector its own view (a side screen showing the petition list); `mode: null`
   * puts it back on the meeting-wide view.
   */
  'projector:assign': z.strictObject({
    commandId,
    deviceId: z.uuid(),
    mode: z.enum(Object.values(ProjectorMode) as [ProjectorMode, ...ProjectorMode[]]).nullable(),
  }),

  // --- petitions ---
  'petition:record': z.strictObject({ commandId, ...petitionFields }),
  'petition:edit': z.strictObject({ commandId, petitionNo, ...petitionFields }),
  'petition:prepare-answer': z.strictObject({ commandId, petitionNo, unitName: requiredText(limits.unit), text: requiredText(limits.content) }),
  'petition:discuss': onPetition,
  'petition:assign-answerer': z.strictObject({ commandId, petitionNo, answerer: answererRef }),
  /** Without `answerer`: whoever was assigned, or the chair. */
  'petition:record-answer': z.strictObject({ commandId, petitionNo, answerer: answererRef.optional(), summary: optionalText(limits.summary) }),
  /** Without `dueDate`: the office's default, in working days. */
  'petition:commit-written-answer': z.strictObject({
    commandId,
    petitionNo,
    unitId: z.uuid(),
    dueDate: isoDate.optional(),
    form: z.enum([AnswerForm.inPerson, AnswerForm.inWriting]).default('in_writing'),
  }),
  'petition:forward': z.strictObject({ commandId, petitionNo, body: requiredText(limits.unit) }),
  'petition:withdraw': onPetition,
  'petition:merge': z.strictObject({ commandId, petitionNo, intoNo: petitionNo }),
  'petition:conclude': z.strictObject({ commandId, petitionNo, conclusion: requiredText(limits.conclusion) }),
  'petition:reopen': onPetition,
  /** Records that a petition was not taken up at the meeting, and why (before closing, every open one is decided). */
  'petition:set-aside': z.strictObject({ commandId, petitionNo, reason: requiredText(limits.announcement) }),

  // --- the speaker queue ---
  'speaker:register': z.strictObject({
    commandId,
    name: requiredText(limits.name),
    unit: optionalText(limits.unit),
    petitionNos: z.array(petitionNo).max(limits.petitionLinks).default([]),
    /** The speaker consents to their name on the public screens; never by default (Nghị định 13/2023). */
    showName: z.boolean().default(false),
    /** A petition raised in the room, created on the spot and linked to this speaker. */
    addedPetition: z
      .strictObject({
        field: optionalText(limits.field),
        title: requiredText(limits.title),
        content: optionalText(limits.content),
        confidential: z.boolean().default(false),
      })
      .optional(),
  }),
  'speaker:edit': z.strictObject({
    commandId,
    speakerNo,
    name: requiredText(limits.name),
    unit: optionalText(limits.unit),
    petitionNos: z.array(petitionNo).max(limits.petitionLinks).default([]),
    /** The speaker consents to their name on the public screens; never by default (Nghị định 13/2023). */
    showName: z.boolean().default(false),
  }),
  /** Moves a waiting speaker to `position` in the queue (0 = next). */
  'speaker:move': z.strictObject({ commandId, speakerNo, position: z.int().min(0).max(10_000) }),
  'speaker:withdraw': z.strictObject({ commandId, speakerNo }),
  /** Re-adds a speaker (by default the last one who spoke) to speak again. */
  'speaker:readd': z.strictObject({ commandId, speakerNo: speakerNo.optional(), position: z.enum(['next', 'end']).default('end') }),
  /** Finishes the current speech, if any, and calls the first waiting speaker. */
  'speaker:call-next': onCurrent,
  /** Finishes the current speech, if any, and calls this waiting speaker. */
  'speaker:call': z.strictObject({ commandId, speakerNo }),
  'speaker:start': onCurrent,
  'speaker:pause': onCurrent,
  'speaker:resume': onCurrent,
  'speaker:extend': z.strictObject({ commandId, seconds: z.int().min(10).max(1800).default(60) }),
  'speaker:finish': onCurrent,
  'speaker:summarize': z.strictObject({ commandId, speakerNo, summary: optionalText(limits.summary) }),
} as const

export type CommandType = keyof typeof commandSchemas
export const commandTypes = Object.keys(commandSchemas) as CommandType[]
export const isCommandType = (name: string): name is CommandType => Object.hasOwn(commandSchemas, name)

/** What a client sends for command K (before defaults are applied). */
export type CommandInput<K extends CommandType> = z.input<(typeof commandSchemas)[K]>
/** A validated command, tagged with its type. */
export type Command = { [K in CommandType]: { type: K } & z.output<(typeof commandSchemas)[K]> }[CommandType]
export type CommandOf<K extends CommandType> = Extract<Command, { type: K }>

/** REST carries the type in the body: the same schemas, tagged. */
export const restCommandSchema = z.discriminatedUnion(
  'type',
  commandTypes.map((type) => commandSchemas[type].extend({ type: z.literal(type) })) as unknown as [
    z.ZodObject<{ type: z.ZodLiteral<CommandType> }>,
  ],
)

export const createMeetingSchema = z.strictObject({
  commandId: commandId.optional(),
  title: requiredText(limits.title),
  venue: optionalText(limits.unit),
  meetingDate: isoDateOrEmpty.default(''),
  chairName: optionalText(limits.name),
  chairTitle: optionalText(limits.unit),
  secretaryName: optionalText(limits.name),
  level: z.enum([OfficeLevel.office, OfficeLevel.commune]).default('office'),
  audience: audience.default('citizens'),
  form: meetingForm.default('periodic'),
})
export type CreateMeetingInput = z.input<typeof createMeetingSchema>

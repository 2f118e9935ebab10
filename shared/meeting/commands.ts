import { z } from 'zod'
import { isWithinDateRange } from '../calendar/working-days'
import { fail, ok, type Result } from '../errors'
import { cleanedText, optionalText, requiredText } from '../text'
import { parseWith } from '../validation'
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

/** A petition raised in the room, created on the spot and linked to its speaker. */
const addedPetition = z.strictObject({
  field: optionalText(limits.field),
  title: requiredText(limits.title),
  content: optionalText(limits.content),
  confidential: z.boolean().default(false),
})

/** Who speaks, from where, on what: the desk's registration, and the secretary's acceptance of a phone's request. */
const speakerRegistration = {
  name: requiredText(limits.name),
  unit: optionalText(limits.unit),
  petitionNos: z.array(petitionNo).max(limits.petitionLinks).default([]),
  /** The speaker consents to their name on the public screens; never by default (Nghị định 13/2023). */
  showName: z.boolean().default(false),
  /** A petition raised in the room, created on the spot and linked to this speaker. */
  addedPetition: addedPetition.optional(),
}

// A request to speak sent from an attendee's phone. The phone names it with an id and a secret it
// generates itself: the id follows the request on public screens (its status only), the secret
// proves a later withdrawal comes from the same phone. The server keeps only the secret's digest.
export const speakRequestLimits = {
  /** Requests waiting for the secretary, in one meeting; more are refused until some are decided. */
  waitingPerMeeting: 100,
  /** What a phone may write about a new matter: a few lines. */
  content: 2000,
} as const
const requestId = z.uuid()
const requestSecret = z.string().regex(/^[A-Za-z0-9_-]{32,128}$/, 'Mã xác nhận của điện thoại không hợp lệ. Hãy tải lại trang.')

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
  'speaker:register': z.strictObject({ commandId, ...speakerRegistration }),
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

  // --- requests to speak, from attendees' phones ---
  /** From a phone: who, from where, consent to be named, and what about (petitions, a new matter, or a confidential one). */
  'speak-request:submit': z.strictObject({
    commandId,
    requestId,
    secret: requestSecret,
    name: requiredText(limits.name),
    unit: optionalText(limits.unit),
    /** Given actively on the phone, never by default (Nghị định 13/2023). */
    showName: z.boolean().default(false),
    petitionNos: z.array(petitionNo).max(limits.petitionLinks).default([]),
    /** A matter not on the list, in a few lines. */
    newPetition: z.strictObject({ field: optionalText(limits.field), content: requiredText(speakRequestLimits.content) }).optional(),
    /** "Giữ bí mật": nothing of the request reaches a public screen, and the person speaks unnamed. */
    confidential: z.boolean().default(false),
  }),
  /** From the phone that sent it, while it waits. */
  'speak-request:withdraw': z.strictObject({ commandId, requestId, secret: requestSecret }),
  /** The secretary registers the speaker (and the new petition) as corrected at the desk, in one decision. */
  'speak-request:accept': z.strictObject({ commandId, requestId, ...speakerRegistration }),
  'speak-request:decline': z.strictObject({ commandId, requestId, reason: requiredText(limits.announcement) }),
} as const

export type CommandType = keyof typeof commandSchemas
export const commandTypes = Object.keys(commandSchemas) as CommandType[]
export const isCommandType = (name: string): name is CommandType => Object.hasOwn(commandSchemas, name)

/** What a client sends for command K (before defaults are applied). */
export type CommandInput<K extends CommandType> = z.input<(typeof commandSchemas)[K]>
/**
 * Each validated command by its type. Written as a mapped type (not Extract over the union) so that
 * `CommandMap[K]` stays tied to K in generic code: a table of deciders indexed by a command's type
 * then type-checks without casts (decide.ts, parseCommand below).
 */
export type CommandMap = { [K in CommandType]: { type: K } & z.output<(typeof commandSchemas)[K]> }
/** A validated command, tagged with its type. */
export type Command = CommandMap[CommandType]
export type CommandOf<K extends CommandType> = CommandMap[K]

/**
 * The one way a command enters the domain: its type (the socket event name, or REST's `type`) and
 * its payload, checked against the type's schema. An unknown type is UNKNOWN_COMMAND; a bad payload
 * is VALIDATION_FAILED with a Vietnamese message per field (shared/validation.ts).
 */
export function parseCommand(type: unknown, payload: unknown): Result<Command> {
  if (typeof type !== 'string' || !isCommandType(type)) return fail('UNKNOWN_COMMAND', unknownCommandMessage(type))
  return parseKnown(type, payload)
}

// The one place a command value is put together, so the one place its type is stated: the fields
// were just parsed by the schema of `type` and are tagged with that type, which is what CommandMap[K]
// says. (TypeScript cannot follow a schema looked up by a generic key back to its output type.)
function parseKnown<K extends CommandType>(type: K, payload: unknown): Result<CommandMap[K]> {
  const parsed = parseWith(commandSchemas[type], payload)
  if (!parsed.ok) return parsed
  return ok(Object.assign({ type }, parsed.data) as CommandMap[K])
}

const isOfType = <K extends CommandType>(command: Command, type: K): command is Command & { type: K } => command.type === type

/**
 * A command the server builds itself (the demo conference, tests): invalid input is a bug there,
 * so it throws instead of answering.
 */
export function buildCommand<K extends CommandType>(type: K, commandId: string, fields: Omit<CommandInput<K>, 'commandId'>): Command & { type: K } {
  const parsed = parseCommand(type, { ...fields, commandId })
  if (!parsed.ok) throw new Error(`${type}: ${parsed.error.message}`)
  if (!isOfType(parsed.data, type)) throw new Error(`${type}: parsed as ${parsed.data.type}`)
  return parsed.data
}

/** What a caller is told of a command name the server does not know; only printable characters, not many. */
export function unknownCommandMessage(type: unknown): string {
  if (typeof type !== 'string') return 'Lệnh không được hỗ trợ: tên lệnh phải là chuỗi ký tự.'
  const shown = [...type.replace(/[^\p{L}\p{N}\p{P}\p{S} ]/gu, '')].slice(0, 60).join('')
  return `Lệnh không được hỗ trợ: «${shown}».`
}

/** REST carries the type in the body. */
export type RestCommandInput = { [K in CommandType]: { type: K } & CommandInput<K> }[CommandType]

/**
 * REST carries the type in the body: the same schemas, tagged. zod cannot type a union built from
 * a table, so its type is stated here once, and it is exactly what parseCommand gives: a Command.
 */
export const restCommandSchema = z.discriminatedUnion(
  'type',
  commandTypes.map((type) => commandSchemas[type].extend({ type: z.literal(type) })) as unknown as [
    z.ZodObject<{ type: z.ZodLiteral<CommandType> }>,
  ],
) as unknown as z.ZodType<Command, RestCommandInput>

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

/**
 * Opening a meeting: the first command of its log. It goes to the office (POST /api/meetings), not
 * to a meeting, so it is not one of a meeting's socket or REST commands; decide() and the access
 * policy treat it like every other command all the same.
 */
export type MeetingCreation = { type: 'meeting:create'; commandId: string } & Omit<z.output<typeof createMeetingSchema>, 'commandId'>
/** Everything the meeting log decides: a meeting's commands and its creation. */
export type LogCommandType = CommandType | 'meeting:create'
export type LogCommandMap = { [K in LogCommandType]: K extends CommandType ? CommandMap[K] : MeetingCreation }
export type LogCommand = LogCommandMap[LogCommandType]

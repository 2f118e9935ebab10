import { z } from 'zod'
import { optionalText, requiredText } from '../text'
import { PetitionOrigin } from './model'

// One schema per command payload. The socket event name and the REST `type` are the command name,
// so ClientToServerEvents is derived from this table (protocol.ts) and REST accepts the same shapes.
export const limits = {
  title: 200,
  name: 120,
  unit: 200,
  field: 80,
  content: 10_000,
  petitionLinks: 50,
} as const

const commandId = z.uuid()
const petitionNo = z.int().min(1).max(1_000_000)

export const commandSchemas = {
  'petition:record': z.strictObject({
    commandId,
    origin: z.enum([PetitionOrigin.registered, PetitionOrigin.added]),
    field: optionalText(limits.field),
    title: requiredText(limits.title),
    content: optionalText(limits.content),
    petitionerName: optionalText(limits.name),
    petitionerAddress: optionalText(limits.unit),
    confidential: z.boolean().default(false),
  }),
  'speaker:register': z.strictObject({
    commandId,
    name: requiredText(limits.name),
    unit: optionalText(limits.unit),
    petitionNos: z.array(petitionNo).max(limits.petitionLinks).default([]),
  }),
  /** Finishes the current speech, if any, and calls the first waiting speaker. */
  'speaker:call-next': z.strictObject({ commandId }),
  'speaker:finish': z.strictObject({ commandId }),
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
})
export type CreateMeetingInput = z.input<typeof createMeetingSchema>

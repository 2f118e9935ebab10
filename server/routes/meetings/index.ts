import type { FastifyPluginAsync } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { listProjectedMeetings } from '../../../db/repositories/meeting-projection'
import { readEvents } from '../../../db/repositories/events'
import { createMeetingSchema, isCommandType, restCommandSchema, unknownCommandMessage } from '../../../shared/meeting/commands'
import { eventsFor, stateFor } from '../../../shared/meeting/redact'
import { actorOf } from '../../auth/principal'
import { roleIn } from '../../auth/meeting-role'
import { commandRoleFor, refusalFor } from '../../../shared/access/policy'
import { roles } from '../../../shared/roles'
import { createDemoConference } from '../../meetings/demo'
import { vietnamDate } from '../../../shared/calendar/working-days'
import { appError } from '../../../shared/errors'
import { sendError, sendResult } from '../../http-errors'
import { commandResult, errors, meetingCreated, meetingEvent, meetingIdParams, meetingListItem, meetingStateBody, meetingSummary } from './schemas'

// The same commands as the sockets, over HTTP: for scripts, integrations and tests. The role follows
// from who is calling (shared/access/policy.ts); anyone else gets the public, redacted view.
const roleQuery = z.strictObject({ role: z.enum(roles).optional() })
const phoneOnlyCommands = new Set<string>(['speak-request:submit', 'speak-request:withdraw'])
const phoneOnlyRefusal = { code: 'FORBIDDEN', message: 'Đăng ký phát biểu chỉ gửi được từ trang của đại biểu trên điện thoại.' } as const
const meetingsRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>()

  app.post(
    '/api/meetings',
    { config: { action: 'meetings:create' }, schema: { body: createMeetingSchema, response: { 200: meetingCreated, 201: meetingCreated, ...errors } } },
    async (req, reply) => {
      // The office's secretary (the action's policy) opens the log as the meeting's secretary, whom
      // the command policy allows to create it (decided like every command: meeting-log.ts).
      const result = await app.meetingLog.createMeeting(req.body, actorOf(req.principal, req.ip), 'secretary')
      if (!result.ok) return sendError(reply, result.error)
      const { meeting, duplicate } = result.data
      return reply.code(duplicate ? 200 : 201).send({ meetingId: meeting.meetingId, title: meeting.title, venue: meeting.venue, createdAt: meeting.createdAt })
    },
  )

  app.post('/api/demo', { config: { action: 'meetings:create' }, schema: { response: { 201: meetingCreated, ...errors } } }, async (req, reply) => {
    const result = await createDemoConference(app.db, app.office, app.meetingLog, vietnamDate(new Date()), actorOf(req.principal, req.ip))
    if (!result.ok) return sendError(reply, result.error)
    const { meeting } = result.data
    return reply.code(201).send({ meetingId: meeting.meetingId, title: meeting.title, venue: meeting.venue, createdAt: meeting.createdAt })
  })

  app.get('/api/meetings', { config: { action: 'meetings:list' }, schema: { response: { 200: z.object({ meetings: z.array(meetingListItem) }) } } }, async () => {
    // The date and phase come from the meeting projection, kept with each meeting's log.
    return { meetings: await listProjectedMeetings(app.db) }
  })

  app.get('/api/meetings/:meetingId', { config: { action: 'meeting:read' }, schema: { params: meetingIdParams, response: { 200: meetingSummary, ...errors } } }, async (req, reply) => {
    const state = await app.meetingLog.state(req.params.meetingId)
    if (!state) return sendError(reply, appError('MEETING_NOT_FOUND'))
    return { meetingId: state.meetingId, title: state.title, venue: state.venue, createdAt: state.createdAt }
  })

  app.get(
    '/api/meetings/:meetingId/state',
    { config: { action: 'meeting:read' }, schema: { params: meetingIdParams, querystring: roleQuery, response: { 200: meetingStateBody, ...errors } } },
    async (req, reply) => {
      const role = roleIn(req, req.params.meetingId, req.query.role)
      if (!role.ok) return sendError(reply, role.error)
      const state = await app.meetingLog.state(req.params.meetingId)
      if (!state) return sendError(reply, appError('MEETING_NOT_FOUND'))
      return { ...stateFor(role.data, state) }
    },
  )

  app.get(
    '/api/meetings/:meetingId/events',
    {
      config: { action: 'meeting:read' },
      schema: {
        params: meetingIdParams,
        querystring: roleQuery.extend({ after: z.coerce.number().int().min(0).default(0) }),
        response: { 200: z.object({ events: z.array(meetingEvent) }), ...errors },
      },
    },
    async (req, reply) => {
      const role = roleIn(req, req.params.meetingId, req.query.role)
      if (!role.ok) return sendError(reply, role.error)
      const state = await app.meetingLog.state(req.params.meetingId)
      if (!state) return sendError(reply, appError('MEETING_NOT_FOUND'))
      const events = await readEvents(app.db, req.params.meetingId, req.query.after, state.seq)
      return { events: eventsFor(role.data, events, state) }
    },
  )

  app.post(
    '/api/meetings/:meetingId/commands',
    {
      config: { action: 'meeting:command' },
      schema: { params: meetingIdParams, body: restCommandSchema, response: { 200: commandResult, ...errors } },
      // An unknown command deserves its own answer rather than a validation error on `type`.
      preValidation: async (req, reply) => {
        const type = (req.body as { type?: unknown } | null)?.type
        if (typeof type === 'string' && !isCommandType(type)) {
          return sendError(reply, { code: 'UNKNOWN_COMMAND', message: unknownCommandMessage(type) })
        }
      },
    },
    async (req, reply) => {
      // A request to speak comes from a phone, through its socket, where the per-phone and
      // per-address limits are kept (server/realtime/speak-request-limits.ts); over HTTP those
      // limits could be stepped around.
      // The body was parsed once, by restCommandSchema (the same schemas as parseCommand): a Command.
      const command = req.body
      const role = commandRoleFor(req.principal, req.params.meetingId, command.type)
      if (!role) return sendError(reply, refusalFor(req.principal))
      // Refused for good, and recorded: the id is spent, as for any refusal the log gives.
      if (phoneOnlyCommands.has(command.type)) return sendResult(reply, await app.meetingLog.refuse(req.params.meetingId, role, command, phoneOnlyRefusal, actorOf(req.principal, req.ip)))
      const result = await app.meetingLog.execute(req.params.meetingId, role, command, actorOf(req.principal, req.ip))
      return sendResult(reply, result)
    },
  )

  app.get('/api/health', { config: { action: 'health' }, schema: { response: { 200: z.object({ ok: z.literal(true) }) } } }, async () => ({ ok: true as const }))
}

export default meetingsRoutes

import type { FastifyPluginAsync } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { listMeetings } from '../../../db/repositories/meetings'
import { readEvents } from '../../../db/repositories/events'
import { createMeetingSchema, isCommandType, restCommandSchema, type Command } from '../../../shared/meeting/commands'
import { eventsFor, stateFor } from '../../../shared/meeting/redact'
import { authorize } from '../../access'
import { createDemoConference } from '../../meetings/demo'
import { vietnamDate } from '../../../shared/calendar/working-days'
import { appError } from '../../../shared/errors'
import { sendError, sendResult } from '../../http-errors'
import { commandResult, errors, keyHeaders, meetingCreated, meetingEvent, meetingIdParams, meetingStateBody, meetingSummary } from './schemas'

// The same commands as the sockets, over HTTP: for scripts, integrations and tests. The role comes
// from the x-meeting-key header (no key: the public, redacted view).
const meetingsRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>()

  app.post('/api/meetings', { schema: { body: createMeetingSchema, response: { 200: meetingCreated, 201: meetingCreated, ...errors } } }, async (req, reply) => {
    const result = await app.meetingLog.createMeeting(req.body)
    if (!result.ok) return sendError(reply, result.error)
    const { meeting, keys, duplicate } = result.data
    return reply.code(duplicate ? 200 : 201).send({ meetingId: meeting.meetingId, title: meeting.title, venue: meeting.venue, createdAt: meeting.createdAt, keys })
  })

  app.post('/api/demo', { schema: { response: { 201: meetingCreated, ...errors } } }, async (_req, reply) => {
    const result = await createDemoConference(app.db, app.office, app.meetingLog, vietnamDate(new Date()))
    if (!result.ok) return sendError(reply, result.error)
    const { meeting, keys } = result.data
    return reply.code(201).send({ meetingId: meeting.meetingId, title: meeting.title, venue: meeting.venue, createdAt: meeting.createdAt, keys })
  })

  app.get('/api/meetings', { schema: { response: { 200: z.object({ meetings: z.array(meetingSummary) }) } } }, async () => {
    const meetings = await listMeetings(app.db)
    return { meetings: meetings.map(({ meetingId, title, venue, createdAt }) => ({ meetingId, title, venue, createdAt })) }
  })

  app.get('/api/meetings/:meetingId', { schema: { params: meetingIdParams, response: { 200: meetingSummary, ...errors } } }, async (req, reply) => {
    const state = await app.meetingLog.state(req.params.meetingId)
    if (!state) return sendError(reply, appError('MEETING_NOT_FOUND'))
    return { meetingId: state.meetingId, title: state.title, venue: state.venue, createdAt: state.createdAt }
  })

  app.get(
    '/api/meetings/:meetingId/state',
    { schema: { params: meetingIdParams, headers: keyHeaders, response: { 200: meetingStateBody, ...errors } } },
    async (req, reply) => {
      const role = await authorize(app.db, { meetingId: req.params.meetingId, key: req.headers['x-meeting-key'] })
      if (!role.ok) return sendError(reply, role.error)
      const state = await app.meetingLog.state(req.params.meetingId)
      if (!state) return sendError(reply, appError('MEETING_NOT_FOUND'))
      return { ...stateFor(role.data, state) }
    },
  )

  app.get(
    '/api/meetings/:meetingId/events',
    {
      schema: {
        params: meetingIdParams,
        headers: keyHeaders,
        querystring: z.strictObject({ after: z.coerce.number().int().min(0).default(0) }),
        response: { 200: z.object({ events: z.array(meetingEvent) }), ...errors },
      },
    },
    async (req, reply) => {
      const role = await authorize(app.db, { meetingId: req.params.meetingId, key: req.headers['x-meeting-key'] })
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
      schema: { params: meetingIdParams, headers: keyHeaders, body: restCommandSchema, response: { 200: commandResult, ...errors } },
      // An unknown command deserves its own answer rather than a validation error on `type`.
      preValidation: async (req, reply) => {
        const type = (req.body as { type?: unknown } | null)?.type
        if (typeof type === 'string' && !isCommandType(type)) {
          return sendError(reply, { code: 'UNKNOWN_COMMAND', message: `Lệnh không được hỗ trợ: «${type.slice(0, 60)}».` })
        }
      },
    },
    async (req, reply) => {
      const role = await authorize(app.db, { meetingId: req.params.meetingId, key: req.headers['x-meeting-key'] })
      if (!role.ok) return sendError(reply, role.error)
      const result = await app.meetingLog.execute(req.params.meetingId, role.data, req.body as Command)
      return sendResult(reply, result)
    },
  )

  app.get('/api/health', { schema: { response: { 200: z.object({ ok: z.literal(true) }) } } }, async () => ({ ok: true as const }))
}

export default meetingsRoutes

import { z } from 'zod'
import { MeetingPhase } from '../../../shared/meeting/model'

// Response shapes of the meeting routes. Request bodies use the shared command schemas directly.
export const errorBody = z.object({
  ok: z.literal(false),
  error: z.object({ code: z.string(), message: z.string(), fields: z.record(z.string(), z.string()).optional() }),
})

export const meetingIdParams = z.strictObject({ meetingId: z.uuid() })

export const meetingSummary = z.object({
  meetingId: z.string(),
  title: z.string(),
  venue: z.string(),
  createdAt: z.string(),
})

/**
 * A meeting in the home list: what tells two meetings of the same title apart, its date ('' when
 * not set yet) and where it stands.
 */
export const meetingListItem = meetingSummary.extend({
  meetingDate: z.string(),
  phase: z.enum(MeetingPhase),
})

export const meetingCreated = meetingSummary.extend({
})

export const meetingEvent = z.object({
  meetingId: z.string(),
  seq: z.int(),
  type: z.string(),
  at: z.string(),
  commandId: z.string().nullable(),
  actorRole: z.string().nullable(),
  payload: z.record(z.string(), z.unknown()),
})

export const commandResult = z.object({ seq: z.int(), events: z.array(meetingEvent), duplicate: z.boolean() })


export const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody, 422: errorBody, 500: errorBody }

/** The folded meeting state (redacted for public roles); its full shape is MeetingState in shared/. */
export const meetingStateBody = z.looseObject({
  meetingId: z.string(),
  seq: z.int(),
  title: z.string(),
  petitions: z.array(z.unknown()),
  speakers: z.array(z.unknown()),
})

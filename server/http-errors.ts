import type { FastifyReply } from 'fastify'
import { appError, type AppError, type ErrorCode, type Result } from '../shared/errors'
import { isDatabaseUnavailable } from '../db/errors'

const statusByCode: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  BAD_REQUEST: 400,
  UNKNOWN_COMMAND: 400,
  PROTOCOL_MISMATCH: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  MEETING_NOT_FOUND: 404,
  NOT_FOUND: 404,
  COMMAND_ID_REUSED: 409,
  QUEUE_EMPTY: 409,
  NO_CURRENT_SPEAKER: 409,
  PETITION_NOT_FOUND: 422,
  SPEAKER_NOT_FOUND: 404,
  OFFICIAL_NOT_FOUND: 422,
  UNIT_NOT_FOUND: 422,
  SPEAKER_NOT_WAITING: 409,
  NO_SPEAKER_TO_READD: 409,
  SPEECH_ALREADY_RUNNING: 409,
  SPEECH_NOT_RUNNING: 409,
  SPEECH_NOT_PAUSED: 409,
  SPEECH_NOT_STARTED: 409,
  REGISTRATION_CLOSED: 409,
  SPEAK_REQUEST_NOT_FOUND: 404,
  SPEAK_REQUEST_DECIDED: 409,
  SPEAK_REQUEST_EXISTS: 409,
  SPEAK_REQUEST_PENDING: 409,
  SPEAK_REQUESTS_FULL: 409,
  SPEAK_REQUESTS_TOO_MANY: 429,
  SPEAK_REQUEST_NEEDS_CONFIDENTIAL: 422,
  MEETING_CLOSED: 409,
  PETITION_RESOLVED: 409,
  PETITION_NOT_RESOLVED: 409,
  OPEN_PETITIONS: 409,
  REQUESTS_WAITING: 409,
  INVALID_MERGE: 422,
  DUE_DATE_IN_PAST: 422,
  DUE_DATE_TOO_LATE: 422,
  DUE_DATE_DAY_OFF: 422,
  NO_CHANGE: 409,
  MINUTES_NOT_FINAL: 409,
  ALREADY_ISSUED: 409,
  NUMBER_TAKEN: 409,
  CONFIDENTIAL_NAMES: 422,
  ALREADY_EXTENDED: 409,
  RESULT_ALREADY_RECORDED: 409,
  RATE_LIMITED: 429,
  INVALID_CREDENTIALS: 401,
  WRONG_PASSWORD: 403,
  CSRF_FAILED: 403,
  TOKEN_INVALID: 400,
  PAIRING_CODE_INVALID: 400,
  PAIRING_PAUSED: 429,
  DEVICE_REVOKED: 401,
  PROJECTOR_NOT_FOUND: 422,
  USERNAME_TAKEN: 409,
  LAST_ADMIN: 409,
  UNAVAILABLE: 503,
  INTERNAL: 500,
}

export const httpStatusOf = (code: ErrorCode): number => statusByCode[code]

export function sendError(reply: FastifyReply, error: AppError) {
  return reply.code(httpStatusOf(error.code)).send({ ok: false, error })
}

/** Sends `data` with `status`, or the error with its HTTP status. */
export function sendResult<T>(reply: FastifyReply, result: Result<T>, status = 200) {
  return result.ok ? reply.code(status).send(result.data) : sendError(reply, result.error)
}

/**
 * What the caller is told about an error nobody expected: UNAVAILABLE when the database could not
 * be reached (worth retrying, and the client does, with the same command id), INTERNAL otherwise.
 * Internals stay in the log.
 */
export function unexpectedFailure(err: unknown): AppError {
  return appError(isDatabaseUnavailable(err) ? 'UNAVAILABLE' : 'INTERNAL')
}

/** Thrown by the validator compiler; the error handler turns it into VALIDATION_FAILED. */
export class RequestValidationError extends Error {
  constructor(readonly error: AppError) {
    super(error.message)
  }
}

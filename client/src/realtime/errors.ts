import { ErrorCode, type AppError } from '@shared/errors'
import { vi } from '../i18n/vi'

const codes = new Set<string>(Object.values(ErrorCode))

/** Narrows what the server put in `connect_error`'s `err.data` (or any error body) to an AppError. */
export function asAppError(value: unknown): AppError | null {
  if (typeof value !== 'object' || value === null) return null
  const { code, message, fields } = value as Record<string, unknown>
  if (typeof code !== 'string' || !codes.has(code) || typeof message !== 'string') return null
  const error: AppError = { code: code as ErrorCode, message }
  if (typeof fields === 'object' && fields !== null) {
    error.fields = Object.fromEntries(
      Object.entries(fields as Record<string, unknown>).filter((e): e is [string, string] => typeof e[1] === 'string'),
    )
  }
  return error
}

/**
 * Errors worth retrying by ourselves, with the same command id: the server was busy, lost its
 * database, or hit a bug. The request was fine and its outcome is unknown (a commit may have landed
 * before the reply was lost), so only the same id may ask again: a retry is never applied twice.
 */
export const isRetryable = (error: AppError): boolean =>
  error.code === ErrorCode.INTERNAL || error.code === ErrorCode.UNAVAILABLE || error.code === ErrorCode.RATE_LIMITED

/** Errors that happen on this side of the wire, in the shape the UI already knows how to show. */
export function localError(kind: keyof typeof vi.localErrors): AppError {
  return { code: ErrorCode.INTERNAL, message: vi.localErrors[kind] }
}

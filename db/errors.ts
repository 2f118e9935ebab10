// Whether an error means "the database could not be reached, or the connection broke", as opposed
// to a refusal of what was asked (a constraint, a bad query). The first kind is worth retrying: the
// caller is told UNAVAILABLE, the server stays up, and a command is retried under the same id (a
// commit whose reply was lost is then answered as a duplicate, never applied twice).

// SQLSTATEs: admin_shutdown, crash_shutdown, cannot_connect_now (a restart), too_many_connections,
// the connection_exception class, idle_in_transaction_session_timeout, and query_canceled (our
// statement_timeout, e.g. waiting too long for a meeting's lock during a failover).
const unavailableStates = new Set(['57P01', '57P02', '57P03', '53300', '25P03', '57014'])
const networkCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNABORTED'])
// node-postgres says these in words only, without a code.
const unavailableMessages = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error and is not queryable',
  'Client was closed and is not queryable',
  'Cannot use a pool after calling end on the pool',
  'terminating connection',
]

export function isDatabaseUnavailable(err: unknown, depth = 0): boolean {
  if (typeof err !== 'object' || err === null || depth > 3) return false
  const { code, message, errors } = err as { code?: unknown; message?: unknown; errors?: unknown }
  if (typeof code === 'string' && (unavailableStates.has(code) || code.startsWith('08') || networkCodes.has(code))) return true
  if (typeof message === 'string' && unavailableMessages.some((m) => message.includes(m))) return true
  // Node's connect with several addresses (localhost → ::1 and 127.0.0.1) fails with an AggregateError.
  return Array.isArray(errors) && errors.some((e) => isDatabaseUnavailable(e, depth + 1))
}

/**
 * A unique index refused the row (SQLSTATE 23505), on both backends. `constraint`: only when it was
 * this index (PostgreSQL names it; PGlite too).
 */
export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  if (typeof err !== 'object' || err === null) return false
  const e = err as { code?: unknown; constraint?: unknown }
  return e.code === '23505' && (constraint === undefined || e.constraint === constraint)
}

import { ErrorCode } from '../../shared/errors'

// What a refusal must look like, everywhere: `{ ok: false, error: { code, message } }` with a code
// from shared/errors.ts and a message in Vietnamese written for a person — not a framework's
// English, not the URL or the input echoed back, not a stack trace.

const CODES = new Set<string>(Object.values(ErrorCode))

// Phrases of Fastify's, Node's, zod's and Socket.IO's own messages: a refusal that carries one was
// not translated. Matched case-insensitively on word boundaries.
const ENGLISH = [
  'not found',
  'bad request',
  'route ',
  'is not a valid',
  'invalid',
  'expected',
  'unexpected',
  'must be',
  'must have',
  'required',
  'too large',
  'too long',
  'internal server error',
  'client error',
  'unsupported',
  'payload',
  'request header',
  'body cannot be empty',
  'content-type',
  'params/',
  'querystring/',
  'body/',
  'error',
  'failed',
  'timeout',
  'forbidden',
  'unauthorized',
]
const ENGLISH_RE = new RegExp(`(^|[^\\p{L}])(${ENGLISH.map((w) => w.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')})`, 'iu')

// Letters only Vietnamese uses among the Latin scripts: any Vietnamese sentence has some.
const VIETNAMESE = /[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/iu

export interface ShapeProblem {
  /** Short and stable: the dedupe key of the failure. */
  problem: string
}

/**
 * The problems of an error body (REST) or a refused ack (socket). `echoes`: strings the message must
 * not contain (the request URL, its path).
 */
export function errorShapeProblems(body: unknown, echoes: string[] = []): ShapeProblem[] {
  const problems: ShapeProblem[] = []
  if (typeof body === 'string') return [{ problem: body.length ? 'a text body, not JSON' : 'an empty body' }]
  if (!body || typeof body !== 'object' || Array.isArray(body)) return [{ problem: `not an object: ${JSON.stringify(body)?.slice(0, 40)}` }]
  const b = body as Record<string, unknown>
  // Fastify's (and @fastify/*'s) own error body: { statusCode, error, message, code? }.
  if (typeof b.error === 'string') {
    const what = [b.error, typeof b.code === 'string' ? b.code : null].filter(Boolean).join(', ')
    return [{ problem: `the framework's own error body (${what}), in English${typeof b.message === 'string' && echoes.some((e) => e.length >= 8 && (b.message as string).includes(e)) ? ', echoing the URL' : ''}` }]
  }
  if (b.ok !== false) problems.push({ problem: 'ok is not false' })
  const error = b.error
  if (!error || typeof error !== 'object' || Array.isArray(error)) {
    problems.push({ problem: `no error object (keys: ${Object.keys(b).slice(0, 6).join(', ')})` })
    return problems
  }
  const e = error as Record<string, unknown>
  if (typeof e.code !== 'string') problems.push({ problem: 'error.code is not a string' })
  else if (!CODES.has(e.code)) problems.push({ problem: `error.code «${e.code.slice(0, 40)}» is not in ErrorCode` })
  if (typeof e.message !== 'string') problems.push({ problem: 'error.message is not a string' })
  else problems.push(...messageProblems(e.message, echoes))
  for (const leak of ['stack', 'statusCode']) if (leak in e || leak in b) problems.push({ problem: `carries «${leak}»` })
  if (e.fields !== undefined && (typeof e.fields !== 'object' || e.fields === null)) problems.push({ problem: 'error.fields is not an object' })
  return problems
}

export function messageProblems(message: string, echoes: string[] = []): ShapeProblem[] {
  const problems: ShapeProblem[] = []
  // What the server quotes back «like this» is the caller's own input, not the server's words.
  const own = message.replace(/«[^»]*»/g, '')
  const english = ENGLISH_RE.exec(own)
  if (english) problems.push({ problem: `message looks English («${english[2]}»)` })
  else if (!VIETNAMESE.test(own)) problems.push({ problem: 'message has no Vietnamese' })
  // Echoing the input: the URL (a refusal must not reflect what was asked for), or a very long text.
  for (const echo of echoes) {
    if (echo.length >= 8 && message.includes(echo)) {
      problems.push({ problem: 'message echoes the URL' })
      break
    }
  }
  if (message.length > 500) problems.push({ problem: 'message over 500 characters (echoes the input?)' })
  return problems
}

/** A successful ack is `{ ok: true, data }`. */
export function ackShapeProblems(ack: unknown): ShapeProblem[] {
  if (!ack || typeof ack !== 'object' || Array.isArray(ack)) return [{ problem: `ack is not an object: ${JSON.stringify(ack)?.slice(0, 40)}` }]
  const a = ack as Record<string, unknown>
  if (a.ok === true) return 'data' in a ? [] : [{ problem: 'ok ack without data' }]
  return errorShapeProblems(ack)
}

export const errorCodeOf = (body: unknown): string | null => {
  const code = (body as { error?: { code?: unknown } } | null)?.error?.code
  return typeof code === 'string' ? code : null
}

import type { z } from 'zod'
import { fail, ok, type Result } from './errors'
import { unstorableText } from './text'

// One VALIDATION_FAILED error with a Vietnamese message per field, so the REST routes, the socket
// handlers and the forms all show the same words. The words come from the error map below, which
// zod consults for its own issues only: a message written in a schema (a refine, a regex) outranks
// it, so no message is translated after the fact.
const vietnameseErrors: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'too_big':
      return issue.origin === 'string'
        ? `Quá dài (tối đa ${String(issue.maximum)} ký tự).`
        : issue.origin === 'array'
          ? `Quá nhiều mục (tối đa ${String(issue.maximum)}).`
          : `Giá trị quá lớn (tối đa ${String(issue.maximum)}).`
    case 'too_small':
      return issue.origin === 'string' ? 'Không được để trống.' : `Giá trị quá nhỏ (tối thiểu ${String(issue.minimum)}).`
    case 'invalid_type':
      return issue.input === undefined ? 'Thiếu trường bắt buộc.' : 'Sai kiểu dữ liệu.'
    case 'invalid_value':
      return 'Giá trị không được chấp nhận.'
    case 'invalid_format':
      return 'Sai định dạng.'
    case 'unrecognized_keys':
      return `Trường không được hỗ trợ: ${shownKeys(issue.keys)}.`
    default:
      return 'Giá trị không hợp lệ.'
  }
}

/** A few of the keys, each cut short: a message never echoes a 10,000-character key back. */
function shownKeys(keys: readonly string[]): string {
  const cut = (k: string) => ([...k].length > 40 ? `${[...k].slice(0, 40).join('')}…` : k)
  const shown = keys.slice(0, 3).map(cut).join(', ')
  return keys.length > 3 ? `${shown} và ${keys.length - 3} trường khác` : shown
}

function fieldMessages(issues: readonly z.core.$ZodIssue[]): Record<string, string> {
  const fields: Record<string, string> = {}
  for (const issue of issues) {
    const path = issue.path.length ? issue.path.map(String).join('.') : '_'
    fields[path] ??= issue.message
  }
  return fields
}

/**
 * The path of the first string (value or key) anywhere in `input` that holds a character no text
 * may hold (NUL, a lone surrogate), or null. Checked before any schema, so every field of every
 * request, named in a schema or not, is covered. Iterative: nesting depth cannot exhaust the stack.
 */
export function unstorablePath(input: unknown): string | null {
  const stack: { value: unknown; path: string }[] = [{ value: input, path: '' }]
  let visited = 0
  while (stack.length) {
    const { value, path } = stack.pop()!
    // A bound on the work. Requests are at most 1 MB (REST body limit, Socket.IO buffer), which
    // cannot hold half a million values, so every value of a real request is looked at.
    if (++visited > 1_000_000) return null
    if (typeof value === 'string') {
      if (unstorableText.test(value)) return path || '_'
    } else if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) stack.push({ value: value[i], path: path ? `${path}.${i}` : String(i) })
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, v] of Object.entries(value)) {
        if (unstorableText.test(key)) return path || '_'
        stack.push({ value: v, path: path ? `${path}.${key}` : key })
      }
    }
  }
  return null
}

const unstorableMessage = 'Chứa ký tự không hợp lệ (ký tự NUL hoặc ký tự Unicode hỏng); hãy gõ hoặc dán lại.'

export function parseWith<S extends z.ZodType>(schema: S, input: unknown): Result<z.output<S>> {
  const found = unstorablePath(input)
  const bad = found === null ? null : [...found].slice(0, 100).join('')
  if (bad !== null) return fail('VALIDATION_FAILED', `Dữ liệu không hợp lệ. ${bad === '_' ? '' : `«${bad}»: `}${unstorableMessage}`, { [bad]: unstorableMessage })
  const parsed = schema.safeParse(input, { error: vietnameseErrors })
  if (parsed.success) return ok(parsed.data)
  const fields = fieldMessages(parsed.error.issues)
  const summary = Object.entries(fields)
    .slice(0, 3)
    .map(([path, message]) => (path === '_' ? message : `«${path}»: ${message}`))
    .join(' ')
  return fail('VALIDATION_FAILED', `Dữ liệu không hợp lệ. ${summary}`.trim(), fields)
}

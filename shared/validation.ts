import type { z } from 'zod'
import { fail, ok, type Result } from './errors'

// Turns zod issues into one VALIDATION_FAILED error with a Vietnamese message per field, so the REST
// routes, the socket handlers and the forms all show the same words.
function issueMessage(issue: z.core.$ZodIssue): string {
  // Messages we wrote in a schema are Vietnamese; zod's own defaults are English (ASCII only).
  // Keep ours, translate theirs.
  if (/[^\x00-\x7F]/.test(issue.message)) return issue.message
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
      // zod leaves `input` out of issues by default; its message says what it received.
      return /received undefined/.test(issue.message) ? 'Thiếu trường bắt buộc.' : 'Sai kiểu dữ liệu.'
    case 'invalid_value':
      return 'Giá trị không được chấp nhận.'
    case 'invalid_format':
      return 'Sai định dạng.'
    case 'unrecognized_keys':
      return `Trường không được hỗ trợ: ${issue.keys.join(', ')}.`
    case 'invalid_union':
      return 'Giá trị không hợp lệ.'
    default:
      return 'Giá trị không hợp lệ.'
  }
}

export function formatIssues(issues: readonly z.core.$ZodIssue[]): Record<string, string> {
  const fields: Record<string, string> = {}
  for (const issue of issues) {
    const path = issue.path.length ? issue.path.map(String).join('.') : '_'
    fields[path] ??= issueMessage(issue)
  }
  return fields
}

export function parseWith<S extends z.ZodType>(schema: S, input: unknown): Result<z.output<S>> {
  const parsed = schema.safeParse(input)
  if (parsed.success) return ok(parsed.data)
  const fields = formatIssues(parsed.error.issues)
  const summary = Object.entries(fields)
    .slice(0, 3)
    .map(([path, message]) => (path === '_' ? message : `«${path}»: ${message}`))
    .join(' ')
  return fail('VALIDATION_FAILED', `Dữ liệu không hợp lệ. ${summary}`.trim(), fields)
}

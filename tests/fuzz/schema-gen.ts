import type { JsonSchema } from './ipc'
import type { Random } from './random'

// Valid inputs, generated from the same schemas the server validates with (zod, turned into JSON
// Schema). A fuzzer that only sends garbage never gets past the first check; starting from a valid
// input and breaking one thing at a time reaches the code behind validation, and valid inputs mixed
// in keep the meeting full of petitions and speakers to act on.

export type Path = (string | number)[]

/** Fills what the schema alone cannot: ids that exist, petition and speaker numbers in the meeting. */
export type Hint = (key: string, schema: JsonSchema) => { value: unknown } | undefined

export interface GenContext {
  random: Random
  hint: Hint
}

const DATE_PATTERN = '\\d{4}-\\d{2}-\\d{2}'
export const isDateSchema = (s: JsonSchema | null | undefined): boolean => !!s?.pattern?.includes(DATE_PATTERN)

// Realistic text: what a secretary types in the room. Vietnamese, in NFC.
const SAMPLE_TEXT = [
  'Đề nghị làm rõ tiến độ bồi thường, giải phóng mặt bằng tuyến đường liên xã',
  'Ông Nguyễn Văn Hải, thôn Bản Phố',
  'Về việc cấp giấy chứng nhận quyền sử dụng đất cho các hộ tái định cư',
  'Phòng Tài nguyên và Môi trường',
  'Trả lời tại hội nghị',
  'Kiến nghị về môi trường: khói bụi từ nhà máy gạch',
  'Chế độ phụ cấp cho cán bộ không chuyên trách',
  'Đại diện 12 hộ dân tổ dân phố số 3',
]

/** The schema's own branches, flattened: anyOf / oneOf / allOf as alternatives. */
function branches(s: JsonSchema): JsonSchema[] {
  return s.anyOf ?? s.oneOf ?? (s.allOf ? s.allOf.slice(0, 1) : [s])
}

function typesOf(s: JsonSchema): string[] {
  if (s.anyOf || s.oneOf) return branches(s).flatMap(typesOf)
  if (s.const !== undefined) return [jsonType(s.const)]
  if (s.enum) return [...new Set(s.enum.map(jsonType))]
  if (s.type === undefined) return ['any']
  return [s.type].flat()
}

export function jsonType(v: unknown): string {
  if (v === null) return 'null'
  if (Array.isArray(v)) return 'array'
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number'
  return typeof v
}

/** Whether `v`'s JSON type is one the schema admits (its other constraints aside). */
export function admitsType(s: JsonSchema, v: unknown): boolean {
  const types = typesOf(s)
  const t = jsonType(v)
  if (types.includes('any')) return true
  if (t === 'integer' && types.includes('number')) return true
  return types.includes(t)
}

/** For a value that the schema describes through a union, the branch that describes it. */
export function resolveBranch(s: JsonSchema, v: unknown): JsonSchema {
  if (!s.anyOf && !s.oneOf) return s
  const options = branches(s)
  const matching = options.filter((b) => admitsType(b, v))
  if (matching.length > 1 && v && typeof v === 'object' && !Array.isArray(v)) {
    // Discriminated unions: the branch whose constant properties the value carries.
    const byConst = matching.find((b) =>
      Object.entries(b.properties ?? {}).every(([k, p]) => p.const === undefined || (v as Record<string, unknown>)[k] === p.const),
    )
    if (byConst) return byConst
  }
  return matching[0] ?? options[0] ?? s
}

function isoDay(offsetDays: number): string {
  return new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10)
}

function sampleText(random: Random, max: number | undefined): string {
  const text = random.pick(SAMPLE_TEXT)
  return max !== undefined && text.length > max ? text.slice(0, Math.max(1, max)) : text
}

function stringFor(s: JsonSchema, random: Random): string {
  if (s.format === 'uuid') return random.uuid()
  if (isDateSchema(s)) return isoDay(random.int(0, 60))
  if (s.pattern) {
    if (s.pattern.includes('a-z0-9._-')) return `fz-${random.int(0, 1e9).toString(36)}`
    if (s.pattern.includes('\\p{Lu}')) return 'UBND-XA'
    if (s.pattern.includes('A-Za-z0-9_-')) return Array.from({ length: 43 }, () => random.pick([...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-'])).join('')
    return 'abc'
  }
  return sampleText(random, s.maxLength)
}

export function generate(s: JsonSchema, ctx: GenContext, key = '', depth = 0): unknown {
  const hinted = ctx.hint(key, s)
  if (hinted) return hinted.value
  if (s.const !== undefined) return s.const
  // A closed meeting refuses everything after: the fuzzer never closes the meeting it lives in.
  if (s.enum) return ctx.random.pick(s.enum.filter((v) => v !== 'closed'))
  if (s.anyOf || s.oneOf) {
    const options = branches(s)
    const nonNull = options.filter((b) => b.type !== 'null')
    return generate(ctx.random.pick(nonNull.length && ctx.random.chance(0.85) ? nonNull : options), ctx, key, depth)
  }
  if (s.allOf?.[0]) return generate(s.allOf[0], ctx, key, depth)
  const type = Array.isArray(s.type) ? ctx.random.pick(s.type) : s.type
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {}
      const required = new Set(s.required ?? [])
      for (const [k, p] of Object.entries(s.properties ?? {})) {
        if (required.has(k) || (depth < 4 && ctx.random.chance(0.6))) out[k] = generate(p, ctx, k, depth + 1)
      }
      return out
    }
    case 'array': {
      const min = s.minItems ?? 0
      const max = Math.min(s.maxItems ?? 3, min + 3)
      return Array.from({ length: ctx.random.int(min, Math.max(min, max)) }, () => (s.items ? generate(s.items, ctx, key, depth + 1) : 'x'))
    }
    case 'string':
      return stringFor(s, ctx.random)
    case 'integer':
    case 'number': {
      const min = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : 0)
      const max = Math.min(s.maximum ?? min + 100, min + 100)
      return ctx.random.int(Math.ceil(min), Math.floor(Math.max(min, max)))
    }
    case 'boolean':
      return ctx.random.chance(0.5)
    case 'null':
      return null
    default:
      return 'x'
  }
}

/** Every place in `value` a mutation can hit, with the schema that governs it (null: none does). */
export interface Site {
  path: Path
  schema: JsonSchema | null
  /** The property is in its object's `required` list. */
  required: boolean
  /** The object this site is a property of (for dropping a key or adding one beside it). */
  parent: JsonSchema | null
  present: boolean
}

export function sites(value: unknown, schema: JsonSchema | null): Site[] {
  const out: Site[] = []
  const walk = (v: unknown, s: JsonSchema | null, path: Path, required: boolean, parent: JsonSchema | null, depth: number) => {
    out.push({ path, schema: s, required, parent, present: v !== undefined })
    if (depth > 6 || v === undefined || v === null || typeof v !== 'object') return
    const r = s ? resolveBranch(s, v) : null
    if (Array.isArray(v)) {
      v.slice(0, 5).forEach((item, i) => walk(item, r?.items ?? null, [...path, i], false, null, depth + 1))
      return
    }
    const obj = v as Record<string, unknown>
    const req = new Set(r?.required ?? [])
    const keys = new Set([...Object.keys(obj), ...Object.keys(r?.properties ?? {})])
    for (const k of keys) walk(obj[k], r?.properties?.[k] ?? null, [...path, k], req.has(k), r, depth + 1)
  }
  walk(value, schema, [], true, null, 0)
  return out
}

/** A copy of `root` with the value at `path` replaced (or removed, when `value` is REMOVE). */
export const REMOVE = Symbol('remove')
export function setAt(root: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value === REMOVE ? undefined : value
  const copy: unknown = Array.isArray(root) ? [...root] : root && typeof root === 'object' ? { ...(root as object) } : {}
  const [head, ...rest] = path as [string | number, ...Path]
  const container = copy as Record<string | number, unknown>
  const next = setAt(container[head], rest, value)
  if (rest.length === 0 && value === REMOVE) {
    if (Array.isArray(container)) container.splice(Number(head), 1)
    else delete container[head]
  } else if (head === '__proto__') {
    // An own "__proto__" key, as JSON.parse makes it: assignment would change the prototype instead.
    Object.defineProperty(container, head, { value: next, enumerable: true, configurable: true, writable: true })
  } else {
    container[head] = next
  }
  return copy
}

export const pathText = (path: Path): string => (path.length ? path.join('.') : '(payload)')

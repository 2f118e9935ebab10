import type { JsonSchema } from './ipc'
import type { Random } from './random'
import { admitsType, isDateSchema, jsonType, pathText, REMOVE, resolveBranch, setAt, sites, type Path, type Site } from './schema-gen'

// The bad inputs, and how one is put into an otherwise valid payload. Each mutation carries a label
// (for the report and its dedupe) and, when the input is one no server may accept, the reason:
// an accepted request whose mutation says "must refuse" is a failure of its own (accepted-invalid).

/** A payload too deep for JSON.stringify (V8 recurses): sent as text, by the raw clients only. */
export class RawJson {
  constructor(
    readonly text: string,
    readonly description: string,
  ) {}
}

export interface Mutation {
  /** Where and what, for people: "title ← string.nul". */
  label: string
  /** What, for the dedupe of failures: "string.nul". */
  kind: string
  /** Why any server must refuse this input; null when accepting it can be right. */
  mustRefuse: string | null
  /** An NFD text was put in: an accepted answer must not hand it back un-normalised. */
  nfd?: string
  /** Where in the payload it struck; a later mutation at or above it undoes it. */
  path?: Path
}

export interface Payload {
  value: unknown
  mutations: Mutation[]
}

// --- the values -----------------------------------------------------------------------------

/** "Nguyễn Văn Hải" typed on a keyboard that sends decomposed letters. */
export const NFD_TEXT = 'Nguyễn Văn Hải, thôn Nà Ư'.normalize('NFD')

const ZERO_WIDTH = '\u200b\u200c\ufeff\u200d\u2060'

interface StringCase {
  kind: string
  make: (s: JsonSchema) => string
  /** What field it is aimed at: any text, a date, an id. */
  aim?: 'date' | 'uuid'
  /** How often, against 1 for the rest: what broke servers before comes up more. */
  weight?: number
}

const longText = (n: number, unit = 'a') => unit.repeat(Math.ceil(n / unit.length)).slice(0, n)

export const STRING_CASES: StringCase[] = [
  { kind: 'string.nul', make: () => 'Nguyễn\u0000Văn', weight: 3 },
  { kind: 'string.nul-only', make: () => '\u0000', weight: 2 },
  { kind: 'string.lone-high-surrogate', make: () => 'Kiến nghị \ud800', weight: 3 },
  { kind: 'string.lone-low-surrogate', make: () => '\udc00 thôn Bản', weight: 2 },
  { kind: 'string.zero-width-only', make: () => ZERO_WIDTH, weight: 3 },
  { kind: 'string.blank', make: () => ' \t\n\u00a0 ' },
  { kind: 'string.empty', make: () => '' },
  { kind: 'string.control-chars', make: () => 'a\u0001\u0007\u001b[31mb\u007f\u0085c' },
  { kind: 'string.bidi-override', make: () => '\u202eđộc hại\u202c' },
  { kind: 'string.nfd', make: () => NFD_TEXT, weight: 2 },
  { kind: 'string.emoji', make: () => '👨‍👩‍👧‍👦🇻🇳✊🏽' },
  { kind: 'string.html', make: () => '<script>alert(1)</script><img src=x onerror=alert(1)>' },
  { kind: 'string.sql', make: () => "'; drop table meetings; --" },
  { kind: 'string.template', make: () => '%s%n%x ${7*7} {{7*7}} #{7*7}' },
  { kind: 'string.over-limit', make: (s) => longText((s.maxLength ?? 1000) + 1), weight: 2 },
  { kind: 'string.over-limit-vietnamese', make: (s) => longText((s.maxLength ?? 1000) + 1, 'ệ') },
  // NFC-length at the limit, longer in NFD: lengths are to be checked after normalising.
  { kind: 'string.nfd-at-limit', make: (s) => longText(Math.min(s.maxLength ?? 100, 50_000), 'ễ').normalize('NFD') },
  { kind: 'string.huge', make: () => longText(200_000) },
  { kind: 'string.huge-vietnamese', make: () => longText(120_000, 'Đối thoại ') },
  { kind: 'string.date-far-future', make: () => '9999-12-31', aim: 'date', weight: 3 },
  { kind: 'string.date-far-future-30', make: () => '9999-12-30', aim: 'date', weight: 3 },
  { kind: 'string.date-year-zero', make: () => '0000-01-01', aim: 'date', weight: 3 },
  { kind: 'string.date-year-one', make: () => '0001-01-01', aim: 'date' },
  { kind: 'string.date-feb-30', make: () => '2026-02-30', aim: 'date' },
  { kind: 'string.date-month-13', make: () => '2026-13-01', aim: 'date' },
  { kind: 'string.date-with-time', make: () => '2026-12-01T00:00:00Z', aim: 'date' },
  { kind: 'string.date-expanded-year', make: () => '+020260-01-01', aim: 'date' },
  { kind: 'string.uuid-nil', make: () => '00000000-0000-0000-0000-000000000000', aim: 'uuid' },
  { kind: 'string.uuid-max', make: () => 'ffffffff-ffff-ffff-ffff-ffffffffffff', aim: 'uuid' },
  { kind: 'string.uuid-upper', make: () => 'C56A4180-65AA-42EC-A945-5FD21DEC0538', aim: 'uuid' },
  { kind: 'string.not-uuid', make: () => 'not-a-uuid', aim: 'uuid' },
  { kind: 'string.digits-arabic-indic', make: () => '١٢٣٤٥٦' },
  { kind: 'string.proto-name', make: () => '__proto__' },
  { kind: 'string.constructor-name', make: () => 'constructor' },
  { kind: 'string.path-traversal', make: () => '../../../etc/passwd' },
]

interface ValueCase {
  kind: string
  make: (s: JsonSchema | null) => unknown
}

export const NUMBER_CASES: ValueCase[] = [
  { kind: 'number.negative', make: () => -1 },
  { kind: 'number.zero', make: () => 0 },
  { kind: 'number.below-min', make: (s) => (s?.minimum ?? 0) - 1 },
  { kind: 'number.above-max', make: (s) => (s?.maximum ?? 1_000_000) + 1 },
  { kind: 'number.float', make: () => 1.5 },
  { kind: 'number.tiny-float', make: () => 1e-300 },
  { kind: 'number.int32-overflow', make: () => 2 ** 31 },
  { kind: 'number.unsafe-integer', make: () => 2 ** 53 + 2 },
  { kind: 'number.huge', make: () => 1e308 },
  { kind: 'number.negative-huge', make: () => -1e308 },
  { kind: 'number.as-string', make: () => '1' },
  { kind: 'number.nan-string', make: () => 'NaN' },
  { kind: 'number.infinity-string', make: () => 'Infinity' },
]

export const TYPE_CASES: ValueCase[] = [
  { kind: 'type.null', make: () => null },
  { kind: 'type.true', make: () => true },
  { kind: 'type.false', make: () => false },
  { kind: 'type.zero', make: () => 0 },
  { kind: 'type.number', make: () => 42 },
  { kind: 'type.string', make: () => 'x' },
  { kind: 'type.empty-array', make: () => [] },
  { kind: 'type.empty-object', make: () => ({}) },
  { kind: 'type.array-of-strings', make: () => ['a', 'b'] },
  { kind: 'type.object', make: () => ({ a: 1 }) },
  { kind: 'type.nested-1000', make: () => nestedArray(1000) },
]

/** A nested array [[[…]]] `depth` deep, as a value (JSON.stringify copes up to a few thousand). */
export function nestedArray(depth: number): unknown {
  let v: unknown = []
  for (let i = 0; i < depth; i++) v = [v]
  return v
}

const deepArrayText = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`
const deepObjectText = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`

/** What replaces a whole payload. */
export const ROOT_CASES: ValueCase[] = [
  { kind: 'root.null', make: () => null },
  { kind: 'root.string', make: () => 'petition:record' },
  { kind: 'root.number', make: () => 1 },
  { kind: 'root.true', make: () => true },
  { kind: 'root.empty-array', make: () => [] },
  { kind: 'root.empty-object', make: () => ({}) },
  { kind: 'root.array-100k', make: () => Array.from({ length: 100_000 }, (_, i) => i) },
  { kind: 'root.object-10k-keys', make: () => Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`k${i}`, i])) },
  { kind: 'root.nested-array-1500', make: () => nestedArray(1500) },
  { kind: 'root.deep-array-10k', make: () => new RawJson(deepArrayText(10_000), '[[[…]]] 10,000 deep') },
  { kind: 'root.deep-object-10k', make: () => new RawJson(deepObjectText(10_000), '{"a":{"a":…}} 10,000 deep') },
  { kind: 'root.deep-array-100k', make: () => new RawJson(deepArrayText(100_000), '[[[…]]] 100,000 deep') },
  {
    kind: 'root.proto-pollution',
    make: () => JSON.parse('{"__proto__":{"polluted":true,"isAdmin":true,"ok":true},"constructor":{"prototype":{"polluted":true}}}') as unknown,
  },
]

const EXTRA_KEYS = ['extra', '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '', 'k\u0000ey', '$where', longText(10_000, 'k')]

// --- mustRefuse: what no server may accept ---------------------------------------------------

// Lone surrogates: a high one not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/
const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/
const INVISIBLE = /[\s\u200b-\u200d\u2060\ufeff]/g

function realDate(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s)
}

/**
 * Why `v` at a place governed by `s` must be refused, or null. `fromUrl`: a path parameter or a
 * query value, where every value is text and numbers are coerced — only the text rules apply.
 */
export function refusalReason(s: JsonSchema | null, v: unknown, required: boolean, fromUrl = false): string | null {
  if (typeof v === 'string') {
    // Text that cannot be stored or that means nothing: refused wherever it goes.
    if (v.includes('\u0000')) return 'contains a NUL byte'
    if (LONE_SURROGATE.test(v)) return 'contains a lone surrogate'
  }
  if (!s) return null
  const r = resolveBranch(s, v)
  if (!fromUrl && !admitsType(r, v)) return `wrong type (${jsonType(v)})`
  if (typeof v === 'string') {
    if (r.const !== undefined && v !== r.const) return 'not the expected constant'
    if (r.enum && !r.enum.includes(v)) return 'not one of the allowed values'
    if (r.format === 'uuid' && !UUID.test(v)) return 'not a UUID'
    if (isDateSchema(r)) {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || !realDate(v)) return 'not a calendar date'
      const year = Number(v.slice(0, 4))
      if (year < 1000 || year >= 9000) return `a date no office can mean (year ${year})`
    }
    const plain = r.enum === undefined && r.const === undefined && r.format === undefined && r.pattern === undefined
    if (plain && required && v.replace(INVISIBLE, '') === '') return 'blank or only invisible characters in a required text'
    if (r.maxLength !== undefined && v.normalize('NFC').trim().length > r.maxLength) return `longer than ${r.maxLength} characters`
  }
  if (typeof v === 'number' && !fromUrl) {
    if ((typesOfInt(r) && !Number.isInteger(v)) || !Number.isFinite(v)) return 'not an integer'
    if (r.minimum !== undefined && v < r.minimum) return `below ${r.minimum}`
    if (r.maximum !== undefined && v > r.maximum) return `above ${r.maximum}`
  }
  if (Array.isArray(v) && r.maxItems !== undefined && v.length > r.maxItems) return `more than ${r.maxItems} items`
  return null
}

const typesOfInt = (s: JsonSchema) => s.type === 'integer'

// --- mutating a payload ------------------------------------------------------------------------

function valueCaseFor(random: Random, site: Site, allowBinary: boolean): { kind: string; value: unknown } {
  const s = site.schema ? resolveBranch(site.schema, undefined) : null
  const types = s?.type ? [s.type].flat() : []
  const choose = (cases: ValueCase[]) => {
    const c = random.pick(cases)
    return { kind: c.kind, value: c.make(s) }
  }
  if (allowBinary && random.chance(0.03)) return { kind: 'type.binary', value: Buffer.from([0xde, 0xad, 0xbe, 0xef, 0x00]) }
  if (types.includes('string') || (!s && random.chance(0.5))) {
    if (random.chance(0.8)) {
      // A date field gets dates most of the time, an id field ids: that is where their bugs are.
      const aim = s && isDateSchema(s) ? 'date' : s?.format === 'uuid' ? 'uuid' : null
      const pool = aim && random.chance(0.7) ? STRING_CASES.filter((c) => c.aim === aim) : STRING_CASES
      const c = random.weighted(pool.map((x) => [x.weight ?? 1, x] as const))
      return { kind: c.kind, value: c.make(s ?? {}) }
    }
    return choose(TYPE_CASES)
  }
  if (types.includes('integer') || types.includes('number')) return choose(random.chance(0.75) ? NUMBER_CASES : TYPE_CASES)
  if (types.includes('array')) {
    return random.weighted<{ kind: string; value: unknown }>([
      [2, { kind: 'array.100k-items', value: Array.from({ length: 100_000 }, () => 1) }],
      [2, { kind: 'array.over-max', value: Array.from({ length: (s?.maxItems ?? 50) + 1 }, () => (s?.items ? 1 : 'x')) }],
      [2, { kind: 'array.nested', value: nestedArray(50) }],
      [3, { kind: 'array.of-nasty-strings', value: ['\u0000', '\ud800', ZERO_WIDTH, NFD_TEXT] }],
      [3, choose(TYPE_CASES)],
    ])
  }
  return choose(random.chance(0.3) ? NUMBER_CASES : TYPE_CASES)
}

/**
 * Breaks a valid payload in one to three ways. `schema`: what validates it. `binary`: the
 * transport can carry Buffers (Socket.IO's binary attachments).
 */
export function mutate(random: Random, valid: unknown, schema: JsonSchema | null, opts: { binary: boolean; root: boolean }): Payload {
  let value = valid
  const mutations: Mutation[] = []
  const count = random.weighted([
    [6, 1],
    [3, 2],
    [1, 3],
  ])
  /** Records a mutation at `path`; what earlier ones did at or below it is overwritten, so no longer counts. */
  const record = (m: Mutation, path: Path) => {
    for (const earlier of mutations) {
      if (earlier.path && path.length <= earlier.path.length && path.every((k, i) => earlier.path![i] === k)) {
        earlier.mustRefuse = null
        delete earlier.nfd
      }
    }
    mutations.push({ ...m, path })
  }
  for (let i = 0; i < count; i++) {
    const all = sites(value, schema)
    const op = random.weighted<'replace' | 'drop' | 'extra' | 'root'>([
      [10, 'replace'],
      [2, 'drop'],
      [2, 'extra'],
      [opts.root ? 1 : 0, 'root'],
    ])
    if (op === 'root') {
      const c = random.pick(ROOT_CASES)
      const v = c.make(schema)
      value = v
      const reason = v instanceof RawJson ? 'wrong type (deeply nested)' : refusalReason(schema, v, true)
      record({ label: `payload ← ${c.kind}`, kind: c.kind, mustRefuse: schema ? (reason ?? null) : null }, [])
      break
    }
    if (op === 'drop') {
      const droppable = all.filter((s) => s.present && s.required && s.path.length > 0)
      const site = droppable.length ? random.pick(droppable) : null
      if (site) {
        value = setAt(value, site.path, REMOVE)
        record({ label: `${pathText(site.path)} removed`, kind: 'object.missing-required', mustRefuse: 'a required field is missing' }, site.path)
        continue
      }
    }
    if (op === 'extra') {
      const objects = all.filter((s) => s.present && isPlainObject(getAt(value, s.path)))
      const site = objects.length ? random.pick(objects) : null
      if (site) {
        const key = random.pick(EXTRA_KEYS)
        const strict = site.schema ? resolveBranch(site.schema, getAt(value, site.path)).additionalProperties === false : false
        value = setAt(value, [...site.path, key], random.pick<unknown>([1, 'x', null, { polluted: true }]))
        const shown = key.length > 20 ? `${key.slice(0, 8)}…(${key.length} chars)` : JSON.stringify(key)
        record({ label: `${pathText(site.path)} + key ${shown}`, kind: `object.extra-key${key === '__proto__' ? '.__proto__' : key === 'constructor' ? '.constructor' : ''}`, mustRefuse: strict ? 'an unknown key in a strict object' : null }, [...site.path, key])
        continue
      }
    }
    const candidates = all.filter((s) => s.path.length > 0)
    // The command id is checked first and alone: breaking it mostly tests one line. The fields are
    // where the rest of the server is.
    const site = candidates.length
      ? random.weighted(candidates.map((c) => [c.path[c.path.length - 1] === 'commandId' ? 0.3 : 1, c] as const))
      : { path: [] as Path, schema, required: true, parent: null, present: true }
    const { kind, value: bad } = valueCaseFor(random, site, opts.binary)
    value = setAt(value, site.path, bad)
    const reason = Buffer.isBuffer(bad) ? (site.schema ? 'wrong type (binary)' : null) : refusalReason(site.schema, bad, site.required)
    record({ label: `${pathText(site.path)} ← ${kind}`, kind, mustRefuse: reason, ...(bad === NFD_TEXT ? { nfd: NFD_TEXT } : {}) }, site.path)
  }
  return { value, mutations }
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v) && !Buffer.isBuffer(v)
}

export function getAt(root: unknown, path: Path): unknown {
  let v = root
  for (const k of path) {
    if (!v || typeof v !== 'object') return undefined
    v = (v as Record<string | number, unknown>)[k]
  }
  return v
}

/** The first reason any of the mutations must be refused, if one must. */
export const mustRefuse = (p: Payload): string | null => p.mutations.find((m) => m.mustRefuse)?.mustRefuse ?? null

// --- describing a payload for the report ---------------------------------------------------------

/** A short, readable rendering of any payload: long strings, big arrays and deep nesting abbreviated. */
export function describe(value: unknown, budget = 300): string {
  if (value instanceof RawJson) return value.description
  const text = render(value, 0)
  return text.length > budget ? `${text.slice(0, budget)}…` : text
}

function render(v: unknown, depth: number): string {
  if (v === undefined) return 'undefined'
  if (Buffer.isBuffer(v)) return `<Buffer ${v.length} bytes>`
  if (typeof v === 'string') {
    const shown = v.length > 40 ? `${v.slice(0, 24)}…(${v.length} chars)` : v
    return JSON.stringify(shown)
  }
  if (typeof v !== 'object' || v === null) return JSON.stringify(v) ?? String(v)
  if (depth > 5) return Array.isArray(v) ? '[…deep]' : '{…deep}'
  if (Array.isArray(v)) {
    if (v.length > 8) return `[${v.slice(0, 3).map((x) => render(x, depth + 1)).join(',')},…(${v.length} items)]`
    return `[${v.map((x) => render(x, depth + 1)).join(',')}]`
  }
  const keys = Object.keys(v)
  const shownKeys = keys.slice(0, 12)
  const body = shownKeys.map((k) => `${k.length > 30 ? JSON.stringify(`${k.slice(0, 10)}…(${k.length})`) : JSON.stringify(k)}:${render((v as Record<string, unknown>)[k], depth + 1)}`)
  if (keys.length > shownKeys.length) body.push(`…(${keys.length} keys)`)
  return `{${body.join(',')}}`
}

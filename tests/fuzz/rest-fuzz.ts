import { actionPolicy, type Action } from '../../shared/access/policy'
import type { Findings, Probe, Surface } from './findings'
import { hintsFor, type World } from './hints'
import { httpRequest, isFailure, rawHttp, type HttpAnswer, type HttpFailure } from './http'
import type { AccountName, Fixture, JsonSchema, RouteInfo } from './ipc'
import { errorCodeOf, errorShapeProblems } from './oracles'
import { describe, getAt, mustRefuse, mutate, RawJson, refusalReason, STRING_CASES, type Mutation, type Payload } from './payloads'
import type { Random } from './random'
import { sleep, type Outcome, type ProbeInput, type Referee } from './referee'
import { generate } from './schema-gen'

// Fuzzes every REST route the app declared (its onRoute hook, see server-child.ts): path
// parameters, query strings and bodies from the route's own schemas, valid and broken; every kind
// of caller, with and without the CSRF token, from another site; bodies that are not JSON, too big,
// or of the wrong type; URLs that cannot be decoded, parameters too long, headers too large; and a
// few requests that are not quite HTTP at all.

export class CrashSuspectedHttp extends Error {}

interface Caller {
  name: string
  account?: AccountName
  device?: 'chair' | 'projector'
  /** What the policy table grants it (shared/access/policy.ts): its roles, signed-in, device, anyone. */
  grants: string[]
}

const CALLERS: Caller[] = [
  { name: 'admin', account: 'admin', grants: ['admin', 'signed-in', 'anyone'] },
  { name: 'secretary', account: 'secretary', grants: ['secretary', 'signed-in', 'anyone'] },
  { name: 'chair', account: 'chair', grants: ['chair', 'signed-in', 'anyone'] },
  { name: 'oversight', account: 'oversight', grants: ['oversight', 'signed-in', 'anyone'] },
  { name: 'unit lead', account: 'unitLead', grants: ['unit_lead', 'signed-in', 'anyone'] },
  { name: 'chair tablet (device)', device: 'chair', grants: ['device', 'anyone'] },
  { name: 'projector (device)', device: 'projector', grants: ['device', 'anyone'] },
  { name: 'anonymous', grants: ['anyone'] },
]
const VICTIM: Caller = { name: 'victim (admin+secretary)', account: 'victim', grants: ['admin', 'secretary', 'signed-in', 'anyone'] }

/** Routes that end the caller's own session when they succeed: only the victim calls them. */
const SELF_ENDING = new Set(['POST /api/auth/sign-out', 'POST /api/auth/change-password'])
/** Successes after which the victim must be restored (signed out, locked, reset, new password). */
const VICTIM_CHANGING = /^(POST \/api\/auth\/(sign-out|change-password|set-password)|PUT \/api\/users\/:userId|POST \/api\/users\/:userId\/reset)$/
/** Refusals of these routes may write: a failed sign-in is audited, a wrong pairing code counted. */
const REFUSAL_WRITES: Record<string, string[]> = {
  'POST /api/auth/sign-in': ['office_audit'],
  'POST /api/pair': ['pairing_failures', 'office_audit'],
}
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])
/** Fastify reads no body on these: what is wrong with one cannot be held against the answer. */
const BODILESS = new Set(['GET', 'HEAD'])
/** The app's bodyLimit (server/app.ts). */
const BODY_LIMIT = 1_048_576

const BAD_ENCODINGS = ['%', '%zz', '%C0%AF', '%ED%A0%80', '%ff', '%%', '%u0041', '%2e%2e%2f%2e%2e%2f', '%00']
const MALFORMED_JSON: [string, string | Buffer][] = [
  ['unterminated object', '{'],
  ['unterminated value', '{"title":'],
  ['single quotes', "{'title':'x'}"],
  ['trailing comma', '{"a":1,}'],
  ['bare word', 'nul'],
  ['BOM before JSON', '\ufeff{}'],
  ['garbage after JSON', '{"a":1}garbage'],
  ['__proto__ key', '{"__proto__":{"isAdmin":true}}'],
  ['constructor.prototype', '{"constructor":{"prototype":{"isAdmin":true}}}'],
  ['100,000-deep array', `${'['.repeat(100_000)}${']'.repeat(100_000)}`],
  ['10,000-deep object', `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`],
  ['invalid UTF-8', Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0xff, 0x22, 0x7d])],
  ['NUL byte outside a string', '{"a":1}\u0000'],
  ['JSON string', '"text"'],
  ['JSON number', '12'],
  ['JSON null', 'null'],
  ['empty body', ''],
  ['100,000-item array', JSON.stringify(Array.from({ length: 100_000 }, () => 1))],
]
const CONTENT_TYPES = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/json; charset=latin1',
  'application/json; charset=utf-16',
  'application/jsonx',
  'APPLICATION/JSON',
  'application/json, text/plain',
  '',
]

export interface RestFuzzDeps {
  port: number
  routes: RouteInfo[]
  fixture: () => Fixture
  world: World
  referee: Referee
  findings: Findings
  random: Random
  timeoutMs: number
  serverGone: () => boolean
  /** Asks the server process for fresh sessions (after the victim was signed out or locked). */
  refreshSessions: () => Promise<void>
  /** With the rate limits on: the routes with the strictest limits get half the probes, to reach them. */
  focusLimited?: boolean
}

/** The routes with their own, stricter limits (server/plugins/security.ts): guesses and creations. */
const LIMITED_ROUTES = new Set(['POST /api/auth/sign-in', 'POST /api/auth/set-password', 'POST /api/pair', 'POST /api/auth/change-password', 'POST /api/meetings', 'POST /api/demo'])

interface Built {
  method: string
  path: string
  headers: Record<string, string | string[]>
  body?: string | Buffer | undefined
  caller: Caller
  mutations: Mutation[]
  /** The body as a value, for the report. */
  shown: unknown
  commandId?: string | undefined
  nfd?: string | undefined
}

export class RestFuzzer {
  private victimPassword: string | null = null

  constructor(private readonly d: RestFuzzDeps) {}

  async next(): Promise<void> {
    const r = this.d.random
    if (r.chance(0.06)) return this.rawRequest()
    if (r.chance(0.03)) return this.unknownRoute()
    let live = this.d.routes.filter((rt) => !this.d.findings.quarantined.has(routeKey(rt)))
    if (this.d.focusLimited && r.chance(0.5)) live = live.filter((rt) => LIMITED_ROUTES.has(routeKey(rt)))
    if (!live.length) return
    const route = r.pick(live)
    const variant = r.weighted<string>([
      [26, 'valid'],
      [route.body ? 26 : 4, 'body'],
      [route.params ? 10 : 0, 'params'],
      [8, 'query'],
      [5, 'bad-encoding'],
      [3, 'long-param'],
      [8, 'auth'],
      [route.body || UNSAFE.has(route.method) ? 6 : 1, 'content-type'],
      [route.body || UNSAFE.has(route.method) ? 6 : 1, 'malformed-json'],
      [2, 'huge-body'],
      [2, 'huge-header'],
      [3, 'method'],
    ])
    if (variant === 'valid' && (await this.prerequisite(route))) return
    const built = this.build(route, variant, {})
    await this.send(route, built, variant)
  }

  // --- building a request ------------------------------------------------------------------------

  private callerFor(route: RouteInfo): Caller {
    const r = this.d.random
    if (SELF_ENDING.has(routeKey(route))) return r.chance(0.8) ? VICTIM : r.pick(CALLERS.filter((c) => !c.account))
    const granted = route.action && route.action in actionPolicy ? (actionPolicy[route.action as Action] as readonly string[]) : ['anyone']
    const allowed = CALLERS.filter((c) => c.grants.some((g) => granted.includes(g)) && c.name !== 'anonymous')
    if (allowed.length && r.chance(0.7)) return r.pick(allowed)
    return r.pick(CALLERS)
  }

  private headersFor(caller: Caller, unsafe: boolean): Record<string, string> {
    const fx = this.d.fixture()
    const h: Record<string, string> = {}
    if (caller.account) {
      h.cookie = fx.accounts[caller.account].cookie
      if (unsafe) h['x-csrf-token'] = fx.accounts[caller.account].csrfToken
    }
    if (caller.device) h.authorization = `Bearer ${fx.devices[caller.device].token}`
    return h
  }

  private build(route: RouteInfo, variant: string, override: { body?: unknown; caller?: Caller }): Built {
    const r = this.d.random
    const caller = override.caller ?? this.callerFor(route)
    const unsafe = UNSAFE.has(route.method)
    const hint = hintsFor(this.d.world, route)
    const mutations: Mutation[] = []
    const headers: Record<string, string | string[]> = this.headersFor(caller, unsafe)

    // Path parameters, from the params schema (with the fixture's ids), then maybe broken.
    const paramNames = [...route.url.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1]!)
    const params = (route.params ? generate(route.params, { random: r, hint }) : {}) as Record<string, unknown>
    const encoded: Record<string, string> = {}
    for (const name of paramNames) encoded[name] = encodeURIComponent(String(params[name] ?? hint(name, {})?.value ?? 'x'))
    let suffix = ''
    if (variant === 'params' && paramNames.length) {
      const name = r.pick(paramNames)
      const c = r.pick(STRING_CASES)
      const bad = c.make(route.params?.properties?.[name] ?? {})
      encoded[name] = safeEncode(bad)
      mutations.push({ label: `:${name} ← ${c.kind}`, kind: c.kind, mustRefuse: refusalReason(route.params?.properties?.[name] ?? null, bad, true, true) })
    } else if (variant === 'bad-encoding') {
      const bad = r.pick(BAD_ENCODINGS)
      if (paramNames.length) encoded[r.pick(paramNames)] = bad
      else suffix = `/${bad}`
      mutations.push({ label: `URL with ${bad}`, kind: 'url.bad-encoding', mustRefuse: null })
    } else if (variant === 'long-param') {
      const long = r.pick(['a'.repeat(101), 'a'.repeat(10_000), `${r.uuid()}${'0'.repeat(100)}`])
      if (paramNames.length) encoded[r.pick(paramNames)] = long
      else suffix = `/${long}`
      mutations.push({ label: `URL part of ${long.length} characters`, kind: 'url.long-param', mustRefuse: null })
    }
    let path = route.url.replace(/:([A-Za-z0-9_]+)/g, (_, n: string) => encoded[n] ?? 'x').replace(/\*$/, 'x') + suffix

    // The query string.
    let query = route.querystring ? (generate(route.querystring, { random: r, hint }) as Record<string, unknown>) : null
    if (variant === 'query') {
      if (route.querystring && r.chance(0.6)) {
        const p = mutate(r, query ?? {}, route.querystring, { binary: false, root: false })
        query = p.value as Record<string, unknown>
        // In a URL every value is text: only the text rules decide what must be refused.
        mutations.push(...p.mutations.map((m) => ({ ...m, mustRefuse: urlRefusal(m, route.querystring!, p.value) })))
      } else {
        const raw = r.pick(['role=secretary&role=chair', '__proto__[isAdmin]=1', 'after=-1', 'after=1e400', 'after=0x10', '%=1', 'a=%zz', 'a=1&'.repeat(3000), 'role', 'role[]=secretary', 'constructor[prototype][x]=1', `q=${'x'.repeat(10_000)}`])
        path += `${path.includes('?') ? '&' : '?'}${raw}`
        mutations.push({ label: `query «${raw.slice(0, 40)}»`, kind: 'query.raw', mustRefuse: null })
      }
    }
    if (query && Object.keys(query).length) path += `${path.includes('?') ? '&' : '?'}${encodeQuery(query)}`

    // The body.
    const bodyKinds = new Set<Mutation>()
    let bodyValue: unknown = override.body
    let payload: Payload | null = null
    if (bodyValue === undefined && route.body) bodyValue = generate(route.body, { random: r, hint })
    if (variant === 'body') {
      payload = route.body ? mutate(r, bodyValue, route.body, { binary: false, root: true }) : { value: r.pick<unknown>([{ a: 1 }, [1, 2], 'x', {}]), mutations: [{ label: 'a body where none is read', kind: 'body.unexpected', mustRefuse: null }] }
      bodyValue = payload.value
      mutations.push(...payload.mutations)
      for (const m of payload.mutations) bodyKinds.add(m)
    }
    let body: string | Buffer | undefined
    let contentType: string | null = null
    if (bodyValue instanceof RawJson) {
      body = bodyValue.text
      contentType = 'application/json'
    } else if (bodyValue !== undefined) {
      body = JSON.stringify(bodyValue)
      contentType = 'application/json'
    }
    if (variant === 'content-type') {
      const ct = r.pick(CONTENT_TYPES)
      contentType = ct || null
      body ??= '{}'
      mutations.push({ label: `content-type «${ct || 'none'}»`, kind: 'header.content-type', mustRefuse: null })
    } else if (variant === 'malformed-json') {
      const [label, text] = r.pick(MALFORMED_JSON)
      body = text
      contentType = 'application/json'
      mutations.push({ label: `body: ${label}`, kind: `body.${label}`, mustRefuse: route.body && label !== 'BOM before JSON' ? 'the body is not a valid JSON object for this route' : null })
    } else if (variant === 'huge-body') {
      body = JSON.stringify({ title: 'x'.repeat(2_100_000) })
      contentType = 'application/json'
      mutations.push({ label: 'body of 2.1 MB', kind: 'body.over-limit', mustRefuse: 'over the body limit' })
    }
    if (contentType) headers['content-type'] = contentType

    // Headers and credentials.
    if (variant === 'auth') {
      const what = r.pick(['no cookie', 'no CSRF token', 'wrong CSRF token', 'two CSRF tokens', 'another site (Origin)', 'Origin null', 'Origin not a URL', 'garbage cookie', 'huge Bearer', 'empty Bearer', 'Basic auth', 'device token on a person route'])
      const user = !!caller.account
      let reason: string | null = null
      switch (what) {
        case 'no cookie':
          delete headers.cookie
          break
        case 'no CSRF token':
          delete headers['x-csrf-token']
          if (user && unsafe && route.action) reason = 'a cookie write without its CSRF token'
          break
        case 'wrong CSRF token':
          headers['x-csrf-token'] = 'wrong-token'
          if (user && unsafe && route.action) reason = 'a cookie write with a wrong CSRF token'
          break
        case 'two CSRF tokens':
          if (caller.account) headers['x-csrf-token'] = [this.d.fixture().accounts[caller.account].csrfToken, 'wrong-token']
          if (user && unsafe && route.action) reason = 'a CSRF header that is not the token'
          break
        case 'another site (Origin)':
          headers.origin = 'http://evil.example'
          if (unsafe && route.action) reason = 'a write from another site'
          break
        case 'Origin null':
          headers.origin = 'null'
          if (unsafe && route.action) reason = 'a write from an opaque origin'
          break
        case 'Origin not a URL':
          headers.origin = 'not a url'
          if (unsafe && route.action) reason = 'a write from an origin that is not a URL'
          break
        case 'garbage cookie':
          headers.cookie = 'hnd_session=%zz; hnd_session=x; =; a'
          break
        case 'huge Bearer':
          headers.authorization = `Bearer ${'x'.repeat(5000)}`
          break
        case 'empty Bearer':
          headers.authorization = 'Bearer '
          break
        case 'Basic auth':
          headers.authorization = 'Basic YWRtaW46YWRtaW4='
          break
        case 'device token on a person route':
          headers.authorization = `Bearer ${this.d.fixture().devices.chair.token}`
          delete headers.cookie
          break
      }
      mutations.push({ label: what, kind: `auth.${what}`, mustRefuse: reason })
    } else if (variant === 'huge-header') {
      headers['x-fuzz'] = 'a'.repeat(20_000)
      mutations.push({ label: 'a 20 KB header', kind: 'header.huge', mustRefuse: 'headers over the server limit' })
    }

    let method = route.method
    if (variant === 'method') {
      method = r.pick(['PATCH', 'OPTIONS', 'PROPFIND', 'DELETE', 'PUT', 'POST', 'GET'].filter((m) => m !== route.method))
      mutations.push({ label: `method ${method}`, kind: 'method.other', mustRefuse: null })
    }
    const bodiless = BODILESS.has(method)
    // A body sent with GET is ignored by design: whatever is wrong with it need not be refused.
    if (bodiless) for (const m of mutations) if (m.kind.startsWith('body.') || bodyKinds.has(m)) m.mustRefuse = null
    return {
      method,
      path,
      headers,
      body: bodiless && !['content-type', 'malformed-json', 'huge-body'].includes(variant) ? undefined : body,
      caller,
      mutations,
      shown: bodyValue,
      commandId: commandIdOf(bodyValue),
      nfd: mutations.find((m) => m.nfd)?.nfd,
    }
  }

  // --- requests that need an earlier one ---------------------------------------------------------

  /**
   * A few routes only do their real work with a secret an earlier request hands out: pairing needs a
   * live code, setting a password a live link, signing in a password. Sometimes the fuzzer gets one
   * first, so that the success path is fuzzed too. Returns true when it sent the request itself.
   */
  private async prerequisite(route: RouteInfo): Promise<boolean> {
    const r = this.d.random
    const fx = this.d.fixture()
    const key = routeKey(route)
    const byKey = (k: string) => this.d.routes.find((x) => routeKey(x) === k)
    if (key === 'POST /api/pair' && r.chance(0.4)) {
      const issue = byKey('POST /api/meetings/:meetingId/pairings')
      if (!issue) return false
      const issued = await this.send(issue, this.build(issue, 'valid', { body: { role: r.pick(['chair', 'projector']) }, caller: CALLERS[1] }), 'valid (to get a code)')
      const secret = r.chance(0.5) ? (issued?.link as string | undefined) : (issued?.code as string | undefined)
      if (!secret) return true
      const label = r.pick([undefined, 'Máy chiếu phòng họp số 2', '  Máy tính bảng  ', 'Ma\u0301y chiê\u0301u'.normalize('NFD'), '\u200b\u200c'])
      const pairing = this.build(route, 'valid', { body: label === undefined ? { code: secret } : { code: secret, label } })
      const nfd = label !== undefined && label.normalize('NFC') !== label
      // The label is echoed in the answer: an NFD label handed back as sent was not normalised.
      if (nfd) pairing.nfd = label
      await this.send(route, pairing, nfd ? 'valid code, NFD label' : label === undefined ? 'valid code' : `valid code, label ${JSON.stringify(label)}`)
      return true
    }
    if (key === 'POST /api/auth/set-password' && r.chance(0.3)) {
      const reset = byKey('POST /api/users/:userId/reset')
      if (!reset) return false
      const link = await this.send(reset, { ...this.build(reset, 'valid', { caller: CALLERS[0] }), path: `/api/users/${fx.accounts.victim.userId}/reset` }, 'valid (to get a link)')
      const token = link?.setupToken as string | undefined
      if (!token) return true
      const password = `Mật khẩu thử ${r.int(100000, 999999)}`
      const answer = await this.send(route, this.build(route, 'valid', { body: { token, password } }), 'valid link')
      if (answer) this.victimPassword = password
      return true
    }
    if (key === 'POST /api/auth/sign-in' && this.victimPassword && r.chance(0.4)) {
      const password = r.chance(0.7) ? this.victimPassword : `${this.victimPassword}x`
      await this.send(route, this.build(route, 'valid', { body: { username: fx.accounts.victim.username, password } }), 'victim credentials')
      return true
    }
    return false
  }

  // --- sending and judging -----------------------------------------------------------------------

  /** Sends, judges, and returns the parsed body of an accepted answer (for prerequisite flows). */
  private async send(route: RouteInfo, b: Built, how: string): Promise<Record<string, unknown> | null> {
    const key = routeKey(route)
    const probe: Probe = {
      surface: 'rest',
      target: key,
      variant: b.mutations.length ? b.mutations.map((m) => m.label).join('; ') : how,
      inputClass: b.mutations.length ? [...new Set(b.mutations.map((m) => m.kind))].sort().join('+') : 'valid',
      as: b.caller.name,
      request: `${b.method} ${clipPath(b.path)}${headerNote(b.headers)}${b.body !== undefined ? ` body ${b.shown !== undefined && !(typeof b.body === 'string' && b.mutations.some((m) => m.kind.startsWith('body.'))) ? describe(b.shown) : describeBody(b.body)}` : ''}`,
      sentAt: Date.now(),
    }
    if (this.d.findings.quarantined.has(`${key}|${probe.inputClass}`)) return null
    this.d.referee.sending(probe)
    const answer = await httpRequest(this.d.port, { method: b.method, path: b.path, headers: b.headers, body: b.body }, this.d.timeoutMs)
    const outcome = await this.judge(answer, b)
    const input: ProbeInput = {
      mustRefuse: mustRefuse({ value: null, mutations: b.mutations }),
      nfd: b.nfd,
      commandId: b.commandId,
      mayWrite: REFUSAL_WRITES[key] ?? [],
      writesAfterAnswer: true,
    }
    await this.d.referee.settle(probe, outcome, input)
    if (outcome.verdict !== 'accepted' || isFailure(answer)) return null
    const parsed = parseJson(answer.body)
    this.remember(key, b.method, parsed)
    if (VICTIM_CHANGING.test(`${b.method} ${route.url}`) || (b.caller.account === 'victim' && b.method !== 'GET')) await this.d.refreshSessions()
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : null
  }

  /** What an accepted answer created that later requests may use (and delete). */
  private remember(key: string, method: string, body: unknown): void {
    const id = (body as { id?: unknown } | null)?.id
    if (method === 'POST' && key === 'POST /api/directory/units' && typeof id === 'string') this.d.world.createdUnits.push(id)
    if (method === 'POST' && key === 'POST /api/directory/officials' && typeof id === 'string') this.d.world.createdOfficials.push(id)
    const device = (body as { device?: { id?: unknown } } | null)?.device?.id
    if (key === 'POST /api/pair' && typeof device === 'string') this.d.world.createdDevices.push(device)
  }

  private async judge(answer: HttpAnswer | HttpFailure, b: Built): Promise<Outcome> {
    if (isFailure(answer)) {
      if (answer.error.startsWith('client refused')) return { verdict: 'no-answer', label: 'not sent (client refused)', latencyMs: 0, response: answer.error, shape: [], serverError: false }
      await sleep(150)
      if (this.d.serverGone()) throw new CrashSuspectedHttp(answer.error)
      // A server may answer 413 and close before reading an oversized body: the client then fails
      // writing it. That is a refusal, even if its words never arrive.
      // A HEAD answer must have no body; a framework that writes one anyway leaves the client's
      // parser reading it as the next answer. Not a hang: counted, not judged.
      if (b.method === 'HEAD' && answer.error.includes('Parse Error')) {
        return { verdict: 'no-answer', label: 'HEAD answer with a body', latencyMs: answer.latencyMs, response: answer.error, shape: [], serverError: false }
      }
      const size = b.body === undefined ? 0 : Buffer.byteLength(b.body)
      if (size > BODY_LIMIT && /ECONNRESET|EPIPE/.test(answer.error)) {
        return { verdict: 'no-answer', label: 'closed on an oversized body', latencyMs: answer.latencyMs, response: answer.error, shape: [], serverError: false }
      }
      return { verdict: 'unacked', label: 'no HTTP answer', latencyMs: answer.latencyMs, response: answer.error, shape: [], serverError: false, unackedDetail: answer.error }
    }
    return judgeHttp(answer, b.path, b.method)
  }

  // --- outside the routes ------------------------------------------------------------------------

  private async unknownRoute(): Promise<void> {
    const r = this.d.random
    const path = r.pick(['/api/does-not-exist', `/api/meetings/${r.uuid()}/nope`, `/api/${'a/'.repeat(500)}`, '//api//meetings', '/api/meetings/../users', '/API/MEETINGS', '/api/meetings?%', '/api/meetings/%2F..%2F..%2Fusers', '/api/meetings/;x', '/assets/missing.js', '/m/x/projector', '/.env'])
    const caller = r.pick(CALLERS)
    const method = r.pick(['GET', 'POST', 'DELETE'])
    const b: Built = { method, path, headers: this.headersFor(caller, UNSAFE.has(method)), caller, mutations: [{ label: `unknown path ${clipPath(path)}`, kind: 'url.unknown-route', mustRefuse: null }], shown: undefined }
    await this.send({ method, url: '(no route)', action: null, body: null, params: null, querystring: null }, b, 'unknown route')
  }

  /** Requests no HTTP library would send: a bare TCP socket. */
  private async rawRequest(): Promise<void> {
    const r = this.d.random
    const host = `127.0.0.1:${this.d.port}`
    const cases: [string, string | Buffer][] = [
      ['Content-Length not a number', `GET /api/health HTTP/1.1\r\nHost: ${host}\r\nContent-Length: abc\r\n\r\n`],
      ['HTTP/9.9', `GET /api/health HTTP/9.9\r\nHost: ${host}\r\n\r\n`],
      ['no HTTP version', 'GET /api/health\r\n\r\n'],
      ['space in the path', `GET /api/meetings/a b HTTP/1.1\r\nHost: ${host}\r\n\r\n`],
      ['NUL in a header name', `GET /api/health HTTP/1.1\r\nHost: ${host}\r\nX-A\u0000: b\r\n\r\n`],
      ['both chunked and Content-Length', `POST /api/meetings HTTP/1.1\r\nHost: ${host}\r\nTransfer-Encoding: chunked\r\nContent-Length: 5\r\nContent-Type: application/json\r\n\r\n0\r\n\r\n`],
      ['bad chunk size', `POST /api/auth/sign-in HTTP/1.1\r\nHost: ${host}\r\nTransfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\nzz\r\n{}\r\n0\r\n\r\n`],
      ['bytes 0xff in the path', Buffer.concat([Buffer.from('GET /api/meetings/'), Buffer.from([0xff, 0xfe]), Buffer.from(` HTTP/1.1\r\nHost: ${host}\r\n\r\n`)])],
      ['no Host header', 'GET /api/health HTTP/1.1\r\n\r\n'],
      ['header line without a colon', `GET /api/health HTTP/1.1\r\nHost: ${host}\r\nthis is not a header\r\n\r\n`],
      ['absolute URL of another host', `GET http://evil.example/api/health HTTP/1.1\r\nHost: ${host}\r\n\r\n`],
      ['Engine.IO polling, unknown sid', `POST /socket.io/?EIO=4&transport=polling&sid=zzz HTTP/1.1\r\nHost: ${host}\r\nContent-Type: text/plain\r\nContent-Length: 9\r\n\r\n4garbage!`],
      ['Engine.IO polling, open', `GET /socket.io/?EIO=4&transport=polling HTTP/1.1\r\nHost: ${host}\r\n\r\n`],
      ['Engine.IO v3 polling', `GET /socket.io/?EIO=3&transport=polling HTTP/1.1\r\nHost: ${host}\r\n\r\n`],
      ['Engine.IO unknown transport', `GET /socket.io/?EIO=4&transport=x HTTP/1.1\r\nHost: ${host}\r\n\r\n`],
    ]
    const [label, bytes] = r.pick(cases)
    const target = `raw HTTP: ${label}`
    if (this.d.findings.quarantined.has(target) || this.d.findings.quarantined.has(`${target}|raw`)) return
    const probe: Probe = { surface: 'http-raw' as Surface, target, variant: label, inputClass: 'raw', as: 'anonymous', request: JSON.stringify(bytes.toString('latin1').slice(0, 200)), sentAt: Date.now() }
    this.d.referee.sending(probe)
    const answer = await rawHttp(this.d.port, bytes, this.d.timeoutMs)
    let outcome: Outcome
    if (isFailure(answer)) {
      await sleep(150)
      if (this.d.serverGone()) throw new CrashSuspectedHttp(answer.error)
      // A connection closed without a word is how Node refuses some of these: not an answer, not a hang.
      outcome = { verdict: 'no-answer', label: answer.error.slice(0, 40), latencyMs: answer.latencyMs, response: answer.error, shape: [], serverError: false }
    } else {
      const path = /^[A-Z]+ (\S+)/.exec(bytes.toString('latin1'))?.[1] ?? ''
      outcome = judgeHttp(answer, path, 'GET')
    }
    await this.d.referee.settle(probe, outcome, { mustRefuse: null })
  }
}

/** Status, shape and message of an HTTP answer. */
export function judgeHttp(answer: HttpAnswer, path: string, method: string): Outcome {
  const text = answer.body.toString('utf8')
  const parsed = parseJson(answer.body)
  const code = errorCodeOf(parsed)
  const status = answer.status
  const engine = path.startsWith('/socket.io/')
  // Engine.IO answers its own clients in its own protocol; only a 5xx there is ours to judge.
  const shape = status >= 400 && method !== 'HEAD' && !engine ? errorShapeProblems(parsed ?? text, [path, safeDecode(path)].filter((p) => p.length > 1)) : []
  return {
    verdict: status < 400 ? 'accepted' : 'refused',
    label: status < 400 ? `HTTP ${status}` : `HTTP ${status}${code ? ` ${code}` : ''}`,
    latencyMs: answer.latencyMs,
    response: `${status} ${describe(parsed ?? clipText(text), 400)}`,
    responseText: text,
    shape,
    serverError: status >= 500,
  }
}

/** In a URL every value is text: the type rules of a mutation do not apply, the text rules do. */
function urlRefusal(m: Mutation, schema: JsonSchema, query: unknown): string | null {
  if (!m.mustRefuse) return null
  if (m.kind === 'object.missing-required' || m.kind.startsWith('object.extra-key')) return schema.additionalProperties === false || m.kind === 'object.missing-required' ? m.mustRefuse : null
  const key = /^([^ ]+) ←/.exec(m.label)?.[1]
  if (!key) return null
  const value = getAt(query, key.split('.'))
  return typeof value === 'string' ? refusalReason(schema.properties?.[key] ?? null, value, (schema.required ?? []).includes(key), true) : null
}

function encodeQuery(q: Record<string, unknown>): string {
  const parts: string[] = []
  for (const [k, v] of Object.entries(q)) {
    const values = Array.isArray(v) ? v : [v]
    for (const x of values) parts.push(`${safeEncode(k)}=${safeEncode(typeof x === 'object' && x !== null ? JSON.stringify(x) : String(x))}`)
  }
  return parts.join('&')
}

/** encodeURIComponent, except that a lone surrogate (which it refuses) goes as its CESU-8 bytes. */
function safeEncode(s: string): string {
  try {
    return encodeURIComponent(s)
  } catch {
    return s.replace(/[\ud800-\udfff]/g, '%ED%A0%80').replace(/[^A-Za-z0-9%._~-]/g, (c) => {
      try {
        return encodeURIComponent(c)
      } catch {
        return '%3F'
      }
    })
  }
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s)
  } catch {
    return s
  }
}

function parseJson(body: Buffer): unknown {
  if (!body.length) return null
  try {
    return JSON.parse(body.toString('utf8')) as unknown
  } catch {
    return null
  }
}

export const routeKey = (r: { method: string; url: string }) => `${r.method} ${r.url}`

const clipText = (t: string) => (t.length > 200 ? `${t.slice(0, 200)}…` : t)
const clipPath = (p: string) => (p.length > 160 ? `${p.slice(0, 120)}…(${p.length} chars)` : p)

function headerNote(h: Record<string, string | string[]>): string {
  const notes: string[] = []
  if (h.cookie) notes.push('cookie')
  if (h['x-csrf-token']) notes.push(`csrf${h['x-csrf-token'] === 'wrong-token' ? '=wrong' : Array.isArray(h['x-csrf-token']) ? '×2' : ''}`)
  if (h.authorization) notes.push(`authorization ${String(h.authorization).slice(0, 12)}…`)
  if (h.origin) notes.push(`origin ${String(h.origin)}`)
  if (h['content-type'] !== undefined) notes.push(`content-type ${String(h['content-type'])}`)
  if (h['x-fuzz']) notes.push(`x-fuzz ${String(h['x-fuzz']).length} bytes`)
  return notes.length ? ` [${notes.join(', ')}]` : ''
}

function describeBody(body: string | Buffer): string {
  if (Buffer.isBuffer(body)) return `<${body.length} bytes: ${body.toString('hex').slice(0, 40)}>`
  return body.length > 80 ? `${JSON.stringify(body.slice(0, 40))}…(${body.length} chars)` : JSON.stringify(body)
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i
function commandIdOf(body: unknown): string | undefined {
  const id = (body as { commandId?: unknown } | null)?.commandId
  return typeof id === 'string' && UUID.test(id) ? id : undefined
}

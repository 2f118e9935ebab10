import type { Socket } from 'socket.io-client'
import { z } from 'zod'
import { commandPolicy } from '../../shared/access/policy'
import { commandSchemas, commandTypes, type CommandType } from '../../shared/meeting/commands'
import { PROTOCOL_VERSION, syncRequestSchema } from '../../shared/protocol'
import { familyOf, type Findings, type Probe, type Surface } from './findings'
import { hintsFor, type World } from './hints'
import type { Fixture, JsonSchema } from './ipc'
import { ackShapeProblems, errorCodeOf, errorShapeProblems } from './oracles'
import { describe, mustRefuse, mutate, RawJson, type Payload } from './payloads'
import type { Random } from './random'
import { parseLikeServer, RawSocket } from './raw-socket'
import { sleep, type Outcome, type ProbeInput, type Referee } from './referee'
import { generate } from './schema-gen'
import { Seat, SEAT_SPECS } from './seats'

// Fuzzes the realtime surface: every command in commandTypes and meeting:sync with valid and broken
// payloads from every seat, event names that are not commands (numbers, objects, NUL…), raw
// Socket.IO and Engine.IO frames written by hand, and malformed handshakes. Each probe waits for
// its ack when one is due (bounded), and goes to the referee.

/** The server's maxHttpBufferSize: a frame over it is cut off by design, not left unanswered. */
const MAX_FRAME_BYTES = 1_000_000

/**
 * Refusals NOT decided by the meeting's state: validation, access, and limits. Any other refusal
 * spent a valid id, which must never apply later. A phone's request-to-speak limits are limits like
 * RATE_LIMITED: not recorded, so the phone can send the same request again once the limit passes.
 */
const DECIDED_REFUSALS = new Set(['VALIDATION_FAILED', 'UNKNOWN_COMMAND', 'FORBIDDEN', 'UNAUTHENTICATED', 'DEVICE_REVOKED', 'INTERNAL', 'PROTOCOL_MISMATCH', 'COMMAND_ID_REUSED', 'RATE_LIMITED', 'MEETING_NOT_FOUND', 'SPEAK_REQUESTS_TOO_MANY', 'SPEAK_REQUEST_PENDING'])

const toJson = (schema: z.ZodType): JsonSchema => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema

export class CrashSuspected extends Error {}

export interface SocketFuzzDeps {
  port: number
  fixture: () => Fixture
  world: World
  referee: Referee
  findings: Findings
  random: Random
  ackTimeoutMs: number
  /** True once the server process is gone: an unanswered probe is then the crash's, not a failure. */
  serverGone: () => boolean
}

export class SocketFuzzer {
  private readonly seats: Seat[]
  private readonly schemas: Record<CommandType, JsonSchema>
  private readonly syncSchema = toJson(syncRequestSchema)
  /** Command ids the server accepted, to send again with another payload. */
  private readonly acceptedIds: string[] = []

  constructor(private readonly d: SocketFuzzDeps) {
    this.seats = SEAT_SPECS.map((spec) => new Seat(spec, d.port, d.fixture, d.ackTimeoutMs))
    this.schemas = Object.fromEntries(commandTypes.map((t) => [t, toJson(commandSchemas[t])])) as Record<CommandType, JsonSchema>
  }

  close(): void {
    for (const s of this.seats) s.close()
  }

  /** Sends one probe, picked by weight among the kinds, and has it judged. */
  async next(): Promise<void> {
    const r = this.d.random
    const kind = r.weighted<() => Promise<void>>([
      [62, () => this.command()],
      [8, () => this.sync()],
      [12, () => this.eventName()],
      [12, () => this.rawFrame()],
      [6, () => this.handshake()],
    ])
    await kind()
  }

  // --- commands ------------------------------------------------------------------------------

  /** Valid commands only, to fill the meeting with petitions and speakers before the fuzzing. */
  async seed(count: number): Promise<void> {
    const secretary = this.seats[0]!
    for (let i = 0; i < count; i++) {
      const type = this.d.random.weighted<CommandType>([
        [4, 'petition:record'],
        [4, 'speaker:register'],
        [1, 'petition:prepare-answer'],
        [1, 'speaker:call-next'],
        [1, 'petition:discuss'],
      ])
      await this.sendCommand(secretary, type, { value: generate(this.schemas[type], { random: this.d.random, hint: hintsFor(this.d.world) }), mutations: [] }, 'seed')
    }
  }

  private pickSeat(type: CommandType | null): Seat {
    const r = this.d.random
    if (type && r.chance(0.7)) {
      const allowed = this.seats.filter((s) => (commandPolicy[type] as readonly string[]).includes(s.spec.role))
      if (allowed.length) return r.pick(allowed)
    }
    return r.pick(this.seats)
  }

  private async command(): Promise<void> {
    const r = this.d.random
    const live = commandTypes.filter((t) => !this.d.findings.quarantined.has(t))
    if (!live.length) return
    const type = r.pick(live)
    const seat = this.pickSeat(type)
    const valid = generate(this.schemas[type], { random: r, hint: hintsFor(this.d.world) })
    const how = r.weighted<'valid' | 'mutate' | 'reuse-id' | 'no-ack' | 'extra-args'>([
      [28, 'valid'],
      [62, 'mutate'],
      [4, 'reuse-id'],
      [3, 'no-ack'],
      [3, 'extra-args'],
    ])
    if (how === 'mutate') {
      const payload = mutate(r, valid, this.schemas[type], { binary: true, root: true })
      if (this.quarantined(type, payload)) return
      return this.sendCommand(seat, type, payload, 'mutated')
    }
    if (how === 'reuse-id' && this.acceptedIds.length && valid && typeof valid === 'object') {
      const reused = { ...(valid as object), commandId: r.pick(this.acceptedIds) }
      return this.sendCommand(seat, type, { value: reused, mutations: [{ label: 'commandId ← an id already applied, other payload', kind: 'command.id-reused', mustRefuse: null }] }, 'reuse-id')
    }
    return this.sendCommand(seat, type, { value: valid, mutations: [] }, how === 'reuse-id' ? 'valid' : how)
  }

  private quarantined(target: string, payload: Payload): boolean {
    const q = this.d.findings.quarantined
    return q.has(target) || q.has(familyOf(target)) || q.has(`${target}|${inputClassOf(payload)}`)
  }

  private async sendCommand(seat: Seat, type: CommandType, payload: Payload, how: string): Promise<void> {
    const commandId = commandIdOf(payload.value)
    const probe = this.probe('socket-command', type, seat, payload, how)
    const input: ProbeInput = { mustRefuse: mustRefuse(payload), nfd: payload.mutations.find((m) => m.nfd)?.nfd, commandId }
    let outcome: Outcome | null
    if (payload.value instanceof RawJson) outcome = await this.sendRaw(seat, probe, `[${JSON.stringify(type)},${payload.value.text}]`, true)
    else outcome = await this.emit(seat, probe, type, payload.value, how === 'no-ack' ? 'none' : how === 'extra-args' ? 'extra' : 'ack')
    if (!outcome) return
    await this.d.referee.settle(probe, outcome, input)
    if (commandId && outcome.verdict === 'accepted') this.acceptedIds.push(commandId)
    // A command refused by the meeting's state had a valid id: that id must never apply later.
    const code = outcome.verdict === 'refused' ? outcome.label : null
    if (commandId && code && !DECIDED_REFUSALS.has(code) && this.d.random.chance(0.3)) await this.reuseRefusedId(commandId, probe)
  }

  private async reuseRefusedId(commandId: string, refused: Probe): Promise<void> {
    const secretary = this.seats[0]!
    const value = { commandId, seconds: this.d.random.int(30, 3600) }
    const payload: Payload = { value, mutations: [{ label: `commandId ← the id refused just before (${refused.target})`, kind: 'command.refused-id-reused', mustRefuse: null }] }
    const probe = this.probe('socket-command', 'meeting:set-speaking-limit', secretary, payload, 'refused-id')
    const outcome = await this.emit(secretary, probe, 'meeting:set-speaking-limit', value, 'ack')
    if (!outcome) return
    await this.d.referee.settle(probe, outcome, { mustRefuse: null, commandId })
    if (outcome.verdict === 'accepted' && !/"duplicate":true/.test(outcome.responseText ?? '')) {
      this.d.findings.fail('refused-id-applied', probe, 'a command id refused earlier was applied to another command', `${outcome.response} (refused first: ${refused.request})`)
    }
  }

  // --- meeting:sync ----------------------------------------------------------------------------

  private async sync(): Promise<void> {
    const r = this.d.random
    const seat = this.pickSeat(null)
    const valid = { lastSeq: r.int(0, this.d.world.state().seq + 3) }
    const payload = r.chance(0.3) ? { value: valid, mutations: [] } : mutate(r, valid, this.syncSchema, { binary: true, root: true })
    if (this.quarantined('meeting:sync', payload)) return
    const probe = this.probe('socket-sync', 'meeting:sync', seat, payload, payload.mutations.length ? 'mutated' : 'valid')
    const outcome = payload.value instanceof RawJson ? await this.sendRaw(seat, probe, `["meeting:sync",${payload.value.text}]`, true) : await this.emit(seat, probe, 'meeting:sync', payload.value, 'ack')
    if (outcome) await this.d.referee.settle(probe, outcome, { mustRefuse: mustRefuse(payload) })
  }

  // --- event names that are not commands -------------------------------------------------------

  private async eventName(): Promise<void> {
    const r = this.d.random
    const seat = this.pickSeat(null)
    // As JSON text: a name may be a number, an object, null, or something JSON.stringify cannot make.
    const names: [string, string][] = [
      ['unknown name', '"does-not-exist"'],
      ['empty name', '""'],
      ['blank name', '"   "'],
      ['command in upper case', '"PETITION:RECORD"'],
      ['command with a trailing space', '"petition:record "'],
      ['command with a NUL', '"petition:record\\u0000"'],
      ['sync with a NUL', '"meeting:sync\\u0000x"'],
      ['100,000-character name', JSON.stringify('x'.repeat(100_000))],
      ['__proto__', '"__proto__"'],
      ['constructor', '"constructor"'],
      ['toString', '"toString"'],
      ['hasOwnProperty', '"hasOwnProperty"'],
      ['a server→client name', '"meeting:appended"'],
      ['reserved: connect', '"connect"'],
      ['reserved: disconnecting', '"disconnecting"'],
      ['reserved: newListener', '"newListener"'],
      ['lone surrogate', '"\\ud800"'],
      ['number 1', '1'],
      ['number 0', '0'],
      ['number -1', '-1'],
      ['number 1.5', '1.5'],
      ['number 1e400 (Infinity)', '1e400'],
      ['null', 'null'],
      ['true', 'true'],
      ['object', '{}'],
      ['object with toString', '{"toString":"x"}'],
      ['array', '[]'],
      ['nested array', '[["petition:record"]]'],
    ]
    const [label, nameJson] = r.pick(names)
    const target = `event name: ${label}`
    const withAck = r.chance(0.8)
    const args = r.pick(['{}', '{"commandId":"7d1f7f39-6e61-4f0a-9a38-1c2b3d4e5f60"}', '', '"x"', '[1,2,3]'])
    const packet = `2${withAck ? '#' : ''}[${nameJson}${args ? `,${args}` : ''}]`
    const payload: Payload = { value: null, mutations: [{ label: `${label}${withAck ? ', with ack' : ''}`, kind: `event-name.${label}`, mustRefuse: null }] }
    if (this.quarantined(target, payload)) return
    const probe = this.probe('socket-event-name', target, seat, payload, withAck ? 'ack' : 'no ack')
    probe.request = `frame 4${packet.replace('#', '<id>').slice(0, 200)}`
    const outcome = await this.sendRawPacket(seat, probe, packet)
    if (outcome) await this.d.referee.settle(probe, outcome, { mustRefuse: null })
  }

  // --- raw frames ------------------------------------------------------------------------------

  private async rawFrame(): Promise<void> {
    const r = this.d.random
    const seat = this.pickSeat(null)
    const cmd = '"petition:record"'
    const valid = JSON.stringify({ commandId: r.uuid(), origin: 'added', title: 'Kiến nghị gửi thô' })
    // '#' is replaced by a fresh ack id: the server must answer it.
    const frames: [string, string, Buffer[]?][] = [
      ['numeric event with ack', '2#[1,{}]'],
      ['numeric event without ack', '2[1,{}]'],
      ['command without payload, with ack', `2#[${cmd}]`],
      ['command without payload or ack', `2[${cmd}]`],
      ['empty event array', '2[]'],
      ['event not an array', '2{'],
      ['event payload is a string', '2"petition:record"'],
      ['event payload is null', '2null'],
      ['empty socket.io packet', ''],
      ['unknown socket.io type 7', '7[]'],
      ['unknown socket.io type 9', '9'],
      ['valid command, ack id 0', `20[${cmd},${valid}]`],
      ['ack id with 22 digits', `29999999999999999999999["meeting:sync",{"lastSeq":0}]`],
      ['negative ack id', '2-1["meeting:sync",{"lastSeq":0}]'],
      ['other namespace', `2/admin,#[${cmd},${valid}]`],
      ['namespace without comma', `2/admin#[${cmd}]`],
      ['client sends an ack', '31[{"ok":true}]'],
      ['client sends connect_error', '4{"message":"x"}'],
      ['second CONNECT', '0{}'],
      ['DISCONNECT', '1'],
      ['binary placeholder, attachment never sent', `51-#[${cmd},{"_placeholder":true,"num":0}]`],
      ['binary placeholder with its attachment', `51-#[${cmd},{"_placeholder":true,"num":0}]`, [Buffer.from([1, 2, 3])]],
      ['binary placeholder pointing past the attachments', `51-#[${cmd},{"_placeholder":true,"num":5}]`, [Buffer.from([1])]],
      ['binary placeholder num not a number', `51-#[${cmd},{"_placeholder":true,"num":"0"}]`, [Buffer.from([1])]],
      ['11 attachments announced', `511-#[${cmd},{}]`],
      ['attachments count not a number', `5x-#[${cmd},{}]`],
      ['__proto__ key in the payload', `2#["meeting:sync",{"__proto__":{"lastSeq":1}}]`],
      ['constructor.prototype in the payload', `2#[${cmd},{"constructor":{"prototype":{"ok":true}}}]`],
      ['sync with lastSeq 1e308', '2#["meeting:sync",{"lastSeq":1e308}]'],
      ['sync with lastSeq -1', '2#["meeting:sync",{"lastSeq":-1}]'],
      ['sync with lastSeq 2^53+2', '2#["meeting:sync",{"lastSeq":9007199254740994}]'],
      ['command with a 100,000-deep payload', `2#[${cmd},${'['.repeat(100_000)}${']'.repeat(100_000)}]`],
      ['command with a 10,000-deep object', `2#[${cmd},${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}]`],
      ['frame over maxHttpBufferSize', `2#[${cmd},${JSON.stringify('x'.repeat(1_100_000))}]`],
      ['invalid JSON escape', `2#[${cmd},{"title":"\\x00"}]`],
      ['unescaped control character', `2#[${cmd},{"title":"a\u0001b"}]`],
      ['UTF-8 replacement characters', `2#[${cmd},${JSON.stringify({ commandId: r.uuid(), origin: 'added', title: '\ufffd\ufffd' })}]`],
    ]
    const engineFrames: [string, string][] = [
      ['engine: bare message packet', '4'],
      ['engine: ping from the client', '2'],
      ['engine: unsolicited pong', '3'],
      ['engine: upgrade', '5'],
      ['engine: noop', '6'],
      ['engine: unknown type 9', '9x'],
      ['engine: empty frame', ''],
      ['engine: base64 binary', 'bAQID'],
      ['engine: close', '1'],
    ]
    if (r.chance(0.2)) {
      const [label, text] = r.pick(engineFrames)
      const target = `raw frame: ${label}`
      const payload: Payload = { value: null, mutations: [{ label, kind: `raw.${label}`, mustRefuse: null }] }
      if (this.quarantined(target, payload)) return
      const probe = this.probe('socket-raw', target, seat, payload, 'raw')
      probe.request = `WebSocket frame ${JSON.stringify(text)}`
      const raw = await seat.rawClient()
      if (!raw) return
      this.d.referee.sending(probe)
      const started = performance.now()
      raw.send(text)
      const closed = await raw.waitClose(60)
      seat.dropRaw()
      await this.settleNoAnswer(probe, closed, performance.now() - started)
      return
    }
    const [label, packet, attachments] = r.pick(frames)
    const target = `raw frame: ${label}`
    const payload: Payload = { value: null, mutations: [{ label, kind: `raw.${label}`, mustRefuse: null }] }
    if (this.quarantined(target, payload)) return
    const probe = this.probe('socket-raw', target, seat, payload, 'raw')
    probe.request = `frame 4${packet.replace('#', '<id>').slice(0, 200)}${attachments ? ` + ${attachments.length} binary frame(s)` : ''}`
    const outcome = await this.sendRawPacket(seat, probe, packet, attachments ?? [])
    if (outcome) await this.d.referee.settle(probe, outcome, { mustRefuse: null, commandId: commandIdIn(packet) })
  }

  // --- handshakes --------------------------------------------------------------------------------

  private async handshake(): Promise<void> {
    const r = this.d.random
    const fx = this.d.fixture()
    const main = fx.meetings.main
    const base = { protocol: PROTOCOL_VERSION, meetingId: main, role: 'attendee' }
    type Variant = { label: string; auth: string | null; cookie?: string; headers?: Record<string, string>; query?: string; mustRefuse: string | null }
    const variants: Variant[] = [
      { label: 'auth is a string', auth: '"secretary"', mustRefuse: 'auth is not an object' },
      { label: 'auth is an array', auth: '[1,2]', mustRefuse: 'auth is not an object' },
      { label: 'auth is null', auth: 'null', mustRefuse: 'auth is not an object' },
      { label: 'auth is a number', auth: '42', mustRefuse: 'auth is not an object' },
      { label: 'auth is not JSON', auth: '{', mustRefuse: 'auth is not JSON' },
      { label: 'no auth at all', auth: null, mustRefuse: 'no protocol, meeting or role' },
      { label: 'empty auth', auth: '{}', mustRefuse: 'no protocol, meeting or role' },
      { label: 'old protocol', auth: JSON.stringify({ ...base, protocol: 1 }), mustRefuse: 'protocol mismatch' },
      { label: 'protocol as a string', auth: JSON.stringify({ ...base, protocol: String(PROTOCOL_VERSION) }), mustRefuse: 'protocol is not an integer' },
      { label: 'protocol 1e308', auth: JSON.stringify({ ...base, protocol: 1e308 }), mustRefuse: 'protocol mismatch' },
      { label: 'meetingId not a UUID', auth: JSON.stringify({ ...base, meetingId: 'x' }), mustRefuse: 'meetingId is not a UUID' },
      { label: 'meetingId with a NUL', auth: JSON.stringify({ ...base, meetingId: `${main}\u0000` }), mustRefuse: 'meetingId has a NUL' },
      { label: 'meeting that does not exist', auth: JSON.stringify({ ...base, meetingId: r.uuid() }), mustRefuse: 'no such meeting' },
      { label: 'role not a role', auth: JSON.stringify({ ...base, role: 'admin' }), mustRefuse: 'not a role' },
      { label: 'role is an array', auth: JSON.stringify({ ...base, role: ['secretary'] }), mustRefuse: 'role is not a string' },
      { label: 'extra key', auth: JSON.stringify({ ...base, isAdmin: true }), mustRefuse: 'unknown key' },
      { label: '__proto__ key', auth: `{"protocol":${PROTOCOL_VERSION},"meetingId":"${main}","role":"attendee","__proto__":{"role":"secretary"}}`, mustRefuse: 'unknown key' },
      { label: 'deviceToken of 10,000 characters', auth: JSON.stringify({ ...base, role: 'projector', deviceToken: 'x'.repeat(10_000) }), mustRefuse: 'deviceToken too long' },
      { label: 'deviceToken of 900,000 characters', auth: JSON.stringify({ ...base, role: 'projector', deviceToken: 'x'.repeat(900_000) }), mustRefuse: 'deviceToken too long' },
      { label: 'deviceToken is a number', auth: JSON.stringify({ ...base, role: 'projector', deviceToken: 123 }), mustRefuse: 'deviceToken is not a string' },
      { label: 'deviceToken unknown', auth: JSON.stringify({ ...base, role: 'projector', deviceToken: 'unknown-token-unknown-token' }), mustRefuse: 'unknown device' },
      { label: 'device token in another meeting', auth: JSON.stringify({ ...base, meetingId: fx.meetings.spare, role: 'projector', deviceToken: fx.devices.projector.token }), mustRefuse: 'device of another meeting' },
      { label: 'projector device asking for chair', auth: JSON.stringify({ ...base, role: 'chair', deviceToken: fx.devices.projector.token }), mustRefuse: 'role not granted' },
      { label: 'anonymous asking for secretary', auth: JSON.stringify({ ...base, role: 'secretary' }), mustRefuse: 'role not granted' },
      { label: 'oversight asking for secretary', auth: JSON.stringify({ ...base, role: 'secretary' }), cookie: fx.accounts.oversight.cookie, mustRefuse: 'role not granted' },
      { label: 'cookie that is not ours', auth: JSON.stringify({ ...base, role: 'secretary' }), cookie: 'hnd_session=not-a-session', mustRefuse: 'no session' },
      { label: 'cookie with a bad encoding', auth: JSON.stringify(base), cookie: 'hnd_session=%zz%00; other=%', mustRefuse: null },
      { label: 'cookie of 6,000 characters', auth: JSON.stringify(base), cookie: `hnd_session=${'a'.repeat(6000)}`, mustRefuse: null },
      { label: 'secretary from another site (Origin)', auth: JSON.stringify({ ...base, role: 'secretary' }), cookie: fx.accounts.secretary.cookie, headers: { origin: 'http://evil.example' }, mustRefuse: 'cross-site Origin' },
      { label: 'Origin that is not a URL', auth: JSON.stringify(base), headers: { origin: 'not a url' }, mustRefuse: 'Origin is not a URL' },
      { label: 'valid secretary', auth: JSON.stringify({ ...base, role: 'secretary' }), cookie: fx.accounts.secretary.cookie, mustRefuse: null },
      { label: 'valid attendee', auth: JSON.stringify(base), mustRefuse: null },
    ]
    const engineQueries: [string, string][] = [
      ['Engine.IO v3', 'EIO=3&transport=websocket'],
      ['no EIO', 'transport=websocket'],
      ['EIO not a number', 'EIO=abc&transport=websocket'],
      ['unknown transport', 'EIO=4&transport=carrier-pigeon'],
      ['sid that does not exist', 'EIO=4&transport=websocket&sid=AAAAAAAAAAAAAAAAAAAA'],
    ]
    if (r.chance(0.15)) {
      const [label, query] = r.pick(engineQueries)
      const target = `engine handshake: ${label}`
      const payload: Payload = { value: null, mutations: [{ label, kind: `engine.${label}`, mustRefuse: null }] }
      if (this.quarantined(target, payload)) return
      const probe = this.probe('handshake', target, null, payload, 'raw')
      probe.request = `GET /socket.io/?${query} (WebSocket upgrade)`
      this.d.referee.sending(probe)
      const started = performance.now()
      let detail = 'refused'
      try {
        const raw = await RawSocket.open({ port: this.d.port, query, timeoutMs: this.d.ackTimeoutMs })
        detail = 'opened'
        raw.close()
      } catch (err) {
        detail = (err as Error).message
      }
      await this.settleHandshake(probe, { verdict: detail === 'opened' ? 'accepted' : 'refused', label: detail.slice(0, 60), latencyMs: performance.now() - started, response: detail, shape: [], serverError: /HTTP 5\d\d/.test(detail) }, null)
      return
    }
    const v = r.pick(variants)
    const target = `handshake: ${v.label}`
    const payload: Payload = { value: null, mutations: [{ label: v.label, kind: `handshake.${v.label}`, mustRefuse: v.mustRefuse }] }
    if (this.quarantined(target, payload)) return
    const probe = this.probe('handshake', target, null, payload, 'raw')
    probe.as = v.cookie ? 'with a session cookie' : 'no cookie'
    probe.request = `CONNECT 40${(v.auth ?? '').slice(0, 160)}${v.headers ? ` headers ${JSON.stringify(v.headers)}` : ''}`
    this.d.referee.sending(probe)
    const started = performance.now()
    let raw: RawSocket
    try {
      raw = await RawSocket.open({ port: this.d.port, cookie: v.cookie, headers: v.headers ?? {}, timeoutMs: this.d.ackTimeoutMs })
    } catch (err) {
      const detail = (err as Error).message
      await this.settleHandshake(probe, { verdict: 'refused', label: 'engine refused', latencyMs: performance.now() - started, response: detail, shape: [], serverError: /HTTP 5\d\d/.test(detail) }, v.mustRefuse)
      return
    }
    const parsed = parseLikeServer(`0${v.auth ?? ''}`)
    const result = await raw.connect(v.auth, this.d.ackTimeoutMs)
    const latencyMs = performance.now() - started
    raw.close()
    if (result.kind === 'connected') {
      await this.settleHandshake(probe, { verdict: 'accepted', label: 'connected', latencyMs, response: 'connected', shape: [], serverError: false }, v.mustRefuse)
    } else if (result.kind === 'refused') {
      const code = errorCodeOf({ error: result.data }) ?? 'no code'
      await this.settleHandshake(
        probe,
        {
          verdict: 'refused',
          label: `connect_error ${code}`,
          latencyMs,
          response: describe({ message: result.message, data: result.data }),
          shape: errorShapeProblems({ ok: false, error: result.data }).filter((p) => p.problem !== 'ok is not false'),
          serverError: code === 'INTERNAL',
        },
        v.mustRefuse,
      )
    } else if (result.kind === 'closed' && parsed.kind === 'invalid') {
      // The server's parser rejects the packet and closes the connection: the protocol's answer.
      await this.settleHandshake(probe, { verdict: 'no-answer', label: 'closed (invalid packet)', latencyMs, response: result.detail, shape: [], serverError: false }, null)
    } else {
      await this.settleHandshake(
        probe,
        { verdict: 'unacked', label: result.kind === 'closed' ? 'closed without an answer' : 'no answer', latencyMs, response: result.kind === 'closed' ? result.detail : 'timeout', shape: [], serverError: false, unackedDetail: 'handshake not answered' },
        v.mustRefuse,
      )
    }
  }

  private async settleHandshake(probe: Probe, outcome: Outcome, mustRefuseReason: string | null): Promise<void> {
    await this.d.referee.settle(probe, outcome, { mustRefuse: mustRefuseReason })
  }

  // --- sending ---------------------------------------------------------------------------------

  private probe(surface: Surface, target: string, seat: Seat | null, payload: Payload, how: string): Probe {
    const variant = payload.mutations.length ? payload.mutations.map((m) => m.label).join('; ') : how
    return {
      surface,
      target,
      variant,
      inputClass: inputClassOf(payload),
      as: seat ? seat.spec.name : 'new connection',
      request: `${target} ${describe(payload.value)}`,
      sentAt: Date.now(),
    }
  }

  /** Emits through socket.io-client; null when the seat cannot connect (nothing was sent). */
  private async emit(seat: Seat, probe: Probe, event: string, value: unknown, ack: 'ack' | 'none' | 'extra'): Promise<Outcome | null> {
    const socket = await seat.client()
    if (!socket) return null
    let size = 0
    try {
      size = Buffer.byteLength(JSON.stringify(value) ?? '')
    } catch {
      size = 0
    }
    this.d.referee.sending(probe)
    const started = performance.now()
    if (ack === 'none') {
      socket.emit(event, value)
      await sleep(40)
      return { verdict: 'no-answer', label: 'sent without ack', latencyMs: performance.now() - started, response: '', shape: [], serverError: false }
    }
    try {
      const args = ack === 'extra' ? [value, 'extra', { more: 1 }] : [value]
      const answer: unknown = await (socket as Socket).timeout(this.d.ackTimeoutMs).emitWithAck(event, ...args)
      return judgeAck(answer, performance.now() - started)
    } catch (err) {
      return this.noAck(socket, err as Error, size, performance.now() - started)
    }
  }

  private async noAck(socket: Socket, err: Error, size: number, latencyMs: number): Promise<Outcome | null> {
    // The server may be dying: let its exit arrive before calling this a failure of its own.
    await sleep(150)
    if (this.d.serverGone()) throw new CrashSuspected(err.message)
    if (size > MAX_FRAME_BYTES) return { verdict: 'no-answer', label: 'dropped (over maxHttpBufferSize)', latencyMs, response: err.message, shape: [], serverError: false }
    const dropped = !socket.connected
    return {
      verdict: 'unacked',
      label: dropped ? 'connection dropped' : 'no ack',
      latencyMs,
      response: err.message,
      shape: [],
      serverError: false,
      unackedDetail: dropped ? 'the server closed the connection instead of answering' : `no ack within ${this.d.ackTimeoutMs / 1000} s`,
    }
  }

  /** Sends `[name, …args]` as an event through the seat's raw connection. */
  private sendRaw(seat: Seat, probe: Probe, eventArrayText: string, withAck: boolean): Promise<Outcome | null> {
    return this.sendRawPacket(seat, probe, `2${withAck ? '#' : ''}${eventArrayText}`)
  }

  /**
   * Sends a Socket.IO packet text ('#' stands for a fresh ack id) and its binary attachments, and
   * waits for what the server's own parser says is due: an ack, or nothing (and maybe a close).
   */
  private async sendRawPacket(seat: Seat, probe: Probe, packet: string, attachments: Buffer[] = []): Promise<Outcome | null> {
    const raw = await seat.rawClient()
    if (!raw) return null
    const id = seat.ackId()
    const text = packet.replace('#', String(id))
    const parsed = parseLikeServer(text, attachments)
    // An ack id past 2^53 (or written with an exponent) comes back as another number: unmatchable.
    const expectsAck = parsed.kind === 'event' && Number.isSafeInteger(parsed.ackId) && parsed.nsp === '/' && text.length + 1 <= MAX_FRAME_BYTES
    this.d.referee.sending(probe)
    const started = performance.now()
    raw.send(`4${text}`)
    for (const b of attachments) raw.send(b)
    if (!expectsAck) {
      const closed = await raw.waitClose(60)
      // Whatever the frame did to the connection (left the namespace, half a binary packet
      // pending), the next probe starts on a fresh one.
      seat.dropRaw()
      return this.noAnswer(closed, performance.now() - started, parsed.kind)
    }
    const result = await raw.waitAck(parsed.kind === 'event' ? (parsed.ackId ?? id) : id, this.d.ackTimeoutMs)
    const latencyMs = performance.now() - started
    if (result.kind === 'ack') return judgeAck(result.data[0], latencyMs)
    await sleep(150)
    if (this.d.serverGone()) throw new CrashSuspected(result.kind === 'closed' ? result.detail : 'no ack')
    return {
      verdict: 'unacked',
      label: result.kind === 'closed' ? 'connection dropped' : 'no ack',
      latencyMs,
      response: result.kind === 'closed' ? result.detail : 'timeout',
      shape: [],
      serverError: false,
      unackedDetail: result.kind === 'closed' ? 'the server closed the connection instead of answering' : `no ack within ${this.d.ackTimeoutMs / 1000} s`,
    }
  }

  private noAnswer(closed: string, latencyMs: number, parsedKind: string): Outcome {
    if (this.d.serverGone()) throw new CrashSuspected(closed)
    return { verdict: 'no-answer', label: closed === 'open' ? `no answer due (${parsedKind})` : `closed (${parsedKind})`, latencyMs, response: closed, shape: [], serverError: false }
  }

  private async settleNoAnswer(probe: Probe, closed: string, latencyMs: number): Promise<void> {
    await this.d.referee.settle(probe, this.noAnswer(closed, latencyMs, 'engine'), { mustRefuse: null })
  }
}

/** An ack, judged: accepted or refused, its code, its shape. */
function judgeAck(answer: unknown, latencyMs: number): Outcome {
  const ok = !!answer && typeof answer === 'object' && (answer as { ok?: unknown }).ok === true
  const code = errorCodeOf(answer)
  let responseText = ''
  try {
    responseText = JSON.stringify(answer) ?? ''
  } catch {
    responseText = String(answer)
  }
  return {
    verdict: ok ? 'accepted' : 'refused',
    label: ok ? 'ok' : (code ?? 'malformed ack'),
    latencyMs,
    response: describe(answer, 400),
    responseText,
    shape: ackShapeProblems(answer),
    serverError: code === 'INTERNAL',
  }
}

export function inputClassOf(payload: Payload): string {
  return payload.mutations.length ? [...new Set(payload.mutations.map((m) => m.kind))].sort().join('+') : 'valid'
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i

function commandIdOf(value: unknown): string | undefined {
  const id = (value as { commandId?: unknown } | null)?.commandId
  return typeof id === 'string' && UUID.test(id) ? id : undefined
}

function commandIdIn(packet: string): string | undefined {
  return /"commandId":"([0-9a-f-]{36})"/i.exec(packet)?.[1]
}

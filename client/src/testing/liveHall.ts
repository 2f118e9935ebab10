import { randomUUID } from 'node:crypto'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import type { DirectoryOfficial, DirectoryUnit, OfficialInput } from '@shared/directory'
import type { CommandInput, CommandType } from '@shared/meeting/commands'
import type { MeetingEvent } from '@shared/meeting/events'
import type { HandshakeAuth, SyncResult } from '@shared/protocol'
import { io } from 'socket.io-client'
import { createAccount } from '../../../tests/fixtures/accounts'
import { recordEvents, request, startTestServer, type TestSocket } from '../../../tests/fixtures/server'
import { rememberDevice } from '../access/devices'
import { setSessionCredentials } from '../api/credentials'
import type { MeetingSocket } from '../realtime/connection'
import { useMeetingStore } from '../stores/meeting'

// Component tests against the real thing: a real server on a real database, the component's screen
// connected through the real meeting store and socket as it is in the hall, and the rest of the
// meeting driven the way the secretary's console drives it, over a socket of its own. What a test
// asserts about commands is what the meeting log recorded, not what a fake received.
//
// The test file runs in happy-dom (`// @vitest-environment happy-dom`); its page is put on the
// server's address so the app's own fetch and socket reach it as same-origin calls.

type Fields<K extends CommandType> = Omit<CommandInput<K>, 'commandId'>
type Server = Awaited<ReturnType<typeof startTestServer>>

export interface LiveMeeting {
  meetingId: string
  /** Everything the meeting log appended since the meeting was created, as the console saw it. */
  events: MeetingEvent[]
  /** Sends a command as the secretary's console and fails the test if it is refused. */
  send<K extends CommandType>(type: K, fields: Fields<K>): Promise<void>
  /** The event types appended after `mark` (a length of `events` taken earlier). */
  typesSince(mark: number): string[]
}

export interface LiveHall {
  server: Server
  meeting(title?: string): Promise<LiveMeeting>
  /**
   * Opens the meeting on this page as `role`, through a fresh store: the chair as a paired tablet,
   * the secretary signed in (the session cookie in the page's jar). Resolves once it is in sync.
   */
  screen(meeting: LiveMeeting, role: 'chair' | 'secretary'): Promise<{ pinia: Pinia; store: ReturnType<typeof useMeetingStore> }>
  unit(name: string): Promise<DirectoryUnit>
  official(input: OfficialInput): Promise<DirectoryOfficial>
  removeOfficial(id: string): Promise<null>
  /** Signs this page in (its cookie jar) as the office's administrator, for the pages only they use. */
  signInAsAdmin(): void
  close(): Promise<void>
}

export async function openLiveHall(): Promise<LiveHall> {
  const server = await startTestServer()
  ;(window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(server.url)
  const secretary = server.people.secretary
  // Whoever keeps the office's directory (an administrator), for the units and officials to pick from.
  const admin = await createAccount(server.db, ['admin'])
  const sockets: TestSocket[] = []

  async function inject<T>(method: 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown, as = secretary): Promise<T> {
    const res = await server.app.inject({ method, url, headers: as.headers, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) })
    if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`)
    return (res.statusCode === 204 ? null : res.json()) as T
  }

  async function meeting(title = 'Hội nghị đối thoại với Nhân dân xã Mường Phăng'): Promise<LiveMeeting> {
    const { meetingId } = await inject<{ meetingId: string }>('POST', '/api/meetings', { title, venue: 'Hội trường UBND xã' })
    const desk = await server.connectAs(meetingId, 'secretary')
    sockets.push(desk)
    const events = recordEvents(desk)
    // The console joins the meeting's broadcasts by syncing, as a screen does.
    const synced = await request<SyncResult>(desk, 'meeting:sync', { lastSeq: 0 })
    if (!synced.ok) throw new Error(`sync refused: ${synced.error.code}`)
    if (synced.data.kind === 'events') events.unshift(...synced.data.events.filter((e) => !events.some((x) => x.seq === e.seq)))
    return {
      meetingId,
      events,
      async send(type, fields) {
        const ack = await request(desk, type, { ...fields, commandId: randomUUID() })
        if (!ack.ok) throw new Error(`${type} refused: ${ack.error.code} ${ack.error.message}`)
      },
      typesSince: (mark) => events.slice(mark).map((e) => e.type),
    }
  }

  async function screen(live: LiveMeeting, role: 'chair' | 'secretary') {
    if (role === 'chair') {
      const issued = await inject<{ code: string }>('POST', `/api/meetings/${live.meetingId}/pairings`, { role: 'chair' })
      const res = await server.app.inject({ method: 'POST', url: '/api/pair', payload: { code: issued.code } })
      const paired = res.json() as { token: string; device: Parameters<typeof rememberDevice>[1] }
      rememberDevice(paired.token, paired.device)
    } else {
      // The page's own requests (the directory, the calendar) carry the session from its cookie jar;
      // its socket, made in Node, is given the cookie the browser would send with the handshake.
      document.cookie = secretary.cookie
    }
    const pinia = createPinia()
    setActivePinia(pinia)
    const store = useMeetingStore()
    const createSocket = (auth: HandshakeAuth): MeetingSocket =>
      io(server.url, { autoConnect: false, auth, transports: ['websocket'], reconnectionDelay: 100, extraHeaders: role === 'secretary' ? { cookie: secretary.cookie } : {} })
    store.open(live.meetingId, role, { createSocket })
    await until(() => store.status === 'online' && store.state.seq >= (live.events.at(-1)?.seq ?? 0), `${role} screen in sync`)
    return { pinia, store }
  }

  return {
    server,
    meeting,
    screen,
    unit: (name) => inject<DirectoryUnit>('POST', '/api/directory/units', { name }, admin),
    official: (input) => inject<DirectoryOfficial>('POST', '/api/directory/officials', input, admin),
    signInAsAdmin: () => {
      // As the session store does after GET /api/session: the cookie in the jar, the CSRF token kept.
      document.cookie = admin.cookie
      setSessionCredentials(admin.headers['x-csrf-token'] ?? null, true)
    },
    removeOfficial: (id) => inject<null>('DELETE', `/api/directory/officials/${id}`, undefined, admin),
    async close() {
      for (const s of sockets) s.disconnect()
      await server.close()
    },
  }
}

/** Waits for what another screen or the server does next (a broadcast, an answer), polling briefly. */
export async function until(predicate: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const start = Date.now()
  while (!predicate()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

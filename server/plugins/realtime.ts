import fp from 'fastify-plugin'
import { Server } from 'socket.io'
import { eventsFor } from '../../shared/meeting/redact'
import { installHandshake } from '../realtime/handshake'
import { registerMeetingHandlers } from '../realtime/meeting-handlers'
import { watchCredentials } from '../realtime/credentials'
import { fullRoom, publicRoom } from '../realtime/rooms'
import type { RealtimeServer } from '../realtime/types'

declare module 'fastify' {
  interface FastifyInstance {
    io: RealtimeServer
  }
}

// Socket.IO attached by hand to Fastify's HTTP server (fastify-socket.io supports Fastify 4 only).
export interface RealtimePluginOptions {
  /** As Fastify's: which proxies' X-Forwarded-For to believe for a socket's address. */
  trustProxy?: boolean | string
}

/**
 * How often the server pings each screen, and how long an answer may take. Socket.IO's defaults
 * (25 s + 20 s) let a screen whose network dropped go on saying "connected" for half a minute, and
 * a tap there says "sending" instead of "waiting for the link". With these, a silent drop shows
 * within about 7 s on every screen (the client closes the link when no ping came for interval +
 * timeout), and the server frees the socket of a phone that left as soon. The cost is one ping and
 * one pong of a few bytes per screen every 3 s: a hall of a few hundred phones is about a hundred tiny
 * frames a second, nothing next to one broadcast. The timeout stays generous for a crowded hall's
 * Wi-Fi, where a pong can take a second or two: a false alarm costs a reconnect and a sync.
 */
export const HEARTBEAT = { pingInterval: 3_000, pingTimeout: 4_000 } as const

export default fp<RealtimePluginOptions>(
  async (app, opts) => {
    const io: RealtimeServer = new Server(app.server, {
      serveClient: false,
      ...HEARTBEAT,
      // A 100 KB Vietnamese text is up to 300 KB of UTF-8: it must reach validation and be refused
      // with a clear error, not cut the connection.
      maxHttpBufferSize: 1_000_000,
    })
    app.decorate('io', io)

    // A meeting with a screen here stays in the log's bounded cache: other processes' events reach
    // this process's screens through it.
    const rooms = io.sockets.adapter.rooms
    app.meetingLog.keepFollowed((meetingId) => rooms.has(fullRoom(meetingId)) || rooms.has(publicRoom(meetingId)))

    installHandshake(io, app, opts.trustProxy ?? false)
    io.on('connection', (socket) => {
      watchCredentials(socket, app.db)
      registerMeetingHandlers(socket, app.meetingLog, app.db)
    })

    // Fan-out after commit: privileged screens get the events as they are, public screens the
    // redacted copies.
    app.meetingLog.on('appended', ({ meetingId, events, state }) => {
      io.to(fullRoom(meetingId)).emit('meeting:appended', { events })
      // The public room: projectors and attendee phones receive the same redacted view.
      io.to(publicRoom(meetingId)).emit('meeting:appended', { events: eventsFor('projector', events, state) })
    })

    // Closing the engine first drops every transport, so screens see a transport close and
    // reconnect by themselves when the server is back (disconnectSockets(true) would tell them not to).
    app.addHook('preClose', (done) => {
      io.engine.close()
      done()
    })
    app.addHook('onClose', async () => {
      await io.close()
    })
  },
  { name: 'realtime', dependencies: ['meeting-log', 'auth'] },
)

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

export default fp<RealtimePluginOptions>(
  async (app, opts) => {
    const io: RealtimeServer = new Server(app.server, {
      serveClient: false,
      // A 100 KB Vietnamese text is up to 300 KB of UTF-8: it must reach validation and be refused
      // with a clear error, not cut the connection.
      maxHttpBufferSize: 1_000_000,
    })
    app.decorate('io', io)

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

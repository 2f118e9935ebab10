import fp from 'fastify-plugin'
import type pg from 'pg'
import { EVENTS_CHANNEL, type EventsNotice } from '../meetings/meeting-log'
import { ACCESS_CHANNEL } from '../auth/sessions'
import { disconnectRevoked } from '../realtime/credentials'

export interface FanoutPluginOptions {
  pool: pg.Pool
  /** Delay before listening again after the LISTEN connection is lost. */
  retryMs?: number
}

// Several server processes behind a load balancer can serve one meeting: each commits through the
// shared database, which NOTIFYs every process; each process then tells its own screens. Only for a
// real PostgreSQL: the embedded database serves one process.
export default fp<FanoutPluginOptions>(
  async (app, opts) => {
    const retryMs = opts.retryMs ?? 1_000
    let client: pg.PoolClient | null = null
    let closing = false
    let retryTimer: NodeJS.Timeout | null = null

    const onNotification = (msg: pg.Notification) => {
      // A session signed out or a device revoked through another process: drop its sockets here too.
      if (msg.channel === ACCESS_CHANNEL && msg.payload) {
        disconnectRevoked(app.io, [msg.payload])
        return
      }
      if (msg.channel !== EVENTS_CHANNEL || !msg.payload) return
      let notice: EventsNotice
      try {
        notice = JSON.parse(msg.payload) as EventsNotice
      } catch {
        return
      }
      app.meetingLog.onRemoteAppend(notice).catch((err) => app.log.error({ err }, 'fan-out catch-up failed'))
    }

    async function listen(): Promise<void> {
      const c = await opts.pool.connect()
      // Without an error listener a dropped LISTEN connection would crash the process.
      c.on('error', (err) => {
        app.log.warn({ err }, 'LISTEN connection lost; listening again')
        drop(c, err)
      })
      c.on('notification', onNotification)
      try {
        await c.query(`LISTEN ${EVENTS_CHANNEL}`)
        await c.query(`LISTEN ${ACCESS_CHANNEL}`)
      } catch (err) {
        drop(c, err as Error) // and listen again later
        throw err
      }
      client = c
      // Notices sent while we were not listening are lost: catch up every meeting we follow.
      await app.meetingLog.refreshAll()
    }

    function drop(c: pg.PoolClient, err?: Error) {
      if (client === c) client = null
      c.removeAllListeners('notification')
      try {
        c.release(err ?? true)
      } catch {
        // already released
      }
      scheduleRetry()
    }

    function scheduleRetry() {
      if (closing || retryTimer) return
      retryTimer = setTimeout(() => {
        retryTimer = null
        listen().catch((err) => {
          app.log.warn({ err }, 'cannot LISTEN yet')
          scheduleRetry()
        })
      }, retryMs)
    }

    // A database that is down right now does not stop the server: it listens once it can.
    await listen().catch((err) => {
      app.log.warn({ err }, 'cannot LISTEN yet')
      scheduleRetry()
    })

    app.addHook('onClose', async () => {
      closing = true
      if (retryTimer) clearTimeout(retryTimer)
      const c = client
      client = null
      if (c) {
        c.removeAllListeners('notification')
        await c.query(`UNLISTEN *`).catch(() => undefined)
        c.release()
      }
    })
  },
  { name: 'fanout', dependencies: ['meeting-log', 'realtime'] },
)

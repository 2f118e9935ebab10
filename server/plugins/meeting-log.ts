import fp from 'fastify-plugin'
import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import { MeetingLog, type MeetingLogOptions } from '../meetings/meeting-log'

declare module 'fastify' {
  interface FastifyInstance {
    db: Kysely<Database>
    meetingLog: MeetingLog
  }
}

export interface MeetingLogPluginOptions {
  db: Kysely<Database>
  log?: MeetingLogOptions
}

// The database and the meeting log, shared by routes and socket handlers. The database handle is
// owned by the caller (main.ts or a test), which closes it after the app.
export default fp<MeetingLogPluginOptions>(
  async (app, opts) => {
    app.decorate('db', opts.db)
    app.decorate('meetingLog', new MeetingLog(opts.db, opts.log))
  },
  { name: 'meeting-log' },
)

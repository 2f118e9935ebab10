import fp from 'fastify-plugin'
import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import { MeetingLog, type MeetingLogOptions } from '../meetings/meeting-log'
import { OfficeData } from '../office/office-data'

declare module 'fastify' {
  interface FastifyInstance {
    db: Kysely<Database>
    meetingLog: MeetingLog
    office: OfficeData
  }
}

export interface MeetingLogPluginOptions {
  db: Kysely<Database>
  log?: MeetingLogOptions
}

// The database, the office's directory and calendar, and the meeting log, shared by routes and socket handlers. The database handle is
// owned by the caller (main.ts or a test), which closes it after the app.
export default fp<MeetingLogPluginOptions>(
  async (app, opts) => {
    const office = new OfficeData(opts.db)
    app.decorate('db', opts.db)
    app.decorate('office', office)
    const log = new MeetingLog(opts.db, { office, ...opts.log })
    app.decorate('meetingLog', log)
    app.addHook('onClose', async () => log.close())
  },
  { name: 'meeting-log' },
)

import type { FastifyInstance } from 'fastify'
import { listMeetings } from '../../db/repositories/meetings'
import { administrativeDocumentSchema } from '../../shared/documents/schema'
import { renderDocx } from './docx'
import { DocumentService } from './document-service'

/** How long after listening main.ts waits: the hall's screens reconnecting after a restart go first. */
export const WARM_UP_DELAY_MS = 5_000

/** How many of the latest meetings are read into memory after start-up. */
export const WARM_MEETINGS = 3

/**
 * Pays after start-up, once, what the first document request would otherwise pay: folding the
 * latest meetings' logs into the meeting cache (a conference of 200 petitions and 300 speeches is
 * some 2,000 events), and the first run of the drafting and of the docx library's packer (on a
 * cold process the minutes, the notice and their Word files took several times their warm cost).
 * Run in the background a few seconds after listening, so it delays no screen; it drafts, renders and discards,
 * and writes nothing. Returns what it did, for the log and the bench.
 */
export async function warmUpDocuments(app: FastifyInstance, meetings = WARM_MEETINGS): Promise<{ meetings: number }> {
  const latest = await listMeetings(app.db, meetings)
  for (const m of latest) await app.meetingLog.state(m.meetingId)
  const newest = latest[0]
  if (newest) {
    const documents = new DocumentService(app.db, app.meetingLog, app.office)
    for (const kind of ['minutes', 'notice'] as const) {
      // The notice is refused until the minutes are final: then only the minutes are warmed.
      const view = await documents.view(newest.meetingId, kind)
      if (!view.ok) continue
      // The response schema's parser (zod compiles its fast path on first use) and the packer.
      administrativeDocumentSchema.parse(view.data.draft)
      await renderDocx(view.data.draft)
    }
  }
  return { meetings: latest.length }
}

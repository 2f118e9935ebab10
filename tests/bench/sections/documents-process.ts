import { performance } from 'node:perf_hooks'
import { openDatabase } from '../../../db/connect'
import { buildApp } from '../../../server/app'
import { warmUpDocuments } from '../../../server/documents/warm-up'
import { createAccount } from '../../fixtures/accounts'

// The documents bench's measuring process: a server started afresh on a database that already
// holds the meetings (as after a restart), so its first call to each document pays whatever a
// first call pays (modules, fonts, folding the meeting's log) and the later calls show the warm
// cost. It reports over IPC, or prints when run by hand:
//   npx tsx tests/bench/sections/documents-process.ts <data-dir> <meeting-id> <from> <to> [repeats] [warm|cold]

export interface DocumentTimings {
  /** Milliseconds of each call, in order: the first call first. */
  [name: string]: number[]
}

export type DocumentsChildMessage = { type: 'timings'; startMs: number; warmUpMs: number; timings: DocumentTimings } | { type: 'failed'; message: string }

async function measure(dataDir: string, meetingId: string, from: string, to: string, repeats: number, warm: boolean): Promise<{ startMs: number; warmUpMs: number; timings: DocumentTimings }> {
  const database = await openDatabase({ dataDir })
  try {
    const started = performance.now()
    const app = await buildApp({ db: database.db, clientDir: '/nonexistent' })
    await app.ready()
    const startMs = performance.now() - started
    // As main.ts does after listening (unless the cold first call is asked for).
    const warmed = performance.now()
    if (warm) await warmUpDocuments(app)
    const warmUpMs = performance.now() - warmed
    try {
      const { headers } = await createAccount(database.db, ['secretary'])
      // The secretary's console asks these when it opens, before anyone can ask for a document: the
      // first call measured below is the documents' own, not the HTTP stack's first request.
      for (const url of ['/api/auth/session', '/api/meetings']) {
        const res = await app.inject({ url, headers })
        if (res.statusCode !== 200) throw new Error(`${url}: HTTP ${res.statusCode}`)
      }
      const base = `/api/meetings/${meetingId}/documents`
      // The order a secretary follows after the meeting: the minutes, the notice, their Word files;
      // the results report is its own page.
      const calls: [string, string][] = [
        ['minutes', `${base}/minutes`],
        ['notice', `${base}/notice`],
        ['minutes.docx', `${base}/minutes/draft/docx`],
        ['notice.docx', `${base}/notice/draft/docx`],
        ['results report', `/api/reports/results?from=${from}&to=${to}`],
      ]
      const timings: DocumentTimings = Object.fromEntries(calls.map(([name]) => [name, []]))
      for (let round = 0; round <= repeats; round++) {
        for (const [name, url] of calls) {
          const t0 = performance.now()
          const res = await app.inject({ url, headers })
          const ms = performance.now() - t0
          if (res.statusCode !== 200) throw new Error(`${name}: HTTP ${res.statusCode} ${res.body.slice(0, 200)}`)
          timings[name]!.push(ms)
        }
      }
      return { startMs, warmUpMs, timings }
    } finally {
      await app.close()
    }
  } finally {
    await database.close()
  }
}

const [dataDir, meetingId, from, to, repeats, mode] = process.argv.slice(2)
if (dataDir && meetingId && from && to) {
  measure(dataDir, meetingId, from, to, Number(repeats ?? 5), mode !== 'cold').then(
    (result) => {
      if (process.send) process.send({ type: 'timings', ...result } satisfies DocumentsChildMessage, () => process.exit(0))
      else {
        console.log(JSON.stringify(result, null, 1))
        process.exit(0)
      }
    },
    (err: unknown) => {
      const message = err instanceof Error ? (err.stack ?? err.message) : String(err)
      if (process.send) process.send({ type: 'failed', message } satisfies DocumentsChildMessage, () => process.exit(1))
      else {
        console.error(message)
        process.exit(1)
      }
    },
  )
}

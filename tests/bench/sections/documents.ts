import { fork } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { openDatabase } from '../../../db/connect'
import { migrateToLatest } from '../../../db/migrate'
import type { BenchSection, Figure } from '../section'
import { seedDirectory, writeConference } from './documents-data'
import type { DocumentsChildMessage, DocumentTimings } from './documents-process'

// The documents goal of issue 12: the minutes and the notice of a conference with 200 petitions and
// 300 speeches within 300 ms on the first call, and the results report over 500 meetings within
// 500 ms. A fresh embedded database gets that conference and 500 smaller ones (written straight to
// the log with their projection rows); then a server is started on it in a process of its own, as
// after a restart, and asked for each document: its first call, then warm calls. Twice: with the
// start-up warm-up main.ts runs after listening (what the office gets), and without it (what a first
// call costs when nothing was paid beforehand).

const child = fileURLToPath(new URL('./documents-process.ts', import.meta.url))
const PERIOD = { from: '2025-01-01', to: '2025-12-31' }

function runChild(dataDir: string, meetingId: string, repeats: number, mode: 'warm' | 'cold'): Promise<Extract<DocumentsChildMessage, { type: 'timings' }>> {
  return new Promise((resolve, reject) => {
    const proc = fork(child, [dataDir, meetingId, PERIOD.from, PERIOD.to, String(repeats), mode], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
    let answer: DocumentsChildMessage | null = null
    proc.on('message', (m: DocumentsChildMessage) => (answer = m))
    proc.on('error', reject)
    proc.on('exit', (code) => {
      const got = answer as DocumentsChildMessage | null
      if (got?.type === 'timings') resolve(got)
      else reject(new Error(got?.type === 'failed' ? got.message : `documents bench process exited with ${code}`))
    })
  })
}

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length ? (s[(s.length - 1) >> 1]! + s[s.length >> 1]!) / 2 : NaN
}
const round = (ms: number) => Math.round(ms)
const first = (t: DocumentTimings, ...names: string[]) => names.reduce((n, k) => n + t[k]![0]!, 0)
const warm = (t: DocumentTimings, ...names: string[]) => names.reduce((n, k) => n + median(t[k]!.slice(1)), 0)

export const documentsSection: BenchSection = {
  name: 'documents',
  async run({ quick }) {
    const meetings = quick ? 50 : 500
    const repeats = quick ? 3 : 7
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'hnd-bench-documents-'))
    try {
      const db = await openDatabase({ dataDir })
      let meetingId: string
      try {
        await migrateToLatest(db.db)
        const directory = await seedDirectory(db.db)
        meetingId = await writeConference(db.db, { title: 'Hội nghị đối thoại với Nhân dân năm 2026', meetingDate: '2026-06-19', petitions: 200, speeches: 300 }, directory, true)
        for (let i = 0; i < meetings; i++) {
          const month = String((i % 12) + 1).padStart(2, '0')
          await writeConference(db.db, { title: `Hội nghị đối thoại số ${i + 1}`, meetingDate: `2025-${month}-${String((i % 27) + 1).padStart(2, '0')}`, petitions: 20, speeches: 10 }, directory)
        }
      } finally {
        await db.close()
      }
      // Cold first: the warm run's warm-up would otherwise leave nothing for the OS's page cache to pay.
      const cold = await runChild(dataDir, meetingId, repeats, 'cold')
      const hot = await runChild(dataDir, meetingId, repeats, 'warm')
      const docs = ['minutes', 'notice'] as const
      const files = ['minutes.docx', 'notice.docx'] as const
      const figure = (name: string, value: number, goal?: { ms: number }): Figure => ({
        name,
        value: round(value),
        unit: 'ms',
        ...(goal ? { goal: `≤ ${goal.ms} ms`, met: value <= goal.ms } : {}),
      })
      return [
        figure('minutes + notice, first call (after the start-up warm-up)', first(hot.timings, ...docs), { ms: 300 }),
        figure('minutes + notice, first call without warm-up', first(cold.timings, ...docs)),
        figure('minutes + notice, warm (median)', warm(hot.timings, ...docs)),
        figure('minutes + notice .docx, first call (after warm-up)', first(hot.timings, ...files)),
        figure('minutes + notice .docx, first call without warm-up', first(cold.timings, ...files)),
        figure('minutes + notice .docx, warm (median)', warm(hot.timings, ...files)),
        figure(`results report over ${meetings} meetings, first call`, first(cold.timings, 'results report'), meetings >= 500 ? { ms: 500 } : undefined),
        figure(`results report over ${meetings} meetings, warm (median)`, warm(hot.timings, 'results report')),
        figure('start-up warm-up, in the background after listening', hot.warmUpMs),
        figure('server start (buildApp, ready)', hot.startMs),
        // Timings on a shared machine move with its load: read them next to it.
        { name: 'load average (1 min) at the end of the run', value: Math.round(os.loadavg()[0]! * 10) / 10, unit: '' },
      ]
    } finally {
      await rm(dataDir, { recursive: true, force: true })
    }
  },
}

import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import type { Manifest } from 'vite'
import { build } from 'vite'
import { openDatabase } from '../../../db/connect'
import { migrateToLatest } from '../../../db/migrate'
import { buildApp } from '../../../server/app'
import { distDir, projectRoot, staleReason } from '../../../scripts/build-stamp.mjs'
import type { BenchSection, Figure } from '../section'

// 'bundle': what a hall screen downloads on its first visit. The projector and the attendee's phone
// are the screens that open on slow links and weak devices; the goal is ≤ 80 KB of gzip for the
// JavaScript and CSS each page loads (its entry chunk, the entry's static imports, the page's own
// chunk and its static imports, their stylesheets), and that the server sends it compressed.
// The page's files come from the build's manifest, as the browser's loader follows them.

const GOAL_BYTES = 80 * 1024
const PAGES = { projector: 'src/views/projector/ProjectorView.vue', attendee: 'src/views/attendee/AttendeeView.vue' } as const

interface PageFiles {
  page: keyof typeof PAGES
  /** Paths under the client directory ('assets/index-….js'), JavaScript and CSS. */
  files: string[]
}

/** The built client of the current sources: dist/client when its stamp matches, else a fresh build in a temporary folder. */
async function currentClient(): Promise<{ dir: string; cleanup: () => void }> {
  if (!staleReason()) return { dir: path.join(distDir, 'client'), cleanup: () => {} }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hnd-bench-client-'))
  await build({ configFile: path.join(projectRoot, 'vite.config.ts'), root: path.join(projectRoot, 'client'), logLevel: 'warn', build: { outDir: dir, emptyOutDir: true } })
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) }
}

/** The files a page loads: the entry's and the page's chunks with every static import, and their CSS. */
export function pageFiles(manifest: Manifest, page: keyof typeof PAGES): PageFiles {
  const entry = Object.keys(manifest).find((key) => manifest[key]?.isEntry)
  if (!entry) throw new Error('the manifest names no entry chunk')
  const files = new Set<string>()
  const visit = (key: string) => {
    const chunk = manifest[key]
    if (!chunk) throw new Error(`the manifest has no chunk ${key}`)
    if (files.has(chunk.file)) return
    files.add(chunk.file)
    for (const css of chunk.css ?? []) files.add(css)
    for (const imported of chunk.imports ?? []) visit(imported)
  }
  visit(entry)
  visit(PAGES[page])
  return { page, files: [...files] }
}

/** Body bytes as they cross the network for one GET with the given Accept-Encoding. */
function wireBytes(base: string, file: string, acceptEncoding: string | undefined): Promise<{ bytes: number; encoding: string }> {
  return new Promise((resolve, reject) => {
    const request = http.get(new URL(`/${file}`, base), { headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} }, (response) => {
      let bytes = 0
      response.on('data', (chunk: Buffer) => (bytes += chunk.length))
      response.on('end', () => {
        if (response.statusCode !== 200) reject(new Error(`GET /${file}: ${response.statusCode}`))
        else resolve({ bytes, encoding: String(response.headers['content-encoding'] ?? 'identity') })
      })
      response.on('error', reject)
    })
    request.on('error', reject)
  })
}

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10

export const bundleSection: BenchSection = {
  name: 'bundle',
  async run() {
    const client = await currentClient()
    const database = await openDatabase({})
    await migrateToLatest(database.db)
    const app = await buildApp({ db: database.db, clientDir: client.dir, security: { rateLimit: false } })
    try {
      await app.listen({ port: 0, host: '127.0.0.1' })
      const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`
      const manifest = JSON.parse(fs.readFileSync(path.join(client.dir, '.vite', 'manifest.json'), 'utf8')) as Manifest
      const figures: Figure[] = []
      for (const page of Object.keys(PAGES) as (keyof typeof PAGES)[]) {
        const { files } = pageFiles(manifest, page)
        let raw = 0
        let gzip = 0
        let brotli = 0
        let sentBrowser = 0
        let sentGzipOnly = 0
        let sentPlain = 0
        const encodings = new Set<string>()
        for (const file of files) {
          const content = fs.readFileSync(path.join(client.dir, file))
          raw += content.length
          gzip += zlib.gzipSync(content, { level: 9 }).length
          brotli += zlib.brotliCompressSync(content, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length
          // What Chromium asks for, what an older browser asks for, and what a client that asks for nothing gets.
          const browser = await wireBytes(base, file, 'gzip, deflate, br, zstd')
          sentBrowser += browser.bytes
          encodings.add(browser.encoding)
          sentGzipOnly += (await wireBytes(base, file, 'gzip')).bytes
          sentPlain += (await wireBytes(base, file, undefined)).bytes
        }
        figures.push(
          { name: `${page}: JS+CSS gzip (${files.length} files)`, value: kb(gzip), unit: 'KB', goal: '≤ 80 KB', met: gzip <= GOAL_BYTES },
          { name: `${page}: JS+CSS brotli`, value: kb(brotli), unit: 'KB' },
          { name: `${page}: JS+CSS uncompressed`, value: kb(raw), unit: 'KB' },
          {
            name: `${page}: on the wire to a browser (${[...encodings].join(', ')})`,
            value: kb(sentBrowser),
            unit: 'KB',
            goal: 'compressed, ≤ 80 KB',
            met: sentBrowser <= GOAL_BYTES && sentBrowser < raw,
          },
          { name: `${page}: on the wire, Accept-Encoding: gzip`, value: kb(sentGzipOnly), unit: 'KB' },
          { name: `${page}: on the wire, no Accept-Encoding`, value: kb(sentPlain), unit: 'KB' },
        )
      }
      return figures
    } finally {
      await app.close()
      await database.close()
      client.cleanup()
    }
  },
}

// Renders one AdministrativeDocument from a JSON file, so samples can be made from real meetings:
//   npx tsx server/documents/render-sample.ts notice.json out.docx      (also writes out.html)
//   npx tsx server/documents/render-sample.ts --fixture notice out.docx (the test fixtures: notice | minutes)

import { readFile, writeFile } from 'node:fs/promises'
import type { AdministrativeDocument } from '../../shared/documents/model'
import { renderDocx } from './docx'
import { minutesFixture, noticeFixture } from './fixtures'
import { renderPrintHtml } from './html'

async function load(source: string, fixture: boolean): Promise<AdministrativeDocument> {
  if (fixture) {
    if (source === 'notice') return noticeFixture()
    if (source === 'minutes') return minutesFixture()
    throw new Error(`unknown fixture "${source}" (notice | minutes)`)
  }
  // The JSON is trusted to have the model's shape: this is a developer's tool, not an entry point.
  return JSON.parse(await readFile(source, 'utf8')) as AdministrativeDocument
}

async function main(argv: string[]): Promise<void> {
  const fixture = argv[0] === '--fixture'
  const [source, out] = fixture ? argv.slice(1) : argv
  if (!source || !out || !out.endsWith('.docx')) {
    console.error('usage: tsx server/documents/render-sample.ts [--fixture] <document.json | notice | minutes> <out.docx>')
    process.exitCode = 2
    return
  }
  const doc = await load(source, fixture)
  await writeFile(out, await renderDocx(doc))
  const html = out.replace(/\.docx$/, '.html')
  await writeFile(html, renderPrintHtml(doc), 'utf8')
  console.log(`${out}\n${html}`)
}

await main(process.argv.slice(2))

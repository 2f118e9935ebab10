import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { parseFlags, UsageError } from '../harness/cli'
import { machineFacts } from './report'
import type { BenchSection, Figure } from './section'

// `npm run bench`: every speed goal of issue 12, each measured by one file of tests/bench/sections
// next to its floor, printed as one table and saved to bench/results/latest.json (and a dated copy).
// Sections run one after another, never together: on a small machine two at once would measure
// each other. A section that fails is reported as failed and the others still run.

const usage = `Usage: npm run bench -- [options]

  --only a,b     run only these sections (names as listed by --list)
  --quick        a short run of each section (fewer screens, fewer seconds): for trying the bench
                 out, not for figures to quote
  --list         list the sections and exit
  --out FILE     where to write the figures (default bench/results/latest.json; a dated copy is
                 written beside it)

  DATABASE_URL   sections that measure PostgreSQL use this server (the commands section otherwise
                 tries postgres://postgres@127.0.0.1:5432)

  npm run bench:broadcast -- --help   the broadcast harness on its own, with all of its options
`

interface SectionResult {
  name: string
  /** When this section ran: with --only, the file keeps the other sections' last figures. */
  timestamp: string
  seconds: number
  figures: Figure[]
  error?: string
}

const sectionsDir = fileURLToPath(new URL('./sections/', import.meta.url))

function looksLikeSection(value: unknown): value is BenchSection {
  return typeof value === 'object' && value !== null && typeof (value as BenchSection).name === 'string' && typeof (value as BenchSection).run === 'function'
}

/**
 * Every section file's exported sections (default or named export), ordered by name. A section file
 * is one that declares a BenchSection; the other files there (a section's child-process entry, its
 * data) are left alone, since importing an entry would run it.
 */
async function loadSections(): Promise<BenchSection[]> {
  const files = fs.existsSync(sectionsDir)
    ? fs.readdirSync(sectionsDir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && /\bBenchSection\b/.test(fs.readFileSync(path.join(sectionsDir, f), 'utf8')))
    : []
  const found: BenchSection[] = []
  for (const file of files.sort()) {
    const module = (await import(pathToFileURL(path.join(sectionsDir, file)).href)) as Record<string, unknown>
    for (const value of Object.values(module)) if (looksLikeSection(value) && !found.includes(value)) found.push(value)
  }
  return found
}

const fmt = (v: number | undefined): string => {
  if (v === undefined || !Number.isFinite(v)) return '—'
  const abs = Math.abs(v)
  return abs >= 100 ? v.toFixed(0) : abs >= 10 ? v.toFixed(1) : v.toFixed(2)
}

function printTable(results: SectionResult[]): void {
  const rows: string[][] = [['section', 'figure', 'value', 'floor', 'ratio', 'goal', 'met']]
  for (const r of results) {
    if (r.error) rows.push([r.name, `FAILED: ${r.error}`, '', '', '', '', ''])
    for (const f of r.figures) {
      const ratio = f.floor !== undefined && f.floor !== 0 ? `${(f.value / f.floor).toFixed(2)}×` : '—'
      rows.push([r.name, f.name, `${fmt(f.value)} ${f.unit}`, f.floor === undefined ? '—' : `${fmt(f.floor)} ${f.unit}`, ratio, f.goal ?? '', f.met === undefined ? '' : f.met ? 'yes' : 'NO'])
    }
  }
  const widths = rows[0]!.map((_, c) => Math.min(60, Math.max(...rows.map((row) => [...(row[c] ?? '')].length))))
  const line = (row: string[]) => row.map((cell, c) => (c === 1 && cell.startsWith('FAILED') ? cell : cell.padEnd(widths[c]!))).join('  ').trimEnd()
  console.log(`\n${line(rows[0]!)}\n${widths.map((w) => '─'.repeat(w)).join('  ')}`)
  for (const row of rows.slice(1)) console.log(line(row))
}

function previousSections(file: string): SectionResult[] {
  try {
    const previous = JSON.parse(fs.readFileSync(file, 'utf8')) as { timestamp?: string; sections?: unknown }
    if (!Array.isArray(previous.sections)) return []
    return (previous.sections as SectionResult[]).filter((s) => typeof s?.name === 'string').map((s) => ({ ...s, timestamp: s.timestamp ?? previous.timestamp ?? '' }))
  } catch {
    return []
  }
}

async function main(): Promise<number> {
  const flags = parseFlags(process.argv.slice(2), {
    only: { type: 'string' },
    quick: { type: 'boolean' },
    list: { type: 'boolean' },
    out: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  })
  if (flags.help) {
    console.log(usage)
    return 0
  }
  const sections = await loadSections()
  if (flags.list) {
    for (const s of sections) console.log(s.name)
    return 0
  }
  const wanted = flags.only?.split(',').map((s) => s.trim()).filter(Boolean)
  const unknown = wanted?.filter((w) => !sections.some((s) => s.name === w)) ?? []
  if (unknown.length) throw new UsageError(`no section named ${unknown.map((u) => `«${u}»`).join(', ')}; there are: ${sections.map((s) => s.name).join(', ')}`)
  const chosen = wanted ? sections.filter((s) => wanted.includes(s.name)) : sections
  const options = { databaseUrl: process.env.DATABASE_URL?.trim() || undefined, quick: flags.quick ?? false }

  const started = new Date()
  const loadBefore = os.loadavg()[0] ?? 0
  const results: SectionResult[] = []
  for (const section of chosen) {
    console.error(`\n▶ ${section.name}${options.quick ? ' (quick)' : ''}`)
    const t0 = performance.now()
    const timestamp = new Date().toISOString()
    try {
      const figures = await section.run(options)
      results.push({ name: section.name, timestamp, seconds: (performance.now() - t0) / 1000, figures })
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err)
      console.error(`  ${section.name} failed: ${message}`)
      results.push({ name: section.name, timestamp, seconds: (performance.now() - t0) / 1000, figures: [], error: message })
    }
  }
  printTable(results)

  const record = {
    timestamp: started.toISOString(),
    command: ['npm run bench', ...(process.argv.length > 2 ? ['--', ...process.argv.slice(2)] : [])].join(' '),
    quick: options.quick,
    machine: machineFacts(),
    loadAverage1m: { before: loadBefore, after: os.loadavg()[0] ?? 0 },
    sections: results,
  }
  const out = flags.out ? path.resolve(flags.out) : fileURLToPath(new URL('../../bench/results/latest.json', import.meta.url))
  fs.mkdirSync(path.dirname(out), { recursive: true })
  // A partial run (--only) keeps the other sections' last figures, each with the time it ran.
  const kept = wanted ? previousSections(out).filter((p) => !results.some((r) => r.name === p.name)) : []
  const json = `${JSON.stringify({ ...record, sections: [...results, ...kept] }, null, 2)}\n`
  fs.writeFileSync(out, json)
  const dated = path.join(path.dirname(out), `bench-${started.toISOString().replace(/[:.]/g, '-')}.json`)
  fs.writeFileSync(dated, json)
  console.log(`\nWrote ${path.relative(process.cwd(), out)} and ${path.relative(process.cwd(), dated)}`)
  return results.some((r) => r.error) ? 1 : 0
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof UsageError) console.error(`${err.message}\n\n${usage}`)
    else console.error(`\nBenchmark failed: ${err instanceof Error ? err.message : String(err)}`)
    process.exit(err instanceof UsageError ? 2 : 1)
  },
)

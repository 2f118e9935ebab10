// Plain JavaScript on purpose: `npm start` runs this before every start, and it must not pay for a
// TypeScript transform (that cost is what the compiled server removes).
//
// The build (dist/client, dist/server) is fresh when it was made from the sources as they are now:
// a hash of the content of every file that goes into it, kept in dist/build-stamp.json. Content,
// not modification times: a `git checkout` or a copy touches times without changing anything, and
// an edit that keeps the time (a restored backup) must still rebuild.
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const projectRoot = fileURLToPath(new URL('..', import.meta.url))
export const distDir = path.join(projectRoot, 'dist')
export const stampFile = path.join(distDir, 'build-stamp.json')

/** Folders whose files go into the build (tests and notes beside them do not). */
const SOURCE_DIRS = ['client', 'shared', 'server', 'db']
/** Files at the root that change what the build makes. */
const ROOT_FILES = ['package.json', 'package-lock.json', 'tsconfig.json', 'vite.config.ts', 'vite.server.config.ts']
const NOT_BUILT = /(?:\.test\.ts|\.md)$|[\\/](?:__snapshots__|testing)[\\/]/

/** What the build must contain, for a start to rely on it. */
export const BUILD_OUTPUTS = [path.join(distDir, 'client', 'index.html'), path.join(distDir, 'server', 'main.js')]

function sourceFiles() {
  const files = ROOT_FILES.filter((name) => fs.existsSync(path.join(projectRoot, name)))
  for (const dir of ['scripts', ...SOURCE_DIRS]) {
    const absolute = path.join(projectRoot, dir)
    if (!fs.existsSync(absolute)) continue
    for (const entry of fs.readdirSync(absolute, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue
      const relative = path.relative(projectRoot, path.join(entry.parentPath, entry.name))
      if (!NOT_BUILT.test(relative)) files.push(relative)
    }
  }
  return files.sort()
}

/** The hash of every source file's name and content, in a stable order. */
export function sourceHash() {
  const hash = createHash('sha256')
  for (const file of sourceFiles()) {
    hash.update(file.split(path.sep).join('/')).update('\0')
    hash.update(fs.readFileSync(path.join(projectRoot, file))).update('\0')
  }
  return hash.digest('hex')
}

/** Why the build cannot be used as it is, or undefined when it can. */
export function staleReason() {
  const missing = BUILD_OUTPUTS.find((file) => !fs.existsSync(file))
  if (missing) return `chưa có ${path.relative(projectRoot, missing)}`
  let stamp
  try {
    stamp = JSON.parse(fs.readFileSync(stampFile, 'utf8'))
  } catch {
    return 'chưa có dấu của bản dựng'
  }
  if (stamp?.sources !== sourceHash()) return 'mã nguồn đã thay đổi từ lần dựng trước'
  return undefined
}

export function writeStamp(sources) {
  fs.writeFileSync(stampFile, `${JSON.stringify({ sources, builtAt: new Date().toISOString() }, null, 2)}\n`)
}

export function removeStamp() {
  fs.rmSync(stampFile, { force: true })
}

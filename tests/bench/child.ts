import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

// Runs one of the bench's own harnesses as a separate process, as `npm run bench:…` would: each
// section starts from a fresh process, so a section's sockets, heap and open files never weigh on
// the next one. Its output goes to stderr (progress), leaving stdout to the runner's table.

/** Runs `tests/bench/<script>` under tsx with `args`; resolves when it exits 0. */
export function runHarness(script: string, args: string[], timeoutMs: number): Promise<void> {
  const entry = fileURLToPath(new URL(`./${script}`, import.meta.url))
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), entry, ...args], { stdio: ['ignore', 'pipe', 'inherit'] })
    child.stdout.on('data', (chunk: Buffer) => process.stderr.write(chunk))
    const timer = setTimeout(() => {
      child.kill('SIGINT')
      reject(new Error(`${script} did not finish within ${timeoutMs / 1000} s`))
    }, timeoutMs)
    child.on('error', (err) => {
      clearTimeout(timer)
      reject(err)
    })
    child.on('exit', (code, signal) => {
      clearTimeout(timer)
      if (code === 0) resolve()
      else reject(new Error(`${script} ${args.join(' ')} exited with ${signal ?? code}`))
    })
  })
}

/** A fresh temporary file path for a harness to write its JSON to. */
export function scratchFile(name: string): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hnd-bench-')), name)
}

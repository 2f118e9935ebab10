import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import readline from 'node:readline'
import { afterEach, describe, expect, it } from 'vitest'
import { openDatabase } from './connect'
import { acquireDataDirLock, DataDirLockedError } from './lock'
import { migrateToLatest } from './migrate'
import { findMeeting, insertMeeting } from './repositories/meetings'
import { migratedSnapshot } from '../tests/fixtures/database'

const dirs: string[] = []
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hnd-lock-'))
  dirs.push(dir)
  return dir
}
const children: ChildProcessWithoutNullStreams[] = []
afterEach(() => {
  for (const c of children.splice(0)) c.kill('SIGKILL')
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true })
})

/** Another process competing for the directory (tests/fixtures/lock-contender.ts), driven line by line. */
async function contender(dir: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', path.resolve('tests/fixtures/lock-contender.ts'), dir])
  children.push(child)
  const replies: string[] = []
  const waiting: ((line: string) => void)[] = []
  readline.createInterface({ input: child.stdout }).on('line', (line) => {
    const next = waiting.shift()
    if (next) next(line)
    else replies.push(line)
  })
  const reply = () => new Promise<string>((resolve) => (replies.length ? resolve(replies.shift()!) : waiting.push(resolve)))
  expect(await reply()).toBe('ready')
  return {
    child,
    send: (command: 'take' | 'release') => child.stdin.write(`${command}\n`),
    reply,
  }
}

describe('the embedded database directory', () => {
  it('keeps data across a close and reopen, and releases its lock on close', async () => {
    const dir = tempDir()
    const first = await openDatabase({ dataDir: dir, snapshot: await migratedSnapshot() })
    await migrateToLatest(first.db)
    const meetingId = '3f2b1c4d-5e6f-4a1b-8c2d-3e4f5a6b7c8d'
    await insertMeeting(first.db, { meetingId, title: 'Đối thoại', venue: '', createdAt: new Date().toISOString() })
    await first.close()

    const second = await openDatabase({ dataDir: dir })
    expect(await migrateToLatest(second.db)).toEqual([]) // already migrated
    expect((await findMeeting(second.db, meetingId))?.title).toBe('Đối thoại')
    await second.close()
  })

  it('refuses a second opening while the first holds it, in this process', async () => {
    const dir = tempDir()
    const first = await openDatabase({ dataDir: dir, snapshot: await migratedSnapshot() })
    await expect(openDatabase({ dataDir: dir })).rejects.toBeInstanceOf(DataDirLockedError)
    await first.close()
  })

  it('refuses a directory another process holds, naming it, and is free the moment that process is killed', async () => {
    const dir = tempDir()
    const other = await contender(dir)
    other.send('take')
    expect(await other.reply()).toBe('locked')
    const refused = openDatabase({ dataDir: dir })
    await expect(refused).rejects.toBeInstanceOf(DataDirLockedError)
    await expect(refused).rejects.toThrow(String(other.child.pid))

    other.child.kill('SIGKILL') // no clean-up of any kind
    await new Promise((r) => other.child.once('exit', r))
    const taken = await openDatabase({ dataDir: dir, snapshot: await migratedSnapshot() })
    expect(fs.readFileSync(path.join(dir, 'server.lock'), 'utf8')).toBe(String(process.pid))
    await taken.close()
  })

  it('is not blocked by a lock file naming a live process that holds nothing (a pid reused after a container restart)', async () => {
    const dir = tempDir()
    // PID 1 and this test's parent are alive and hold no lock here: the file's content is a note.
    fs.writeFileSync(path.join(dir, 'server.lock'), String(process.ppid))
    acquireDataDirLock(dir)()
    fs.writeFileSync(path.join(dir, 'server.lock'), String(process.pid)) // even our own pid
    const release = acquireDataDirLock(dir)
    expect(fs.readFileSync(path.join(dir, 'server.lock'), 'utf8')).toBe(String(process.pid))
    release()
  })

  it('lets exactly one of several processes starting at the same moment hold it, round after round', async () => {
    const dir = tempDir()
    const racers = await Promise.all(Array.from({ length: 5 }, () => contender(dir)))
    for (let round = 0; round < 20; round++) {
      for (const r of racers) r.send('take')
      const results = await Promise.all(racers.map((r) => r.reply()))
      expect(results.filter((x) => x === 'locked')).toHaveLength(1)
      expect(results.filter((x) => x === 'refused')).toHaveLength(racers.length - 1)
      const winner = racers[results.indexOf('locked')]!
      winner.send('release')
      expect(await winner.reply()).toBe('released')
    }
  }, 60_000)
})

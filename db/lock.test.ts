import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openDatabase } from './connect'
import { DataDirLockedError } from './lock'
import { migrateToLatest } from './migrate'
import { findMeeting, insertMeeting } from './repositories/meetings'

const dirs: string[] = []
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hnd-lock-'))
  dirs.push(dir)
  return dir
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true })
})

describe('the embedded database directory', () => {
  it('keeps data across a close and reopen, and releases its lock on close', async () => {
    const dir = tempDir()
    const first = await openDatabase({ dataDir: dir })
    await migrateToLatest(first.db)
    const meetingId = '3f2b1c4d-5e6f-4a1b-8c2d-3e4f5a6b7c8d'
    await insertMeeting(first.db, { meetingId, title: 'Đối thoại', venue: '', createdAt: new Date().toISOString() })
    await first.close()
    expect(fs.existsSync(path.join(dir, 'server.lock'))).toBe(false)

    const second = await openDatabase({ dataDir: dir })
    expect(await migrateToLatest(second.db)).toEqual([]) // already migrated
    expect((await findMeeting(second.db, meetingId))?.title).toBe('Đối thoại')
    await second.close()
  })

  it('refuses a second opening while the first holds it, in this process', async () => {
    const dir = tempDir()
    const first = await openDatabase({ dataDir: dir })
    await expect(openDatabase({ dataDir: dir })).rejects.toBeInstanceOf(DataDirLockedError)
    await first.close()
  })

  it('refuses a directory locked by another live process, and takes over a lock left by a dead one', async () => {
    const dir = tempDir()
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'])
    try {
      fs.writeFileSync(path.join(dir, 'server.lock'), String(other.pid))
      const refused = openDatabase({ dataDir: dir })
      await expect(refused).rejects.toBeInstanceOf(DataDirLockedError)
      await expect(refused).rejects.toThrow(String(other.pid))
    } finally {
      other.kill()
      await new Promise((r) => other.once('exit', r))
    }
    const taken = await openDatabase({ dataDir: dir }) // the owner is dead now
    expect(fs.readFileSync(path.join(dir, 'server.lock'), 'utf8')).toBe(String(process.pid))
    await taken.close()
  })
})

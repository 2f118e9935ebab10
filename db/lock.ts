import fs from 'node:fs'
import path from 'node:path'
import { tryLock } from 'fs-native-extensions'

// PGlite corrupts its data directory if two processes open it at once, so the embedded database is
// guarded by a lock on the file `server.lock`. The lock is the operating system's, not the file's
// contents: it is released when its holder closes the file or dies (kill -9, a container restart),
// so there is nothing stale to take over and no pid that could have been reused by another
// program. Taking it is one atomic call: of two processes starting at once, exactly one gets it.
// The file keeps the holder's pid for the people reading the error, and is never deleted (deleting
// it would let a late opener lock a file nobody else can see any more).
export class DataDirLockedError extends Error {
  constructor(
    readonly dir: string,
    readonly pid: number | null,
  ) {
    super(
      `Thư mục dữ liệu ${dir} đang được ${pid ? `tiến trình ${pid}` : 'một tiến trình khác'} sử dụng. Chỉ một máy chủ được mở cơ sở dữ liệu nhúng.`,
    )
  }
}

function holderOf(file: string): number | null {
  try {
    const pid = Number(fs.readFileSync(file, 'utf8').trim())
    return Number.isInteger(pid) && pid > 0 ? pid : null
  } catch {
    return null
  }
}

export function acquireDataDirLock(dir: string): () => void {
  fs.mkdirSync(dir, { recursive: true })
  const file = path.join(fs.realpathSync(dir), 'server.lock')
  const fd = fs.openSync(file, 'a+')
  let locked: boolean
  try {
    locked = tryLock(fd)
  } catch (err) {
    fs.closeSync(fd)
    throw err
  }
  if (!locked) {
    fs.closeSync(fd)
    throw new DataDirLockedError(dir, holderOf(file))
  }
  fs.ftruncateSync(fd, 0)
  fs.writeSync(fd, String(process.pid))
  let released = false
  return () => {
    if (released) return
    released = true
    try {
      fs.ftruncateSync(fd, 0)
    } finally {
      fs.closeSync(fd) // releases the lock
    }
  }
}

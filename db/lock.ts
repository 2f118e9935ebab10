import fs from 'node:fs'
import path from 'node:path'

// PGlite corrupts its data directory if two processes open it at once, so the embedded database is
// guarded by a lock file holding the owner's pid. A lock left by a dead process is taken over.
export class DataDirLockedError extends Error {
  constructor(
    readonly dir: string,
    readonly pid: number,
  ) {
    super(`Thư mục dữ liệu ${dir} đang được tiến trình ${pid} sử dụng. Chỉ một máy chủ được mở cơ sở dữ liệu nhúng.`)
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

// Locks this process holds. A lock file naming our own pid that is not in here was left by an
// earlier process that had the same pid (PID 1 in a restarted container) and is stale.
const held = new Set<string>()

export function acquireDataDirLock(dir: string): () => void {
  fs.mkdirSync(dir, { recursive: true })
  const file = path.join(fs.realpathSync(dir), 'server.lock')
  if (held.has(file)) throw new DataDirLockedError(dir, process.pid)
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: 'wx' })
      held.add(file)
      return () => {
        held.delete(file)
        try {
          if (fs.readFileSync(file, 'utf8') === String(process.pid)) fs.unlinkSync(file)
        } catch {
          // already gone
        }
      }
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
      const owner = Number(fs.readFileSync(file, 'utf8'))
      if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && isAlive(owner)) {
        throw new DataDirLockedError(dir, owner)
      }
      fs.unlinkSync(file) // stale: its process is gone
    }
  }
  throw new Error(`Không lấy được khóa thư mục dữ liệu ${dir}.`)
}

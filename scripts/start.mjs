// `npm start`: builds only when dist/ is missing or older than the sources (scripts/build-stamp.mjs),
// then runs the compiled server in this same process, so a stop signal reaches it directly and the
// embedded database closes cleanly.
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { staleReason } from './build-stamp.mjs'

const reason = staleReason()
if (reason) {
  console.log(`Dựng lại giao diện và máy chủ (${reason})…`)
  const built = spawnSync(process.execPath, [fileURLToPath(new URL('build.mjs', import.meta.url))], { stdio: 'inherit' })
  if (built.status !== 0) {
    console.error('Không dựng được ứng dụng: xem lỗi ở trên.')
    process.exit(built.status ?? 1)
  }
}
await import('../dist/server/main.js')

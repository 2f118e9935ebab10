import os from 'node:os'
import { openDatabase } from '../db/connect'
import { DataDirLockedError } from '../db/lock'
import { migrateToLatest } from '../db/migrate'
import { buildApp } from './app'
import { readConfig } from './config'

// Starts the app: opens the database (embedded PGlite in DATA_DIR, or DATABASE_URL), migrates,
// listens, prints the screens' addresses, and shuts down cleanly on SIGTERM/SIGINT (an embedded
// database killed mid-write can be left unusable).
async function main() {
  const config = readConfig()
  let database
  try {
    database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir })
  } catch (err) {
    if (err instanceof DataDirLockedError) {
      console.error(err.message)
      process.exit(1)
    }
    throw err
  }
  const applied = await migrateToLatest(database.db)
  const app = await buildApp({ db: database.db, pool: database.pool, logger: { level: process.env.LOG_LEVEL ?? 'warn' } })
  await app.listen({ port: config.port, host: config.host })

  const port = (app.server.address() as { port: number }).port
  const lan = Object.values(os.networkInterfaces())
    .flat()
    .find((i) => i && i.family === 'IPv4' && !i.internal)?.address
  console.log(`Hội nghị đối thoại đang chạy.`)
  console.log(`  Cơ sở dữ liệu: ${database.description}${applied.length ? ` (đã áp dụng ${applied.length} migration)` : ''}`)
  console.log(`  Trang chủ (tạo hội nghị, mở các màn hình): http://localhost:${port}/`)
  if (lan) console.log(`  Từ máy tính bảng / máy chiếu trong mạng nội bộ:  http://${lan}:${port}/`)
  console.log(`  Bàn thư ký:     http://localhost:${port}/m/<mã hội nghị>/secretary`)
  console.log(`  Màn hình chiếu: http://localhost:${port}/m/<mã hội nghị>/projector`)

  let closing = false
  const shutdown = async (signal: string) => {
    if (closing) return
    closing = true
    console.log(`Nhận ${signal}, đang dừng máy chủ…`)
    const timer = setTimeout(() => {
      console.error('Dừng quá lâu, thoát cưỡng bức.')
      process.exit(1)
    }, 10_000)
    timer.unref()
    try {
      await app.close()
    } finally {
      await database.close()
    }
    process.exit(0)
  }
  process.on('SIGTERM', () => void shutdown('SIGTERM'))
  process.on('SIGINT', () => void shutdown('SIGINT'))
}

main().catch((err) => {
  console.error('Không khởi động được máy chủ:', err)
  process.exit(1)
})

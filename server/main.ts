import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { openDatabase } from '../db/connect'
import { DataDirLockedError } from '../db/lock'
import { migrateToLatest } from '../db/migrate'
import { buildApp } from './app'
import { WARM_UP_DELAY_MS, warmUpDocuments } from './documents/warm-up'
import { whenDatabaseAnswers } from './database-wait'
import { rebuildMissingProjections } from './reports/meeting-projection'
import { readConfig } from './config'
import { publicAddressFor } from './public-address'
import { prepareFirstRun, FIRST_ADMIN } from './auth/first-run'
import { passwordLinkPath } from './auth/password-links'

// Starts the app: opens the database (embedded PGlite in DATA_DIR, or DATABASE_URL), migrates,
// listens, prints the screens' addresses, and shuts down cleanly on SIGTERM/SIGINT (an embedded
// database killed mid-write can be left unusable).
async function main() {
  let config
  try {
    config = readConfig()
  } catch (err) {
    // A mistyped setting is the office's to fix: say which and how, without a stack trace.
    console.error(`Không khởi động được máy chủ: ${(err as Error).message}`)
    process.exit(1)
  }
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
  // Until the app listens, a stop request only has the database to close.
  const waiting = new AbortController()
  const stopWhileStarting = (signal: string) => {
    console.log(`Nhận ${signal} khi đang khởi động, dừng.`)
    waiting.abort()
    void database.close().finally(() => process.exit(0))
  }
  process.once('SIGTERM', stopWhileStarting)
  process.once('SIGINT', stopWhileStarting)
  const { applied, rebuilt, firstRun } = await whenDatabaseAnswers(
    // Meetings recorded before the reports' projection existed get their row here, with the
    // migrations: a connection cut during start-up is waited out and retried, not a failed start.
    async () => ({
      applied: await migrateToLatest(database.db),
      rebuilt: await rebuildMissingProjections(database.db),
      firstRun: await prepareFirstRun(database.db, process.env.HND_SETUP_TOKEN),
    }),
    { description: database.description, log: (line) => console.warn(line), signal: waiting.signal },
  )
  process.off('SIGTERM', stopWhileStarting)
  process.off('SIGINT', stopWhileStarting)
  if (database.kind === 'postgres') console.log(`Đã kết nối cơ sở dữ liệu ${database.description}.`)
  // CLIENT_DIR: a built client elsewhere than dist/client (each browser-test run builds its own, so
  // two runs on one machine do not delete each other's files mid-test). Without it, dist/client:
  // beside this file once compiled (dist/server/main.js, `npm start`), else in the checkout's dist/
  // (server/main.ts under tsx, `npm run dev`).
  const builtClient = new URL(import.meta.url.endsWith('.js') ? '../client' : '../dist/client', import.meta.url)
  const clientDir = process.env.CLIENT_DIR ? path.resolve(process.env.CLIENT_DIR) : fileURLToPath(builtClient)
  const app = await buildApp({ db: database.db, pool: database.pool, trustProxy: config.trustProxy, publicUrl: config.publicUrl, meetingLog: { maxCachedMeetings: config.maxCachedMeetings }, clientDir, logger: { level: process.env.LOG_LEVEL ?? 'warn' } })
  await app.listen({ port: config.port, host: config.host })
  // In the background: the latest meetings read and the documents' code run once, so the first
  // request for the minutes or the notice does not pay for it. A few seconds later, not at once:
  // after a restart the hall's screens reconnect first, and drafting and packing a long conference's
  // documents would hold the event loop they need.
  const warmUp = setTimeout(() => {
    if (app.server.listening) warmUpDocuments(app).catch((err: unknown) => app.log.warn({ err }, 'documents warm-up failed'))
  }, WARM_UP_DELAY_MS)
  warmUp.unref()

  const port = (app.server.address() as { port: number }).port
  // The same choice the console makes (GET /api/public-address): what the log prints is what the QR codes hold.
  const handedOut = publicAddressFor({ configured: config.publicUrl, interfaces: os.networkInterfaces(), port })
  console.log(`Hội nghị đối thoại đang chạy.`)
  console.log(`  Cơ sở dữ liệu: ${database.description}${applied.length ? ` (đã áp dụng ${applied.length} migration)` : ''}`)
  if (rebuilt) console.log(`  Dựng lại số liệu tổng hợp của ${rebuilt} hội nghị từ nhật ký.`)
  console.log(`  Trang chủ trên chính máy chủ này: http://localhost:${port}/`)
  if (handedOut.url) {
    const origin = handedOut.source === 'configured' ? 'theo PUBLIC_URL' : 'tự dò trong mạng nội bộ; đặt PUBLIC_URL để chọn địa chỉ khác'
    console.log(`  Địa chỉ trao cho thiết bị trong hội trường (mã QR, liên kết đại biểu): ${handedOut.url}/  (${origin})`)
    console.log(`  Máy tính bảng Chủ trì, màn hình chiếu: mở ${handedOut.url}/pair rồi nhập mã ghép hiện trên bàn thư ký.`)
  }
  if (handedOut.warning) console.warn(`  CẢNH BÁO: ${handedOut.warning}`)
  if (firstRun) {
    // The only way in on a new install: a one-time link, valid for a limited time, never a default password.
    const until = new Date(firstRun.expiresAt).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' })
    console.log('')
    console.log(`  THIẾT LẬP LẦN ĐẦU: mở liên kết sau để đặt mật khẩu cho tài khoản quản trị "${FIRST_ADMIN}"`)
    console.log(`  (dùng một lần, hết hạn lúc ${until}; khởi động lại máy chủ sẽ cấp liên kết mới):`)
    console.log(`    http://localhost:${port}${passwordLinkPath(firstRun.token)}`)
  }

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

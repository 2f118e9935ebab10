import { openDatabase } from '../../db/connect'
import { DataDirLockedError } from '../../db/lock'
import { migrateToLatest } from '../../db/migrate'
import { findUserByUsername, revokeUserSessions } from '../../db/repositories/accounts'
import { recordAudit } from '../../db/repositories/audit'
import { readConfig } from '../config'
import { passwordLinkPath, issuePasswordLink } from './password-links'

// `npm run reset-password -- <username>`: a one-time link to set a new password, printed on the
// server's own console, for when the only administrator has forgotten theirs. Whoever can run this
// already holds the server and its database; nothing here works over the network. With the embedded
// database, stop the server first (one process per data directory).
async function main(): Promise<number> {
  const username = (process.argv[2] ?? 'admin').trim().toLowerCase()
  const config = readConfig()
  let database
  try {
    database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir })
  } catch (err) {
    if (err instanceof DataDirLockedError) {
      console.error('Máy chủ đang chạy trên thư mục dữ liệu này. Dừng máy chủ rồi chạy lại lệnh.')
      process.exit(1)
    }
    throw err
  }
  try {
    await migrateToLatest(database.db)
    const user = await findUserByUsername(database.db, username)
    if (!user) {
      console.error(`Không có tài khoản «${username}».`)
      return 1
    }
    const at = new Date().toISOString()
    const link = await issuePasswordLink(database.db, user.id)
    // Whoever knew the old password is signed out.
    await revokeUserSessions(database.db, user.id, at)
    await recordAudit(database.db, { at, action: 'password-link-issued', actor: 'Dòng lệnh trên máy chủ', detail: `${user.displayName} (${user.username})` })
    const until = new Date(link.setupExpiresAt).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' })
    console.log(`Liên kết đặt lại mật khẩu cho «${user.username}» (dùng một lần, hết hạn lúc ${until}):`)
    console.log(`  http://localhost:${config.port}${passwordLinkPath(link.setupToken)}`)
    if (!user.active) console.log('Lưu ý: tài khoản này đang bị khóa; một quản trị viên cần mở khóa.')
    return 0
  } finally {
    await database.close()
  }
}

// An explicit exit: the embedded database's runtime resets process.exitCode when it closes.
main().then((status) => process.exit(status), (err) => {
  console.error('Không cấp được liên kết:', err)
  process.exit(1)
})

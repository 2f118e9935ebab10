import { openDatabase } from '../../db/connect'
import { DataDirLockedError } from '../../db/lock'
import { migrateToLatest } from '../../db/migrate'
import { findUserByUsername, notifyRevoked } from '../../db/repositories/accounts'
import { readConfig } from '../config'
import { UserService } from '../users/user-service'
import { passwordLinkPath } from './password-links'
import { ACCESS_CHANNEL } from './sessions'

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
    // The administrator's reset, as the console's: the link, the sessions it ends (whoever knew the
    // old password is out) and the audit row in one transaction. Server processes still running on
    // PostgreSQL close those sessions' sockets when told.
    const db = database.db
    const users = new UserService(db, (rooms) => notifyRevoked(db, ACCESS_CHANNEL, rooms))
    const reset = await users.resetPassword(user.id, { userId: null, name: 'Dòng lệnh trên máy chủ', address: null })
    if (!reset.ok) {
      console.error(reset.error.message)
      return 1
    }
    const link = reset.data
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

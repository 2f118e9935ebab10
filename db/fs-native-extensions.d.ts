// The part of fs-native-extensions (Holepunch; prebuilt binaries) this project uses: an exclusive
// lock on an open file that the operating system releases when the process dies (Linux: an
// open-file-description lock, macOS: flock, Windows: LockFileEx).
declare module 'fs-native-extensions' {
  /** True when the lock was taken, false when another open file holds it (never waits). */
  export function tryLock(fd: number, offset?: number, length?: number, opts?: { shared?: boolean }): boolean
  export function unlock(fd: number, offset?: number, length?: number): void
}

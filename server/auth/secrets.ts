import { createHash, randomBytes, randomInt, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto'

// Passwords, tokens and pairing codes. Passwords go through scrypt, a memory-hard KDF (Node's own,
// no native addon). Tokens are random and high-entropy, so a plain SHA-256 is enough to store them:
// the database holds only hashes, and a copy of it lets nobody in.

// N = 2^15, r = 8, p = 1: about 32 MiB and tens of milliseconds per hash; OWASP's minimum for scrypt
// is N = 2^17 with r = 8 at p = 1 for a high-value target on fast hardware; we stay at 2^15 so an
// office PC signing in the whole staff at 8 o'clock is not the bottleneck, and record N in the hash
// so it can be raised later without invalidating anyone's password.
const N = 2 ** 15
const r = 8
const p = 1
const KEY_LENGTH = 32
const MAXMEM = 64 * 1024 * 1024

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, { ...options, maxmem: MAXMEM }, (err, key) => (err ? reject(err) : resolve(key)))
  })
}

/** `scrypt$N$r$p$salt$hash`, base64url parts. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(32)
  const key = await derive(password, salt, { N, r, p })
  return ['scrypt', N, r, p, salt.toString('base64url'), key.toString('base64url')].join('$')
}

export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  const parts = (stored ?? DUMMY_HASH).split('$')
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false
  const [, n, rr, pp, salt, hash] = parts as [string, string, string, string, string, string]
  const expected = Buffer.from(hash, 'base64url')
  const key = await derive(password, Buffer.from(salt, 'base64url'), { N: Number(n), r: Number(rr), p: Number(pp) })
  // An unknown user costs the same scrypt run as a known one, so timing does not tell them apart.
  return stored !== null && key.length === expected.length && timingSafeEqual(key, expected)
}

const DUMMY_HASH = `scrypt$${N}$${r}$${p}$${Buffer.alloc(32).toString('base64url')}$${Buffer.alloc(KEY_LENGTH).toString('base64url')}`

/** A random token for a cookie, a device or a one-time link (256 bits). */
export const newToken = (): string => randomBytes(32).toString('base64url')

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex')

/** Six digits, leading zeros kept: easy to read aloud in the hall and to type on a tablet. */
export const newPairingCode = (): string => String(randomInt(0, 1_000_000)).padStart(6, '0')

/** Compares a secret sent by a client with the expected one in constant time. */
export function sameSecret(sent: string, expected: string): boolean {
  const a = Buffer.from(sent)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

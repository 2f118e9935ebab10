import { z } from 'zod'

// The address the hall's devices are given (pairing QR codes, the /pair page, the attendee link,
// set-password links). The secretary often opens the console on the server machine itself as
// http://localhost:3000; an address built from that page would send a tablet to itself. So the
// server says which address to hand out: PUBLIC_URL when the office set one, else the office-network
// address it finds on its own network interfaces.

export const publicAddressSources = ['configured', 'detected', 'none'] as const

export const publicAddressSchema = z.object({
  /** An origin (`http://192.168.1.20:3000`, no trailing slash), or null when none was found. */
  url: z.string().nullable(),
  source: z.enum(publicAddressSources),
  /** Why the hall's devices may not reach `url`, in Vietnamese, when the server can tell. */
  warning: z.string().optional(),
})
export type PublicAddress = z.infer<typeof publicAddressSchema>

/** One entry of os.networkInterfaces() (family is a number on some older Node releases). */
export interface NetworkInterfaceEntry {
  address: string
  family: string | number
  internal: boolean
}
export type NetworkInterfaceMap = Record<string, readonly NetworkInterfaceEntry[] | undefined>

const ipv4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/

function octets(address: string): number[] | null {
  const m = ipv4.exec(address)
  if (!m) return null
  const parts = m.slice(1).map(Number)
  return parts.every((p) => p <= 255) ? parts : null
}

/** 10/8, 172.16/12, 192.168/16: the ranges an office network uses. */
export function isPrivateIPv4(address: string): boolean {
  const o = octets(address)
  if (!o) return false
  const [a, b] = o as [number, number, number, number]
  return a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)
}

/** 169.254/16: what a machine gives itself when no DHCP server answered; nobody else reaches it. */
const isLinkLocalIPv4 = (address: string) => address.startsWith('169.254.')

/**
 * The office-network address among a machine's interfaces: the first non-internal IPv4 address in a
 * private range, else the first other non-internal IPv4 (a self-assigned 169.254 one last), else null.
 */
export function chooseLanAddress(interfaces: NetworkInterfaceMap): string | null {
  const candidates = Object.values(interfaces)
    .flatMap((list) => list ?? [])
    .filter((i) => (i.family === 'IPv4' || i.family === 4) && !i.internal && octets(i.address) !== null && !i.address.startsWith('127.'))
    .map((i) => i.address)
  return candidates.find(isPrivateIPv4) ?? candidates.find((a) => !isLinkLocalIPv4(a)) ?? candidates[0] ?? null
}

/** A host name that means "this very machine" to whichever device opens it. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '')
  return host === 'localhost' || host.endsWith('.localhost') || host.startsWith('127.') || host === '::1' || host === '0.0.0.0' || host === '::'
}

export type PublicUrlParse = { ok: true; url: string } | { ok: false; message: string }

/**
 * PUBLIC_URL as the office writes it: an http(s) address with no path, query or fragment (a trailing
 * slash is fine), returned as its origin.
 */
export function parsePublicUrl(raw: string): PublicUrlParse {
  const text = raw.trim()
  const refuse = (why: string): PublicUrlParse => ({
    ok: false,
    message: `PUBLIC_URL không hợp lệ: «${raw}». ${why} Ví dụ: PUBLIC_URL=http://192.168.1.20:3000`,
  })
  let url: URL
  try {
    url = new URL(text)
  } catch {
    return refuse('Cần một địa chỉ đầy đủ bắt đầu bằng http:// hoặc https://.')
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return refuse('Chỉ dùng http:// hoặc https://.')
  if (url.username || url.password) return refuse('Địa chỉ không được chứa tên đăng nhập hay mật khẩu.')
  if (url.pathname !== '/' || url.search || url.hash || /[?#]/.test(text)) return refuse('Chỉ ghi giao thức, máy và cổng, không có đường dẫn (/…), tham số (?…) hay (#…).')
  return { ok: true, url: url.origin }
}

/** The origin of a host and port, as a browser writes it (IPv6 in brackets, default ports left out). */
export function originOf(protocol: 'http' | 'https', host: string, port: number): string {
  return new URL(`${protocol}://${host.includes(':') ? `[${host}]` : host}:${port}`).origin
}

export type AddressNotice =
  /** Nothing to hand out: the console falls back to its own address. */
  | { kind: 'none' }
  /** The address handed out names the machine that opens it: a tablet would reach itself. */
  | { kind: 'loopback'; url: string }
  /** The console is open at another host than the one handed out: fine, but worth knowing. */
  | { kind: 'other-host'; url: string; page: string }

/** What the console should say about the address it hands out, seen from the page it is open on. */
export function addressNotices(address: Pick<PublicAddress, 'url'>, pageOrigin: string): AddressNotice[] {
  if (!address.url) return [{ kind: 'none' }]
  const notices: AddressNotice[] = []
  const handed = new URL(address.url)
  if (isLoopbackHost(handed.hostname)) notices.push({ kind: 'loopback', url: address.url })
  const page = new URL(pageOrigin)
  if (page.host !== handed.host) notices.push({ kind: 'other-host', url: address.url, page: page.origin })
  return notices
}

/** The address to build links from: the one handed out, else (none found) the page's own. */
export const linkOrigin = (address: Pick<PublicAddress, 'url'> | null, pageOrigin: string): string => address?.url ?? pageOrigin

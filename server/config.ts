import { parsePublicUrl } from '../shared/access/public-address'

// Configuration from the environment, read once at start-up.
export interface Config {
  port: number
  host: string
  databaseUrl: string | undefined
  dataDir: string
  /** Behind a reverse proxy: trust its X-Forwarded-For, so limits and the audit see each device's address. */
  trustProxy: boolean | string
  /** PUBLIC_URL: the address handed to the hall's devices (an origin), instead of the one detected. */
  publicUrl: string | undefined
  /** MEETING_CACHE_SIZE: how many meetings' states the server keeps in memory (the least recently used go first). */
  maxCachedMeetings: number | undefined
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  let publicUrl: string | undefined
  if (env.PUBLIC_URL?.trim()) {
    const parsed = parsePublicUrl(env.PUBLIC_URL)
    if (!parsed.ok) throw new Error(parsed.message)
    publicUrl = parsed.url
  }
  const port = Number(env.PORT ?? 3000)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT không hợp lệ: ${env.PORT}`)
  const cacheSize = env.MEETING_CACHE_SIZE ? Number(env.MEETING_CACHE_SIZE) : undefined
  if (cacheSize !== undefined && (!Number.isInteger(cacheSize) || cacheSize < 1)) throw new Error(`MEETING_CACHE_SIZE không hợp lệ: ${env.MEETING_CACHE_SIZE}`)
  return {
    port,
    // 0.0.0.0 so the chair's tablet and the hall's projector on the office network can reach it.
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.DATA_DIR ?? './data',
    // "true", or the proxy's address(es) ("127.0.0.1", "10.0.0.0/8"): Fastify's trustProxy.
    trustProxy: env.TRUST_PROXY === 'true' ? true : env.TRUST_PROXY || false,
    publicUrl,
    maxCachedMeetings: cacheSize,
  }
}

// Configuration from the environment, read once at start-up.
export interface Config {
  port: number
  host: string
  databaseUrl: string | undefined
  dataDir: string
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT không hợp lệ: ${env.PORT}`)
  return {
    port,
    // 0.0.0.0 so the chair's tablet and the hall's projector on the office network can reach it.
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.DATA_DIR ?? './data',
  }
}

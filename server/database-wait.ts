import { setTimeout as sleep } from 'node:timers/promises'
import { isDatabaseUnavailable } from '../db/errors'

export interface DatabaseWaitOptions {
  /** Names the database in the log, without credentials. */
  description: string
  log: (line: string) => void
  /** Aborted on SIGTERM: stop waiting and let the process end. */
  signal?: AbortSignal
  /** The first delay; it doubles up to maxDelayMs. */
  firstDelayMs?: number
  maxDelayMs?: number
}

/**
 * Runs `work` (migrations, first-run set-up) once the database answers. A server started while
 * PostgreSQL is still booting, failing over or briefly down waits and retries with backoff, saying
 * so in the log, instead of exiting; any other error (a failed migration) is not retried.
 */
export async function whenDatabaseAnswers<T>(work: () => Promise<T>, options: DatabaseWaitOptions): Promise<T> {
  const first = options.firstDelayMs ?? 1_000
  const max = options.maxDelayMs ?? 30_000
  for (let attempt = 0; ; attempt++) {
    try {
      return await work()
    } catch (err) {
      if (!isDatabaseUnavailable(err)) throw err
      const delay = Math.min(max, first * 2 ** attempt)
      const reason = err instanceof Error ? ((err as { code?: string }).code ?? err.message) : String(err)
      options.log(`Chưa kết nối được cơ sở dữ liệu ${options.description} (${reason}). Thử lại sau ${Math.round(delay / 100) / 10} giây…`)
      await sleep(delay, undefined, { signal: options.signal })
    }
  }
}

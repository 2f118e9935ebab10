import { performance } from 'node:perf_hooks'

/**
 * Waits until every one of N viewers has received the message with a given key, and notes the
 * moment the last one did. Commands are sent one at a time, so one message is awaited at a time;
 * anything else that arrives is counted as a stray (a duplicate, or a late copy) and reported.
 */
export class Fanout<T> {
  private pending: {
    key: string
    seen: Uint8Array
    remaining: number
    sample: T | null
    resolve: (r: { at: number; sample: T }) => void
    reject: (e: Error) => void
  } | null = null
  private broken: Error | null = null
  duplicates = 0
  strays = 0

  constructor(readonly viewers: number) {}

  expect(key: string, timeoutMs: number): Promise<{ at: number; sample: T }> {
    if (this.broken) return Promise.reject(this.broken)
    if (this.pending) return Promise.reject(new Error('Fanout: one message at a time'))
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        const missing = this.pending?.remaining ?? 0
        this.pending = null
        reject(new Error(`${missing} of ${this.viewers} viewers had not received message ${key} after ${timeoutMs / 1000} s`))
      }, timeoutMs)
      this.pending = {
        key,
        seen: new Uint8Array(this.viewers),
        remaining: this.viewers,
        sample: null,
        resolve: (r) => {
          clearTimeout(timer)
          resolve(r)
        },
        reject: (e) => {
          clearTimeout(timer)
          reject(e)
        },
      }
    })
  }

  /** Called by viewer `viewer` for each message it receives; kept cheap, it runs N times per command. */
  receive(key: string | null, viewer: number, message: T): void {
    const p = this.pending
    if (!p || key !== p.key) {
      this.strays++
      return
    }
    if (p.seen[viewer]) {
      this.duplicates++
      return
    }
    p.seen[viewer] = 1
    p.sample ??= message
    if (--p.remaining === 0) {
      // Read the clock before anything else: this is t1.
      const at = performance.now()
      this.pending = null
      p.resolve({ at, sample: p.sample })
    }
  }

  /** A viewer was lost: nothing awaited can complete any more. */
  fail(err: Error): void {
    this.broken ??= err
    const p = this.pending
    this.pending = null
    p?.reject(err)
  }
}

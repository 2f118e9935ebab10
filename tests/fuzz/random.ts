// A small seeded PRNG, so that `--seed N` replays the same sequence of choices. The server's timing
// and the order in which its answers arrive still differ between runs, so a replay is close, not
// exact: a failure's reproducer in the report is what to rerun by hand.

/** sfc32: fast, 128 bits of state, good enough statistics for choosing inputs. */
function sfc32(a: number, b: number, c: number, d: number): () => number {
  return () => {
    a |= 0
    b |= 0
    c |= 0
    d |= 0
    const t = (((a + b) | 0) + d) | 0
    d = (d + 1) | 0
    a = b ^ (b >>> 9)
    b = (c + (c << 3)) | 0
    c = (c << 21) | (c >>> 11)
    c = (c + t) | 0
    return (t >>> 0) / 4294967296
  }
}

/** Any text seed (the CLI's --seed) becomes the four 32-bit words sfc32 starts from. */
function seedWords(seed: string): [number, number, number, number] {
  let h = 1779033703 ^ seed.length
  const words: number[] = []
  for (let i = 0; i < seed.length; i++) {
    h = Math.imul(h ^ seed.charCodeAt(i), 3432918353)
    h = (h << 13) | (h >>> 19)
  }
  for (let i = 0; i < 4; i++) {
    h = Math.imul(h ^ (h >>> 16), 2246822507)
    h = Math.imul(h ^ (h >>> 13), 3266489909)
    h ^= h >>> 16
    words.push(h >>> 0)
  }
  return words as [number, number, number, number]
}

export class Random {
  private readonly next: () => number

  constructor(readonly seed: string) {
    this.next = sfc32(...seedWords(seed))
    // The first outputs of sfc32 are weakly mixed: discard a few.
    for (let i = 0; i < 12; i++) this.next()
  }

  /** A float in [0, 1). */
  float(): number {
    return this.next()
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1))
  }

  chance(p: number): boolean {
    return this.next() < p
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list')
    return items[Math.floor(this.next() * items.length)] as T
  }

  /** Picks by weight: [[weight, value], …]. */
  weighted<T>(entries: readonly (readonly [number, T])[]): T {
    const total = entries.reduce((sum, [w]) => sum + w, 0)
    let r = this.next() * total
    for (const [w, value] of entries) {
      r -= w
      if (r < 0) return value
    }
    return entries[entries.length - 1]![1]
  }

  /** A random subset, in the original order. */
  subset<T>(items: readonly T[], p = 0.5): T[] {
    return items.filter(() => this.next() < p)
  }

  /** A version-4 UUID from this generator (not crypto: reproducible ids for commands). */
  uuid(): string {
    const hex = (n: number) =>
      Array.from({ length: n }, () =>
        Math.floor(this.next() * 16)
          .toString(16)
          .toLowerCase(),
      ).join('')
    const variant = this.pick(['8', '9', 'a', 'b'])
    return `${hex(8)}-${hex(4)}-4${hex(3)}-${variant}${hex(3)}-${hex(12)}`
  }

  /** A child generator with its own stream, so one surface's choices do not shift another's. */
  fork(label: string): Random {
    return new Random(`${this.seed}/${label}/${Math.floor(this.next() * 2 ** 32)}`)
  }
}

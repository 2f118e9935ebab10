// Serialises work per key inside this process. Commands for one meeting are decided, committed and
// broadcast one at a time, so screens receive events in sequence order. (Across processes the row
// lock in the database does the same job; see meeting-log.ts.)
export class KeyedMutex {
  private tails = new Map<string, Promise<unknown>>()

  run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve()
    const result = previous.then(work, work)
    const tail = result.catch(() => undefined)
    this.tails.set(key, tail)
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key)
    })
    return result
  }
}

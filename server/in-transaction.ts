import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../db/schema'
import type { AppError, Result } from '../shared/errors'

/** Carries a refusal out of Kysely's transaction callback, which commits whatever it returns. */
class Refused {
  constructor(readonly result: { ok: false; error: AppError }) {}
}

/**
 * Runs one change of a service: its writes and its audit row in one transaction. A refusal (a failed
 * Result) rolls back whatever the work had written before it refused, so a refused change leaves
 * nothing, wherever in the work it was decided; an error rolls back too and is rethrown.
 */
export async function inTransaction<T>(db: Kysely<Database>, work: (trx: Transaction<Database>) => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await db.transaction().execute(async (trx) => {
      const result = await work(trx)
      if (!result.ok) throw new Refused(result)
      return result
    })
  } catch (err) {
    if (err instanceof Refused) return err.result
    throw err
  }
}

import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/schema'
import { ok, type Result } from '../../shared/errors'
import { recordBy, type Auditor } from '../auth/audit'
import { inTransaction } from '../in-transaction'

/** What an edit answers: the value for the caller, and how the change reads in the audit trail. */
export type OfficeEdit<T> = Result<{ value: T; detail: string }>

/**
 * One change to the office's own data (directory, calendar, deadline sets, the office's header):
 * its writes and its audit row commit together; a refusal or an error rolls back both.
 */
export async function changeOffice<T>(db: Kysely<Database>, by: Auditor, edit: (trx: Transaction<Database>) => Promise<OfficeEdit<T>>): Promise<Result<T>> {
  const done = await inTransaction(db, async (trx) => {
    const result = await edit(trx)
    if (result.ok) await recordBy(trx, by, 'office-changed', result.data.detail)
    return result
  })
  return done.ok ? ok(done.data.value) : done
}

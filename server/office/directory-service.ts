import { randomUUID } from 'node:crypto'
import type { Kysely, Transaction } from 'kysely'
import { deleteOfficial, deleteUnit, insertOfficial, insertUnit, loadDirectory, unitExists, updateOfficial, updateUnit } from '../../db/repositories/directory'
import type { Database } from '../../db/schema'
import type { Directory, DirectoryOfficial, DirectoryUnit } from '../../shared/directory'
import { fail, ok, type Result } from '../../shared/errors'
import type { Auditor } from '../auth/audit'
import { changeOffice, type OfficeEdit } from './office-changes'
import type { OfficeData } from './office-data'

type UnitInput = { name: string }
type OfficialInput = { name: string; title: string; unitId: string | null }

/**
 * The office's directory of units and officials (who may be assigned to answer). Only an
 * administrator edits it; each edit and its audit row are one transaction, and the decisions' cached
 * copy is dropped after commit. Meetings keep copies of the names they used, so edits never change
 * a record.
 */
export class DirectoryService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly office: OfficeData,
  ) {}

  read(): Promise<Directory> {
    return loadDirectory(this.db)
  }

  addUnit(input: UnitInput, by: Auditor): Promise<Result<DirectoryUnit>> {
    return this.change(by, async (trx) => {
      const unit = { id: randomUUID(), name: input.name }
      await insertUnit(trx, unit)
      return ok({ value: unit, detail: `Thêm đơn vị «${unit.name}»` })
    })
  }

  renameUnit(id: string, input: UnitInput, by: Auditor): Promise<Result<DirectoryUnit>> {
    return this.change(by, async (trx) => {
      const unit = { id, name: input.name }
      if (!(await updateUnit(trx, unit))) return fail('UNIT_NOT_FOUND')
      return ok({ value: unit, detail: `Đổi tên đơn vị thành «${unit.name}»` })
    })
  }

  /** Its officials and unit leads stay, with no unit (the database sets it to null). */
  removeUnit(id: string, by: Auditor): Promise<Result<null>> {
    return this.change(by, async (trx) => {
      const name = await deleteUnit(trx, id)
      if (name === null) return fail('UNIT_NOT_FOUND')
      return ok({ value: null, detail: `Xóa đơn vị «${name}» khỏi danh bạ` })
    })
  }

  addOfficial(input: OfficialInput, by: Auditor): Promise<Result<DirectoryOfficial>> {
    return this.change(by, async (trx) => {
      if (input.unitId && !(await unitExists(trx, input.unitId))) return fail('UNIT_NOT_FOUND')
      const official = { id: randomUUID(), ...input }
      await insertOfficial(trx, official)
      return ok({ value: official, detail: `Thêm cán bộ «${official.name}»` })
    })
  }

  updateOfficial(id: string, input: OfficialInput, by: Auditor): Promise<Result<DirectoryOfficial>> {
    return this.change(by, async (trx) => {
      if (input.unitId && !(await unitExists(trx, input.unitId))) return fail('UNIT_NOT_FOUND')
      const official = { id, ...input }
      if (!(await updateOfficial(trx, official))) return fail('OFFICIAL_NOT_FOUND')
      return ok({ value: official, detail: `Sửa thông tin cán bộ «${official.name}»` })
    })
  }

  removeOfficial(id: string, by: Auditor): Promise<Result<null>> {
    return this.change(by, async (trx) => {
      const name = await deleteOfficial(trx, id)
      if (name === null) return fail('OFFICIAL_NOT_FOUND')
      return ok({ value: null, detail: `Xóa cán bộ «${name}» khỏi danh bạ` })
    })
  }

  private async change<T>(by: Auditor, edit: (trx: Transaction<Database>) => Promise<OfficeEdit<T>>): Promise<Result<T>> {
    const done = await changeOffice(this.db, by, edit)
    if (done.ok) this.office.invalidate()
    return done
  }
}

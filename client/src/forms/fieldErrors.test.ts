import { describe, expect, it } from 'vitest'
import { commandSchemas } from '@shared/meeting/commands'
import { parseWith } from '@shared/validation'
import { splitErrors } from './fieldErrors'

const summary = 'Vui lòng kiểm tra các ô được đánh dấu.'

describe('splitErrors', () => {
  it('puts field errors next to their fields, with a short form-level summary', () => {
    const checked = parseWith(commandSchemas['petition:record'], {
      commandId: '5b1d6a52-5d1f-4c4e-9d0e-0a4f1e0b7c11',
      origin: 'registered',
      title: '   ',
    })
    expect(checked.ok).toBe(false)
    if (checked.ok) return
    const errors = splitErrors(checked.error, ['origin', 'title', 'field'], summary)
    expect(errors.fields).toEqual({ title: 'Không được để trống.' })
    expect(errors.form).toBe(summary)
  })

  it('maps nested paths to the field that shows them', () => {
    const errors = splitErrors(
      { code: 'VALIDATION_FAILED', message: 'x', fields: { 'petitionNos.3': 'Sai kiểu dữ liệu.' } },
      ['name', 'petitionNos'],
      summary,
    )
    expect(errors.fields).toEqual({ petitionNos: 'Sai kiểu dữ liệu.' })
  })

  it('never drops a problem the form has no place for', () => {
    const errors = splitErrors(
      { code: 'VALIDATION_FAILED', message: 'x', fields: { name: 'Không được để trống.', commandId: 'Sai định dạng.' } },
      ['name'],
      summary,
    )
    expect(errors.form).toBe(`${summary} Sai định dạng.`)
  })

  it('uses the server message when no field is involved', () => {
    const errors = splitErrors({ code: 'PETITION_NOT_FOUND', message: 'Không tìm thấy kiến nghị số 7.' }, ['name'], summary)
    expect(errors).toEqual({ form: 'Không tìm thấy kiến nghị số 7.', fields: {} })
  })
})

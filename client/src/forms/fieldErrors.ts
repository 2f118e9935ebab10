import type { AppError } from '@shared/errors'

export type FieldErrors = Partial<Record<string, string>>

export interface FormErrors {
  /** What to show at the top of the form (null when every problem sits next to its field). */
  form: string | null
  fields: FieldErrors
}

export const noErrors = (): FormErrors => ({ form: null, fields: {} })

/**
 * Splits an error into messages next to the form's fields and one for the form itself. Paths are the
 * command's field names ("title", "petitionNos.2"); a path the form does not show, or an error with no
 * fields, goes to the form-level message so nothing is silently dropped.
 */
export function splitErrors(error: AppError, formFields: readonly string[], fieldsSummary: string): FormErrors {
  const fields: FieldErrors = {}
  const unplaced: string[] = []
  for (const [path, message] of Object.entries(error.fields ?? {})) {
    const field = path.split('.')[0] ?? path
    if (formFields.includes(field)) fields[field] ??= message
    else unplaced.push(message)
  }
  const placed = Object.keys(fields).length > 0
  if (!placed) return { form: error.message, fields }
  return { form: unplaced.length ? `${fieldsSummary} ${unplaced.join(' ')}` : fieldsSummary, fields }
}

import { createUserSchema, officeRoleLabels, officeRoles, updateUserSchema, type OfficeRole, type UserAccount } from '@shared/access/accounts'
import type { AppError } from '@shared/errors'
import { parseWith } from '@shared/validation'
import { splitErrors, type FormErrors } from '../../forms/fieldErrors'

// The account form's state and what it sends, kept out of the component so it can be tested.

export interface UserForm {
  username: string
  displayName: string
  roles: OfficeRole[]
  /** '' while no unit is chosen. */
  unitId: string
  active: boolean
}

export const emptyUserForm = (): UserForm => ({ username: '', displayName: '', roles: [], unitId: '', active: true })

export const formFromUser = (user: UserAccount): UserForm => ({
  username: user.username,
  displayName: user.displayName,
  roles: [...user.roles],
  unitId: user.unitId ?? '',
  active: user.active,
})

/** Only a unit lead is tied to a unit: a unit left chosen after unticking the role is not sent. */
const unitOf = (form: UserForm): string | null => (form.roles.includes('unit_lead') && form.unitId ? form.unitId : null)

export const createInput = (form: UserForm) =>
  parseWith(createUserSchema, { username: form.username, displayName: form.displayName, roles: form.roles, unitId: unitOf(form) })

export const updateInput = (form: UserForm) =>
  parseWith(updateUserSchema, { displayName: form.displayName, roles: form.roles, unitId: unitOf(form), active: form.active })

export const userFormFields = ['username', 'displayName', 'roles', 'unitId', 'active'] as const

/** Where a refusal belongs: a taken name under the name, the last administrator above the form. */
export function userFormErrors(error: AppError, summary: string): FormErrors {
  if (error.code === 'USERNAME_TAKEN') return { form: null, fields: { username: error.message } }
  return splitErrors(error, userFormFields, summary)
}

/** "Quản trị hệ thống, Thư ký hội nghị", in the order of the roles' list. */
export const rolesText = (roles: readonly OfficeRole[]): string =>
  officeRoles
    .filter((r) => roles.includes(r))
    .map((r) => officeRoleLabels[r])
    .join(', ')

/** Active accounts first, then by name as Vietnamese sorts it. */
export function sortUsers(users: readonly UserAccount[]): UserAccount[] {
  return [...users].sort((a, b) => Number(b.active) - Number(a.active) || a.displayName.localeCompare(b.displayName, 'vi'))
}

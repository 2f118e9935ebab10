import { describe, expect, it } from 'vitest'
import type { UserAccount } from '@shared/access/accounts'
import { appError } from '@shared/errors'
import { createInput, emptyUserForm, formFromUser, rolesText, sortUsers, updateInput, userFormErrors } from './users'

const unit = '0b9f3c1e-6d2a-4e8b-9c7d-1a2b3c4d5e6f'
const account = (over: Partial<UserAccount>): UserAccount => ({
  id: 'u',
  username: 'lan',
  displayName: 'Lò Thị Lan',
  roles: ['secretary'],
  unitId: null,
  active: true,
  createdAt: '2026-01-01T00:00:00Z',
  lastSignInAt: null,
  passwordSet: false,
  ...over,
})

describe('the account form', () => {
  it('sends the unit only for a unit lead', () => {
    const form = { ...emptyUserForm(), username: ' Lan.Lo ', displayName: 'Lò Thị Lan', roles: ['secretary' as const], unitId: unit }
    expect(createInput(form)).toEqual({ ok: true, data: { username: 'lan.lo', displayName: 'Lò Thị Lan', roles: ['secretary'], unitId: null } })
    const lead = { ...form, roles: ['unit_lead' as const] }
    expect(createInput(lead)).toMatchObject({ ok: true, data: { unitId: unit } })
  })

  it('asks a unit lead for their unit, in Vietnamese, under the field', () => {
    const result = createInput({ ...emptyUserForm(), username: 'lan', displayName: 'Lan', roles: ['unit_lead'] })
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.fields?.unitId).toBe('Lãnh đạo đơn vị cần chọn đơn vị phụ trách.')
  })

  it('keeps the roles in the order of the list and the active switch when editing', () => {
    const form = formFromUser(account({ roles: ['secretary', 'admin'], active: false }))
    expect(updateInput(form)).toEqual({ ok: true, data: { displayName: 'Lò Thị Lan', roles: ['admin', 'secretary'], unitId: null, active: false } })
  })

  it('puts a taken username under its field and the last administrator above the form', () => {
    expect(userFormErrors(appError('USERNAME_TAKEN'), 'x').fields.username).toBe('Tên đăng nhập này đã có người dùng.')
    expect(userFormErrors(appError('LAST_ADMIN'), 'x')).toEqual({ form: 'Phải còn ít nhất một tài khoản quản trị đang hoạt động.', fields: {} })
    expect(userFormErrors(appError('VALIDATION_FAILED', 'm', { displayName: 'Không được để trống.' }), 'Kiểm tra').fields.displayName).toBe(
      'Không được để trống.',
    )
  })
})

describe('the account list', () => {
  it('names the roles in Vietnamese', () => {
    expect(rolesText(['unit_lead', 'admin'])).toBe('Quản trị hệ thống, Lãnh đạo đơn vị')
    expect(rolesText([])).toBe('')
  })

  it('lists active accounts first, by name', () => {
    const users = [account({ id: 'a', displayName: 'Vũ' }), account({ id: 'b', displayName: 'Đào', active: false }), account({ id: 'c', displayName: 'Anh' })]
    expect(sortUsers(users).map((u) => u.id)).toEqual(['c', 'a', 'b'])
  })
})

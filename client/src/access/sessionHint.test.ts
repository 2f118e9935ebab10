import { describe, expect, it } from 'vitest'
import { parseSessionUser } from './sessionHint'

describe('the session hint for a reload during a drop', () => {
  const user = { id: 'u1', username: 'thuky', displayName: 'Lò Thị Thư', roles: ['secretary'], unitId: null }

  it('reads back a signed-in person', () => {
    expect(parseSessionUser(JSON.stringify(user))).toEqual(user)
  })

  it('ignores anything else', () => {
    expect(parseSessionUser(null)).toBeNull()
    expect(parseSessionUser('not json')).toBeNull()
    expect(parseSessionUser(JSON.stringify({ ...user, roles: 'secretary' }))).toBeNull()
    expect(parseSessionUser(JSON.stringify({ ...user, unitId: 3 }))).toBeNull()
    expect(parseSessionUser(JSON.stringify({ username: 'x' }))).toBeNull()
  })
})

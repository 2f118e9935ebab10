import { describe, expect, it } from 'vitest'
import { fragmentValue, pairUrl, safeNext, screenPath, screenUrl, setPasswordUrl, signInPath } from './links'

describe('screen links', () => {
  it("builds a meeting's screen addresses without any secret", () => {
    expect(screenUrl('http://10.0.0.5:3000', 'abc', 'projector')).toBe('http://10.0.0.5:3000/m/abc/projector')
    expect(screenUrl('http://10.0.0.5:3000/', 'abc', 'attendee')).toBe('http://10.0.0.5:3000/m/abc/attendee')
    expect(screenPath('a/b', 'chair')).toBe('/m/a%2Fb/chair')
  })

  it('puts the pairing code and the setup token in the fragment', () => {
    expect(pairUrl('http://10.0.0.5:3000/', '483921')).toBe('http://10.0.0.5:3000/pair#483921')
    expect(setPasswordUrl('http://hn.local', 'tok-1_x')).toBe('http://hn.local/set-password#tok-1_x')
  })

  it('reads the fragment back', () => {
    expect(fragmentValue('#483921')).toBe('483921')
    expect(fragmentValue('#%20abc%2F')).toBe('abc/')
    expect(fragmentValue('')).toBe('')
    expect(fragmentValue('#%E0%A4%A')).toBe('%E0%A4%A')
  })
})

describe('after signing in', () => {
  it('goes back to a page of this site only', () => {
    expect(safeNext('/users?x=1')).toBe('/users?x=1')
    expect(safeNext('//evil.example/')).toBe('/')
    expect(safeNext('/\\evil.example')).toBe('/')
    expect(safeNext('https://evil.example/')).toBe('/')
    expect(safeNext(undefined)).toBe('/')
    expect(safeNext(['/users'])).toBe('/')
    expect(safeNext('/sign-in?next=/users')).toBe('/')
  })

  it('carries the page to come back to', () => {
    expect(signInPath('/m/abc/secretary')).toBe('/sign-in?next=%2Fm%2Fabc%2Fsecretary')
    expect(signInPath('/')).toBe('/sign-in')
    expect(signInPath()).toBe('/sign-in')
  })
})

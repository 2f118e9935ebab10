import { describe, expect, it } from 'vitest'
import { screenPath, screenUrl } from './links'

describe('screen links', () => {
  it('builds the projector link without a key and the chair link with one', () => {
    expect(screenUrl('http://10.0.0.5:3000', 'abc', 'projector')).toBe('http://10.0.0.5:3000/m/abc/projector')
    expect(screenUrl('http://10.0.0.5:3000/', 'abc', 'chair', 'k+y/=')).toBe('http://10.0.0.5:3000/m/abc/chair?key=k%2By%2F%3D')
    expect(screenPath('abc', 'chair', null)).toBe('/m/abc/chair')
  })
})

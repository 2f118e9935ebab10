import { describe, expect, it } from 'vitest'
import { readConfig } from './config'

describe('reading the settings', () => {
  it('has no PUBLIC_URL unless the office sets one (the address is then detected)', () => {
    expect(readConfig({}).publicUrl).toBeUndefined()
    expect(readConfig({ PUBLIC_URL: '  ' }).publicUrl).toBeUndefined()
  })

  it('keeps PUBLIC_URL as an origin', () => {
    expect(readConfig({ PUBLIC_URL: 'http://192.168.1.20:3000/' }).publicUrl).toBe('http://192.168.1.20:3000')
    expect(readConfig({ PUBLIC_URL: 'https://hoinghi.example.vn' }).publicUrl).toBe('https://hoinghi.example.vn')
  })

  it('stops start-up with a message naming the setting when PUBLIC_URL is not an http(s) origin', () => {
    expect(() => readConfig({ PUBLIC_URL: 'http://192.168.1.20:3000/pair' })).toThrow(/^PUBLIC_URL không hợp lệ: «http:\/\/192\.168\.1\.20:3000\/pair»\. Chỉ ghi giao thức, máy và cổng/)
    expect(() => readConfig({ PUBLIC_URL: '192.168.1.20:3000' })).toThrow(/PUBLIC_URL không hợp lệ.*http:\/\/ hoặc https:\/\//)
    expect(() => readConfig({ PUBLIC_URL: 'ftp://192.168.1.20' })).toThrow(/PUBLIC_URL không hợp lệ/)
  })

  it('still refuses a bad PORT', () => {
    expect(() => readConfig({ PORT: 'abc' })).toThrow(/PORT không hợp lệ/)
  })
})

import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
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

describe('starting with a mistyped PUBLIC_URL', () => {
  it('stops at once with the setting named and an example, before touching any data', async () => {
    const dataDir = path.join(os.tmpdir(), `hnd-config-${process.pid}-${Date.now()}`)
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: { ...process.env, PUBLIC_URL: 'http://192.168.1.20:3000/hoi-nghi', PORT: '0', DATA_DIR: dataDir, DATABASE_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    for (const stream of [child.stdout, child.stderr]) stream.on('data', (chunk) => (output += String(chunk)))
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve))
    expect(code).toBe(1)
    expect(output.trim()).toBe(
      'Không khởi động được máy chủ: PUBLIC_URL không hợp lệ: «http://192.168.1.20:3000/hoi-nghi». Chỉ ghi giao thức, máy và cổng, không có đường dẫn (/…), tham số (?…) hay (#…). Ví dụ: PUBLIC_URL=http://192.168.1.20:3000',
    )
    expect(fs.existsSync(dataDir)).toBe(false)
  })
})

import { describe, expect, it } from 'vitest'
import { addressNotices, chooseLanAddress, isLoopbackHost, isPrivateIPv4, linkOrigin, parsePublicUrl, type NetworkInterfaceMap } from './public-address'

const loopback = [
  { address: '127.0.0.1', family: 'IPv4', internal: true },
  { address: '::1', family: 'IPv6', internal: true },
]

describe('the office-network address the server hands out', () => {
  it('prefers a private-range IPv4 over a public one, whatever the order of the interfaces', () => {
    const interfaces: NetworkInterfaceMap = {
      lo: loopback,
      eth0: [{ address: '203.0.113.7', family: 'IPv4', internal: false }],
      wlan0: [
        { address: 'fe80::1', family: 'IPv6', internal: false },
        { address: '192.168.1.20', family: 'IPv4', internal: false },
      ],
    }
    expect(chooseLanAddress(interfaces)).toBe('192.168.1.20')
  })

  it('knows the three private ranges and nothing beside them', () => {
    for (const a of ['10.0.0.5', '172.16.0.1', '172.31.255.254', '192.168.0.10']) expect(isPrivateIPv4(a), a).toBe(true)
    for (const a of ['172.15.0.1', '172.32.0.1', '192.169.0.1', '11.0.0.1', '8.8.8.8', '10.0.0.256', 'not-an-ip']) expect(isPrivateIPv4(a), a).toBe(false)
  })

  it('takes the first non-internal IPv4 when none is private, a self-assigned 169.254 one only as a last resort', () => {
    expect(chooseLanAddress({ lo: loopback, a: [{ address: '169.254.3.4', family: 'IPv4', internal: false }], b: [{ address: '192.0.2.2', family: 'IPv4', internal: false }] })).toBe('192.0.2.2')
    expect(chooseLanAddress({ lo: loopback, a: [{ address: '169.254.3.4', family: 'IPv4', internal: false }] })).toBe('169.254.3.4')
  })

  it('finds nothing on a machine with only its loopback, IPv6, or no interfaces at all', () => {
    expect(chooseLanAddress({ lo: loopback })).toBeNull()
    expect(chooseLanAddress({ lo: loopback, eth0: [{ address: 'fd00::2', family: 'IPv6', internal: false }] })).toBeNull()
    expect(chooseLanAddress({})).toBeNull()
    expect(chooseLanAddress({ eth0: undefined })).toBeNull()
  })

  it('reads the numeric family some Node releases report', () => {
    expect(chooseLanAddress({ eth0: [{ address: '10.1.2.3', family: 4, internal: false }] })).toBe('10.1.2.3')
  })
})

describe('PUBLIC_URL', () => {
  it('accepts an http(s) origin, with or without a trailing slash, and returns it without one', () => {
    expect(parsePublicUrl('http://192.168.1.20:3000')).toEqual({ ok: true, url: 'http://192.168.1.20:3000' })
    expect(parsePublicUrl(' https://hoinghi.xa-an-binh.gov.vn/ ')).toEqual({ ok: true, url: 'https://hoinghi.xa-an-binh.gov.vn' })
    expect(parsePublicUrl('HTTP://HoiNghi.local:80')).toEqual({ ok: true, url: 'http://hoinghi.local' })
  })

  it('refuses a path, a query, a fragment, credentials, another scheme or no scheme, saying what to write', () => {
    for (const raw of ['http://192.168.1.20:3000/hoi-nghi', 'http://192.168.1.20:3000/?a=1', 'http://192.168.1.20:3000?', 'http://h/#x', 'http://u:p@192.168.1.20', 'ftp://192.168.1.20', '192.168.1.20:3000', 'localhost', '']) {
      const parsed = parsePublicUrl(raw)
      expect(parsed.ok, raw).toBe(false)
      if (!parsed.ok) expect(parsed.message).toMatch(/^PUBLIC_URL không hợp lệ: .*Ví dụ: PUBLIC_URL=http:\/\/192\.168\.1\.20:3000$/)
    }
  })
})

describe('what the console says about the address it hands out', () => {
  it('says nothing when the console is open at the address it hands out', () => {
    expect(addressNotices({ url: 'http://192.168.1.20:3000' }, 'http://192.168.1.20:3000')).toEqual([])
  })

  it('informs when the console is open at another host (the secretary on the server itself)', () => {
    expect(addressNotices({ url: 'http://192.168.1.20:3000' }, 'http://localhost:3000')).toEqual([{ kind: 'other-host', url: 'http://192.168.1.20:3000', page: 'http://localhost:3000' }])
  })

  it('warns when the address handed out names the device that opens it, or when there is none', () => {
    expect(addressNotices({ url: 'http://localhost:3000' }, 'http://localhost:3000')).toEqual([{ kind: 'loopback', url: 'http://localhost:3000' }])
    expect(addressNotices({ url: 'http://127.0.0.1:3000' }, 'http://localhost:3000').map((n) => n.kind)).toEqual(['loopback', 'other-host'])
    expect(addressNotices({ url: null }, 'http://localhost:3000')).toEqual([{ kind: 'none' }])
  })

  it('tells loopback names from office ones', () => {
    for (const h of ['localhost', 'LOCALHOST', 'app.localhost', '127.0.0.1', '127.1.2.3', '[::1]', '::1', '0.0.0.0']) expect(isLoopbackHost(h), h).toBe(true)
    for (const h of ['192.168.1.20', 'hoinghi.local', 'localhost.example.vn', '10.0.0.1']) expect(isLoopbackHost(h), h).toBe(false)
  })

  it('builds links from the address handed out, from the page only when there is none', () => {
    expect(linkOrigin({ url: 'http://192.168.1.20:3000' }, 'http://localhost:3000')).toBe('http://192.168.1.20:3000')
    expect(linkOrigin({ url: null }, 'http://localhost:3000')).toBe('http://localhost:3000')
    expect(linkOrigin(null, 'http://localhost:3000')).toBe('http://localhost:3000')
  })
})

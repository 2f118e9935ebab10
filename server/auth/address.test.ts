import type { IncomingMessage } from 'node:http'
import { describe, expect, it } from 'vitest'
import { addressResolver } from './address'

const request = (remoteAddress: string, forwardedFor?: string) =>
  ({ socket: { remoteAddress }, connection: { remoteAddress }, headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {} }) as unknown as IncomingMessage

describe("a socket's address for the audit trail", () => {
  it('is the connection’s own unless a trusted proxy says otherwise', () => {
    expect(addressResolver(false)(request('10.0.0.7', '1.2.3.4'))).toBe('10.0.0.7')
    expect(addressResolver('127.0.0.1')(request('127.0.0.1', '10.0.0.21'))).toBe('10.0.0.21')
    // A header from a machine that is not the trusted proxy is ignored: anyone can send one.
    expect(addressResolver('127.0.0.1')(request('10.0.0.9', '10.0.0.21'))).toBe('10.0.0.9')
    expect(addressResolver(true)(request('127.0.0.1', '10.0.0.22, 127.0.0.1'))).toBe('10.0.0.22')
  })
})

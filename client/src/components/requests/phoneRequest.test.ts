import { describe, expect, it } from 'vitest'
import { commandSchemas } from '@shared/meeting/commands'
import { newPhoneRequest, parsePhoneRequest } from './phoneRequest'

describe("a phone's own request to speak", () => {
  it('is named by a fresh id and a secret the server accepts, different every time', () => {
    const a = newPhoneRequest(false)
    const b = newPhoneRequest(true)
    expect(a.requestId).not.toBe(b.requestId)
    expect(a.secret).not.toBe(b.secret)
    expect(b.confidential).toBe(true)
    for (const r of [a, b]) {
      const parsed = commandSchemas['speak-request:withdraw'].safeParse({ commandId: crypto.randomUUID(), requestId: r.requestId, secret: r.secret })
      expect(parsed.success).toBe(true)
    }
  })

  it('is read back from storage as it was written, and anything else stored there is ignored', () => {
    const r = newPhoneRequest(true)
    expect(parsePhoneRequest(JSON.stringify(r))).toEqual(r)
    expect(parsePhoneRequest(null)).toBeNull()
    expect(parsePhoneRequest('{not json')).toBeNull()
    expect(parsePhoneRequest(JSON.stringify({ requestId: 'x' }))).toBeNull()
    expect(parsePhoneRequest(JSON.stringify({ requestId: r.requestId, secret: r.secret }))).toEqual({ ...r, confidential: false })
  })
})

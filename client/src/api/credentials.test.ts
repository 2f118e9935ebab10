import { describe, expect, it } from 'vitest'
import { credentialsFor, meetingOfPath, type CredentialInput } from './credentials'

const tokens: Record<string, string> = { 'm-1': 'tok-1' }
const base: CredentialInput = {
  method: 'GET',
  path: '/api/meetings',
  csrfToken: 'csrf',
  signedIn: true,
  deviceScreen: null,
  deviceTokenFor: (id) => tokens[id] ?? null,
}
const creds = (over: Partial<CredentialInput>) => credentialsFor({ ...base, ...over })

describe('request credentials', () => {
  it('sends the CSRF token with every unsafe method, never with a read', () => {
    for (const method of ['POST', 'put', 'PATCH', 'DELETE']) expect(creds({ method }).headers['x-csrf-token']).toBe('csrf')
    expect(creds({ method: 'GET' }).headers).toEqual({})
    expect(creds({ method: 'POST', csrfToken: null }).headers).toEqual({})
  })

  it("sends a paired meeting's device token when nobody is signed in", () => {
    const sent = creds({ signedIn: false, csrfToken: null, path: '/api/meetings/m-1/documents/minutes' })
    expect(sent.headers).toEqual({ authorization: 'Bearer tok-1' })
    expect(sent.deviceMeetingId).toBe('m-1')
    expect(creds({ signedIn: false, path: '/api/meetings/m-2/state' }).headers).toEqual({})
    expect(creds({ signedIn: false, path: '/api/meetings' }).headers).toEqual({})
  })

  it("lets a signed-in person's session speak, except on the device's own screen", () => {
    expect(creds({ method: 'POST', path: '/api/meetings/m-1/pairings' }).headers).toEqual({ 'x-csrf-token': 'csrf' })
    expect(creds({ deviceScreen: 'm-1', path: '/api/meetings/m-1/state' }).headers.authorization).toBe('Bearer tok-1')
  })

  it('reads office data as the device from a device screen only', () => {
    expect(creds({ signedIn: false, deviceScreen: 'm-1', path: '/api/directory' }).headers.authorization).toBe('Bearer tok-1')
    expect(creds({ signedIn: false, deviceScreen: 'm-1', path: '/api/office/deadlines' }).headers.authorization).toBe('Bearer tok-1')
    expect(creds({ signedIn: false, deviceScreen: 'm-1', path: '/api/calendar' }).headers.authorization).toBe('Bearer tok-1')
    expect(creds({ signedIn: false, deviceScreen: null, path: '/api/directory' }).headers).toEqual({})
    expect(creds({ signedIn: false, deviceScreen: 'm-1', path: '/api/directoryx' }).headers).toEqual({})
    expect(creds({ signedIn: false, deviceScreen: 'm-1', method: 'PUT', path: '/api/office', csrfToken: null }).headers).toEqual({})
  })

  it('finds the meeting a path is about', () => {
    expect(meetingOfPath('/api/meetings/m-1/state')).toBe('m-1')
    expect(meetingOfPath('/api/meetings/a%2Fb/state')).toBe('a/b')
    expect(meetingOfPath('/api/meetings/m-1')).toBeNull()
    expect(meetingOfPath('/api/meetings/%E0%A4%A/state')).toBeNull()
    expect(meetingOfPath('/api/follow-ups')).toBeNull()
  })
})

import type { PairableRole, PairedDevice } from '@shared/access/accounts'
import type { Ack } from '@shared/errors'
import { request, requestNoContent } from './http'

// Pairing the hall's devices (server/routes/devices): the console asks for a code and manages the
// paired devices; the device itself trades the code for its token.
const devicesBase = (meetingId: string) => `/api/meetings/${encodeURIComponent(meetingId)}`

export interface PairingCode {
  /** Six digits, typed on the device. */
  code: string
  /** The QR code's own long secret: scanning it pairs even while typed codes are paused. */
  link: string
  role: PairableRole
  expiresAt: string
}

export const createPairingCode = (meetingId: string, role: PairableRole): Promise<Ack<PairingCode>> =>
  request(`${devicesBase(meetingId)}/pairings`, { method: 'POST', body: JSON.stringify({ role }) })

export const listDevices = (meetingId: string): Promise<Ack<{ devices: PairedDevice[] }>> => request(`${devicesBase(meetingId)}/devices`)

export const revokeDevice = (meetingId: string, deviceId: string): Promise<Ack<null>> =>
  requestNoContent(`${devicesBase(meetingId)}/devices/${encodeURIComponent(deviceId)}`, { method: 'DELETE' })

export const pairDevice = (code: string, label: string): Promise<Ack<{ token: string; device: PairedDevice }>> =>
  request('/api/pair', { method: 'POST', body: JSON.stringify(label ? { code, label } : { code }) })

import type { Ack } from '@shared/errors'
import type { PublicAddress } from '@shared/access/public-address'
import { request } from './http'

// The address the QR codes and handed-out links name: PUBLIC_URL or the office-network address.
export const getPublicAddress = (): Promise<Ack<PublicAddress>> => request('/api/public-address')

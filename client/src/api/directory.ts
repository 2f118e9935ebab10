import type { Ack } from '@shared/errors'
import type { Directory, DirectoryOfficial, DirectoryUnit, OfficialInput, UnitInput } from '@shared/directory'
import { request, requestNoContent } from './http'

// The office's directory of units and officials (the answerers the chair may assign).
export const getDirectory = (): Promise<Ack<Directory>> => request('/api/directory')

export const createUnit = (input: UnitInput): Promise<Ack<DirectoryUnit>> =>
  request('/api/directory/units', { method: 'POST', body: JSON.stringify(input) })

export const updateUnit = (id: string, input: UnitInput): Promise<Ack<DirectoryUnit>> =>
  request(`/api/directory/units/${encodeURIComponent(id)}`, { method: 'PUT', body: JSON.stringify(input) })

export const deleteUnit = (id: string): Promise<Ack<null>> => requestNoContent(`/api/directory/units/${encodeURIComponent(id)}`, { method: 'DELETE' })

export const createOfficial = (input: OfficialInput): Promise<Ack<DirectoryOfficial>> =>
  request('/api/directory/officials', { method: 'POST', body: JSON.stringify(input) })

export const updateOfficial = (id: string, input: OfficialInput): Promise<Ack<DirectoryOfficial>> =>
  request(`/api/directory/officials/${encodeURIComponent(id)}`, { method: 'PUT', body: JSON.stringify(input) })

export const deleteOfficial = (id: string): Promise<Ack<null>> => requestNoContent(`/api/directory/officials/${encodeURIComponent(id)}`, { method: 'DELETE' })

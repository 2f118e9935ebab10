import type { Ack } from '@shared/errors'
import { request } from './http'
import type { FollowUpRow } from '../components/followup/followup'

// Follow-up of the answers assigned in the room (server/routes/follow-up).
const meetingBase = (meetingId: string) => `/api/meetings/${encodeURIComponent(meetingId)}/follow-ups`

export const getMeetingFollowUps = (meetingId: string): Promise<Ack<{ items: FollowUpRow[] }>> => request(meetingBase(meetingId))

export const getAllFollowUps = (): Promise<Ack<{ items: FollowUpRow[] }>> => request('/api/follow-ups')

export const extendFollowUp = (meetingId: string, petitionNo: number, reason: string): Promise<Ack<FollowUpRow>> =>
  request(`${meetingBase(meetingId)}/${petitionNo}/extend`, { method: 'POST', body: JSON.stringify({ reason }) })

export interface ResultInput {
  text: string
  date: string
  petitionerAnswered: boolean
  note?: string
}

export const recordFollowUpResult = (meetingId: string, petitionNo: number, input: ResultInput): Promise<Ack<FollowUpRow>> =>
  request(`${meetingBase(meetingId)}/${petitionNo}/result`, { method: 'POST', body: JSON.stringify(input) })

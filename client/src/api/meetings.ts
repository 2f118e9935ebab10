import type { Ack } from '@shared/errors'
import type { CreateMeetingInput } from '@shared/meeting/commands'
import { request } from './http'

export interface MeetingSummary {
  meetingId: string
  title: string
  venue: string
  createdAt: string
}

export const listMeetings = (): Promise<Ack<{ meetings: MeetingSummary[] }>> => request('/api/meetings')

export const getMeeting = (meetingId: string): Promise<Ack<MeetingSummary>> =>
  request(`/api/meetings/${encodeURIComponent(meetingId)}`)

export const createMeeting = (input: CreateMeetingInput): Promise<Ack<MeetingSummary>> =>
  request('/api/meetings', { method: 'POST', body: JSON.stringify(input) })

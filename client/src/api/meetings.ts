import type { Ack } from '@shared/errors'
import type { CreateMeetingInput } from '@shared/meeting/commands'
import type { MeetingPhase } from '@shared/meeting/model'
import { request } from './http'

export interface MeetingSummary {
  meetingId: string
  title: string
  venue: string
  createdAt: string
}

/** A meeting in the home list: its date ('' when not set) and phase tell same-titled meetings apart. */
export interface MeetingListEntry extends MeetingSummary {
  meetingDate: string
  phase: MeetingPhase
}

export const listMeetings = (): Promise<Ack<{ meetings: MeetingListEntry[] }>> => request('/api/meetings')

export const getMeeting = (meetingId: string): Promise<Ack<MeetingSummary>> =>
  request(`/api/meetings/${encodeURIComponent(meetingId)}`)

export const createMeeting = (input: CreateMeetingInput): Promise<Ack<MeetingSummary>> =>
  request('/api/meetings', { method: 'POST', body: JSON.stringify(input) })

import type { Ack } from '@shared/errors'
import { request } from './http'
import type { MeetingSummary } from './meetings'

/** Creates a sample meeting filled with petitions, speakers and a directory to try the screens with. */
export const createDemoMeeting = (): Promise<Ack<MeetingSummary>> => request('/api/demo', { method: 'POST', body: '{}' })

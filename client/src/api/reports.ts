import type { Ack } from '@shared/errors'
import type { ResultsReport } from '@shared/report'
import { request } from './http'
import type { Period } from '../components/report/period'

// The results report's figures and its document (server/routes/reports).
export const getResultsReport = (p: Period): Promise<Ack<ResultsReport>> =>
  request(`/api/reports/results?${new URLSearchParams({ from: p.from, to: p.to }).toString()}`)


import type { Ack } from '@shared/errors'
import type { ResultsReport } from '@shared/report'
import { request } from '../../api/http'
import type { Period } from './period'

// The results report's figures and its document (server/routes/reports).
export const getResultsReport = (p: Period): Promise<Ack<ResultsReport>> =>
  request(`/api/reports/results?${new URLSearchParams({ from: p.from, to: p.to }).toString()}`)

export function reportFileUrl(p: Period, format: 'docx' | 'print', signer: string, position: string): string {
  const query = new URLSearchParams({ from: p.from, to: p.to, signer: signer.trim(), position: position.trim() })
  return `/api/reports/results/document/${format}?${query.toString()}`
}

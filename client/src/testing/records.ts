import type { Petition, Speaker } from '@shared/meeting/model'

// A petition and a speaker as the folded state holds them, for the unit tests of display helpers
// that need one or two records and no meeting: a plain registered petition waiting, a speaker
// waiting, each changed by `patch`.

export function petitionRecord(no: number, patch: Partial<Petition> = {}): Petition {
  return {
    no,
    origin: 'registered',
    field: '',
    title: `Kiến nghị ${no}`,
    content: '',
    petitionerName: null,
    petitionerAddress: null,
    representing: 0,
    confidential: false,
    showName: false,
    status: 'waiting',
    answerer: null,
    answer: null,
    writtenAnswer: null,
    forwardedTo: '',
    mergedInto: null,
    conclusion: '',
    setAsideReason: '',
    preparedAnswers: [],
    recordedAt: '2026-06-20T08:00:00.000Z',
    ...patch,
  }
}

export function speakerRecord(no: number, patch: Partial<Speaker> = {}): Speaker {
  return {
    no,
    name: `Người ${no}`,
    unit: 'Bản Mòng',
    petitionNos: [],
    showName: true,
    status: 'waiting',
    registeredAt: '2026-06-20T08:00:00.000Z',
    calledAt: null,
    finishedAt: null,
    speech: null,
    summary: '',
    againOf: null,
    ...patch,
  }
}

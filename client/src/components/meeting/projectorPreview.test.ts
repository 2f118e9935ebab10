import { describe, expect, it } from 'vitest'
import { emptyMeetingState, type MeetingState, type Petition, type Speaker } from '@shared/meeting/model'
import { nextPhase, phaseSteps, projectorPreview } from './projectorPreview'

const speaker = (no: number, patch: Partial<Speaker> = {}): Speaker => ({
  no,
  name: `Người ${no}`,
  unit: 'Bản Mòng',
  petitionNos: [],
  showName: true,
  status: 'waiting',
  registeredAt: '',
  calledAt: null,
  finishedAt: null,
  speech: null,
  summary: '',
  againOf: null,
  ...patch,
})

function state(patch: Partial<MeetingState>): MeetingState {
  return { ...emptyMeetingState('m'), ...patch }
}

describe('projectorPreview', () => {
  it('names the speaker as the hall sees them, and the petition under discussion', () => {
    const petition = { no: 2, title: 'Tố cáo sai phạm', field: 'Đất đai', confidential: true } as Petition
    const s = state({ speakers: [speaker(1, { petitionNos: [2], status: 'speaking' })], currentSpeakerNo: 1, petitions: [petition], currentPetitionNo: 2 })
    expect(projectorPreview(s)).toBe('Diễn biến trực tiếp — Đại biểu số 1 phát biểu — KN 2: Kiến nghị số 2 (bảo mật, lĩnh vực Đất đai)')
    const open = { ...petition, title: 'Sửa đường', confidential: false }
    expect(projectorPreview({ ...s, petitions: [open] })).toBe('Diễn biến trực tiếp — Người 1 phát biểu — KN 2: Sửa đường')
    expect(projectorPreview(state({}))).toBe('Diễn biến trực tiếp')
  })

  it('quotes the announcement and counts lists', () => {
    expect(projectorPreview(state({ projector: { mode: 'announcement', announcement: 'Nghỉ giải lao 10 phút', screens: [] } }))).toBe(
      'Thông báo: «Nghỉ giải lao 10 phút»',
    )
    expect(projectorPreview(state({ projector: { mode: 'programme', announcement: '', screens: [] } }))).toBe('Chương trình hội nghị (5 mục)')
    expect(projectorPreview(state({ projector: { mode: 'blank', announcement: '', screens: [] } }))).toBe('Màn hình chờ (logo)')
  })
})

describe('projectorPreview of one screen among several', () => {
  const side = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb'
  it('describes a projector’s own view, and the meeting-wide one for a projector that follows it', () => {
    const s = state({ projector: { mode: 'programme', announcement: '', screens: [{ deviceId: side, label: 'Màn hình phụ', mode: 'blank' }] } })
    expect(projectorPreview(s, side)).toBe('Màn hình chờ (logo)')
    expect(projectorPreview(s, 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa')).toBe('Chương trình hội nghị (5 mục)')
    expect(projectorPreview(s)).toBe('Chương trình hội nghị (5 mục)')
  })

  it('follows the phase as the projector does: the conclusions, then the closing figures', () => {
    const conclusion = state({ phase: 'conclusion', closingConclusion: 'Hội nghị diễn ra dân chủ.' })
    expect(projectorPreview(conclusion)).toBe('Kết luận của chủ trì hội nghị: «Hội nghị diễn ra dân chủ.»')
    const closed = state({ phase: 'closed', speakers: [speaker(1, { status: 'finished' })] })
    expect(projectorPreview(closed)).toBe('Hội nghị đã bế mạc — 0 kiến nghị, 1 đại biểu đã phát biểu')
  })
})

describe('phases', () => {
  it('marks done, current and later steps, and knows the next one', () => {
    expect(phaseSteps('dialogue').map((s) => s.state)).toEqual(['done', 'done', 'current', 'todo', 'todo'])
    expect(nextPhase('opening')).toBe('report')
    expect(nextPhase('closed')).toBeNull()
  })
})

import { describe, expect, it } from 'vitest'
import { auditSubject, subjectNumbers } from './audit-subject'
import { emptyMeetingState, type MeetingState, type Petition, type Speaker } from './model'

const petition = (no: number, over: Partial<Petition> = {}): Petition =>
  ({ no, origin: 'registered', field: 'Đất đai', title: `Kiến nghị ${no}`, content: '', petitionerName: 'Cầm Văn Công', petitionerAddress: 'Bản Mòng', representing: 0, confidential: false, showName: false, status: 'pending', preparedAnswers: [], ...over }) as unknown as Petition
const speaker = (no: number, petitionNos: number[], name = `Người ${no}`): Speaker =>
  ({ no, name, unit: 'Bản Mòng', petitionNos, showName: false, status: 'waiting', registeredAt: '2026-06-20T08:00:00Z', calledAt: null, againOf: null, summary: '' }) as unknown as Speaker

function state(): MeetingState {
  return {
    ...emptyMeetingState('m'),
    petitions: [petition(1), petition(2, { field: 'Tổ chức cán bộ', title: 'Tố cáo cán bộ thôn', petitionerName: 'Quàng Thị Kín', confidential: true })],
    speakers: [speaker(1, [1]), speaker(2, [2], 'Quàng Thị Kín')],
  }
}

describe('what a meeting audit entry concerns', () => {
  it('reads the petition or speaker number, whole or as a number, from any payload', () => {
    expect(subjectNumbers({ petitionNo: 3 })).toEqual({ petitionNo: 3, speakerNo: null })
    expect(subjectNumbers({ petition: { no: 4 } })).toEqual({ petitionNo: 4, speakerNo: null })
    expect(subjectNumbers({ speaker: { no: 5 } })).toEqual({ petitionNo: null, speakerNo: 5 })
    expect(subjectNumbers({ requestId: 'r', speakerNo: 6 })).toEqual({ petitionNo: null, speakerNo: 6 })
    for (const odd of [null, undefined, 'x', 7, { petitionNo: '1' }, { speaker: null }]) expect(subjectNumbers(odd)).toEqual({ petitionNo: null, speakerNo: null })
  })

  it('names a petition by its title and a speaker by name', () => {
    expect(auditSubject({ petitionNo: 1 }, state(), false)).toEqual({ petition: { no: 1, title: 'Kiến nghị 1', withheld: false } })
    expect(auditSubject({ speakerNo: 1 }, state(), false)).toEqual({ speaker: { no: 1, name: 'Người 1' } })
  })

  it('names a confidential petition by number and field, and its speaker by number only, unless the reader may know', () => {
    expect(auditSubject({ petitionNo: 2 }, state(), false)).toEqual({ petition: { no: 2, title: 'Kiến nghị số 2 (bảo mật, lĩnh vực Tổ chức cán bộ)', withheld: true } })
    expect(auditSubject({ speakerNo: 2 }, state(), false)).toEqual({ speaker: { no: 2, name: null } })
    expect(auditSubject({ petitionNo: 2 }, state(), true)?.petition?.title).toBe('Tố cáo cán bộ thôn')
    expect(auditSubject({ speakerNo: 2 }, state(), true)?.speaker?.name).toBe('Quàng Thị Kín')
  })

  it('hides what an earlier entry named once the petition is made confidential: the latest state decides', () => {
    const later = state()
    later.petitions[0] = { ...later.petitions[0]!, confidential: true }
    expect(auditSubject({ petition: petition(1) }, later, false)).toEqual({ petition: { no: 1, title: 'Kiến nghị số 1 (bảo mật, lĩnh vực Đất đai)', withheld: true } })
    expect(auditSubject({ speaker: speaker(1, [1]) }, later, false)).toEqual({ speaker: { no: 1, name: null } })
  })

  it('says nothing for an event about neither, or about one no longer in the state', () => {
    expect(auditSubject({ phase: 'dialogue' }, state(), false)).toBeNull()
    expect(auditSubject({ petitionNo: 99 }, state(), false)).toBeNull()
  })
})

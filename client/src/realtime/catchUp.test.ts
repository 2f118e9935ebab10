import { describe, expect, it } from 'vitest'
import type { MeetingEvent } from '@shared/meeting/events'
import { emptyMeetingState, type MeetingState } from '@shared/meeting/model'
import { fold } from '@shared/meeting/evolve'
import { applyBatch, applySync, hasGap } from './catchUp'

const meetingId = '5b1d6a52-5d1f-4c4e-9d0e-0a4f1e0b7c11'
const at = '2025-12-20T08:00:00.000Z'

function envelope(seq: number) {
  return { meetingId, seq, at, commandId: null, actorRole: null }
}

const created = (seq: number): MeetingEvent => ({
  ...envelope(seq),
  type: 'meeting.created',
  payload: { title: 'Hội nghị đối thoại', venue: 'Hội trường' },
})

const speakerRegistered = (seq: number, no: number): MeetingEvent => ({
  ...envelope(seq),
  type: 'speaker.registered',
  payload: {
    speaker: {
      no,
      name: `Người ${no}`,
      unit: 'Bản Mòng',
      petitionNos: [],
      status: 'waiting',
      registeredAt: at,
      calledAt: null,
      finishedAt: null,
      showName: true,
      speech: null,
      summary: '',
      againOf: null,
    },
  },
})

const speakerCalled = (seq: number, no: number): MeetingEvent => ({ ...envelope(seq), type: 'speaker.called', payload: { speakerNo: no } })

const log: MeetingEvent[] = [created(1), speakerRegistered(2, 1), speakerRegistered(3, 2), speakerCalled(4, 1)]
const empty = (): MeetingState => emptyMeetingState(meetingId)

describe('applyBatch', () => {
  it('folds consecutive events in order', () => {
    const outcome = applyBatch(empty(), log)
    expect(outcome).toMatchObject({ applied: 4, gap: false })
    expect(outcome.state).toEqual(fold(empty(), log))
    expect(outcome.state.seq).toBe(4)
    expect(outcome.state.currentSpeakerNo).toBe(1)
  })

  it('ignores events already applied, so a broadcast after the ack changes nothing', () => {
    const first = applyBatch(empty(), log.slice(0, 3))
    const again = applyBatch(first.state, log.slice(1, 3))
    expect(again).toMatchObject({ applied: 0, gap: false })
    expect(again.state).toBe(first.state)
  })

  it('applies only the new tail of an overlapping batch', () => {
    const first = applyBatch(empty(), log.slice(0, 2))
    const outcome = applyBatch(first.state, log.slice(1))
    expect(outcome).toMatchObject({ applied: 2, gap: false })
    expect(outcome.state).toEqual(fold(empty(), log))
  })

  it('stops at a gap and reports it, keeping what came before', () => {
    const outcome = applyBatch(empty(), [log[0]!, log[2]!, log[3]!])
    expect(outcome.gap).toBe(true)
    expect(outcome.applied).toBe(1)
    expect(outcome.state.seq).toBe(1)
    expect(outcome.state.speakers).toEqual([])
  })

  it('reports a gap when the very first event is ahead', () => {
    const outcome = applyBatch(empty(), [log[3]!])
    expect(outcome).toMatchObject({ applied: 0, gap: true })
    expect(outcome.state.seq).toBe(0)
  })

  it('sorts a batch that arrives out of order', () => {
    const outcome = applyBatch(empty(), [log[1]!, log[0]!, log[3]!, log[2]!])
    expect(outcome).toMatchObject({ applied: 4, gap: false })
    expect(outcome.state).toEqual(fold(empty(), log))
  })

  it('does not mutate the state it is given', () => {
    const state = empty()
    const copy = structuredClone(state)
    applyBatch(state, log)
    expect(state).toEqual(copy)
  })

  it('treats an empty batch as nothing to do', () => {
    const state = empty()
    expect(applyBatch(state, [])).toEqual({ state, applied: 0, gap: false })
  })
})

describe('hasGap', () => {
  it('is false for old and next events, true beyond the next', () => {
    expect(hasGap(3, 2)).toBe(false)
    expect(hasGap(3, 3)).toBe(false)
    expect(hasGap(3, 4)).toBe(false)
    expect(hasGap(3, 5)).toBe(true)
  })
})

describe('applySync', () => {
  it('replaces the state with a snapshot', () => {
    const snapshot = fold(empty(), log)
    const outcome = applySync(applyBatch(empty(), log.slice(0, 1)).state, { kind: 'snapshot', state: snapshot, seq: 4 })
    expect(outcome.state).toBe(snapshot)
    expect(outcome.gap).toBe(false)
  })

  it('keeps a newer state when a slow snapshot is older', () => {
    const current = fold(empty(), log)
    const stale = fold(empty(), log.slice(0, 2))
    const outcome = applySync(current, { kind: 'snapshot', state: stale, seq: 2 })
    expect(outcome.state).toBe(current)
  })

  it('folds missed events', () => {
    const start = fold(empty(), log.slice(0, 2))
    const outcome = applySync(start, { kind: 'events', events: log.slice(2), seq: 4 })
    expect(outcome).toMatchObject({ applied: 2, gap: false })
    expect(outcome.state).toEqual(fold(empty(), log))
  })

  it('reports a gap when the events stop short of the seq the server reported', () => {
    const outcome = applySync(empty(), { kind: 'events', events: log.slice(0, 2), seq: 4 })
    expect(outcome.gap).toBe(true)
    expect(outcome.state.seq).toBe(2)
  })

  it('is not a gap when nothing was missed', () => {
    const current = fold(empty(), log)
    expect(applySync(current, { kind: 'events', events: [], seq: 4 })).toEqual({ state: current, applied: 0, gap: false })
  })
})

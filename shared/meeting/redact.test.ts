import { describe, expect, it } from 'vitest'
import { fold } from './evolve'
import { emptyMeetingState } from './model'
import { redactEvent, redactState } from './redact'
import { command, DomainHarness, MEETING_ID } from './test-helpers'

function conferenceWithASecret() {
  const m = new DomainHarness()
  m.must(command('petition:record', { origin: 'registered', title: 'Đường liên bản', petitionerName: 'Cầm Văn Công', petitionerAddress: 'Bản Mòn', showName: true }))
  m.must(
    command('petition:record', { origin: 'registered', title: 'Tố cáo sai phạm', petitionerName: 'Lò Văn Bí Mật', petitionerAddress: 'Bản Kẻ', confidential: true }),
  )
  m.must(command('speaker:register', { name: 'Cầm Văn Công', unit: 'Bản Mòn', petitionNos: [1] }))
  m.must(command('speaker:register', { name: 'Lò Văn Bí Mật', unit: 'Bản Kẻ', petitionNos: [2] }))
  m.must(command('speaker:call-next', {}))
  m.must(command('speaker:call-next', {}))
  return m
}

describe('redaction for public screens', () => {
  it('withholds a confidential petitioner and the speaker who raises that petition', () => {
    const m = conferenceWithASecret()
    const view = redactState(m.state)
    expect(JSON.stringify(view)).not.toContain('Bí Mật')
    expect(view.petitions[1]).toMatchObject({ petitionerName: null, petitionerAddress: null, title: 'Tố cáo sai phạm' })
    expect(view.speakers[1]).toMatchObject({ name: null, unit: '', no: 2, status: 'called' })
    expect(JSON.stringify(view)).not.toContain('Bản Kẻ')
    // Everything that is not confidential stays.
    expect(view.petitions[0]?.petitionerName).toBe('Cầm Văn Công')
    expect(view.speakers[0]?.name).toBe('Cầm Văn Công')
  })

  it('folding redacted events gives exactly the redacted state (snapshot and catch-up agree)', () => {
    const m = conferenceWithASecret()
    const redactedEvents = m.log.map((e) => redactEvent(e, m.state))
    expect(JSON.stringify(redactedEvents)).not.toContain('Bí Mật')
    expect(fold(emptyMeetingState(MEETING_ID), redactedEvents)).toEqual(redactState(m.state))
  })

  it('redacts with the state before the event as well as with a later one', () => {
    const m = conferenceWithASecret()
    let before = emptyMeetingState(MEETING_ID)
    for (const event of m.log) {
      expect(redactEvent(event, before.seq === 0 ? m.state : before)).toEqual(redactEvent(event, m.state))
      before = fold(before, [event])
    }
  })
})

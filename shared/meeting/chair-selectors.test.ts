import { describe, expect, it } from 'vitest'
import { isOpen, lastSpeaker, openPetitions } from './selectors'
import { command, DomainHarness } from './test-helpers'

// The selectors the chair's tablet and the console read, over states made by the real decide/evolve.

function hallWithSpeakers(n: number) {
  const m = new DomainHarness()
  for (let i = 1; i <= n; i++) m.must(command('speaker:register', { name: `Người ${i}`, unit: `Bản ${i}` }))
  return m
}

describe('lastSpeaker', () => {
  it('is the one who finished most recently, not the one now at the microphone', () => {
    const m = hallWithSpeakers(3)
    m.must(command('speaker:call-next', {}))
    m.must(command('speaker:finish', {}))
    m.must(command('speaker:call-next', {}))
    m.wait(60_000)
    m.must(command('speaker:finish', {}))
    m.must(command('speaker:call-next', {}))
    expect(lastSpeaker(m.state)?.name).toBe('Người 2')
  })

  it('is the one at the microphone when nobody has finished yet', () => {
    const m = hallWithSpeakers(2)
    m.must(command('speaker:call-next', {}))
    expect(lastSpeaker(m.state)?.name).toBe('Người 1')
  })

  it('is nobody before anyone spoke, and nobody who was withdrawn', () => {
    const m = hallWithSpeakers(2)
    expect(lastSpeaker(m.state)).toBeNull()
    m.must(command('speaker:withdraw', { speakerNo: 1 }))
    expect(lastSpeaker(m.state)).toBeNull()
  })
})

describe('isOpen', () => {
  it('holds while a petition waits or is under discussion, and not once it has an outcome', () => {
    const m = new DomainHarness()
    m.must(command('petition:record', { origin: 'registered', field: 'Đất đai', title: 'Cấp sổ đỏ' }))
    m.must(command('petition:record', { origin: 'registered', field: 'Giao thông', title: 'Đường vào bản' }))
    const first = () => m.state.petitions[0]!
    expect(isOpen(first())).toBe(true)
    m.must(command('petition:discuss', { petitionNo: 1 }))
    expect(isOpen(first())).toBe(true)
    m.must(command('petition:forward', { petitionNo: 1, body: 'UBND tỉnh' }))
    expect(isOpen(first())).toBe(false)
    expect(openPetitions(m.state).map((p) => p.no)).toEqual([2])
    m.must(command('petition:reopen', { petitionNo: 1 }))
    expect(isOpen(first())).toBe(true)
  })
})

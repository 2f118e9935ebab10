import type { MeetingState } from '../../shared/meeting/model'
import type { Fixture, JsonSchema } from './ipc'
import type { Random } from './random'
import type { Hint } from './schema-gen'

// Values the schemas cannot invent: ids that exist in this run's database, numbers of petitions and
// speakers that exist in the meeting as the secretary's screen sees it. Without them nearly every
// "valid" command would be refused for pointing at nothing, and the code past that check would
// never run.

export interface World {
  random: Random
  /** Replaced after every restart of the server process (a new fixture each time). */
  fixture: Fixture
  /** The main meeting, folded from what the listening secretary heard. */
  state: () => MeetingState
  /** Directory units and officials the fuzzer created itself: the only ones it may delete. */
  createdUnits: string[]
  createdOfficials: string[]
  /** Devices paired during the run (not the fixture's chair and projector): revocable. */
  createdDevices: string[]
}

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10)

/** A weekday `offset` days or more ahead (deadlines on weekends are flagged by the server). */
function weekday(offset: number): string {
  for (let i = offset; ; i++) {
    const d = new Date(Date.now() + i * 86_400_000)
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) return d.toISOString().slice(0, 10)
  }
}

export function hintsFor(world: World, route?: { url: string; method: string }): Hint {
  const { random } = world
  const url = route?.url ?? ''
  const deleting = route?.method === 'DELETE'
  return (key: string, _schema: JsonSchema) => {
    const fixture = world.fixture
    const s = world.state()
    const petitions = s.petitions.map((p) => p.no)
    const open = s.petitions.filter((p) => p.status !== 'withdrawn' && p.mergedInto === null).map((p) => p.no)
    const committed = s.petitions.filter((p) => p.writtenAnswer).map((p) => p.no)
    const speakers = s.speakers.map((sp) => sp.no)
    const oneOf = (xs: number[], fallback: number) => ({ value: xs.length && random.chance(0.9) ? random.pick(xs) : fallback })
    switch (key) {
      case 'commandId':
        return { value: random.uuid() }
      case 'meetingId':
        return { value: random.weighted([[14, fixture.meetings.main], [3, fixture.meetings.spare], [2, random.uuid()], [1, '00000000-0000-0000-0000-000000000000']]) }
      case 'petitionNo':
        if (url.includes('follow-ups')) return oneOf(committed.length ? committed : petitions, 1)
        return oneOf(open.length ? open : petitions, random.int(1, 3))
      case 'intoNo':
        return oneOf(open, random.int(1, 3))
      case 'petitionNos':
        return { value: random.subset(open.slice(-6), 0.3) }
      case 'speakerNo':
        return oneOf(random.chance(0.6) && s.queue.length ? s.queue : speakers, random.int(1, 3))
      case 'unitId':
        return { value: random.chance(0.9) ? random.pick(fixture.units) : random.uuid() }
      case 'officialId':
        return { value: random.chance(0.9) ? random.pick(fixture.officials) : random.uuid() }
      case 'userId':
        // Only the victim: locking or resetting the fuzzer's own people would end the run's footing.
        return { value: random.chance(0.85) ? fixture.accounts.victim.userId : random.uuid() }
      case 'deviceId':
        return { value: random.chance(0.8) ? random.pick([fixture.devices.victim.id, ...world.createdDevices]) : random.uuid() }
      case 'id': {
        const units = url.includes('/units/')
        const created = units ? world.createdUnits : world.createdOfficials
        const existing = units ? fixture.units : fixture.officials
        const pool = deleting ? created : [...existing, ...created]
        return { value: pool.length && random.chance(0.85) ? random.pick(pool) : random.uuid() }
      }
      case 'dueDate':
        return { value: weekday(random.int(10, 60)) }
      case 'meetingDate':
        return { value: random.chance(0.2) ? '' : day(random.int(-3, 3)) }
      case 'from':
        return { value: day(-random.int(30, 400)) }
      case 'to':
        return { value: day(random.int(0, 30)) }
      case 'date':
        return url.includes('follow-ups') ? { value: day(random.int(-5, 0)) } : undefined
      case 'password':
      case 'newPassword':
        return { value: `Mật-khẩu-thử-${random.int(100000, 999999)}` }
      default:
        return undefined
    }
  }
}

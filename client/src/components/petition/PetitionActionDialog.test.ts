// @vitest-environment happy-dom
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { defineComponent, h } from 'vue'
import { flushPromises, mount, RouterLinkStub, type VueWrapper } from '@vue/test-utils'
import type { DirectoryOfficial } from '@shared/directory'
import { vietnamToday } from '@shared/meeting/answer-deadline'
import { formatDateVi } from '@shared/meeting/selectors'
import PetitionActionDialog from './PetitionActionDialog.vue'
import type { PetitionAction } from './petitionActions'
import { useNotice } from '../../composables/commands'
import { useMeetingStore } from '../../stores/meeting'
import { openLiveHall, until, type LiveHall, type LiveMeeting } from '../../testing/liveHall'

// The secretary's petition dialog (the chair's decisions recorded on the chair's word), against a
// real server: the secretary fills the form as at the console, and the test reads the meeting log,
// the dialog's errors and the notice line.

let hall: LiveHall
let minh: DirectoryOfficial
let wrapper: VueWrapper | null = null
let store: ReturnType<typeof useMeetingStore> | null = null

beforeAll(async () => {
  hall = await openLiveHall()
  const economy = await hall.unit('Phòng Kinh tế')
  await hall.unit('Phòng Tài nguyên và Môi trường')
  minh = await hall.official({ name: 'Tòng Văn Minh', title: 'Trưởng phòng', unitId: economy.id })
})
afterEach(() => {
  wrapper?.unmount()
  wrapper = null
  store?.close()
  store = null
})
afterAll(() => hall?.close())

/** The console with the dialog open on petition 1 for `action`; `closed` counts the dialog's close. */
async function dialogFor(live: LiveMeeting, action: PetitionAction, closed: string[]) {
  await live.send('petition:record', { origin: 'registered', field: 'Giao thông', title: 'Sửa đường vào bản Co Mạ', petitionerName: 'Quàng Văn Pâng' })
  await live.send('petition:record', { origin: 'added', field: 'Giao thông', title: 'Đường bản Co Mạ sạt lở' })
  const screen = await hall.screen(live, 'secretary')
  store = screen.store
  const Console = defineComponent(() => {
    const s = useMeetingStore()
    return () => (s.state.petitions[0] ? h(PetitionActionDialog, { petition: s.state.petitions[0], action, onClose: () => closed.push('close') }) : null)
  })
  wrapper = mount(Console, { global: { plugins: [screen.pinia], stubs: { RouterLink: RouterLinkStub } }, attachTo: document.body })
  await flushPromises()
  return wrapper
}

describe('PetitionActionDialog', () => {
  it('assigns an official from the directory, closes, and says so in the notice line', async () => {
    const live = await hall.meeting()
    const closed: string[] = []
    const w = await dialogFor(live, 'assign', closed)
    const mark = live.events.length

    await w.find('[data-testid="answerer-kind-official"]').setValue(true)
    await until(() => w.findAll('[data-testid="answerer-official"] option').length > 1, 'the directory')
    // Found by its id: on a shared PostgreSQL the demo's directory holds another Tòng Văn Minh.
    const option = w.findAll('[data-testid="answerer-official"] option').find((o) => (o.element as HTMLOptionElement).value === minh.id)
    expect(option?.text()).toBe('Trưởng phòng Tòng Văn Minh — Phòng Kinh tế')
    await w.find('[data-testid="answerer-official"]').setValue(minh.id)
    await w.find('form').trigger('submit')
    await until(() => closed.length > 0, 'the dialog to close')

    // Assigning an answerer takes the petition up for discussion, if it was not yet.
    expect(live.typesSince(mark)).toEqual(['petition.discussion-started', 'petition.answerer-assigned'])
    expect(live.events.at(-1)?.payload).toMatchObject({ petitionNo: 1, answerer: { kind: 'official', officialId: minh.id } })
    expect(useNotice().notice.value?.text).toBe('Đã phân công trả lời KN 1.')
  })

  it('asks for an official when none is picked, and sends nothing', async () => {
    const live = await hall.meeting()
    const closed: string[] = []
    const w = await dialogFor(live, 'assign', closed)
    const mark = live.events.length

    await w.find('[data-testid="answerer-kind-official"]').setValue(true)
    await w.find('form').trigger('submit')
    await flushPromises()
    expect(w.find('.field__error').text()).toBe('Vui lòng chọn.')
    expect(w.find('[data-testid="answerer-official"]').attributes('aria-invalid')).toBe('true')
    expect(closed).toEqual([])
    expect(live.typesSince(mark)).toEqual([])
  })

  it('commits a unit to answer later by the default deadline it names, when no date is typed', async () => {
    const live = await hall.meeting()
    const closed: string[] = []
    const w = await dialogFor(live, 'commit', closed)
    const mark = live.events.length

    await until(() => w.text().includes('Hạn mặc định:'), 'the office calendar')
    const named = /Hạn mặc định: (\d\d\/\d\d\/\d{4})/.exec(w.text())?.[1]
    await until(() => w.findAll('[data-testid="commit-unit"] option').length > 1, 'the directory')
    const unit = w.findAll('[data-testid="commit-unit"] option').find((o) => o.text() === 'Phòng Tài nguyên và Môi trường')!
    await w.find('[data-testid="commit-unit"]').setValue(unit.attributes('value'))
    await w.find('input[name="answer-form"][value="in_person"]').setValue(true)
    await w.find('form').trigger('submit')
    await until(() => closed.length > 0, 'the dialog to close')

    expect(live.typesSince(mark).at(-1)).toBe('petition.written-answer-committed')
    const { commitment } = live.events.at(-1)?.payload as { commitment: { unitName: string; form: string; dueDate: string } }
    expect(commitment).toMatchObject({ unitName: 'Phòng Tài nguyên và Môi trường', form: 'in_person' })
    expect(formatDateVi(commitment.dueDate)).toBe(named)
  })

  it('shows the server’s refusal of a deadline on a Sunday next to the date, and keeps the dialog open', async () => {
    const live = await hall.meeting()
    const closed: string[] = []
    const w = await dialogFor(live, 'commit', closed)
    const mark = live.events.length

    await until(() => w.findAll('[data-testid="commit-unit"] option').length > 1, 'the directory')
    const unit = w.findAll('[data-testid="commit-unit"] option').find((o) => o.text() === 'Phòng Kinh tế')!
    await w.find('[data-testid="commit-unit"]').setValue(unit.attributes('value'))
    await w.find('[data-testid="commit-due"]').setValue(nextSunday(vietnamToday(Date.now())))
    await w.find('form').trigger('submit')
    await until(() => w.find('[data-testid="commit-due"]').attributes('aria-invalid') === 'true', 'the refusal')

    expect(w.text()).toContain('không phải ngày làm việc')
    expect(closed).toEqual([])
    expect(live.typesSince(mark)).toEqual([])
  })

  it('forwards to the body typed, and refuses an empty one in the form’s own words', async () => {
    const live = await hall.meeting()
    const closed: string[] = []
    const w = await dialogFor(live, 'forward', closed)
    const mark = live.events.length

    await w.find('form').trigger('submit')
    await until(() => w.find('[data-testid="forward-body"]').attributes('aria-invalid') === 'true', 'the empty body refused')
    expect(live.typesSince(mark)).toEqual([])

    await w.find('[data-testid="forward-body"]').setValue('  Sở Giao thông vận tải tỉnh Điện Biên ')
    await w.find('form').trigger('submit')
    await until(() => closed.length > 0, 'the dialog to close')
    expect(live.events.at(-1)?.payload).toEqual({ petitionNo: 1, body: 'Sở Giao thông vận tải tỉnh Điện Biên' })
  })

  it('merges into another petition picked from the list, never into itself', async () => {
    const live = await hall.meeting()
    const closed: string[] = []
    const w = await dialogFor(live, 'merge', closed)

    const options = w.findAll('[data-testid="merge-into"] option').map((o) => o.text())
    expect(options).toEqual(['— Chọn —', 'KN 2: Đường bản Co Mạ sạt lở'])
    await w.find('[data-testid="merge-into"]').setValue('2')
    await w.find('form').trigger('submit')
    await until(() => closed.length > 0, 'the dialog to close')
    expect(live.events.at(-1)).toMatchObject({ type: 'petition.merged', payload: { petitionNo: 1, intoNo: 2 } })
  })
})

/** The first Sunday after `from` (inside the year a deadline may be chosen in). */
function nextSunday(from: string): string {
  const d = new Date(`${from}T00:00:00Z`)
  do d.setUTCDate(d.getUTCDate() + 1)
  while (d.getUTCDay() !== 0)
  return d.toISOString().slice(0, 10)
}

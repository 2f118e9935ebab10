// @vitest-environment happy-dom
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import QueueWaitingList from './QueueWaitingList.vue'
import type { useMeetingStore } from '../../stores/meeting'
import { openLiveHall, until, type LiveHall, type LiveMeeting } from '../../testing/liveHall'

// The console's queue of waiting speakers, against a real server: the secretary reorders, calls and
// withdraws as at the desk (buttons, keys), and the test reads the order the console then shows and
// what the meeting log recorded.

let hall: LiveHall
let wrapper: VueWrapper | null = null
let store: ReturnType<typeof useMeetingStore> | null = null

beforeAll(async () => {
  hall = await openLiveHall()
})
afterEach(() => {
  wrapper?.unmount()
  wrapper = null
  store?.close()
  store = null
})
afterAll(() => hall?.close())

/** A meeting with three speakers waiting, and the console's queue showing them. */
async function queueOf(live: LiveMeeting) {
  await live.send('speaker:register', { name: 'Lò Văn Sáng', unit: 'Bản Mòng', showName: true })
  await live.send('speaker:register', { name: 'Quàng Thị Mai', unit: 'Bản Co Mạ', showName: true })
  await live.send('speaker:register', { name: 'Cầm Văn Ơn', unit: 'Bản Hua Mường' })
  const screen = await hall.screen(live, 'secretary')
  store = screen.store
  wrapper = mount(QueueWaitingList, { global: { plugins: [screen.pinia] }, attachTo: document.body })
  await flushPromises()
  return wrapper
}

/** The names in the order the console lists them. */
const order = (w: VueWrapper) => w.findAll('[data-testid="queue-waiting-row"]').map((row) => row.attributes('aria-label'))

async function settled(live: LiveMeeting, w: VueWrapper, what: string) {
  await until(() => store!.state.seq >= (live.events.at(-1)?.seq ?? 0), what)
  await flushPromises()
  return w
}

describe('QueueWaitingList', () => {
  it('lists the waiting speakers in calling order, each with its place', async () => {
    const live = await hall.meeting()
    const w = await queueOf(live)
    expect(order(w)).toEqual(['Số 1: Lò Văn Sáng', 'Số 2: Quàng Thị Mai', 'Số 3: Cầm Văn Ơn'])
    expect(w.text()).toContain('Bản Hua Mường')
    expect(w.find('[data-testid="queue-up-1"]').attributes('disabled')).toBeDefined()
    expect(w.find('[data-testid="queue-down-3"]').attributes('disabled')).toBeDefined()
  })

  it('moves a speaker to next with a tap, and one place down, as the log records', async () => {
    const live = await hall.meeting()
    const w = await queueOf(live)
    const mark = live.events.length

    await w.find('[data-testid="queue-to-next-3"]').trigger('click')
    await until(() => live.typesSince(mark).length === 1, 'the move in the log')
    expect(live.events.at(-1)).toMatchObject({ type: 'speaker.queue-reordered', payload: { queue: [3, 1, 2] } })
    await settled(live, w, 'the console in step')
    expect(order(w)).toEqual(['Số 1: Cầm Văn Ơn', 'Số 2: Lò Văn Sáng', 'Số 3: Quàng Thị Mai'])

    await w.find('[data-testid="queue-down-3"]').trigger('click')
    await until(() => live.typesSince(mark).length === 2, 'the second move in the log')
    expect(live.events.at(-1)).toMatchObject({ type: 'speaker.queue-reordered', payload: { queue: [1, 3, 2] } })
    await settled(live, w, 'the console in step')
    expect(order(w)).toEqual(['Số 1: Lò Văn Sáng', 'Số 2: Cầm Văn Ơn', 'Số 3: Quàng Thị Mai'])
  })

  it('moves the focused row with Alt+↑ from the keyboard, and sends nothing for the first row', async () => {
    const live = await hall.meeting()
    const w = await queueOf(live)
    const mark = live.events.length

    await w.find('[data-row-no="1"]').trigger('keydown', { key: 'ArrowUp', altKey: true })
    await flushPromises()
    expect(live.typesSince(mark)).toEqual([])

    await w.find('[data-row-no="2"]').trigger('keydown', { key: 'ArrowUp', altKey: true })
    await until(() => live.typesSince(mark).length === 1, 'the move in the log')
    await settled(live, w, 'the console in step')
    expect(order(w)).toEqual(['Số 1: Quàng Thị Mai', 'Số 2: Lò Văn Sáng', 'Số 3: Cầm Văn Ơn'])
  })

  it('calls a speaker out of turn: the row leaves the queue', async () => {
    const live = await hall.meeting()
    const w = await queueOf(live)
    const mark = live.events.length

    await w.find('[data-testid="queue-call-2"]').trigger('click')
    await until(() => live.typesSince(mark).includes('speaker.called'), 'the call in the log')
    expect(live.events.find((e) => e.type === 'speaker.called')?.payload).toMatchObject({ speakerNo: 2 })
    await settled(live, w, 'the console in step')
    expect(w.find('[data-row-no="2"]').exists()).toBe(false)
    expect(order(w)).toHaveLength(2)
  })

  it('withdraws only after the secretary confirms; cancelling sends nothing', async () => {
    const live = await hall.meeting()
    const w = await queueOf(live)
    const mark = live.events.length

    await w.find('[data-testid="queue-withdraw-1"]').trigger('click')
    await flushPromises()
    const dialog = w.find('[data-testid="withdraw-dialog"]')
    expect(dialog.text()).toContain('1. Lò Văn Sáng sẽ được rút khỏi danh sách chờ.')
    await dialog.findAll('button').find((b) => b.text() === 'Hủy')!.trigger('click')
    await flushPromises()
    expect(live.typesSince(mark)).toEqual([])

    await w.find('[data-row-no="1"]').trigger('keydown', { key: 'Delete' })
    await flushPromises()
    await w.find('[data-testid="withdraw-confirm"]').trigger('click')
    await until(() => live.typesSince(mark).length === 1, 'the withdrawal in the log')
    expect(live.events.at(-1)).toMatchObject({ type: 'speaker.withdrawn', payload: { speakerNo: 1 } })
    await settled(live, w, 'the console in step')
    expect(order(w)).toEqual(['Số 1: Quàng Thị Mai', 'Số 2: Cầm Văn Ơn'])
  })
})

// @vitest-environment happy-dom
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { defineComponent, h } from 'vue'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import type { Directory } from '@shared/directory'
import { vietnamToday } from '@shared/meeting/answer-deadline'
import { formatDateVi } from '@shared/meeting/selectors'
import ChairDecisions from './ChairDecisions.vue'
import { getDirectory } from '../../api/directory'
import { useMeetingStore } from '../../stores/meeting'
import { openLiveHall, until, type LiveHall, type LiveMeeting } from '../../testing/liveHall'

// The chair's decisions on the tablet, against a real server: the chair taps as in the hall, and the
// test reads what the meeting log recorded and what the tablet shows next.

let hall: LiveHall
let directory: Directory
let wrapper: VueWrapper | null = null
let store: ReturnType<typeof useMeetingStore> | null = null

beforeAll(async () => {
  hall = await openLiveHall()
  const economy = await hall.unit('Phòng Kinh tế')
  await hall.official({ name: 'Tòng Văn Minh', title: 'Trưởng phòng', unitId: economy.id })
  // Names the demo's directory does not use: on a shared PostgreSQL both are in the office's directory.
  await hall.official({ name: 'Cầm Thị Hiền', title: 'Phó Chủ tịch UBND xã', unitId: null })
})
afterEach(() => {
  wrapper?.unmount()
  wrapper = null
  store?.close()
  store = null
})
afterAll(() => hall?.close())

/** A meeting with one petition under discussion, and the chair's tablet showing its decisions. */
async function tabletOn(live: LiveMeeting, reloads: string[] = []) {
  await live.send('petition:record', { origin: 'registered', field: 'Đất đai', title: 'Cấp giấy chứng nhận quyền sử dụng đất bản Mòng', petitionerName: 'Lò Văn Sáng' })
  await live.send('petition:discuss', { petitionNo: 1 })
  const screen = await hall.screen(live, 'chair')
  store = screen.store
  const loaded = await getDirectory()
  if (!loaded.ok) throw new Error(loaded.error.message)
  directory = loaded.data
  // As the chair's view does: the decisions follow the petition under discussion.
  const Tablet = defineComponent(() => {
    const s = useMeetingStore()
    return () =>
      s.petition
        ? h(ChairDecisions, {
            petition: s.petition,
            state: s.state,
            directory,
            directoryError: null,
            now: s.now,
            disabled: false,
            onReloadDirectory: () => reloads.push('reload'),
          })
        : null
  })
  wrapper = mount(Tablet, { global: { plugins: [screen.pinia] }, attachTo: document.body })
  await flushPromises()
  return wrapper
}

const button = (w: VueWrapper, text: string | RegExp) => {
  const found = w.findAll('button').find((b) => (typeof text === 'string' ? b.text() === text : text.test(b.text())))
  if (!found) throw new Error(`no button «${text}» in: ${w.findAll('button').map((b) => b.text()).join(' | ')}`)
  return found
}

/** Waits until the tablet has folded what the server appended, then lets Vue render it. */
async function settled(live: LiveMeeting, w: VueWrapper) {
  await until(() => store!.state.seq >= (live.events.at(-1)?.seq ?? 0), 'the tablet in step with the log')
  await flushPromises()
  return w
}

describe('ChairDecisions', () => {
  it('records the chair’s own answer with its summary, then concludes with the suggested wording', async () => {
    const live = await hall.meeting()
    const w = await tabletOn(live)
    const mark = live.events.length

    await button(w, 'Chủ trì trả lời').trigger('click')
    await w.find('textarea').setValue('Xã sẽ đo đạc lại trong tháng 7.')
    await button(w, 'Xác nhận: Chủ trì đã trả lời').trigger('click')
    await until(() => live.typesSince(mark).includes('petition.answered'), 'the answer in the log')

    const answered = live.events.find((e) => e.type === 'petition.answered')
    expect(answered?.payload).toMatchObject({ petitionNo: 1, answerer: { kind: 'chair' }, summary: 'Xã sẽ đo đạc lại trong tháng 7.' })

    // The petition now has an outcome: the tablet offers the conclusion, prefilled, and reopening.
    await settled(live, w)
    const conclusion = w.find('[data-testid="chair-conclusion-text"]')
    expect((conclusion.element as HTMLTextAreaElement).value).not.toBe('')
    expect(w.text()).toContain('Đã điền sẵn gợi ý theo kết quả')
    await button(w, 'Kết luận kiến nghị').trigger('click')
    await until(() => live.typesSince(mark).includes('petition.concluded'), 'the conclusion in the log')
    expect(live.events.at(-1)?.payload).toMatchObject({ petitionNo: 1, conclusion: (conclusion.element as HTMLTextAreaElement).value })

    // Concluded, the petition is no longer under discussion: the decisions make way for the next.
    await settled(live, w)
    expect(w.find('[data-testid="chair-decisions"]').exists()).toBe(false)
  })

  it('assigns an official in one tap, then confirms that official has answered', async () => {
    const live = await hall.meeting()
    const w = await tabletOn(live)

    await button(w, 'Giao trả lời ngay').trigger('click')
    expect(w.text()).toContain('Phòng Kinh tế')
    await button(w, /Cầm Thị Hiền/).trigger('click')
    await until(() => live.events.some((e) => e.type === 'petition.answerer-assigned'), 'the assignment in the log')
    const hương = directory.officials.find((o) => o.name === 'Cầm Thị Hiền')!
    expect(live.events.at(-1)?.payload).toMatchObject({ petitionNo: 1, answerer: { kind: 'official', officialId: hương.id } })

    await settled(live, w)
    expect(w.find('[data-testid="chair-assigned-box"]').text()).toContain('Cầm Thị Hiền')
    await button(w, /^Xác nhận: .*Cầm Thị Hiền đã trả lời$/).trigger('click')
    await until(() => live.events.some((e) => e.type === 'petition.answered'), 'the answer in the log')
    expect(live.events.at(-1)?.payload).toMatchObject({ answerer: { kind: 'official', officialId: hương.id } })
  })

  it('commits a unit to answer later by the default deadline it previews, and refuses a Sunday before sending', async () => {
    const live = await hall.meeting()
    const w = await tabletOn(live)
    const mark = live.events.length

    await button(w, 'Giao trả lời sau').trigger('click')
    // Nothing to send until a unit is picked.
    expect(button(w, /Chọn đơn vị trước/).attributes('disabled')).toBeDefined()
    await button(w, 'Phòng Kinh tế').trigger('click')
    await until(() => w.find('[data-testid="chair-due-preview"]').text() !== '…', 'the office calendar')
    const preview = w.find('[data-testid="chair-due-preview"]').text()

    // A Sunday is named before the chair presses, and cannot be sent.
    await button(w, 'Chọn ngày khác').trigger('click')
    const sunday = nextSunday(store!.state.details.meetingDate || vietnamToday(Date.now()))
    await w.find('[data-testid="chair-due-date"]').setValue(sunday)
    expect(w.find('[data-testid="chair-due-problem"]').text()).toContain('Chủ nhật')
    expect(button(w, 'Giao Phòng Kinh tế trả lời sau').attributes('disabled')).toBeDefined()
    expect(live.typesSince(mark)).toEqual([])

    // Back to the default: what was previewed is what the server commits.
    await w.find('[data-testid="chair-due-default"]').trigger('click')
    await button(w, 'Giao Phòng Kinh tế trả lời sau').trigger('click')
    await until(() => live.typesSince(mark).includes('petition.written-answer-committed'), 'the commitment in the log')
    const committed = live.events.at(-1)?.payload as { commitment: { unitName: string; dueDate: string; form: string } }
    expect(committed.commitment).toMatchObject({ unitName: 'Phòng Kinh tế', form: 'in_writing' })
    expect(formatDateVi(committed.commitment.dueDate)).toBe(preview)
  })

  it('forwards beyond the office’s authority to a body picked or typed', async () => {
    const live = await hall.meeting()
    const w = await tabletOn(live)

    await button(w, 'Vượt thẩm quyền').trigger('click')
    expect(button(w, 'Chọn hoặc nhập cơ quan nhận.').attributes('disabled')).toBeDefined()
    await button(w, 'Cơ quan khác').trigger('click')
    await w.find('input[type="text"]').setValue('Thanh tra tỉnh Điện Biên')
    await button(w, 'Chuyển Thanh tra tỉnh Điện Biên').trigger('click')
    await until(() => live.events.some((e) => e.type === 'petition.forwarded'), 'the forwarding in the log')
    expect(live.events.at(-1)?.payload).toEqual({ petitionNo: 1, body: 'Thanh tra tỉnh Điện Biên' })
  })

  it('says why the server refused an official removed from the directory, records nothing, and asks for the directory again', async () => {
    const live = await hall.meeting()
    const reloads: string[] = []
    const gone = await hall.official({ name: 'Điêu Văn Tạm', title: 'Chuyên viên', unitId: null })
    const w = await tabletOn(live, reloads)
    await hall.removeOfficial(gone.id)
    const mark = live.events.length

    await button(w, 'Giao trả lời ngay').trigger('click')
    await button(w, /Điêu Văn Tạm/).trigger('click')
    await until(() => reloads.length > 0, 'the tablet asking for the directory again')
    await flushPromises()
    expect(w.find('[role="alert"]').text()).toBe('Không tìm thấy cán bộ trong danh bạ.')
    expect(live.typesSince(mark)).toEqual([])
    // The buttons are usable again for another choice.
    expect(button(w, /Cầm Thị Hiền/).attributes('disabled')).toBeUndefined()
  })
})

/** The first Sunday after the meeting's day (always inside the range a deadline may be chosen in). */
function nextSunday(from: string): string {
  const d = new Date(`${from}T00:00:00Z`)
  do d.setUTCDate(d.getUTCDate() + 1)
  while (d.getUTCDay() !== 0)
  return d.toISOString().slice(0, 10)
}

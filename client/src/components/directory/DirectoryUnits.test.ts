// @vitest-environment happy-dom
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createPinia } from 'pinia'
import { flushPromises, mount } from '@vue/test-utils'
import DirectoryUnits from './DirectoryUnits.vue'
import { getDirectory } from '../../api/directory'
import { openLiveHall, until, type LiveHall } from '../../testing/liveHall'

// The directory's units, edited in place by the administrator against a real server: added with
// Enter, renamed in place (Enter saves, Esc cancels), deleted only after the dialog asks.

let hall: LiveHall
beforeAll(async () => {
  hall = await openLiveHall()
  hall.signInAsAdmin()
})
afterAll(() => hall?.close())

async function units(): Promise<string[]> {
  const result = await getDirectory()
  if (!result.ok) throw new Error(result.error.message)
  return result.data.units.map((u) => u.name).sort()
}

// Names of this run alone: the directory is the office's, shared with every suite on PostgreSQL
// (the demo and the office audit tests add units with the seeds' names too).
const run = Math.random().toString(36).slice(2, 7)
const added = `Phòng Văn hóa - Xã hội ${run}`
const renamed = `Phòng Văn hóa, Khoa học và Thông tin ${run}`

describe('DirectoryUnits', () => {
  it('adds, renames in place, cancels a rename with Esc, and deletes only once confirmed', async () => {
    const loaded = await getDirectory()
    if (!loaded.ok) throw new Error(loaded.error.message)
    const changes: string[] = []
    const w = mount(DirectoryUnits, {
      props: { directory: loaded.data, onChanged: (m: string) => changes.push(m) },
      global: { plugins: [createPinia()] },
      attachTo: document.body,
    })
    const reload = async () => {
      const again = await getDirectory()
      if (again.ok) await w.setProps({ directory: again.data })
    }

    // Added with Enter in the box.
    const add = w.find('form input')
    await add.setValue(added)
    await w.find('form').trigger('submit')
    await until(() => changes.length === 1, 'the unit added')
    expect(await units()).toContain(added)
    await reload()

    // Renamed in place: Enter saves.
    const row = () => w.findAll('li').find((li) => li.text().includes(run))!
    await row().findAll('button').find((b) => b.text() === 'Sửa')!.trigger('click')
    await flushPromises()
    const box = w.find('[data-edit-unit]')
    await box.setValue(renamed)
    await box.trigger('keydown', { key: 'Enter' })
    await until(() => changes.length === 2, 'the unit renamed')
    expect(await units()).toContain(renamed)
    await reload()

    // Esc cancels: nothing is sent, the row shows the saved name again.
    await row().findAll('button').find((b) => b.text() === 'Sửa')!.trigger('click')
    await flushPromises()
    await w.find('[data-edit-unit]').setValue('Tên chưa lưu')
    await w.find('[data-edit-unit]').trigger('keydown', { key: 'Escape' })
    await flushPromises()
    expect(w.find('[data-edit-unit]').exists()).toBe(false)
    expect(row().text()).toContain(renamed)
    expect(changes).toHaveLength(2)

    // Deleted only after the dialog asks.
    await row().findAll('button').find((b) => b.text() === 'Xóa')!.trigger('click')
    await flushPromises()
    expect(await units()).toContain(renamed)
    await w.find('[data-testid="unit-delete-confirm"]').trigger('click')
    await until(() => changes.length === 3, 'the unit deleted')
    expect(await units()).not.toContain(renamed)
    w.unmount()
  })
})

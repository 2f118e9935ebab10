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
    await add.setValue('Phòng Văn hóa - Xã hội')
    await w.find('form').trigger('submit')
    await until(() => changes.length === 1, 'the unit added')
    expect(await units()).toContain('Phòng Văn hóa - Xã hội')
    await reload()

    // Renamed in place: Enter saves.
    const row = () => w.findAll('li').find((li) => li.text().includes('Phòng Văn hóa'))!
    await row().findAll('button').find((b) => b.text() === 'Sửa')!.trigger('click')
    await flushPromises()
    const box = w.find('[data-edit-unit]')
    await box.setValue('Phòng Văn hóa, Khoa học và Thông tin')
    await box.trigger('keydown', { key: 'Enter' })
    await until(() => changes.length === 2, 'the unit renamed')
    expect(await units()).toContain('Phòng Văn hóa, Khoa học và Thông tin')
    await reload()

    // Esc cancels: nothing is sent, the row shows the saved name again.
    await row().findAll('button').find((b) => b.text() === 'Sửa')!.trigger('click')
    await flushPromises()
    await w.find('[data-edit-unit]').setValue('Tên chưa lưu')
    await w.find('[data-edit-unit]').trigger('keydown', { key: 'Escape' })
    await flushPromises()
    expect(w.find('[data-edit-unit]').exists()).toBe(false)
    expect(row().text()).toContain('Phòng Văn hóa, Khoa học và Thông tin')
    expect(changes).toHaveLength(2)

    // Deleted only after the dialog asks.
    await row().findAll('button').find((b) => b.text() === 'Xóa')!.trigger('click')
    await flushPromises()
    expect(await units()).toContain('Phòng Văn hóa, Khoa học và Thông tin')
    await w.find('[data-testid="unit-delete-confirm"]').trigger('click')
    await until(() => changes.length === 3, 'the unit deleted')
    expect(await units()).not.toContain('Phòng Văn hóa, Khoa học và Thông tin')
    w.unmount()
  })
})

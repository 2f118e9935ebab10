import { expect, test, type Page } from '@playwright/test'
import { asPerson, createMeeting, issuePairingCode, meetingCommand, newContext, openDevicesPanel, signedInContext } from './support/office'
import { handedOutOrigin } from './support/hallAddress'

// Issue 11, part A, in a real browser: the links the console hands out name an address the hall's
// devices can reach (not the console's own http://localhost); the queue reordered by touch and by
// the chair; the focus after Alt+N; consent never pre-ticked; the home list's dates and phases; the
// meeting audit's subjects; the favicon.

// Several browsers at once (console, tablet) on a shared 2-core machine: more than the default minute.
test.describe.configure({ timeout: 120_000 })

const waitingOrder = (page: Page) => page.getByTestId('queue-waiting-row').evaluateAll((rows) => rows.map((r) => Number((r as HTMLElement).dataset.rowNo)))
const focusedTestId = (page: Page) => page.evaluate(() => (document.activeElement === document.body ? 'body' : (document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName ?? 'none')))

test('the devices panel hands out the office-network address, and a tablet pairs through it', async ({ browser }) => {
  const origin = handedOutOrigin()
  // The server runs on this machine: with a network besides its loopback, that is what it hands out.
  test.skip(origin === null, 'this machine has no network but its loopback')
  const meetingId = await createMeeting('Đối thoại với nhân dân bản Na Há')

  // The secretary on the server machine itself, as the README and the start-up log suggest.
  const context = await signedInContext(browser, 'secretary', { viewport: { width: 1400, height: 1000 } })
  const secretary = await context.newPage()
  await secretary.goto(`/m/${meetingId}/secretary`)
  expect(new URL(secretary.url()).hostname).toBe('localhost')
  await openDevicesPanel(secretary)
  await expect(secretary.getByTestId('hall-address-url')).toHaveText(origin!)
  await expect(secretary.getByTestId('hall-address-info')).toContainText('localhost')
  await expect(secretary.getByTestId('hall-address-warning')).toHaveCount(0)

  await issuePairingCode(secretary, 'chair')
  const card = secretary.getByTestId('pairing-code-card')
  await expect(card.getByTestId('pair-page-url')).toHaveText(`${origin}/pair`)
  const qr = await card.getByTestId('qr').getAttribute('data-url')
  expect(qr).toMatch(new RegExp(`^${origin!.replace(/\./g, '\\.')}/pair#.+`))
  await expect(secretary.getByTestId('attendee-url')).toHaveText(`${origin}/m/${meetingId}/attendee`)
  const attendeeQr = secretary.getByTestId('pairing-panel').getByTestId('qr').last()
  await expect(attendeeQr).toHaveAttribute('data-url', `${origin}/m/${meetingId}/attendee`)
  for (const text of [qr!, await secretary.getByTestId('attendee-url').textContent()]) expect(text).not.toMatch(/localhost|127\.0\.0\.1/)

  // A tablet in the hall opens what the QR code holds, at that address, and is paired at once.
  const tabletContext = await newContext(browser, { viewport: { width: 1180, height: 820 }, hasTouch: true })
  const tablet = await tabletContext.newPage()
  await tablet.goto(qr!)
  await expect(tablet).toHaveURL(`${origin}/m/${meetingId}/chair`)
  await tabletContext.close()
  await context.close()
})

test('the queue is reordered by touch on the console, and the chair moves someone next', async ({ browser }) => {
  const meetingId = await createMeeting('Đối thoại hàng chờ')
  for (const name of ['Lò Văn Một', 'Cầm Thị Hai', 'Quàng Văn Ba']) await meetingCommand('secretary', meetingId, 'speaker:register', { name })

  const context = await signedInContext(browser, 'secretary', { viewport: { width: 1400, height: 1000 }, hasTouch: true })
  const secretary = await context.newPage()
  await secretary.goto(`/m/${meetingId}/secretary`)
  await expect(secretary.getByTestId('queue-waiting-row')).toHaveCount(3)

  // Buttons a finger can hit.
  for (const id of ['queue-up-2', 'queue-down-2', 'queue-to-next-2']) {
    const box = await secretary.getByTestId(id).boundingBox()
    expect(box!.height, id).toBeGreaterThanOrEqual(44)
    expect(box!.width, id).toBeGreaterThanOrEqual(44)
  }
  await expect(secretary.getByTestId('queue-up-1')).toBeDisabled()
  await expect(secretary.getByTestId('queue-down-3')).toBeDisabled()

  await secretary.getByTestId('queue-down-1').tap()
  await expect.poll(() => waitingOrder(secretary)).toEqual([2, 1, 3])
  await secretary.getByTestId('queue-up-3').tap()
  await expect.poll(() => waitingOrder(secretary)).toEqual([2, 3, 1])
  await secretary.getByTestId('queue-to-next-1').tap()
  await expect.poll(() => waitingOrder(secretary)).toEqual([1, 2, 3])

  // The chair's tablet: "Mời tiếp theo" puts a waiting speaker first, without calling anyone.
  const chairContext = await signedInContext(browser, 'chair', { viewport: { width: 1180, height: 820 }, hasTouch: true })
  const chair = await chairContext.newPage()
  await chair.goto(`/m/${meetingId}/chair`)
  await expect(chair.getByTestId('chair-queue-row')).toHaveCount(3)
  await expect(chair.getByTestId('chair-to-next-1')).toHaveCount(0) // already next
  await chair.getByTestId('chair-to-next-3').tap()
  await expect.poll(() => waitingOrder(secretary)).toEqual([3, 1, 2])
  await expect(chair.getByTestId('chair-queue-row').first()).toContainText('Quàng Văn Ba')
  await expect(secretary.getByTestId('queue-waiting-row')).toHaveCount(3) // nobody was called
  await chairContext.close()
  await context.close()
})

test('after Alt+N or a form sent, the focus stays where the secretary can go on typing', async ({ browser }) => {
  const meetingId = await createMeeting('Đối thoại phím tắt')
  const context = await signedInContext(browser, 'secretary', { viewport: { width: 1400, height: 1000 } })
  const secretary = await context.newPage()
  await secretary.goto(`/m/${meetingId}/secretary`)
  await expect(secretary.getByTestId('connection-status')).toHaveAttribute('data-status', 'online')

  // Consent is never pre-ticked, and the form comes back unticked with the focus on its first field.
  const form = secretary.getByTestId('speaker-form')
  for (const name of ['Lò Văn Một', 'Cầm Thị Hai', 'Quàng Văn Ba']) {
    await expect(form.getByTestId('speaker-show-name')).not.toBeChecked()
    await form.getByTestId('speaker-name').fill(name)
    if (name === 'Cầm Thị Hai') await form.getByTestId('speaker-show-name').check()
    await form.getByTestId('speaker-name').press('Enter')
    await expect(form.getByTestId('speaker-name')).toHaveValue('')
    await expect(form.getByTestId('speaker-name')).toBeFocused()
  }
  await expect(form.getByTestId('speaker-show-name')).not.toBeChecked()
  await expect(secretary.getByTestId('queue-waiting-row')).toHaveCount(3)

  // On the first waiting row (Alt+Q), Alt+N calls that very speaker: the focus moves on, not to <body>.
  await secretary.keyboard.press('Alt+KeyQ')
  await expect(secretary.locator('[data-row-no="1"]')).toBeFocused()
  await secretary.keyboard.press('Alt+KeyN')
  await expect(secretary.getByTestId('queue-waiting-row')).toHaveCount(2)
  await expect.poll(() => focusedTestId(secretary)).not.toBe('body')

  // "Gọi tiếp" pressed with the mouse is disabled while it is sent: the focus comes back to it.
  await secretary.getByTestId('call-next').click()
  await expect(secretary.getByTestId('queue-waiting-row')).toHaveCount(1)
  await expect(secretary.getByTestId('call-next')).toBeFocused()
  await secretary.keyboard.press('Alt+KeyN')
  await expect(secretary.getByTestId('queue-waiting-row')).toHaveCount(0)
  await expect.poll(() => focusedTestId(secretary)).not.toBe('body')
  await context.close()
})

test('recording a follow-up result, "Đã trả lời người kiến nghị" starts unticked', async ({ browser }) => {
  const unitName = 'Phòng Văn hóa - Xã hội'
  const unitId = await asPerson('admin', async (api) => {
    const directory = (await (await api.get('/api/directory')).json()) as { units: { id: string; name: string }[] }
    const found = directory.units.find((u) => u.name === unitName)
    if (found) return found.id
    const created = await api.post('/api/directory/units', { data: { name: unitName } })
    expect(created.status()).toBe(201)
    return ((await created.json()) as { id: string }).id
  })
  const meetingId = await createMeeting('Đối thoại theo dõi trả lời')
  await meetingCommand('secretary', meetingId, 'petition:record', { origin: 'registered', field: 'Văn hóa', title: 'Sửa nhà văn hóa bản', petitionerName: 'Lò Văn Văn' })
  await meetingCommand('secretary', meetingId, 'petition:commit-written-answer', { petitionNo: 1, unitId })

  const context = await signedInContext(browser, 'secretary')
  const page = await context.newPage()
  await page.goto(`/m/${meetingId}/follow-up`)
  await page.getByTestId('follow-up-row').first().getByTestId('record').click()
  await expect(page.getByTestId('result-answered')).toBeVisible()
  await expect(page.getByTestId('result-answered')).not.toBeChecked()
  await context.close()
})

test('the home list tells meetings of the same title apart by date and phase', async ({ browser }) => {
  const title = `Đối thoại định kỳ ${Date.now()}`
  const first = await createMeeting(title)
  const second = await createMeeting(title)
  await meetingCommand('secretary', second, 'meeting:update-details', { title, meetingDate: '2026-06-20' })
  await meetingCommand('secretary', second, 'meeting:set-phase', { phase: 'dialogue' })

  const context = await signedInContext(browser, 'chair')
  const home = await context.newPage()
  await home.goto('/')
  const items = home.getByTestId('meeting-item').filter({ hasText: title })
  await expect(items).toHaveCount(2)
  // Newest first.
  await expect(items.nth(0).getByTestId('meeting-item-when')).toHaveText('Ngày họp 20/06/2026 · Đối thoại')
  await expect(items.nth(1).getByTestId('meeting-item-when')).toHaveText('Chưa đặt ngày họp · Khai mạc')
  expect(first).not.toBe(second)
  await context.close()
})

test('the meeting audit names the petition and speaker of each entry, a confidential one by number and field', async ({ browser }) => {
  const meetingId = await createMeeting('Đối thoại có đơn bảo mật')
  await meetingCommand('secretary', meetingId, 'petition:record', { origin: 'registered', field: 'Đất đai', title: 'Cấp đổi sổ đỏ bản Mòng', petitionerName: 'Cầm Văn Công' })
  await meetingCommand('secretary', meetingId, 'petition:record', { origin: 'registered', field: 'Tổ chức cán bộ', title: 'Tố cáo cán bộ thôn', petitionerName: 'Quàng Thị Kín', confidential: true })
  await meetingCommand('secretary', meetingId, 'speaker:register', { name: 'Lò Văn Nói', petitionNos: [1] })
  await meetingCommand('secretary', meetingId, 'speaker:register', { name: 'Quàng Thị Kín', petitionNos: [2] })

  const context = await signedInContext(browser, 'oversight')
  const page = await context.newPage()
  await page.goto(`/m/${meetingId}/audit`)
  const subjects = page.getByTestId('meeting-audit-subject')
  await expect(subjects).toHaveText(['', 'KN 1: Cấp đổi sổ đỏ bản Mòng', 'Kiến nghị số 2 (bảo mật, lĩnh vực Tổ chức cán bộ)', 'Người phát biểu số 1: Lò Văn Nói', 'Người phát biểu số 2'])
  await expect(page.getByTestId('meeting-audit')).not.toContainText('Tố cáo cán bộ thôn')
  await expect(page.getByTestId('meeting-audit')).not.toContainText('Quàng Thị Kín')
  await context.close()
})

test('the app has a favicon the Content-Security-Policy lets the browser load', async ({ browser }) => {
  const context = await newContext(browser)
  const page = await context.newPage()
  const violations: string[] = []
  page.on('console', (m) => {
    if (/Content.Security.Policy/i.test(m.text())) violations.push(m.text())
  })
  await page.goto('/sign-in')
  const href = await page.locator('link[rel="icon"]').getAttribute('href')
  expect(href).toBe('/favicon.svg')
  const icon = await page.request.get(href!)
  expect(icon.status()).toBe(200)
  expect(icon.headers()['content-type']).toContain('image/svg+xml')
  // Drawn as an image under the page's own policy.
  const loaded = await page.evaluate(
    (src) => new Promise<boolean>((resolve) => Object.assign(new Image(), { onload: () => resolve(true), onerror: () => resolve(false), src })),
    href!,
  )
  expect(loaded).toBe(true)
  expect(violations).toEqual([])
  await context.close()
})

import { devices, expect, test, type BrowserContextOptions, type Page } from '@playwright/test'
import { createMeeting, meetingCommand, newContext, signedInContext } from './support/office'

// Phones as a second registration desk: two attendees ask to speak from their phones (no account,
// no pairing), one with a new petition, one asking to stay confidential. The secretary accepts the
// first (the speaker and the new petition registered together) and declines the second with a
// reason. Each phone shows its own outcome, and the hall screen never shows the confidential person.

const title = 'Đối thoại với nhân dân xã Chiềng Sơ năm 2026'

const open = { name: 'Lò Thị Hoa Mai', village: 'Bản Mòn', field: 'Giao thông', content: 'Cầu treo qua suối Nậm Lạnh bị hỏng, trẻ em đi học rất nguy hiểm' }
const secret = { name: 'Quàng Văn Kín Đáo', village: 'Bản Hẻo Lánh', content: 'Tố cáo cán bộ địa chính thu tiền trái phép khi làm sổ đỏ' }
const declineReason = 'Mời ông gặp trực tiếp Tổ tiếp công dân ngay sau hội nghị'
const secrets = [secret.name, secret.village, secret.content, declineReason]

/** A phone-sized context: Pixel 7 (Chromium), touch. */
function phoneOptions(): BrowserContextOptions {
  const { defaultBrowserType: _browser, ...pixel } = devices['Pixel 7']
  return { ...pixel, hasTouch: true }
}

/** Everything a page receives over the socket and the API, to check what never reached it. */
function recordReceived(page: Page): string[] {
  const received: string[] = []
  page.on('websocket', (ws) => ws.on('framereceived', (frame) => received.push(String(frame.payload))))
  page.on('response', async (response) => {
    if (response.url().includes('/socket.io/') || response.url().includes('/api/')) received.push(await response.text().catch(() => ''))
  })
  return received
}

test('two phones ask to speak, one with a new petition and one confidential; the console accepts one and declines the other; each phone shows its outcome', async ({ browser }) => {
  test.setTimeout(180_000) // four browser contexts on a shared machine
  const meetingId = await createMeeting(title, 'Hội trường UBND xã')
  await meetingCommand('secretary', meetingId, 'petition:record', { origin: 'registered', field: 'Đất đai', title: 'Cấp giấy chứng nhận quyền sử dụng đất bản Nà Sài' })

  const secretaryContext = await signedInContext(browser, 'secretary', { viewport: { width: 1366, height: 900 } })
  const secretary = await secretaryContext.newPage()
  await secretary.goto(`/m/${meetingId}/secretary`)
  await expect(secretary.getByTestId('meeting-title')).toHaveText(title)

  // The hall screen, as the secretary's account may open it.
  const projectorContext = await signedInContext(browser, 'secretary', { viewport: { width: 1920, height: 1080 } })
  const projector = await projectorContext.newPage()
  const projectorReceived = recordReceived(projector)
  await projector.goto(`/m/${meetingId}/projector`)

  // Phone A: a new petition, and consent to be named.
  const phoneAContext = await newContext(browser, phoneOptions())
  const phoneA = await phoneAContext.newPage()
  const phoneAReceived = recordReceived(phoneA)
  await phoneA.goto(`/m/${meetingId}/attendee`)
  await expect(phoneA.getByTestId('attendee-title')).toHaveText(title)
  await phoneA.getByTestId('phone-request-open').tap()
  const formA = phoneA.getByTestId('phone-request-form')
  await expect(formA.getByTestId('phone-request-show-name')).not.toBeChecked() // consent is given, never assumed
  // Sent empty: the shared schema's Vietnamese messages, next to the fields.
  await formA.getByTestId('phone-request-submit').tap()
  await expect(formA.locator('#phone-request-name-error')).toHaveText('Không được để trống.')
  await expect(formA.locator('#phone-request-content-error')).toHaveText('Không được để trống.')
  await formA.getByTestId('phone-request-name').fill(open.name)
  await formA.getByTestId('phone-request-unit').fill(open.village)
  await formA.getByTestId('phone-request-field').fill(open.field)
  await formA.getByTestId('phone-request-content').fill(open.content)
  await formA.getByTestId('phone-request-show-name').check()
  await formA.getByTestId('phone-request-submit').tap()
  await expect(phoneA.getByTestId('phone-request-status')).toHaveText('Đã gửi. Đang chờ thư ký xem đăng ký của bạn.')

  // Phone B: "giữ bí mật".
  const phoneBContext = await newContext(browser, phoneOptions())
  const phoneB = await phoneBContext.newPage()
  const phoneBReceived = recordReceived(phoneB)
  await phoneB.goto(`/m/${meetingId}/attendee`)
  await phoneB.getByTestId('phone-request-open').tap()
  const formB = phoneB.getByTestId('phone-request-form')
  await formB.getByTestId('phone-request-name').fill(secret.name)
  await formB.getByTestId('phone-request-unit').fill(secret.village)
  await formB.getByTestId('phone-request-about-confidential').check()
  await expect(formB.getByTestId('phone-request-show-name')).toHaveCount(0) // not named, whatever
  await formB.getByTestId('phone-request-content').fill(secret.content)
  await formB.getByTestId('phone-request-submit').tap()
  await expect(phoneB.getByTestId('phone-request-status')).toHaveText('Đã gửi. Đang chờ thư ký xem đăng ký của bạn.')

  // The chair's tablet counts them (the secretary's account may open it).
  const chair = await secretaryContext.newPage()
  await chair.goto(`/m/${meetingId}/chair`)
  await expect(chair.getByTestId('chair-request-count')).toHaveText('2 đăng ký từ điện thoại chờ thư ký')
  await chair.close()

  // The console: two requests waiting, with what each person wrote.
  const queue = secretary.getByTestId('request-queue')
  await expect(queue.getByTestId('request-queue-count')).toHaveText('2')
  const itemA = queue.getByTestId('request-item').filter({ hasText: open.name })
  const itemB = queue.getByTestId('request-item').filter({ hasText: secret.name })
  await expect(itemA).toContainText(open.content)
  await expect(itemB).toContainText('Giữ bí mật')
  await expect(itemB).toContainText(secret.content)

  // Accept A, correcting the petition's title prefilled from what she wrote.
  await itemA.getByRole('button', { name: 'Xem và nhận' }).click()
  const acceptForm = itemA.getByTestId('request-accept-form')
  await expect(acceptForm.getByTestId('request-accept-name')).toHaveValue(open.name)
  await expect(acceptForm.getByTestId('request-accept-title')).toHaveValue(open.content)
  await acceptForm.getByTestId('request-accept-title').fill('Sửa cầu treo suối Nậm Lạnh')
  await acceptForm.getByTestId('request-accept-submit').click()
  await expect(secretary.getByTestId('console-notice')).toContainText('Đã nhận: người phát biểu số 1.')
  await expect(queue.getByTestId('request-queue-count')).toHaveText('1')
  // Registered with her petition, marked as added in the room.
  const addedPetition = secretary.getByTestId('petition-list').getByTestId('petition-row').filter({ hasText: 'Sửa cầu treo suối Nậm Lạnh' })
  await expect(addedPetition).toHaveAttribute('data-origin', 'added')
  await expect(addedPetition).toContainText(open.name)

  await expect(phoneA.getByTestId('phone-request-status')).toHaveText('Thư ký đã nhận. Bạn là người phát biểu số 1; bạn là người tiếp theo.')
  // A reload keeps the request: the phone holds its id and secret.
  await phoneA.reload()
  await expect(phoneA.getByTestId('phone-request-status')).toHaveText('Thư ký đã nhận. Bạn là người phát biểu số 1; bạn là người tiếp theo.')

  // Decline B with a reason: phone B reads it, nobody else receives it.
  await itemB.getByRole('button', { name: 'Từ chối' }).click()
  await itemB.getByTestId('request-decline-reason').fill(declineReason)
  await itemB.getByTestId('request-decline-submit').click()
  await expect(secretary.getByTestId('console-notice')).toContainText('Đã từ chối đăng ký.')
  await expect(queue.getByTestId('request-queue-count')).toHaveText('0')
  await expect(phoneB.getByTestId('phone-request-status')).toHaveText('Thư ký không nhận đăng ký này.')
  await expect(phoneB.getByTestId('phone-request-reason')).toHaveText(`Lý do: ${declineReason}`)

  // The hall follows the accepted speaker by name (she consented), and never the confidential one.
  await expect(projector.getByText(open.name).first()).toBeVisible()
  for (const page of [projector, phoneA]) {
    const html = await page.content()
    for (const text of secrets) expect(html).not.toContain(text)
  }
  for (const received of [projectorReceived, phoneAReceived]) {
    expect(received.length).toBeGreaterThan(0)
    for (const payload of received) for (const text of secrets) expect(payload).not.toContain(text)
  }
  // Phone B received its own reason, asked with its secret.
  expect(phoneBReceived.join('\n')).toContain(declineReason)
  // Fits the phone's width.
  expect(await phoneB.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(412)

  await phoneAContext.close()
  await phoneBContext.close()
  await projectorContext.close()
  await secretaryContext.close()
})

test('a phone withdraws its waiting request, and the console no longer offers it', async ({ browser }) => {
  test.setTimeout(120_000)
  const meetingId = await createMeeting('Đối thoại với nhân dân bản Nà Sài', 'Nhà văn hóa bản')
  const secretaryContext = await signedInContext(browser, 'secretary', { viewport: { width: 1366, height: 900 } })
  const secretary = await secretaryContext.newPage()
  await secretary.goto(`/m/${meetingId}/secretary`)

  const phoneContext = await newContext(browser, phoneOptions())
  const phone = await phoneContext.newPage()
  await phone.goto(`/m/${meetingId}/attendee`)
  await phone.getByTestId('phone-request-open').tap()
  const form = phone.getByTestId('phone-request-form')
  await form.getByTestId('phone-request-name').fill('Cầm Văn Rút')
  await form.getByTestId('phone-request-content').fill('Xin hỏi về tiền hỗ trợ làm nhà')
  await form.getByTestId('phone-request-submit').tap()
  await expect(phone.getByTestId('phone-request-status')).toHaveText('Đã gửi. Đang chờ thư ký xem đăng ký của bạn.')
  await expect(secretary.getByTestId('request-queue-count')).toHaveText('1')

  // The meeting does not close on someone waiting for an answer.
  await secretary.getByTestId('phase-closed').click()
  const closing = secretary.getByTestId('close-meeting-dialog')
  await expect(closing.getByTestId('close-waiting-requests')).toContainText('Còn 1 đăng ký phát biểu từ điện thoại chưa xem')
  await expect(closing.getByTestId('close-meeting-confirm')).toBeDisabled()
  await closing.getByRole('button', { name: 'Hủy' }).click()

  await phone.getByTestId('phone-request-withdraw').tap()
  await expect(phone.getByTestId('phone-request-status')).toHaveText('Bạn đã rút đăng ký phát biểu.')
  await expect(secretary.getByTestId('request-queue-count')).toHaveText('0')
  await expect(secretary.getByTestId('request-item')).toHaveCount(0)
  // The phone may ask again.
  await phone.getByTestId('phone-request-again').tap()
  await expect(phone.getByTestId('phone-request-form')).toBeVisible()

  await phoneContext.close()
  await secretaryContext.close()
})

import { expect, test } from '@playwright/test'
import { createMeeting, issuePairingCode, meetingCommand, newContext, prepareOffice, signedInContext } from './support/office'

// The README's pictures of the access screens, made on demand: `SCREENSHOTS=1 npx playwright test
// screenshots`. Skipped in a normal run: a picture asserts nothing a user would notice.
test.skip(!process.env.SCREENSHOTS, 'set SCREENSHOTS=1 to refresh docs/screenshots')

test('the access screens, for the README', async ({ browser }) => {
  await prepareOffice('admin', 'secretary', 'chair', 'oversight')
  const visitor = await newContext(browser, { viewport: { width: 1280, height: 800 } })
  const signIn = await visitor.newPage()
  await signIn.goto('/sign-in')
  await expect(signIn.getByTestId('sign-in-submit')).toBeVisible()
  await signIn.screenshot({ path: 'docs/screenshots/sign-in.png' })

  const secretary = await signedInContext(browser, 'secretary', { viewport: { width: 1440, height: 900 } })
  const home = await secretary.newPage()
  await home.goto('/')
  await home.getByTestId('create-demo').or(home.getByTestId('create-demo-small')).click()
  await expect(home).toHaveURL(/\/m\/[0-9a-f-]{36}\/secretary$/)
  await issuePairingCode(home, 'projector')
  await home.getByTestId('pairing-panel').screenshot({ path: 'docs/screenshots/pairing.png' })

  const tablet = await newContext(browser, { viewport: { width: 1024, height: 768 }, hasTouch: true })
  const pair = await tablet.newPage()
  await pair.goto('/pair')
  await expect(pair.getByTestId('pair-code')).toBeVisible()
  await pair.screenshot({ path: 'docs/screenshots/pair.png' })

  const admin = await signedInContext(browser, 'admin', { viewport: { width: 1440, height: 900 } })
  const users = await admin.newPage()
  await users.goto('/users')
  await expect(users.getByTestId('users-table').or(users.locator('table')).first()).toBeVisible()
  await users.screenshot({ path: 'docs/screenshots/users.png' })

  const phone = await newContext(browser, { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true })
  const attendee = await phone.newPage()
  const meeting = /\/m\/([0-9a-f-]{36})\//.exec(home.url())![1]
  await attendee.goto(`/m/${meeting}/attendee`)
  await expect(attendee.locator('main, body').first()).toContainText(/./)
  await attendee.waitForLoadState('networkidle')
  await attendee.screenshot({ path: 'docs/screenshots/attendee-phone.png' })

  const oversight = await signedInContext(browser, 'oversight', { viewport: { width: 1440, height: 900 } })
  const audit = await oversight.newPage()
  const meetingId = /\/m\/([0-9a-f-]{36})\//.exec(home.url())![1]
  await audit.goto(`/m/${meetingId}/audit`)
  await expect(audit.getByTestId('meeting-audit-entry').first()).toBeVisible()
  await audit.screenshot({ path: 'docs/screenshots/meeting-audit.png' })
})

test('the hall’s screens, for the README', async ({ browser }) => {
  test.setTimeout(180_000)
  await prepareOffice('secretary')
  const meetingId = await createMeeting('Hội nghị đối thoại với Nhân dân xã Mường Giôn năm 2026', 'Hội trường UBND xã Mường Giôn')
  await meetingCommand('secretary', meetingId, 'petition:record', { origin: 'registered', field: 'Giao thông', title: 'Sửa đường liên bản Nà Hạ – Huổi Cọ', petitionerName: 'Lò Văn Thắng', showName: true })
  await meetingCommand('secretary', meetingId, 'petition:record', { origin: 'registered', field: 'Đất đai', title: 'Tố cáo cán bộ địa chính nhận tiền', petitionerName: 'Lò Văn Kín', confidential: true })
  await meetingCommand('secretary', meetingId, 'speaker:register', { name: 'Lò Văn Thắng', unit: 'Bản Nà Hạ', petitionNos: [1], showName: true })
  await meetingCommand('secretary', meetingId, 'meeting:set-phase', { phase: 'dialogue' })
  await meetingCommand('secretary', meetingId, 'speaker:call-next')
  await meetingCommand('secretary', meetingId, 'speaker:start')

  // A phone asks to speak, with a new petition.
  const phone = await (await newContext(browser, { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true })).newPage()
  await phone.goto(`/m/${meetingId}/attendee`)
  await phone.getByTestId('phone-request-open').tap()
  const form = phone.getByTestId('phone-request-form')
  await form.getByTestId('phone-request-name').fill('Quàng Thị Hoa')
  await form.getByTestId('phone-request-unit').fill('Bản Huổi Cọ')
  await form.getByTestId('phone-request-about-new').check()
  await form.getByTestId('phone-request-field').fill('Y tế')
  await form.getByTestId('phone-request-content').fill('Trạm y tế xã thiếu thuốc điều trị bệnh mãn tính cho người cao tuổi')
  await form.getByTestId('phone-request-show-name').check()
  await form.scrollIntoViewIfNeeded()
  await phone.screenshot({ path: 'docs/screenshots/phone-request.png' })
  await form.getByTestId('phone-request-submit').tap()
  await expect(phone.getByTestId('phone-request-status')).toContainText('Đang chờ thư ký')

  // The console sees the request in its queue.
  const console = await (await signedInContext(browser, 'secretary', { viewport: { width: 1440, height: 900 } })).newPage()
  await console.goto(`/m/${meetingId}/secretary`)
  await expect(console.getByTestId('request-item')).toHaveCount(1)
  await console.getByTestId('request-queue').scrollIntoViewIfNeeded()
  await console.screenshot({ path: 'docs/screenshots/console-requests.png' })

  // The hall screen, live.
  const hall = await (await signedInContext(browser, 'secretary', { viewport: { width: 1920, height: 1080 } })).newPage()
  await hall.goto(`/m/${meetingId}/projector`)
  await expect(hall.getByTestId('projector')).toHaveAttribute('data-screen', 'live')
  await expect(hall.getByTestId('projector-current-name')).toHaveText('Lò Văn Thắng')
  await hall.screenshot({ path: 'docs/screenshots/projector-live.png' })

  // The end: the chair's conclusions, then the figures.
  await meetingCommand('secretary', meetingId, 'speaker:finish')
  await meetingCommand('secretary', meetingId, 'petition:record-answer', { petitionNo: 1, summary: 'UBND xã sửa trong quý III' })
  await meetingCommand('secretary', meetingId, 'petition:conclude', { petitionNo: 1, conclusion: 'Giao UBND xã sửa đường liên bản trong quý III năm 2026.' })
  await meetingCommand('secretary', meetingId, 'petition:forward', { petitionNo: 2, body: 'Thanh tra tỉnh' })
  await meetingCommand('secretary', meetingId, 'meeting:set-phase', { phase: 'conclusion' })
  await meetingCommand('secretary', meetingId, 'meeting:record-conclusion', { text: 'Hội nghị diễn ra dân chủ, thẳng thắn; các ý kiến được trả lời cụ thể.' })
  await expect(hall.getByTestId('projector')).toHaveAttribute('data-screen', 'conclusion')
  await expect(hall.getByTestId('projector-closing-conclusion')).toBeVisible({ timeout: 20_000 })
  await hall.screenshot({ path: 'docs/screenshots/projector-conclusion.png' })
  // Closing waits until the phone has its answer.
  await console.locator('[data-testid^="request-decline-open-"]').click()
  await console.getByTestId('request-decline-reason').fill('Hết thời gian; mời bà gửi kiến nghị qua Bộ phận một cửa của xã')
  await console.getByTestId('request-decline-submit').click()
  await expect(phone.getByTestId('phone-request-reason')).toContainText('Bộ phận một cửa')
  await meetingCommand('secretary', meetingId, 'meeting:set-phase', { phase: 'closed' })
  await expect(hall.getByTestId('projector')).toHaveAttribute('data-screen', 'closing')
  await hall.screenshot({ path: 'docs/screenshots/projector-closing.png' })

  // A network drop, as the console shows it.
  await console.context().setOffline(true)
  await expect(console.getByTestId('offline-banner')).toBeVisible({ timeout: 20_000 })
  await console.screenshot({ path: 'docs/screenshots/console-offline.png' })
  await console.context().setOffline(false)
})

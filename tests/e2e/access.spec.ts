import { expect, test, type Page } from '@playwright/test'
import {
  adoptSession,
  createMeeting,
  E2E_SETUP_TOKEN,
  fillSignIn,
  issuePairingCode,
  meetingCommand,
  newContext,
  pairDevice,
  passwordFor,
  people,
  setupRequired,
  signedInContext,
} from './support/office'
import { handedOutOrigin } from './support/hallAddress'

// Who may see and do what, in a real browser (docs/access.md): the first-run link, accounts and their
// one-time links, signing in and out, pairing the hall's devices and revoking one, the oversight
// board's audit trail, and the attendee's phone without an account. This file runs first: on the
// server's empty database, its first test is the administrator's first run.

const invalidCredentials = 'Tên đăng nhập hoặc mật khẩu không đúng.'

test('first run: the one-time link sets the administrator password and signs in', async ({ browser }) => {
  test.skip(!(await setupRequired()), 'the first-run link was already used in this server run (a spec ran before this one)')
  const context = await newContext(browser)
  const page = await context.newPage()

  // Nobody has a password yet: the home page sends to sign-in, which says how the office starts.
  await page.goto('/')
  await expect(page).toHaveURL(/\/sign-in$/)
  await expect(page.getByTestId('setup-required')).toContainText('Hệ thống chưa có mật khẩu quản trị.')

  // The link printed by the server: the token leaves the address bar as soon as the page reads it.
  await page.goto(`/set-password#${E2E_SETUP_TOKEN}`)
  await expect(page.getByTestId('set-password-form')).toBeVisible()
  await expect(page).toHaveURL(/\/set-password$/)
  const password = page.getByTestId('set-password-password')
  const confirm = page.getByTestId('set-password-confirm')
  const submit = page.getByTestId('set-password-submit')

  // Two typing mistakes, caught on the page before anything is sent.
  await password.fill(passwordFor(people.admin.username))
  await confirm.fill('một mật khẩu khác hẳn')
  await submit.click()
  await expect(page.getByTestId('set-password-form')).toContainText('Hai mật khẩu chưa khớp nhau.')
  await password.fill('ngắn quá')
  await confirm.fill('ngắn quá')
  await submit.click()
  await expect(page.getByTestId('set-password-form')).toContainText('Mật khẩu cần ít nhất 10 ký tự.')

  await password.fill(passwordFor(people.admin.username))
  await confirm.fill(passwordFor(people.admin.username))
  await submit.click()

  // Signed in, on the home page, with the administrator's navigation.
  await expect(page).toHaveURL(/\/$/)
  await expect(page.getByTestId('account-name')).toHaveText(people.admin.displayName)
  await expect(page.getByTestId('nav-users')).toBeVisible()
  await expect(page.getByTestId('nav-audit')).toBeVisible()
  await expect(page.getByTestId('create-demo')).toBeVisible() // also a secretary, on an empty office
  await adoptSession('admin', context)

  // The link works once.
  const again = await newContext(browser)
  const reuse = await again.newPage()
  await reuse.goto(`/set-password#${E2E_SETUP_TOKEN}`)
  await reuse.getByTestId('set-password-password').fill('mật khẩu của kẻ đến sau')
  await reuse.getByTestId('set-password-confirm').fill('mật khẩu của kẻ đến sau')
  await reuse.getByTestId('set-password-submit').click()
  await expect(reuse.getByTestId('set-password-error')).toHaveText('Liên kết đặt mật khẩu không đúng, đã hết hạn hoặc đã được dùng.')
  await expect(reuse).toHaveURL(/\/set-password$/)

  await again.close()
  await context.close()
})

test('the administrator creates an account; its one-time link sets that person’s password in another browser', async ({ browser }) => {
  const username = `thuky.${Date.now().toString(36)}`
  const displayName = 'Cầm Thị Hạnh'

  const adminContext = await signedInContext(browser, 'admin')
  const admin = await adminContext.newPage()
  await admin.goto('/')
  await admin.getByTestId('nav-users').click()
  await expect(admin).toHaveURL(/\/users$/)
  await expect(admin.getByTestId('users-table')).toBeVisible()

  await admin.getByTestId('user-create-open').click()
  const form = admin.getByTestId('user-form-create')
  await form.getByTestId('user-username').fill(username)
  await form.getByTestId('user-display-name').fill(displayName)
  await form.getByTestId('user-role-secretary').check()
  await form.getByTestId('user-submit').click()

  // The link is shown once, to be handed over privately.
  const dialog = admin.getByTestId('setup-link-dialog')
  await expect(dialog).toContainText(`Liên kết đặt mật khẩu cho ${displayName}`)
  // Named with the address the office's other computers reach (the server's), not the admin page's.
  const handedOut = (handedOutOrigin() ?? new URL(admin.url()).origin).replace(/[.]/g, '\\.')
  await expect(dialog.getByTestId('setup-link-url')).toHaveText(new RegExp(`^${handedOut}/set-password#[^#\\s]{20,}$`))
  const link = (await dialog.getByTestId('setup-link-url').textContent())?.trim() ?? ''
  await dialog.getByRole('button', { name: 'Xong' }).click()
  await expect(dialog).toBeHidden()
  const row = admin.getByTestId('user-row').filter({ hasText: username })
  await expect(row).toContainText(displayName)
  await expect(row).toContainText('Chưa đặt')

  // The new secretary, on their own computer.
  const personContext = await newContext(browser)
  const person = await personContext.newPage()
  await person.goto(link)
  await expect(person).toHaveURL(/\/set-password$/)
  const password = `${username} đặt mật khẩu riêng`
  await person.getByTestId('set-password-password').fill(password)
  await person.getByTestId('set-password-confirm').fill(password)
  await person.getByTestId('set-password-submit').click()
  await expect(person).toHaveURL(/\/$/)
  await expect(person.getByTestId('account-name')).toHaveText(displayName)
  await expect(person.getByTestId('new-meeting-title')).toBeVisible() // a secretary creates meetings
  await expect(person.getByTestId('nav-users')).toHaveCount(0) // and is no administrator
  // On the address the link named, where this browser is signed in.
  await person.goto(new URL('/users', person.url()).toString())
  await expect(person.getByTestId('access-denied')).toContainText(`Tài khoản ${displayName} (Thư ký hội nghị) không được phép mở trang này.`)

  // The administrator sees that the password is set now (and never what it is).
  await admin.reload()
  await expect(row).toContainText('Đã đặt')

  await personContext.close()
  await adminContext.close()
})

test('a visitor who opens the console signs in first and comes back to it; a wrong password is refused in Vietnamese', async ({
  browser,
}) => {
  const title = 'Đối thoại với CCVC khối văn hóa'
  const meetingId = await createMeeting(title)
  const consolePath = `/m/${meetingId}/secretary`

  const context = await newContext(browser)
  const page = await context.newPage()
  await page.goto(consolePath)
  await expect(page).toHaveURL(/\/sign-in\?next=/)
  expect(new URL(page.url()).searchParams.get('next')).toBe(consolePath)
  await expect(page.getByTestId('sign-in-form')).toBeVisible()

  const { username } = people.secretary
  await fillSignIn(page, username, 'mật khẩu đoán bừa 123')
  await expect(page.getByTestId('sign-in-error')).toHaveText(invalidCredentials)
  await expect(page.getByTestId('sign-in-password')).toHaveValue('') // not left in the field
  await expect(page).toHaveURL(/\/sign-in\?next=/)

  await fillSignIn(page, username, passwordFor(username))
  await expect(page).toHaveURL(new RegExp(`${consolePath}$`))
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'online')
  await expect(page.getByTestId('meeting-title')).toHaveText(title)

  // The session survives a reload (the cookie), and ends with signing out.
  await page.reload()
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'online')
  await page.goto('/')
  await expect(page.getByTestId('account-name')).toHaveText(people.secretary.displayName)
  await page.getByTestId('sign-out').click()
  await expect(page).toHaveURL(/\/sign-in/)
  await page.goto(consolePath)
  await expect(page).toHaveURL(/\/sign-in\?next=/)
  await context.close()
})

test.describe('the hall devices', () => {
  // The audit test reads what the pairing test did in its meeting.
  test.describe.configure({ mode: 'serial' })

  const title = 'Hội nghị đối thoại với nhân dân bản Phiêng Lanh'
  const confidentialName = 'Lò Văn Giấu Tên'
  const confidentialVillage = 'Bản Hua Nà'
  const secretTitle = 'Phản ánh việc thu tiền sai quy định'
  const projectorLabel = 'Máy chiếu hội trường'
  // Scanning the QR code pairs at once, under the default label.
  const chairLabel = 'Máy tính bảng của Chủ trì'
  let meetingId = ''

  const markLoad = (page: Page) => page.evaluate(() => ((window as unknown as { loadMark: string }).loadMark = 'first-load'))
  const loadMark = (page: Page) => page.evaluate(() => (window as unknown as { loadMark?: string }).loadMark)

  test('the console pairs the projector (code typed) and the chair tablet (QR link), and revokes the projector', async ({ browser }) => {
    meetingId = await createMeeting(title, 'Nhà văn hóa bản')

    const secretaryContext = await signedInContext(browser, 'secretary', { viewport: { width: 1600, height: 1000 } })
    const secretary = await secretaryContext.newPage()
    await secretary.goto(`/m/${meetingId}/secretary`)
    await expect(secretary.getByTestId('connection-status')).toHaveAttribute('data-status', 'online')

    // The devices panel, from the keyboard: nothing paired yet.
    await secretary.keyboard.press('Alt+KeyT')
    await expect(secretary.getByTestId('pairing-panel')).toBeVisible()
    await expect(secretary.getByTestId('devices-toggle')).toHaveAttribute('aria-expanded', 'true')
    await expect(secretary.getByTestId('paired-devices-empty')).toBeVisible()

    // The projector's PC: the code typed on /pair, as with a keyboard in the hall.
    const projectorCode = await issuePairingCode(secretary, 'projector')
    await expect(secretary.getByTestId('pairing-code-card')).toContainText('Mã ghép cho Màn hình chiếu')
    await expect(secretary.getByTestId('pairing-code-card').getByTestId('qr')).toBeVisible()
    const projectorContext = await newContext(browser, { viewport: { width: 1920, height: 1080 } })
    const projector = await projectorContext.newPage()
    await pairDevice(projector, projectorCode, { via: 'typed', label: projectorLabel, screen: 'projector' })
    await expect(projector.getByTestId('projector-title')).toHaveText(title)
    await expect(projector.getByTestId('projector')).toHaveAttribute('data-screen', 'live')
    await expect(projector.getByTestId('projector-offline')).toHaveCount(0)
    await markLoad(projector)

    // A code works once.
    const strangerContext = await newContext(browser)
    const stranger = await strangerContext.newPage()
    await stranger.goto('/pair')
    await stranger.getByTestId('pair-code').pressSequentially(projectorCode)
    await stranger.getByTestId('pair-submit').click()
    await expect(stranger.getByTestId('pair-error')).toHaveText('Mã ghép không đúng hoặc đã hết hạn.')
    await expect(stranger).toHaveURL(/\/pair$/)
    await strangerContext.close()

    // The chair's tablet scans the QR code: its address carries the code's own long secret
    // (/pair#<secret>), which pairs at once, with nothing to type.
    await issuePairingCode(secretary, 'chair')
    await expect(secretary.getByTestId('pairing-code-card')).toContainText('/pair')
    const qrLink = await secretary.getByTestId('pairing-code-card').getByTestId('qr').getAttribute('data-link')
    expect(qrLink).toMatch(/^[A-Za-z0-9_-]{40,}$/)
    const chairContext = await newContext(browser, { viewport: { width: 1280, height: 800 }, hasTouch: true })
    const chair = await chairContext.newPage()
    await chair.goto(`/pair#${qrLink}`)
    await expect(chair).toHaveURL(/\/m\/[0-9a-f-]{36}\/chair$/)
    await expect(chair.getByTestId('meeting-title')).toHaveText(title)
    await expect(chair.getByTestId('connection-status')).toHaveAttribute('data-status', 'online')

    // Both listed on the console, connected.
    const devices = secretary.getByTestId('paired-device')
    const projectorRow = devices.filter({ hasText: projectorLabel })
    const chairRow = devices.filter({ hasText: chairLabel })
    await expect(projectorRow).toHaveAttribute('data-state', 'connected')
    await expect(projectorRow).toContainText('Màn hình chiếu')
    await expect(chairRow).toHaveAttribute('data-state', 'connected')
    await expect(chairRow).toContainText('Chủ trì')

    // The projector shows the live meeting: a confidential petition, its speaker by number only.
    await meetingCommand('secretary', meetingId, 'petition:record', {
      origin: 'registered',
      field: 'Tài chính',
      title: secretTitle,
      petitionerName: confidentialName,
      petitionerAddress: confidentialVillage,
      confidential: true,
    })
    const speakerForm = secretary.getByTestId('speaker-form')
    await speakerForm.getByTestId('speaker-name').fill(confidentialName)
    await speakerForm.getByTestId('speaker-unit').fill(confidentialVillage)
    await speakerForm.getByTestId('speaker-petition-1').check()
    await speakerForm.getByTestId('speaker-submit').click()
    await expect(speakerForm.getByTestId('speaker-form-saved')).toContainText(confidentialName)
    await expect(projector.getByTestId('projector-next-item')).toHaveCount(1)
    await expect(projector.getByTestId('projector-next-item').first()).toContainText('Đại biểu số 1')

    // The paired tablet calls the speaker; the hall follows.
    await expect(chair.getByTestId('chair-call-next')).toContainText(confidentialName) // the chair knows who it is
    await chair.getByTestId('chair-call-next').tap()
    await expect(projector.getByTestId('projector-current-name')).toHaveText('Đại biểu số 1')
    await expect(projector.getByTestId('projector-petition-title')).toHaveText('Kiến nghị số 1 (bảo mật, lĩnh vực Tài chính)')
    await expect(secretary.getByTestId('queue-current')).toContainText(confidentialName)
    const shown = await projector.content()
    expect(shown).not.toContain(confidentialName)
    expect(shown).not.toContain(confidentialVillage)
    expect(shown).not.toContain(secretTitle)

    // A paired tablet is the chair's screen and nothing else: the console asks for an account.
    const chairElsewhere = await chairContext.newPage()
    await chairElsewhere.goto(`/m/${meetingId}/secretary`)
    await expect(chairElsewhere).toHaveURL(/\/sign-in\?next=/)
    await expect(chairElsewhere.getByText('Thiết bị này đã được ghép')).toBeVisible()
    await chairElsewhere.close()

    // Revoked from the console: the hall screen says so at once, without a reload…
    await projectorRow.getByTestId('revoke-device').click()
    await expect(secretary.getByTestId('revoke-dialog')).toContainText(projectorLabel)
    await secretary.getByTestId('revoke-confirm').click()
    await expect(secretary.getByTestId('revoke-dialog')).toBeHidden()
    await expect(projectorRow).toHaveAttribute('data-state', 'revoked')
    await expect(projectorRow.getByTestId('revoke-device')).toHaveCount(0)
    const refused = projector.getByTestId('screen-refused')
    await expect(refused).toHaveAttribute('data-reason', 'revoked')
    await expect(refused).toContainText('Thiết bị này đã bị thu hồi hoặc đã hết thời hạn ghép. Ghép lại bằng mã mới do thư ký cấp.')
    await expect(projector.getByTestId('projector-title')).toHaveCount(0)
    expect(await loadMark(projector)).toBe('first-load')

    // …and stays refused after one (the token is gone from this browser, and void on the server).
    await projector.reload()
    await expect(projector.getByTestId('screen-refused')).toBeVisible()
    await expect(projector.getByTestId('screen-refused-pair')).toBeVisible()
    await expect(projector.getByTestId('projector-title')).toHaveCount(0)

    // The chair's tablet is untouched by it.
    await expect(chair.getByTestId('connection-status')).toHaveAttribute('data-status', 'online')
    await expect(chairRow).toHaveAttribute('data-state', 'connected')

    await projectorContext.close()
    await chairContext.close()
    await secretaryContext.close()
  })

  test('the oversight board reads who did what in the meeting: people by name, devices by label', async ({ browser }) => {
    expect(meetingId, 'the pairing test made the meeting').not.toBe('')
    const context = await signedInContext(browser, 'oversight')
    const page = await context.newPage()

    // From the home page, the meeting opens on its audit trail.
    await page.goto('/')
    const item = page.getByTestId('meeting-item').filter({ hasText: title })
    await expect(item.getByTestId('open-console')).toHaveCount(0)
    await item.getByTestId('open-audit').click()
    await expect(page).toHaveURL(new RegExp(`/m/${meetingId}/audit$`))
    await expect(page.getByTestId('meeting-audit-title')).toHaveText(title)

    const entry = (type: string) => page.locator(`[data-testid="meeting-audit-entry"][data-type="${type}"]`)
    const secretaryName = people.secretary.displayName
    await expect(entry('meeting.created')).toContainText(secretaryName)
    await expect(entry('petition.recorded')).toContainText('Ghi nhận kiến nghị')
    await expect(entry('petition.recorded')).toContainText(secretaryName)
    await expect(entry('speaker.registered')).toContainText('Đăng ký phát biểu')
    // Which speaker the entry concerns, and who did it.
    await expect(entry('speaker.registered')).toContainText('Người phát biểu số 1')
    await expect(entry('speaker.registered')).toContainText(/Thư ký\s*Lò Thị Thư/)
    await expect(entry('speaker.called')).toContainText('Mời phát biểu')
    await expect(entry('speaker.called')).toContainText('Chủ trì')
    await expect(entry('speaker.called')).toContainText(`Thiết bị: ${chairLabel}`)
    await expect(entry('speaker.called').locator('[data-actor-kind="device"]')).toHaveCount(1)

    // The office's own log: the pairings and the revocation, with who did them.
    await page.getByTestId('nav-audit').click()
    await expect(page).toHaveURL(/\/audit$/)
    const office = (action: string) => page.locator(`[data-testid="office-audit-entry"][data-action="${action}"]`)
    await expect(office('device-paired').filter({ hasText: projectorLabel })).toContainText(`Thiết bị: ${projectorLabel}`)
    await expect(office('device-paired').filter({ hasText: chairLabel })).toHaveCount(1)
    await expect(office('device-revoked').filter({ hasText: projectorLabel })).toContainText(secretaryName)

    // The board reads; it does not run the meeting.
    await page.goto(`/m/${meetingId}/secretary`)
    await expect(page.getByTestId('access-denied')).toBeVisible()
    await context.close()
  })
})

test('the attendee link opens on a phone without signing in, and never names a confidential petitioner', async ({ browser }) => {
  const title = 'Đối thoại với nhân dân tổ dân phố 3'
  const confidentialName = 'Quàng Thị Kín'
  const confidentialVillage = 'Tổ dân phố 3, ngõ 12'
  const meetingId = await createMeeting(title, 'Hội trường tổ dân phố')

  // The address, as the console shows it under the hall devices.
  const secretaryContext = await signedInContext(browser, 'secretary', { viewport: { width: 1366, height: 900 } })
  const secretary = await secretaryContext.newPage()
  await secretary.goto(`/m/${meetingId}/secretary`)
  await secretary.getByTestId('devices-toggle').click()
  const attendeeUrl = (await secretary.getByTestId('attendee-url').textContent())?.trim() ?? ''
  // The address handed to the hall's devices, not the console's own http://localhost (tests/e2e/hall-links.spec.ts).
  expect(attendeeUrl).toBe(`${handedOutOrigin() ?? new URL(secretary.url()).origin}/m/${meetingId}/attendee`)

  await meetingCommand('secretary', meetingId, 'petition:record', {
    origin: 'registered',
    field: 'Đất đai',
    title: 'Cấp đổi giấy chứng nhận quyền sử dụng đất',
    petitionerName: 'Cầm Văn Công Khai',
  })
  await meetingCommand('secretary', meetingId, 'petition:record', {
    origin: 'registered',
    field: 'Tổ chức cán bộ',
    title: 'Tố cáo cán bộ tổ dân phố',
    petitionerName: confidentialName,
    petitionerAddress: confidentialVillage,
    confidential: true,
  })
  // Both agreed to be named on screen; the confidential petition keeps the first one hidden anyway.
  await meetingCommand('secretary', meetingId, 'speaker:register', { name: confidentialName, unit: confidentialVillage, petitionNos: [2], showName: true })
  await meetingCommand('secretary', meetingId, 'speaker:register', { name: 'Cầm Văn Công Khai', unit: 'Tổ 3', petitionNos: [1], showName: true })
  await meetingCommand('secretary', meetingId, 'speaker:call-next')

  // A phone in the hall: no account, no pairing.
  const phoneContext = await newContext(browser, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 3 })
  const phone = await phoneContext.newPage()
  const received: string[] = []
  phone.on('websocket', (ws) => ws.on('framereceived', (frame) => received.push(String(frame.payload))))
  phone.on('response', async (response) => {
    if (response.url().includes('/socket.io/') || response.url().includes('/api/')) received.push(await response.text().catch(() => ''))
  })
  await phone.goto(attendeeUrl)
  await expect(phone).toHaveURL(new RegExp(`/m/${meetingId}/attendee$`)) // not sent to sign-in
  await expect(phone.getByTestId('attendee-title')).toHaveText(title)
  await expect(phone.getByTestId('attendee-speaker-name')).toHaveText('Đại biểu số 1')
  // The confidential petition under discussion: by its number and field, its subject withheld.
  await expect(phone.getByTestId('attendee-petition')).toContainText('Kiến nghị số 2 (bảo mật, lĩnh vực Tổ chức cán bộ)')
  await expect(phone.getByTestId('attendee-petition')).not.toContainText('Tố cáo cán bộ tổ dân phố')
  await expect(phone.getByTestId('attendee-next')).toContainText('Cầm Văn Công Khai')
  await expect(phone.getByTestId('attendee-petitions')).toContainText('Cấp đổi giấy chứng nhận quyền sử dụng đất')

  // Live: the secretary calls the next speaker, the phone follows.
  await secretary.getByTestId('call-next').click()
  await expect(phone.getByTestId('attendee-speaker-name')).toHaveText('Cầm Văn Công Khai')

  // Fits the phone's width, and the confidential petitioner is nowhere: not on screen, not sent.
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
  const html = await phone.content()
  expect(html).not.toContain(confidentialName)
  expect(html).not.toContain(confidentialVillage)
  expect(received.length).toBeGreaterThan(0)
  for (const payload of received) {
    expect(payload).not.toContain(confidentialName)
    expect(payload).not.toContain(confidentialVillage)
  }
  // The phone is no console.
  await phone.goto(`/m/${meetingId}/secretary`)
  await expect(phone).toHaveURL(/\/sign-in\?next=/)

  await phoneContext.close()
  await secretaryContext.close()
})

import { expect as baseExpect, test, type Browser, type BrowserContextOptions, type Locator, type Page } from '@playwright/test'
import { expectAccessible } from './support/axe'
import { asPerson, issuePairingCode, meetingCommand, newContext, openDevicesPanel, prepareOffice, signedInContext, type Person } from './support/office'

// Every screen passes axe's WCAG 2.1 A/AA rules, with the content a real conference puts on it: the
// demo meeting (five petitions, one confidential; registered speakers; the commune's units) with a
// speech running, and a second demo meeting closed, its minutes and notice drafted and finalised and
// a commitment to follow up. Each screen is checked at the size it is used at (the tablet, the hall's
// 1920×1080, a phone). A failure names the screen, the rule and the elements, and the walk goes on,
// so one run lists every screen that fails.

// The machine is shared: a screen may take a while to come up, which is no failure of this spec.
const expect = baseExpect.configure({ timeout: 30_000 })

const desktop = { viewport: { width: 1440, height: 900 } }
const tablet = { viewport: { width: 1024, height: 768 }, hasTouch: true }
const hall = { viewport: { width: 1920, height: 1080 } }
const phone = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true }

// axe reads every element of a screen: the console and the documents take a while on a shared machine.
test.describe.configure({ timeout: 300_000 })

let live = '' // the demo meeting in its dialogue, a speech running
let closed = '' // a demo meeting closed, one petition committed to a unit

/** A page of a new browser context: signed in as this person, or nobody. */
async function open(browser: Browser, who: Person | null, options: BrowserContextOptions): Promise<Page> {
  const context = who ? await signedInContext(browser, who, options) : await newContext(browser, options)
  const page = await context.newPage()
  // A screen that breaks shows nothing to check: say why in the test's output.
  page.on('pageerror', (error) => console.error(`page error on ${page.url()}: ${error.message}`))
  return page
}

/** Waits until the screen shows what it is about, then checks it. */
async function check(page: Page, label: string, ready: Locator): Promise<void> {
  await expect(ready).toBeVisible()
  await expectAccessible(page, label)
}

async function createDemo(): Promise<string> {
  return asPerson('secretary', async (api) => {
    const created = await api.post('/api/demo', { data: {} })
    expect(created.status(), await created.text()).toBeLessThan(300)
    const body = (await created.json()) as { meetingId?: string; id?: string; data?: { meetingId?: string; id?: string } }
    const id = body.meetingId ?? body.id ?? body.data?.meetingId ?? body.data?.id
    expect(id, JSON.stringify(body)).toBeTruthy()
    return id!
  })
}

test.beforeAll(async () => {
  await prepareOffice('admin', 'secretary', 'chair', 'oversight')

  live = await createDemo()
  await meetingCommand('secretary', live, 'meeting:set-phase', { phase: 'dialogue' })
  await meetingCommand('secretary', live, 'speaker:call-next')
  await meetingCommand('secretary', live, 'speaker:start')
  await meetingCommand('secretary', live, 'meeting:set-programme', {
    items: [
      { time: '08:00', title: 'Khai mạc, giới thiệu đại biểu' },
      { time: '08:15', title: 'Báo cáo kết quả giải quyết kiến nghị' },
      { time: '09:00', title: 'Đối thoại trực tiếp' },
      { time: '11:00', title: 'Kết luận hội nghị' },
    ],
  })

  // The closed meeting: one petition committed to a unit (followed up), the others set aside.
  closed = await createDemo()
  const unitId = await asPerson('secretary', async (api) => {
    const { units } = (await (await api.get('/api/directory')).json()) as { units: { id: string }[] }
    return units[0]!.id
  })
  await meetingCommand('secretary', closed, 'petition:commit-written-answer', { petitionNo: 3, unitId })
  for (const petitionNo of [1, 2, 4, 5]) {
    await meetingCommand('secretary', closed, 'petition:set-aside', { petitionNo, reason: 'Hết thời gian; trả lời tại hội nghị quý sau' })
  }
  await meetingCommand('secretary', closed, 'meeting:set-phase', { phase: 'closed' })
})

test('the public pages: sign-in, set-password, pair, not-found', async ({ browser }) => {
  const page = await open(browser, null, desktop)
  await page.goto('/sign-in')
  await check(page, 'sign-in', page.getByTestId('sign-in-submit'))
  await page.getByTestId('sign-in-submit').click() // empty: the fields say what is missing
  await expectAccessible(page, 'sign-in (errors)')

  await page.goto('/set-password#not-a-real-token-0123456789')
  await check(page, 'set-password', page.getByTestId('set-password-form'))
  await page.getByTestId('set-password-submit').click()
  await expectAccessible(page, 'set-password (errors)')
  await page.goto('/sign-in')
  await page.goto('/set-password')
  await check(page, 'set-password (no link)', page.getByTestId('set-password-no-token'))

  const device = await open(browser, null, tablet)
  await device.goto('/pair')
  await check(device, 'pair', device.getByTestId('pair-code'))
  await device.getByTestId('pair-code').pressSequentially('000000')
  await device.getByTestId('pair-submit').click()
  await check(device, 'pair (wrong code)', device.getByTestId('pair-error'))

  await page.goto('/no-such-page')
  await check(page, 'not-found', page.getByRole('heading', { level: 1 }))
})

test('the console, its forms, menus and dialogs', async ({ browser }) => {
  const page = await open(browser, 'secretary', desktop)
  await page.goto('/')
  await check(page, 'home', page.getByTestId('meeting-list'))

  await page.goto(`/m/${live}/secretary`)
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'online')
  await check(page, 'console', page.getByTestId('petition-row').first())

  // The speaker form with a petition raised in the room, the petition form refusing an empty entry.
  await page.getByTestId('speaker-add-petition').check()
  await page.getByTestId('speaker-submit').click()
  await check(page, 'console: speaker form', page.getByTestId('speaker-added-petition'))
  await page.getByTestId('petition-submit').click()
  await expectAccessible(page, 'console: petition form')

  await page.getByTestId('details-toggle').click()
  await check(page, 'console: meeting details', page.locator('#meeting-details'))
  await page.getByTestId('details-toggle').click()

  await issuePairingCode(page, 'projector')
  await openDevicesPanel(page)
  await check(page, 'console: hall devices', page.getByTestId('pairing-code'))
  await page.getByTestId('devices-toggle').click()

  await page.getByTestId('petition-actions-1').click()
  await check(page, 'console: action menu', page.getByRole('menuitem').first())
  await page.getByRole('menuitem').and(page.locator('[data-action="answer"]')).click()
  await check(page, 'console: action dialog', page.getByTestId('petition-action-dialog'))
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('petition-action-dialog')).toHaveCount(0)
  await page.getByTestId('petition-actions-3').click() // the confidential petition, edited
  await page.getByRole('menuitem').and(page.locator('[data-action="edit"]')).click()
  await check(page, 'console: petition edit dialog', page.getByTestId('petition-edit-form'))
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('petition-action-dialog')).toHaveCount(0)

  await page.getByTestId('queue-waiting-row').first().locator('[data-testid^="queue-edit-"]').click()
  await check(page, 'console: speaker edit form', page.getByTestId('speaker-edit-form'))

  await page.getByTestId('help-open').click()
  await check(page, 'console: shortcuts help', page.getByRole('dialog'))
  await page.keyboard.press('Escape')

  // The closed meeting's console: the banner, the conclusion panel.
  await page.goto(`/m/${closed}/secretary`)
  await check(page, 'console (closed)', page.getByTestId('meeting-closed-banner'))
})

test('the chair tablet, each tab', async ({ browser }) => {
  const page = await open(browser, 'chair', tablet)
  await page.goto(`/m/${live}/chair`)
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'online')
  await check(page, 'chair: current petition', page.getByTestId('chair-tab-current'))
  await page.getByTestId('chair-tab-list').click()
  await expectAccessible(page, 'chair: petition list')
  await page.getByTestId('chair-tab-closing').click()
  await expectAccessible(page, 'chair: closing')
  await page.setViewportSize({ width: 768, height: 1024 })
  await page.getByTestId('chair-tab-current').click()
  await expectAccessible(page, 'chair: current petition (portrait)')
})

test('the projector, each mode, and the closed meeting', async ({ browser }) => {
  const page = await open(browser, 'secretary', hall)
  const screen = page.getByTestId('projector')
  await page.goto(`/m/${live}/projector`)
  await expect(page.getByTestId('projector-title')).toBeVisible()
  await expect(screen).toHaveAttribute('data-screen', 'live')
  await check(page, 'projector: live', page.getByTestId('projector-current-name'))

  const modes = [
    ['petitions', {}],
    ['announcement', { announcement: 'Hội nghị nghỉ giải lao 15 phút, mời đại biểu dùng nước tại sảnh' }],
    ['programme', {}],
    ['blank', {}],
  ] as const
  for (const [mode, fields] of modes) {
    await meetingCommand('secretary', live, 'projector:show', { mode, ...fields })
    await expect(screen).toHaveAttribute('data-screen', mode)
    await expectAccessible(page, `projector: ${mode}`)
  }
  await meetingCommand('secretary', live, 'projector:show', { mode: 'live' })

  await page.goto(`/m/${closed}/projector`)
  await check(page, 'projector: closed meeting', page.getByTestId('projector-title'))
})

test('the attendee phone', async ({ browser }) => {
  const page = await open(browser, null, phone)
  await page.goto(`/m/${live}/attendee`)
  await check(page, 'attendee', page.getByTestId('attendee-counts'))
  await meetingCommand('secretary', live, 'projector:show', { mode: 'announcement', announcement: 'Mời đại biểu giữ trật tự' })
  await check(page, 'attendee: announcement', page.getByTestId('attendee-announcement'))
  await meetingCommand('secretary', live, 'projector:show', { mode: 'live' })
  await page.goto(`/m/${closed}/attendee`)
  await check(page, 'attendee: closed meeting', page.getByTestId('attendee-counts'))
})

test('the office pages: users, audit, directory, report, settings, account', async ({ browser }) => {
  const admin = await open(browser, 'admin', desktop)
  await admin.goto('/users')
  await check(admin, 'users', admin.getByTestId('user-create-open'))
  await admin.getByTestId('user-create-open').click()
  await expectAccessible(admin, 'users: new account form')

  await admin.goto('/audit')
  await check(admin, 'audit: office', admin.getByTestId('office-audit-entry').first())

  await admin.goto('/directory')
  await check(admin, 'directory', admin.getByTestId('directory-page'))

  await admin.goto('/settings')
  await check(admin, 'settings', admin.getByTestId('settings-calendar'))

  await admin.goto('/report')
  await check(admin, 'report', admin.getByTestId('report-figures'))

  await admin.goto('/account')
  await check(admin, 'account', admin.getByTestId('change-password-form'))
  await admin.getByTestId('change-password-submit').click()
  await expectAccessible(admin, 'account (errors)')

  const oversight = await open(browser, 'oversight', desktop)
  await oversight.goto(`/m/${live}/audit`)
  await check(oversight, 'audit: meeting', oversight.getByTestId('meeting-audit-entry').first())
  await oversight.goto('/')
  await check(oversight, 'home (oversight)', oversight.getByRole('heading', { level: 1 }))
})

test('the documents: editor, versions, issue dialog, print page', async ({ browser }) => {
  const page = await open(browser, 'secretary', desktop)
  await page.goto(`/m/${closed}/documents`)
  const minutes = page.locator('#panel-minutes')
  const notice = page.locator('#panel-notice')
  await check(page, 'documents: minutes editor', minutes.getByTestId('document-block').first())

  await page.getByTestId('tab-notice').click()
  await check(page, 'documents: notice before the minutes are final', page.getByTestId('minutes-not-final').or(notice.getByTestId('document-block').first()))

  await page.getByTestId('tab-minutes').click()
  await minutes.getByTestId('finalize').click()
  await expectAccessible(page, 'documents: finalise dialog')
  await page.getByTestId('finalize-confirm').click()
  await expect(minutes.getByTestId('document-version')).toHaveCount(1)
  await expectAccessible(page, 'documents: minutes versions')
  await minutes.getByRole('button', { name: 'Xem phiên bản 1' }).click()
  await check(page, 'documents: version preview', page.getByTestId('document-preview'))
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('document-preview')).toHaveCount(0)

  await page.getByTestId('tab-notice').click()
  await expect(notice.getByTestId('document-block').first()).toBeVisible()
  await expectAccessible(page, 'documents: notice editor')
  await notice.getByTestId('finalize').click()
  await page.getByTestId('finalize-confirm').click()
  await expect(notice.getByTestId('document-version')).toHaveCount(1)
  await notice.getByTestId('issue').click()
  await check(page, 'documents: issue dialog', notice.getByTestId('issue-dialog'))
  await notice.getByTestId('issue-confirm').click()
  await expect(notice.getByTestId('version-issued')).toBeVisible()
  await expectAccessible(page, 'documents: issued notice')

  const popup = page.context().waitForEvent('page')
  await notice.getByTestId('draft-print').click()
  const print = await popup
  await expect(print.locator('body')).toContainText('THÔNG BÁO')
  await expectAccessible(print, 'documents: print preview')
})

test('the follow-up, its dialogs', async ({ browser }) => {
  const page = await open(browser, 'secretary', desktop)
  await page.goto(`/m/${closed}/follow-up`)
  await check(page, 'follow-up (meeting)', page.getByTestId('follow-up-row').first())
  await page.getByTestId('extend').first().click()
  await check(page, 'follow-up: extend dialog', page.getByTestId('extend-dialog'))
  await page.keyboard.press('Escape')
  await page.getByTestId('record').first().click()
  await check(page, 'follow-up: result dialog', page.getByTestId('result-dialog'))
  await page.keyboard.press('Escape')
  await page.goto('/follow-up')
  await check(page, 'follow-up (office)', page.getByTestId('follow-up-row').first())
})

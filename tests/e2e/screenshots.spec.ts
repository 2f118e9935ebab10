import { expect, test } from '@playwright/test'
import { issuePairingCode, newContext, prepareOffice, signedInContext } from './support/office'

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

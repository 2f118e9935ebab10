import { expect, test, type Page } from '@playwright/test'
import { issuePairingCode, newContext, pairDevice, signedInContext } from './support/office'

// Petition texts and names are typed by anyone: markup in them must show as text on every screen,
// never run, and the pages must work under the strict Content-Security-Policy without a violation.

const hostile = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned=2">'
const petitionTitle = `Đường bản Mòng ${hostile}`
const petitionContent = `Nội dung ${hostile}`
const speakerName = `Cầm Văn ${hostile}`

/** Collects CSP violations (as the page reports them, and as the console logs them) and page errors. */
async function watch(page: Page, label: string, problems: string[]): Promise<void> {
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const w = window as unknown as { __cspViolations?: string[] }
      ;(w.__cspViolations ??= []).push(`${e.violatedDirective} ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`)
    })
  })
  page.on('console', (msg) => {
    if (/Content[- ]Security[- ]Policy|Refused to/i.test(msg.text())) problems.push(`${label} console: ${msg.text()}`)
  })
  page.on('pageerror', (err) => problems.push(`${label} error: ${err.message}`))
}

async function expectClean(page: Page, label: string): Promise<void> {
  const state = await page.evaluate(() => {
    const w = window as unknown as { __pwned?: unknown; __cspViolations?: string[] }
    return { pwned: w.__pwned, violations: w.__cspViolations ?? [] }
  })
  expect({ label, ...state }).toEqual({ label, pwned: undefined, violations: [] })
  // The markup is text: no element came out of it.
  expect(await page.locator('img[src="x"], script:not([src])').count()).toBe(0)
}

test('markup typed into a petition or a name shows as text on every screen and never runs', async ({ browser }) => {
  const problems: string[] = []
  const secretaryContext = await signedInContext(browser, 'secretary', { viewport: { width: 1600, height: 1000 } })
  const secretary = await secretaryContext.newPage()
  await watch(secretary, 'secretary', problems)

  await secretary.goto('/')
  await expectClean(secretary, 'home')
  await secretary.getByTestId('new-meeting-title').fill('Đối thoại về văn bản lạ')
  await secretary.getByTestId('new-meeting-venue').fill('Hội trường')
  await secretary.getByTestId('create-meeting').click()
  await expect(secretary).toHaveURL(/\/m\/[0-9a-f-]{36}\/secretary$/)
  await expect(secretary.getByTestId('connection-status')).toHaveAttribute('data-status', 'online')
  const meetingId = /\/m\/([0-9a-f-]{36})\//.exec(secretary.url())![1]!
  const code = await issuePairingCode(secretary, 'projector')
  await expectClean(secretary, 'console with the pairing code and its QR image')

  const projectorContext = await newContext(browser, { viewport: { width: 1920, height: 1080 } })
  const projector = await projectorContext.newPage()
  await watch(projector, 'projector', problems)
  await pairDevice(projector, code, { screen: 'projector' })
  await expect(projector.getByTestId('projector-offline')).toHaveCount(0)

  // The chair on a tablet, signed in with the chair's account.
  const chairContext = await signedInContext(browser, 'chair', { viewport: { width: 1280, height: 800 }, hasTouch: true })
  const chair = await chairContext.newPage()
  await watch(chair, 'chair', problems)
  await chair.goto(`/m/${meetingId}/chair`)
  await expect(chair.getByTestId('connection-status')).toHaveAttribute('data-status', 'online')

  // The petition, through the console's form.
  const form = secretary.getByTestId('petition-form')
  await form.getByTestId('petition-origin-registered').check()
  await form.getByTestId('petition-field').fill('Giao thông')
  await form.getByTestId('petition-title').fill(petitionTitle)
  await form.getByTestId('petition-content').fill(petitionContent)
  await form.getByTestId('petition-petitioner-name').fill(speakerName)
  await form.getByTestId('petition-submit').click()
  await expect(form.getByTestId('petition-form-saved')).toBeVisible()
  await expect(secretary.getByTestId('petition-row').first()).toContainText(petitionTitle)

  // The speaker, with the same kind of name, speaking on that petition.
  const speakerForm = secretary.getByTestId('speaker-form')
  await speakerForm.getByTestId('speaker-name').fill(speakerName)
  await speakerForm.getByTestId('speaker-unit').fill('Bản <b>Mòng</b>')
  await speakerForm.getByTestId('speaker-petition-1').check()
  await speakerForm.getByTestId('speaker-show-name').check()
  await speakerForm.getByTestId('speaker-name').press('Enter')
  await expect(speakerForm.getByTestId('speaker-form-saved')).toContainText(speakerName)
  await expect(secretary.getByTestId('queue-waiting')).toContainText(speakerName)
  await expect(projector.getByTestId('projector-next-item').first()).toContainText(speakerName)

  // Called: the hall screen shows the name and the petition's title, literally.
  await secretary.getByTestId('call-next').click()
  await expect(secretary.getByTestId('queue-current')).toContainText(speakerName)
  await expect(projector.getByTestId('projector-current-name')).toHaveText(speakerName)
  await expect(projector.getByTestId('projector-current-unit')).toHaveText('Bản <b>Mòng</b>')
  await expect(projector.getByTestId('projector-petition-title')).toHaveText(petitionTitle)
  await expect(chair.getByTestId('chair-current-name')).toContainText(speakerName)
  await expect(chair.getByTestId('chair-petition')).toContainText(petitionTitle)

  for (const [label, page] of [
    ['secretary', secretary],
    ['projector', projector],
    ['chair', chair],
  ] as const) {
    await expectClean(page, label)
  }
  // A reload renders the same texts from the snapshot, still as text.
  await projector.reload()
  await expect(projector.getByTestId('projector-petition-title')).toHaveText(petitionTitle)
  await expectClean(projector, 'projector after reload')

  // An attendee's phone, with no account: the same texts, still as text.
  const phoneContext = await newContext(browser, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })
  const phone = await phoneContext.newPage()
  await watch(phone, 'attendee', problems)
  await phone.goto(`/m/${meetingId}/attendee`)
  await expect(phone.getByTestId('attendee-speaker-name')).toHaveText(speakerName)
  await expect(phone.getByTestId('attendee-petition')).toContainText(petitionTitle)
  await expectClean(phone, 'attendee')
  await phoneContext.close()

  expect(problems).toEqual([])
  await secretaryContext.close()
  await projectorContext.close()
  await chairContext.close()
})

import { expect, test, type Page } from '@playwright/test'
import { prepareOffice, signedInContext } from './support/office'

// The REST API's browsable description (/api/docs, Swagger UI) in a real browser: it draws under the
// app's own Content-Security-Policy (no inline script, no style or script from elsewhere), for the
// administrator only.

/** Whatever the browser refuses to load or run on this page, as it reports it. */
function watchRefusals(page: Page): string[] {
  const refusals: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') refusals.push(message.text())
  })
  page.on('pageerror', (error) => refusals.push(error.message))
  return refusals
}

test('the administrator browses the REST API description under the app’s CSP', async ({ browser }) => {
  await prepareOffice('secretary')
  const context = await signedInContext(browser, 'admin')
  const page = await context.newPage()
  const refusals = watchRefusals(page)

  // Linked from the office settings, which only an administrator opens.
  await page.goto('/settings')
  const link = page.getByTestId('settings-api-docs')
  await expect(link).toHaveAttribute('href', '/api/docs')
  await page.goto((await link.getAttribute('href'))!)
  await expect(page.locator('.swagger-ui .info .title')).toContainText('Hội nghị đối thoại')
  // The groups, and a route's Vietnamese summary.
  await expect(page.locator('.opblock-tag', { hasText: 'Tài khoản' })).toBeVisible()
  await expect(page.getByText('Tạo tài khoản và đường dẫn đặt mật khẩu')).toBeVisible()
  // Opened, a route shows its body's fields (drawn from the zod schema) and the refusals it may give.
  await page.getByText('Tạo tài khoản và đường dẫn đặt mật khẩu').click()
  const operation = page.locator('.opblock.is-open')
  await expect(operation.locator('.opblock-section-request-body')).toContainText('username')
  await expect(operation.locator('.responses-table')).toContainText('Không có quyền')
  // Swagger UI's own stylesheet applied (a blocked stylesheet leaves the page unstyled).
  const fontFamily = await page.locator('.swagger-ui .info .title').evaluate((el) => getComputedStyle(el).fontFamily)
  expect(fontFamily).toMatch(/sans-serif/)
  expect(refusals).toEqual([])
  await context.close()
})

test('anyone else gets the refusal of every admin page', async ({ browser }) => {
  for (const who of ['secretary', null] as const) {
    const context = who ? await signedInContext(browser, who) : await browser.newContext()
    const response = await (await context.newPage()).goto('/api/docs')
    expect(response).not.toBeNull()
    expect(response!.status()).toBe(who ? 403 : 401)
    expect((await response!.json()).error.code).toBe(who ? 'FORBIDDEN' : 'UNAUTHENTICATED')
    await context.close()
  }
})

import { expect, test, type Page } from '@playwright/test'
import { createMeeting, issuePairingCode, meetingCommand, newContext, pairDevice, prepareOffice, signedInContext } from './support/office'

// The hall screen as the hall expects it: readable from 15 m at 1080p and scaled down, never cutting
// a name or a village on 4:3; the end of the conference (the chair's conclusions, then the figures
// and thanks) with no invitation to register and nothing "under discussion"; the same counts with the
// same words on every screen; and several projectors, each with its own view chosen from the console.

const screenshotDir = process.env.HALL_SCREENSHOTS // set to a folder to keep the pictures for a look

async function snap(page: Page, name: string): Promise<void> {
  if (screenshotDir) await page.screenshot({ path: `${screenshotDir}/${name}.png` })
}

/**
 * The computed font size of every piece of text the hall reads (an element with its own text),
 * except the discreet connection mark and the clock.
 */
async function smallestHallText(page: Page): Promise<{ size: number; text: string }[]> {
  return page.getByTestId('projector').evaluate((root) => {
    const found: { size: number; text: string }[] = []
    const exempt = (el: Element) => el.closest('[data-testid*="offline"], [data-testid*="connection"], .p-live__clock, [data-testid="countdown"]') !== null
    for (const el of root.querySelectorAll('*')) {
      const own = [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim()).map((n) => n.textContent!.trim())
      if (!own.length || exempt(el)) continue
      const style = getComputedStyle(el)
      if (style.display === 'none' || style.visibility === 'hidden' || el.getClientRects().length === 0) continue
      found.push({ size: parseFloat(style.fontSize), text: own.join(' ').slice(0, 40) })
    }
    return found.sort((a, b) => a.size - b.size)
  })
}

async function expectReadable(page: Page, what: string): Promise<void> {
  const texts = await smallestHallText(page)
  expect(texts.length, `${what}: some text to read`).toBeGreaterThan(0)
  const small = texts.filter((t) => t.size < 39.5)
  expect(small, `${what}: text under 40 px at 1080p`).toEqual([])
}

/** Names and villages that are cut (an ellipsis, or clipped) rather than wrapped. */
async function clippedNames(page: Page): Promise<string[]> {
  return page.getByTestId('projector').evaluate((root) => {
    const cut: string[] = []
    for (const el of root.querySelectorAll<HTMLElement>('[data-testid="projector-current-name"], [data-testid="projector-current-unit"], [data-testid="projector-next-who"]')) {
      // Cut by itself (an ellipsis, a clamp) or by the block around it (pushed below its bottom edge).
      const block = el.closest('section')!.getBoundingClientRect()
      const box = el.getBoundingClientRect()
      if (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1 || box.bottom > block.bottom + 1) cut.push(el.textContent!.trim())
    }
    return cut
  })
}

/** Who answers the petition is inside the screen's petition block, not pushed out of sight. */
async function answererShownWhole(page: Page): Promise<boolean> {
  const inner = await page.getByTestId('projector-answerer').boundingBox()
  const outer = await page.getByTestId('projector-petition').boundingBox()
  return inner !== null && outer !== null && inner.y >= outer.y && inner.y + inner.height <= outer.y + outer.height + 1
}

const longName = 'Hoàng Thị Phương Thảo Nguyễn'
const longVillage = 'Bản Phiêng Luông Trên, xã Mường Giàng, huyện Quỳnh Nhai'
const waiting = [
  { name: 'Lò Văn Thưởng Bình An', unit: 'Bản Huổi Lèng Dưới, xã Chiềng Sơ' },
  { name: 'Quàng Thị Mai Phương Anh', unit: 'Bản Co Mạ, xã Mường Khiêng, huyện Thuận Châu' },
  { name: 'Cầm Văn Đoàn', unit: 'Bản Nà Sản' },
]

// Several browsers and a few screen sizes per test, on a shared machine.
test.describe.configure({ timeout: 120_000 })

test.beforeAll(async () => {
  await prepareOffice('secretary')
})

test('the hall reads every word from 15 m, scaled with the screen, and no name or village is cut on 4:3', async ({ browser }) => {
  const meetingId = await createMeeting('Hội nghị đối thoại trực tiếp với nhân dân xã Mường Giàng năm 2026', 'Hội trường UBND xã')
  await meetingCommand('secretary', meetingId, 'petition:record', {
    origin: 'registered',
    field: 'Đất đai',
    title: 'Cấp giấy chứng nhận quyền sử dụng đất cho các hộ bản Phiêng Luông',
    petitionerName: longName,
    showName: true,
  })
  await meetingCommand('secretary', meetingId, 'petition:record', { origin: 'registered', field: 'Giao thông', title: 'Sửa đường liên bản bị sạt lở' })
  await meetingCommand('secretary', meetingId, 'speaker:register', { name: longName, unit: longVillage, petitionNos: [1], showName: true })
  for (const w of waiting) await meetingCommand('secretary', meetingId, 'speaker:register', { ...w, showName: true, addedPetition: w.name === 'Cầm Văn Đoàn' ? { field: 'Y tế', title: 'Trạm y tế thiếu thuốc' } : undefined })
  await meetingCommand('secretary', meetingId, 'meeting:set-phase', { phase: 'dialogue' })
  await meetingCommand('secretary', meetingId, 'speaker:call-next')
  await meetingCommand('secretary', meetingId, 'speaker:start')
  await meetingCommand('secretary', meetingId, 'petition:assign-answerer', { petitionNo: 1, answerer: { kind: 'chair' } })

  const context = await signedInContext(browser, 'secretary', { viewport: { width: 1920, height: 1080 } })
  const page = await context.newPage()
  await page.goto(`/m/${meetingId}/projector`)
  const screen = page.getByTestId('projector')
  await expect(screen).toHaveAttribute('data-screen', 'live')
  await expect(page.getByTestId('projector-current-name')).toHaveText(longName)
  // Under a petition with who answers it, two next speakers fit whole; the hall is told how many follow.
  await expect(page.getByTestId('projector-next-item')).toHaveCount(2)
  await expect(page.getByTestId('projector-next')).toContainText('còn 1 đại biểu khác')
  await expectReadable(page, 'live')
  expect(await answererShownWhole(page), 'who answers is shown whole at 1920×1080').toBe(true)
  expect(await clippedNames(page), 'names and villages cut at 1920×1080').toEqual([])
  await snap(page, 'live-1920x1080')

  for (const mode of ['petitions', 'programme'] as const) {
    await meetingCommand('secretary', meetingId, 'projector:show', { mode, announcement: '' })
    await expect(screen).toHaveAttribute('data-screen', mode)
    await expectReadable(page, mode)
    await snap(page, `${mode}-1920x1080`)
  }
  // The by-field list holds the petition added in the room too.
  await meetingCommand('secretary', meetingId, 'projector:show', { mode: 'petitions', announcement: '' })
  await expect(page.getByTestId('projector-petition-row')).toHaveCount(3)
  await meetingCommand('secretary', meetingId, 'projector:show', { mode: 'announcement', announcement: 'Giải lao 15 phút, mời đại biểu dùng nước' })
  await expect(screen).toHaveAttribute('data-screen', 'announcement')
  await expectReadable(page, 'announcement')
  await meetingCommand('secretary', meetingId, 'projector:show', { mode: 'live', announcement: '' })
  await expect(screen).toHaveAttribute('data-screen', 'live')

  // Everything scales with the screen: at 1280×720 two thirds of the 1080p size.
  const at1080 = await page.getByTestId('projector-current-name').evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
  await page.setViewportSize({ width: 1280, height: 720 })
  await expect.poll(() => page.getByTestId('projector-current-name').evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeCloseTo((at1080 * 720) / 1080, 0)
  await snap(page, 'live-1280x720')

  // 4:3: the long name and the villages wrap; none ends in an ellipsis.
  await page.setViewportSize({ width: 1024, height: 768 })
  await expect.poll(() => clippedNames(page)).toEqual([])
  await expect(page.getByTestId('projector-next-who')).toHaveCount(1)
  await expect(page.getByTestId('projector-next-who').first()).toContainText(waiting[0]!.unit)
  await expect(page.getByTestId('projector-next')).toContainText('còn 2 đại biểu khác')
  expect(await answererShownWhole(page), 'who answers is shown whole at 1024×768').toBe(true)
  await snap(page, 'live-1024x768')
  await context.close()
})

test('the end of the conference: the chair’s conclusions, then the figures and thanks, on the hall screen and the phones', async ({ browser }) => {
  const meetingId = await createMeeting('Hội nghị đối thoại năm 2026 — kết thúc')
  await meetingCommand('secretary', meetingId, 'petition:record', { origin: 'registered', field: 'Giao thông', title: 'Sửa đường liên bản' })
  await meetingCommand('secretary', meetingId, 'petition:record', {
    origin: 'registered',
    field: 'Đất đai',
    title: 'Tố cáo cán bộ địa chính nhận tiền',
    petitionerName: 'Lò Văn Kín',
    confidential: true,
  })
  await meetingCommand('secretary', meetingId, 'petition:record', { origin: 'registered', field: 'Y tế', title: 'Trạm y tế thiếu thuốc' })
  await meetingCommand('secretary', meetingId, 'speaker:register', { name: 'Cầm Văn Công', unit: 'Bản Mòn', petitionNos: [1], showName: true, addedPetition: { field: 'Điện', title: 'Điện chập chờn bản Mòn' } })
  await meetingCommand('secretary', meetingId, 'meeting:set-phase', { phase: 'dialogue' })
  await meetingCommand('secretary', meetingId, 'speaker:call-next')
  await meetingCommand('secretary', meetingId, 'speaker:start')
  await meetingCommand('secretary', meetingId, 'speaker:finish')
  await meetingCommand('secretary', meetingId, 'petition:record-answer', { petitionNo: 1, summary: 'Sửa trong quý III' })
  await meetingCommand('secretary', meetingId, 'petition:conclude', { petitionNo: 1, conclusion: 'Giao UBND xã sửa đường trong quý III năm 2026.' })
  await meetingCommand('secretary', meetingId, 'petition:forward', { petitionNo: 2, body: 'Thanh tra tỉnh' })
  await meetingCommand('secretary', meetingId, 'petition:conclude', { petitionNo: 2, conclusion: 'Chuyển Thanh tra tỉnh xác minh việc ông Kín nêu.' })
  await meetingCommand('secretary', meetingId, 'petition:forward', { petitionNo: 4, body: 'Công ty Điện lực tỉnh' })
  // KN 3 stays under discussion when the chair moves to the conclusions.
  await meetingCommand('secretary', meetingId, 'petition:discuss', { petitionNo: 3 })

  const hall = await (await signedInContext(browser, 'secretary', { viewport: { width: 1920, height: 1080 } })).newPage()
  const phone = await (await newContext(browser, { viewport: { width: 390, height: 844 } })).newPage()
  await hall.goto(`/m/${meetingId}/projector`)
  await phone.goto(`/m/${meetingId}/attendee`)
  const screen = hall.getByTestId('projector')
  await expect(screen).toHaveAttribute('data-screen', 'live')
  await expect(hall.getByTestId('projector-petition-title')).toHaveText('Trạm y tế thiếu thuốc')

  // One set of counts: the parts add up to the 4 petitions on the hall screen and the phone.
  await expect(hall.getByTestId('projector-count-answered')).toHaveText('Trả lời tại hội nghị: 1')
  await expect(hall.getByTestId('projector-count-forwarded')).toHaveText('Chuyển cơ quan khác: 2')
  await expect(hall.getByTestId('projector-count-pending')).toHaveText('Chưa xử lý: 1')
  await expect(phone.getByTestId('attendee-counts')).toContainText(/Chuyển cơ quan khác\s*2/)

  await meetingCommand('secretary', meetingId, 'meeting:set-phase', { phase: 'conclusion' })
  await expect(screen).toHaveAttribute('data-screen', 'conclusion')
  await meetingCommand('secretary', meetingId, 'meeting:record-conclusion', { text: 'Hội nghị diễn ra dân chủ, thẳng thắn; các đơn vị trả lời đúng hạn.' })
  const conclusion = hall.getByTestId('projector-conclusion')
  // The pages turn by themselves: the closing conclusion, then the petitions.
  await expect(hall.getByTestId('projector-closing-conclusion')).toHaveText('Hội nghị diễn ra dân chủ, thẳng thắn; các đơn vị trả lời đúng hạn.', { timeout: 20_000 })
  await expect(hall.getByTestId('projector-conclusion-item').first()).toBeVisible({ timeout: 20_000 })
  await expect(conclusion).toContainText('Giao UBND xã sửa đường trong quý III năm 2026.')
  await expect(conclusion).toContainText('Kiến nghị số 2 (bảo mật, lĩnh vực Đất đai)')
  await expectReadable(hall, 'conclusion')
  await snap(hall, 'conclusion-1920x1080')
  // No invitation to register, nothing "under discussion", no confidential detail, on either screen.
  for (const page of [hall, phone]) {
    await expect(page.locator('body')).not.toContainText(/đang xem xét|bàn thư ký/i)
    const html = await page.content()
    for (const secret of ['Lò Văn Kín', 'ông Kín', 'Tố cáo cán bộ']) expect(html).not.toContain(secret)
  }
  await expect(phone.getByTestId('attendee-conclusion')).toContainText('Giao UBND xã sửa đường trong quý III năm 2026.')
  await expect(phone.getByTestId('attendee-conclusion')).toContainText('Kiến nghị số 2 (bảo mật, lĩnh vực Đất đai)')
  await expect(phone.getByTestId('attendee-petitions')).not.toContainText('Đang xem xét')

  await meetingCommand('secretary', meetingId, 'petition:set-aside', { petitionNo: 3, reason: 'Hết thời gian' })
  await meetingCommand('secretary', meetingId, 'meeting:set-phase', { phase: 'closed' })
  await expect(screen).toHaveAttribute('data-screen', 'closing')
  await expect(hall.getByTestId('closing-received')).toContainText('4')
  await expect(hall.getByTestId('closing-received')).toContainText('3 đã đăng ký, 1 bổ sung tại hội nghị')
  await expect(hall.getByTestId('closing-answered')).toHaveText(/1\s*Trả lời tại hội nghị/)
  await expect(hall.getByTestId('closing-writtenAnswer')).toHaveText(/0\s*Giao trả lời sau/)
  await expect(hall.getByTestId('closing-forwarded')).toHaveText(/2\s*Chuyển cơ quan khác/)
  await expect(hall.getByTestId('closing-setAside')).toHaveText(/1\s*Không xem xét tại hội nghị/)
  await expect(hall.getByTestId('closing-speakers')).toHaveText(/1\s*Đại biểu đã phát biểu/)
  await expect(hall.getByTestId('closing-thanks')).toHaveText('Trân trọng cảm ơn các đại biểu đã tham dự hội nghị!')
  await expectReadable(hall, 'closing')
  await snap(hall, 'closing-1920x1080')
  await hall.setViewportSize({ width: 1024, height: 768 })
  await snap(hall, 'closing-1024x768')
  await expect(phone.getByTestId('attendee-closing')).toContainText('Trân trọng cảm ơn các đại biểu đã tham dự hội nghị!')
  await expect(phone.getByTestId('attendee-closing-forwarded')).toContainText('2')
  for (const page of [hall, phone]) await expect(page.locator('body')).not.toContainText(/đang xem xét|bàn thư ký/i)
})

test('several projectors: each paired screen shows the view chosen for it in the console, which previews each', async ({ browser }) => {
  const meetingId = await createMeeting('Hội nghị đối thoại — hai màn hình')
  await meetingCommand('secretary', meetingId, 'petition:record', { origin: 'registered', field: 'Đất đai', title: 'Cấp sổ đỏ bản Nà Sài' })
  await meetingCommand('secretary', meetingId, 'meeting:set-phase', { phase: 'dialogue' })
  const console = await (await signedInContext(browser, 'secretary', { viewport: { width: 1440, height: 1000 } })).newPage()
  await console.goto(`/m/${meetingId}/secretary`)

  const mainScreen = await (await newContext(browser, { viewport: { width: 1280, height: 720 } })).newPage()
  const sideScreen = await (await newContext(browser, { viewport: { width: 1024, height: 768 } })).newPage()
  await pairDevice(mainScreen, await issuePairingCode(console, 'projector'), { screen: 'projector', label: 'Màn hình chính' })
  await pairDevice(sideScreen, await issuePairingCode(console, 'projector'), { screen: 'projector', label: 'Màn hình phụ bên trái' })

  // The console lists both by label (it reloads the list when the secretary comes back to it).
  const screens = console.getByTestId('projector-screens')
  await console.evaluate(() => window.dispatchEvent(new Event('focus')))
  await expect(screens.getByText('Màn hình chính')).toBeVisible()
  const side = screens.getByRole('listitem').filter({ hasText: 'Màn hình phụ bên trái' })
  const main = screens.getByRole('listitem').filter({ hasText: 'Màn hình chính' })
  await expect(side.getByTestId('projector-screen-preview')).toContainText('Diễn biến trực tiếp')

  await side.getByTestId('projector-screen-mode').selectOption('petitions')
  await expect(sideScreen.getByTestId('projector')).toHaveAttribute('data-screen', 'petitions')
  await expect(mainScreen.getByTestId('projector')).toHaveAttribute('data-screen', 'live')
  await expect(side.getByTestId('projector-screen-preview')).toContainText('Danh sách kiến nghị theo lĩnh vực (1 kiến nghị)')
  await expect(main.getByTestId('projector-screen-preview')).toContainText('Diễn biến trực tiếp')

  // The meeting-wide switch moves the main screen; the side one keeps its own view, even reloaded.
  await console.getByTestId('projector-mode-programme').click()
  await expect(mainScreen.getByTestId('projector')).toHaveAttribute('data-screen', 'programme')
  await sideScreen.reload()
  await expect(sideScreen.getByTestId('projector')).toHaveAttribute('data-screen', 'petitions')
  await expect(main.getByTestId('projector-screen-preview')).toContainText('Chương trình hội nghị')
  await snap(sideScreen, 'side-petitions-1024x768')

  // Back with the others.
  await side.getByTestId('projector-screen-mode').selectOption('')
  await expect(sideScreen.getByTestId('projector')).toHaveAttribute('data-screen', 'programme')
  await expect(side.getByTestId('projector-screen-preview')).toContainText('Chương trình hội nghị')
})

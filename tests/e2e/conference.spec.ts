import { expect, test, type Page } from '@playwright/test'
import { createMeeting, issuePairingCode, pairDevice, newContext, people, signedInContext } from './support/office'

// The issue's scenario across two browsers: the secretary, signed in, runs the meeting from the
// console while the hall screen — a PC paired with a code from the console, in another browser
// context — follows live without a reload, and never receives a confidential petitioner's identity.

const confidentialPetitioner = 'Lò Văn Bí mật'
const confidentialSpeaker = 'Quàng Thị Mai'
const confidentialSpeakerVillage = 'Bản Cọ'
const titleNfc = 'Hội nghị đối thoại với nhân dân xã Chiềng Cơi năm 2025'

interface PetitionEntry {
  origin: 'registered' | 'added'
  field: string
  title: string
  petitionerName: string
  confidential?: boolean
}

async function recordPetition(page: Page, entry: PetitionEntry): Promise<void> {
  const form = page.getByTestId('petition-form')
  await form.getByTestId(`petition-origin-${entry.origin}`).check()
  await form.getByTestId('petition-field').fill(entry.field)
  await form.getByTestId('petition-title').fill(entry.title)
  await form.getByTestId('petition-content').fill(`Nội dung: ${entry.title}`)
  await form.getByTestId('petition-petitioner-name').fill(entry.petitionerName)
  await form.getByTestId('petition-confidential').setChecked(entry.confidential ?? false)
  await form.getByTestId('petition-submit').click()
  await expect(form.getByTestId('petition-form-saved')).toBeVisible()
  // Cleared and ready for the next entry from the keyboard.
  await expect(form.getByTestId('petition-title')).toHaveValue('')
  await expect(form.getByTestId('petition-field')).toBeFocused()
}

/** The secretary asks each speaker, and ticks the consent box for those who agree to be named on screen. */
async function registerSpeaker(page: Page, name: string, unit: string, petitionNos: number[] = []): Promise<void> {
  const form = page.getByTestId('speaker-form')
  await form.getByTestId('speaker-name').fill(name)
  await form.getByTestId('speaker-unit').fill(unit)
  await form.getByTestId('speaker-show-name').check()
  for (const no of petitionNos) await form.getByTestId(`speaker-petition-${no}`).check()
  await form.getByTestId('speaker-name').press('Enter')
  await expect(form.getByTestId('speaker-form-saved')).toContainText(name)
  await expect(form.getByTestId('speaker-name')).toHaveValue('')
  await expect(form.getByTestId('speaker-name')).toBeFocused()
}

test('secretary runs the queue; the projector follows live and keeps confidential names off the hall screen', async ({
  browser,
}) => {
  const secretaryContext = await signedInContext(browser, 'secretary', { viewport: { width: 1600, height: 1000 } })
  const secretary = await secretaryContext.newPage()

  // Create the meeting from the home page, typing the title decomposed (NFD), as some keyboards send it.
  await secretary.goto('/')
  await secretary.getByTestId('new-meeting-title').fill(titleNfc.normalize('NFD'))
  await secretary.getByTestId('new-meeting-venue').fill('Hội trường UBND xã')
  await secretary.getByTestId('create-meeting').click()
  await expect(secretary).toHaveURL(/\/m\/[0-9a-f-]{36}\/secretary$/)
  await expect(secretary.getByTestId('connection-status')).toHaveAttribute('data-status', 'online')
  await expect(secretary.getByTestId('meeting-title')).toHaveText(titleNfc)
  const meetingId = /\/m\/([0-9a-f-]{36})\//.exec(secretary.url())![1]!
  const code = await issuePairingCode(secretary, 'projector')

  // The hall screen, in a separate browser (no shared storage, no account), paired with the code.
  const projectorContext = await newContext(browser, { viewport: { width: 1920, height: 1080 } })
  const projector = await projectorContext.newPage()
  const received: string[] = []
  projector.on('websocket', (ws) => ws.on('framereceived', (frame) => received.push(String(frame.payload))))
  projector.on('response', async (response) => {
    if (response.url().includes('/socket.io/')) received.push(await response.text().catch(() => ''))
  })
  await pairDevice(projector, code, { screen: 'projector' })
  await expect(projector).toHaveURL(new RegExp(`/m/${meetingId}/projector$`))
  await expect(projector.getByTestId('projector-title')).toHaveText(titleNfc)
  await expect(projector.getByTestId('projector-offline')).toHaveCount(0)
  // Marks this page load: if the projector reloaded at any point, the mark would be gone.
  await projector.evaluate(() => ((window as unknown as { loadMark: string }).loadMark = 'first-load'))

  // A bad entry is refused next to the field, in Vietnamese, and nothing is recorded.
  await secretary.getByTestId('petition-submit').click()
  await expect(secretary.getByTestId('petition-form').locator('.field__error')).toHaveText('Không được để trống.')
  await expect(secretary.getByTestId('count-total')).toHaveText('0')

  await recordPetition(secretary, {
    origin: 'registered',
    field: 'Đất đai',
    title: 'Cấp giấy chứng nhận quyền sử dụng đất bản Mòng',
    petitionerName: 'Cầm Văn Thanh',
  })
  await recordPetition(secretary, {
    origin: 'registered',
    field: 'Tổ chức cán bộ',
    title: 'Phản ánh thái độ tiếp công dân',
    petitionerName: confidentialPetitioner,
    confidential: true,
  })
  await recordPetition(secretary, {
    origin: 'added',
    field: 'Giao thông',
    title: 'Sửa đường vào bản Hẻo',
    petitionerName: 'Lường Thị Hoa',
  })
  await expect(secretary.getByTestId('count-registered')).toHaveText('2')
  await expect(secretary.getByTestId('count-added')).toHaveText('1')
  // Registered and added are told apart in words, not only by colour.
  const rows = secretary.getByTestId('petition-row')
  await expect(rows.nth(0)).toContainText('Đăng ký')
  await expect(rows.nth(2)).toContainText('Bổ sung')
  await expect(rows.nth(1)).toContainText(confidentialPetitioner) // the secretary sees who it is

  await expect(projector.getByTestId('projector-count-registered')).toHaveText('Kiến nghị đã đăng ký: 2')
  await expect(projector.getByTestId('projector-count-added')).toHaveText('Kiến nghị bổ sung: 1')

  await registerSpeaker(secretary, 'Cầm Văn Thanh', 'Bản Mòng', [1])
  await registerSpeaker(secretary, confidentialSpeaker, confidentialSpeakerVillage, [2])
  await registerSpeaker(secretary, 'Lường Thị Hoa', 'Bản Hẻo', [3])
  await expect(secretary.getByTestId('queue-waiting').locator('li')).toHaveCount(3)
  await expect(secretary.getByTestId('speaker-hidden-on-projector')).toHaveText(/Đại biểu số 2/)

  // Call next: first with the keyboard shortcut, then with the button.
  await expect(secretary.getByText('Mời người tiếp theo sẽ kết thúc lượt phát biểu hiện tại.')).toBeVisible()
  await secretary.keyboard.press('Alt+KeyN')
  await expect(secretary.getByTestId('queue-current')).toContainText('Cầm Văn Thanh')
  await expect(projector.getByTestId('projector-current-name')).toHaveText('Cầm Văn Thanh')
  await expect(projector.getByTestId('projector-current-unit')).toHaveText('Bản Mòng')
  await expect(projector.getByTestId('projector-next-item')).toHaveCount(2)
  await expect(projector.getByTestId('projector-next-item').nth(0)).toContainText('Đại biểu số 2')
  await expect(projector.getByTestId('projector-next-item').nth(1)).toContainText('Lường Thị Hoa')

  await secretary.getByTestId('call-next').click()
  await expect(secretary.getByTestId('queue-current')).toContainText(confidentialSpeaker)
  await expect(secretary.getByTestId('queue-finished')).toContainText('Cầm Văn Thanh')
  await expect(projector.getByTestId('projector-current-name')).toHaveText('Đại biểu số 2')
  // The village can identify a petitioner in a commune: it is withheld along with the name.
  await expect(projector.getByTestId('projector-current-unit')).toHaveCount(0)
  await expect(projector.getByTestId('projector-next-item')).toHaveCount(1)
  await expect(projector.getByTestId('projector-next-item').first()).toContainText('Lường Thị Hoa')
  await expect(projector.getByTestId('projector-count-registered')).toHaveText('Kiến nghị đã đăng ký: 2')
  await expect(projector.getByTestId('projector-count-added')).toHaveText('Kiến nghị bổ sung: 1')

  // Live, not reloaded; and the confidential identity is neither on screen nor on the wire.
  expect(await projector.evaluate(() => (window as unknown as { loadMark?: string }).loadMark)).toBe('first-load')
  const html = await projector.content()
  expect(html).not.toContain(confidentialPetitioner)
  expect(html).not.toContain(confidentialSpeaker)
  expect(html).not.toContain(confidentialSpeakerVillage)
  expect(html).toContain(titleNfc)
  expect(html).not.toContain(titleNfc.normalize('NFD'))
  expect(received.length).toBeGreaterThan(0)
  for (const payload of received) {
    expect(payload).not.toContain(confidentialPetitioner)
    expect(payload).not.toContain(confidentialSpeaker)
    expect(payload).not.toContain(confidentialSpeakerVillage)
  }

  // The home page lists the meeting with each person's own screens: the console for the secretary,
  // the tablet screen for the chair; the paired PC has no account, and is offered its screen back.
  await secretary.goto('/')
  const item = secretary.getByTestId('meeting-item').filter({ hasText: titleNfc })
  await expect(item.getByTestId('open-console')).toBeVisible()
  await expect(item.getByTestId('open-projector')).toBeVisible()
  const chairContext = await signedInContext(browser, 'chair')
  const chairHome = await chairContext.newPage()
  await chairHome.goto('/')
  const chairItem = chairHome.getByTestId('meeting-item').filter({ hasText: titleNfc })
  await expect(chairItem.getByTestId('open-chair')).toBeVisible()
  await expect(chairItem.getByTestId('open-projector')).toBeVisible()
  await expect(chairItem.getByTestId('open-console')).toHaveCount(0)
  const otherHome = await projectorContext.newPage()
  await otherHome.goto('/')
  await expect(otherHome).toHaveURL(/\/sign-in$/)
  await otherHome.getByRole('link', { name: 'Mở Màn hình chiếu' }).click()
  await expect(otherHome).toHaveURL(new RegExp(`/m/${meetingId}/projector$`))
  await expect(otherHome.getByTestId('projector-current-name')).toHaveText('Đại biểu số 2')

  await chairContext.close()
  await secretaryContext.close()
  await projectorContext.close()
})

test('the console opens for a secretary’s account only; an unpaired hall screen says how to pair', async ({ browser }) => {
  const meetingId = await createMeeting('Đối thoại với CCVC', '')
  const consolePath = `/m/${meetingId}/secretary`

  // The secretary's account opens the console by its address, and again after a reload (the cookie).
  const secretaryContext = await signedInContext(browser, 'secretary')
  const page = await secretaryContext.newPage()
  await page.goto(consolePath)
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'online')
  await expect(page).toHaveURL(new RegExp(`${consolePath}$`))
  await expect(page.getByTestId('meeting-title')).toHaveText('Đối thoại với CCVC')
  await page.reload()
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'online')

  // A chair's account is told, in words, that this page is not theirs.
  const chairContext = await signedInContext(browser, 'chair')
  const chair = await chairContext.newPage()
  await chair.goto(consolePath)
  await expect(chair.getByTestId('access-denied')).toContainText(`Tài khoản ${people.chair.displayName} (Chủ trì) không được phép mở trang này.`)
  await expect(chair.getByTestId('secretary-console')).toHaveCount(0)

  // A hall PC nobody paired: the projector screen explains how, instead of failing silently.
  const strangerContext = await newContext(browser)
  const stranger = await strangerContext.newPage()
  await stranger.goto(`/m/${meetingId}/projector`)
  await expect(stranger.getByTestId('screen-refused')).toHaveAttribute('data-reason', 'unpaired')
  await expect(stranger.getByTestId('screen-refused')).toContainText('Thiết bị này chưa được ghép với hội nghị.')
  await expect(stranger.getByTestId('projector-title')).toHaveCount(0)
  await stranger.getByTestId('screen-refused-pair').click()
  await expect(stranger).toHaveURL(/\/pair$/)

  await strangerContext.close()
  await chairContext.close()
  await secretaryContext.close()
})

import { expect, test, type APIRequestContext, type Page } from '@playwright/test'
import { asPerson, issuePairingCode, newContext, pairDevice, signedInContext } from './support/office'

// The issue's "done means": a short conference run by a secretary (console, signed in), a chair
// (tablet) and the hall screen (projector), each in its own browser context; the tablet and the
// projector are devices paired with codes from the console, as in the hall. Two registered petitions (one
// confidential) and one added in the room, three speakers, and the chair's three kinds of decision:
// a personal answer, a unit committed to a written answer by a deadline, and a petition forwarded
// beyond the office's authority. Every screen is checked along the way, and none is reloaded.

const title = 'Hội nghị đối thoại với nhân dân xã Mường Giàng năm 2025'

// The office directory the chair picks from (set up by the administrator through the API, as an
// office would beforehand).
const unitEconomy = 'Phòng Kinh tế'
const unitInterior = 'Phòng Nội vụ'
const leader = { name: 'Lò Văn Hùng', title: 'Chủ tịch UBND xã' }

// Registered petition 1, with an answer the unit prepared beforehand.
const landTitle = 'Cấp giấy chứng nhận quyền sử dụng đất bản Nà Sài'
const landPetitioner = 'Cầm Văn Thanh'
const landVillage = 'Bản Nà Sài'
const preparedText = 'Hồ sơ đã đủ điều kiện, Phòng Kinh tế trình cấp giấy trong tháng 6.'
const chairSummary = 'Xã sẽ cấp giấy chứng nhận trong tháng 6'
const secretaryNote = 'Ông Thanh đề nghị đẩy nhanh việc cấp giấy cho 5 hộ'

// Registered petition 2: the petitioner asked to stay anonymous, and raises it in person.
const secretTitle = 'Phản ánh cán bộ địa chính gây khó khăn khi làm hồ sơ'
const secretPetitioner = 'Lò Văn Khiêm'
const secretVillage = 'Bản Cọ Mủ'
const secretContent = 'Cán bộ địa chính yêu cầu nộp thêm giấy tờ không có trong quy định'

// Petition 3, raised in the room by the third speaker.
const roadTitle = 'Sửa đường vào bản Hẻo bị sạt lở'
const roadSpeaker = 'Lường Thị Hoa'
const roadVillage = 'Bản Hẻo'
const forwardBody = 'Sở Xây dựng tỉnh Sơn La'

// A deadline chosen on the tablet, valid whatever day the test runs: after the meeting, within the
// year the server accepts, and a working day (the 15th four months ahead, or the Monday after it).
const due = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth() + 4, 15))
while (due.getUTCDay() === 0 || due.getUTCDay() === 6) due.setUTCDate(due.getUTCDate() + 1)
const dueIso = due.toISOString().slice(0, 10)
const dueVi = dueIso.split('-').reverse().join('/')
const sunday = new Date(due)
while (sunday.getUTCDay() !== 0) sunday.setUTCDate(sunday.getUTCDate() + 1)

const secretPublicTitle = 'Kiến nghị số 2 (bảo mật, lĩnh vực Tổ chức cán bộ)'
// A confidential petition's subject is as secret as its petitioner: the hall sees it by number.
const secrets = [secretPetitioner, secretVillage, secretTitle, secretContent, preparedText, secretaryNote]

async function ensureDirectory(request: APIRequestContext): Promise<void> {
  const current = (await (await request.get('/api/directory')).json()) as {
    units: { id: string; name: string }[]
    officials: { name: string }[]
  }
  for (const name of [unitEconomy, unitInterior]) {
    if (current.units.some((u) => u.name === name)) continue
    const created = await request.post('/api/directory/units', { data: { name } })
    expect(created.status()).toBe(201)
    current.units.push((await created.json()) as { id: string; name: string })
  }
  const economy = current.units.find((u) => u.name === unitEconomy)!
  const officials = [
    { ...leader, unitId: null },
    { name: 'Cầm Thị Lan', title: 'Trưởng phòng Kinh tế', unitId: economy.id },
  ]
  for (const official of officials) {
    if (current.officials.some((o) => o.name === official.name)) continue
    const created = await request.post('/api/directory/officials', { data: official })
    expect(created.status()).toBe(201)
  }
}

async function recordPetition(
  page: Page,
  entry: { field: string; title: string; content: string; petitionerName: string; address: string; confidential?: boolean },
): Promise<void> {
  const form = page.getByTestId('petition-form')
  await form.getByTestId('petition-origin-registered').check()
  await form.getByTestId('petition-field').fill(entry.field)
  await form.getByTestId('petition-title').fill(entry.title)
  await form.getByTestId('petition-content').fill(entry.content)
  await form.getByTestId('petition-petitioner-name').fill(entry.petitionerName)
  await form.getByTestId('petition-petitioner-address').fill(entry.address)
  await form.getByTestId('petition-confidential').setChecked(entry.confidential ?? false)
  await form.getByTestId('petition-submit').click()
  await expect(form.getByTestId('petition-form-saved')).toBeVisible()
  await expect(form.getByTestId('petition-title')).toHaveValue('')
}

async function registerSpeaker(
  page: Page,
  entry: { name: string; unit: string; petitionNos?: number[]; added?: { field: string; title: string; content: string } },
): Promise<void> {
  const form = page.getByTestId('speaker-form')
  await form.getByTestId('speaker-name').fill(entry.name)
  await form.getByTestId('speaker-unit').fill(entry.unit)
  await form.getByTestId('speaker-show-name').check() // each of them agreed to be named on screen
  for (const no of entry.petitionNos ?? []) await form.getByTestId(`speaker-petition-${no}`).check()
  if (entry.added) {
    await form.getByTestId('speaker-add-petition').check()
    await form.getByTestId('speaker-added-field').fill(entry.added.field)
    await form.getByTestId('speaker-added-title').fill(entry.added.title)
    await form.getByTestId('speaker-added-content').fill(entry.added.content)
  }
  await form.getByTestId('speaker-submit').click()
  await expect(form.getByTestId('speaker-form-saved')).toContainText(entry.name)
  await expect(form.getByTestId('speaker-name')).toHaveValue('')
}

const markLoad = (page: Page, mark: string) => page.evaluate((m) => ((window as unknown as { loadMark: string }).loadMark = m), mark)
const loadMark = (page: Page) => page.evaluate(() => (window as unknown as { loadMark?: string }).loadMark)

test('a short conference: secretary, chair and projector stay in step, and the hall never sees a confidential name', async ({
  browser,
}) => {
  await asPerson('admin', ensureDirectory)

  // ── The secretary, signed in, creates the meeting.
  const secretaryContext = await signedInContext(browser, 'secretary', { viewport: { width: 1600, height: 1000 } })
  const secretary = await secretaryContext.newPage()
  await secretary.goto('/')
  await secretary.getByTestId('new-meeting-title').fill(title)
  await secretary.getByTestId('new-meeting-venue').fill('Hội trường UBND xã')
  await secretary.getByTestId('create-meeting').click()
  await expect(secretary).toHaveURL(/\/m\/[0-9a-f-]{36}\/secretary$/)
  await expect(secretary.getByTestId('connection-status')).toHaveAttribute('data-status', 'online')
  await expect(secretary.getByTestId('meeting-title')).toHaveText(title)
  await markLoad(secretary, 'secretary')
  const meetingId = /\/m\/([0-9a-f-]{36})\//.exec(secretary.url())![1]!

  // ── The hall screen: its own browser, no account, paired with a code typed on /pair; every socket
  // frame kept to check what it was sent.
  const projectorCode = await issuePairingCode(secretary, 'projector')
  const projectorContext = await newContext(browser, { viewport: { width: 1920, height: 1080 } })
  const projector = await projectorContext.newPage()
  const received: string[] = []
  projector.on('websocket', (ws) => ws.on('framereceived', (frame) => received.push(String(frame.payload))))
  projector.on('response', async (response) => {
    if (response.url().includes('/socket.io/') || response.url().includes('/api/')) received.push(await response.text().catch(() => ''))
  })
  await pairDevice(projector, projectorCode, { label: 'Máy chiếu hội trường', screen: 'projector' })
  await expect(projector).toHaveURL(new RegExp(`/m/${meetingId}/projector$`))
  await expect(projector.getByTestId('projector-title')).toHaveText(title)
  await expect(projector.getByTestId('projector-offline')).toHaveCount(0)
  await expect(projector.getByTestId('projector')).toHaveAttribute('data-screen', 'live')
  await markLoad(projector, 'projector')

  // ── The chair's tablet, in a touch context of tablet size: paired through the address in the QR
  // code the console shows (/pair#<code>).
  const chairCode = await issuePairingCode(secretary, 'chair')
  const chairContext = await newContext(browser, { viewport: { width: 1280, height: 800 }, hasTouch: true })
  const chair = await chairContext.newPage()
  await pairDevice(chair, chairCode, { via: 'link', label: 'Máy tính bảng chủ trì', screen: 'chair' })
  await expect(chair).toHaveURL(new RegExp(`/m/${meetingId}/chair$`))
  await expect(chair.getByTestId('meeting-title')).toHaveText(title)
  await expect(chair.getByTestId('connection-status')).toHaveAttribute('data-status', 'online')
  await markLoad(chair, 'chair')
  const chairToken = await chair.evaluate((id) => (JSON.parse(localStorage.getItem(`hnd:device:${id}`) ?? '{}') as { token?: string }).token ?? '', meetingId)
  expect(chairToken).not.toBe('')
  // The console lists both devices; the panel is closed again for the meeting.
  await expect(secretary.getByTestId('paired-device')).toHaveCount(2)
  await secretary.getByTestId('devices-toggle').click()
  await expect(secretary.getByTestId('pairing-panel')).toHaveCount(0)

  // ── Before the meeting: the two registered petitions, then the prepared answer for the first.
  await recordPetition(secretary, {
    field: 'Đất đai',
    title: landTitle,
    content: 'Đề nghị cấp giấy chứng nhận cho 5 hộ đã sử dụng đất ổn định từ năm 1995',
    petitionerName: landPetitioner,
    address: landVillage,
  })
  await recordPetition(secretary, {
    field: 'Tổ chức cán bộ',
    title: secretTitle,
    content: secretContent,
    petitionerName: secretPetitioner,
    address: secretVillage,
    confidential: true,
  })
  const row = (no: number) => secretary.locator(`[data-testid="petition-row"][data-petition-no="${no}"]`)
  await expect(row(2)).toContainText(secretPetitioner) // the secretary sees who it is

  await secretary.getByTestId('petition-actions-1').click()
  await secretary.locator('[role="menuitem"][data-action="prepare"]').click()
  const dialog = secretary.getByTestId('petition-action-dialog')
  await dialog.getByTestId('prepare-unit').fill(unitEconomy)
  await dialog.getByTestId('prepare-text').fill(preparedText)
  await dialog.getByTestId('action-submit').click()
  await expect(dialog).toHaveCount(0)
  await expect(row(1)).toContainText('1 câu trả lời chuẩn bị')

  // ── Three speakers at the desk; the third raises a new petition in the room.
  await registerSpeaker(secretary, { name: landPetitioner, unit: landVillage, petitionNos: [1] })
  await registerSpeaker(secretary, { name: secretPetitioner, unit: secretVillage, petitionNos: [2] })
  await registerSpeaker(secretary, {
    name: roadSpeaker,
    unit: roadVillage,
    added: { field: 'Giao thông', title: roadTitle, content: 'Mùa mưa năm nay đường sạt lở, xe máy không đi được' },
  })
  await expect(secretary.getByTestId('queue-waiting-row')).toHaveCount(3)
  await expect(secretary.getByTestId('count-registered')).toHaveText('2')
  await expect(secretary.getByTestId('count-added')).toHaveText('1')
  await expect(row(3)).toHaveAttribute('data-origin', 'added')
  await expect(row(3)).toContainText('Bổ sung')

  // The hall counts registered and added apart; the confidential speaker is a number, without village.
  await expect(projector.getByTestId('projector-count-registered')).toHaveText('Kiến nghị đã đăng ký: 2')
  await expect(projector.getByTestId('projector-count-added')).toHaveText('Kiến nghị bổ sung: 1')
  await expect(projector.getByTestId('projector-count-answered')).toHaveText('Trả lời tại hội nghị: 0')
  await expect(projector.getByTestId('projector-count-pending')).toHaveText('Chưa xử lý: 3')
  const nextItems = projector.getByTestId('projector-next-item')
  await expect(nextItems).toHaveCount(3)
  await expect(nextItems.nth(0)).toContainText(landPetitioner)
  await expect(nextItems.nth(1)).toHaveText(/^\s*2\s*Đại biểu số 2\s*$/)
  await expect(nextItems.nth(2)).toContainText(roadSpeaker)

  // The tablet follows too: counts, the queue, who comes next, and the rule.
  const chairCounts = chair.getByTestId('chair-counts')
  await expect(chairCounts).toContainText(/Kiến nghị đã đăng ký\s*2/)
  await expect(chairCounts).toContainText(/Kiến nghị bổ sung\s*1/)
  await expect(chair.getByTestId('chair-queue-row')).toHaveCount(3)
  await expect(chair.getByTestId('chair-call-next')).toContainText(`1. ${landPetitioner}`)
  await expect(chair.getByTestId('chair-rule')).toHaveText('Mời người tiếp theo sẽ kết thúc lượt phát biểu hiện tại.')

  // ── Speaker 1, called and timed from the tablet. KN 1 comes up for discussion.
  await chair.getByTestId('chair-call-next').tap()
  await expect(chair.getByTestId('chair-current-name')).toContainText(landPetitioner)
  await expect(projector.getByTestId('projector-current-name')).toHaveText(landPetitioner)
  await expect(projector.getByTestId('projector-current-unit')).toHaveText(landVillage)
  await expect(projector.getByTestId('projector-speaker-status')).toHaveText('Xin mời phát biểu')
  await expect(projector.getByTestId('countdown')).toHaveAttribute('data-tone', 'ready')
  await expect(projector.getByTestId('countdown-digits')).toHaveText('3:00')
  await expect(projector.getByTestId('projector-phase')).toContainText('Đối thoại')
  await expect(nextItems).toHaveCount(2)
  await expect(nextItems.nth(0)).toContainText('Đại biểu số 2')
  await expect(projector.getByTestId('projector-petition-title')).toHaveText(landTitle)
  await expect(secretary.getByTestId('queue-current')).toContainText(landPetitioner)
  await expect(row(1)).toHaveAttribute('data-status', 'discussing')

  await chair.getByTestId('chair-clock-toggle').tap()
  await expect(projector.getByTestId('projector-speaker-status')).toHaveText('Đang phát biểu')
  await expect(projector.getByTestId('countdown')).toHaveAttribute('data-tone', 'running')
  await expect(projector.getByTestId('countdown-label')).toHaveText('Còn lại')
  await expect(projector.getByTestId('countdown-digits')).toHaveText(/^[0-3]:[0-5]\d$/)
  await expect(secretary.getByTestId('queue-current')).toHaveAttribute('data-status', 'speaking')
  await expect(chair.getByTestId('chair-clock-toggle')).toHaveText('Tạm dừng')

  // The secretary notes what was said (for the minutes, never for the hall).
  await secretary.getByTestId('speaker-summary-1').fill(secretaryNote)
  await secretary.getByTestId('speaker-summary-1').press('Control+Enter')
  await expect(secretary.getByTestId('speaker-summary-state-1')).toContainText('Đã lưu')

  // The chair sees the petition under discussion with the unit's prepared answer, and answers it.
  const chairPetition = chair.getByTestId('chair-petition')
  await expect(chairPetition.getByTestId('chair-petition-title')).toHaveText(landTitle)
  await expect(chairPetition.getByTestId('chair-petition-status')).toHaveText('Đang thảo luận')
  await expect(chairPetition.getByTestId('chair-prepared')).toContainText(`${unitEconomy}: ${preparedText}`)
  await chair.getByTestId('chair-mode-chair').tap()
  await chairPetition.getByLabel('Tóm tắt nội dung trả lời (không bắt buộc)').fill(chairSummary)
  await chair.getByTestId('chair-confirm-chair').tap()
  await expect(chairPetition.getByTestId('chair-petition-status')).toHaveText('Đã trả lời tại hội nghị')
  await expect(chairPetition.getByTestId('chair-outcome')).toHaveText('Đã trả lời tại hội nghị: Chủ trì hội nghị')
  await expect(projector.getByTestId('projector-answerer')).toContainText('Kết quả')
  await expect(projector.getByTestId('projector-answerer')).toContainText('Đã trả lời tại hội nghị: Chủ trì hội nghị')
  await expect(projector.getByTestId('projector-count-answered')).toHaveText('Trả lời tại hội nghị: 1')
  await expect(projector.getByTestId('projector-count-pending')).toHaveText('Chưa xử lý: 2')
  await expect(row(1)).toHaveAttribute('data-status', 'answered')
  await expect(row(1).getByTestId('petition-status')).toHaveText('Đã trả lời tại hội nghị')
  await expect(row(1)).toContainText(chairSummary)
  await expect(secretary.getByTestId('count-answered')).toHaveText('1')

  // ── "Mời người tiếp theo" from the console finishes speaker 1 and calls speaker 2 (confidential).
  await expect(secretary.getByText('Mời người tiếp theo sẽ kết thúc lượt phát biểu hiện tại.')).toBeVisible()
  await secretary.getByTestId('call-next').click()
  await expect(secretary.getByTestId('queue-current')).toContainText(secretPetitioner)
  await expect(secretary.getByTestId('queue-finished')).toContainText(landPetitioner)
  await expect(projector.getByTestId('projector-current-name')).toHaveText('Đại biểu số 2')
  await expect(projector.getByTestId('projector-current-unit')).toHaveCount(0)
  await expect(projector.getByTestId('projector-speaker-status')).toHaveText('Xin mời phát biểu')
  await expect(projector.getByTestId('countdown')).toHaveAttribute('data-tone', 'ready')
  await expect(nextItems).toHaveCount(1)
  await expect(nextItems.first()).toContainText(roadSpeaker)
  await expect(projector.getByTestId('projector-petition-title')).toHaveText(secretPublicTitle)
  await expect(projector.getByTestId('projector-answerer')).toHaveCount(0)
  await expect(chair.getByTestId('chair-current-name')).toContainText(secretPetitioner) // the chair knows who it is
  await expect(chairPetition.getByTestId('chair-petitioner')).toHaveText(secretPetitioner)
  await expect(chairPetition.getByTestId('chair-confidential')).toHaveText('Bí mật')
  await expect(chairPetition.getByTestId('chair-prepared')).toContainText('Chưa có đơn vị nào chuẩn bị dự thảo trả lời.')
  // While the confidential petition is on the hall screen: its number and field, nothing more.
  const duringSecret = await projector.content()
  expect(duringSecret).toContain(secretPublicTitle)
  for (const secret of secrets) expect(duringSecret, `projector page shows "${secret}"`).not.toContain(secret)

  // The clock this time from the console, then paused: every screen shows the same time.
  await secretary.getByTestId('speech-clock-toggle').click()
  await expect(projector.getByTestId('countdown')).toHaveAttribute('data-tone', /running|warning/)
  await expect(chair.getByTestId('chair-clock-toggle')).toHaveText('Tạm dừng')
  await chair.getByTestId('chair-clock-toggle').tap()
  await expect(projector.getByTestId('countdown')).toHaveAttribute('data-tone', 'paused')
  await expect(projector.getByTestId('countdown-label')).toHaveText('Tạm dừng')
  await expect(secretary.getByTestId('queue-current')).toHaveAttribute('data-status', 'paused')
  const pausedAt = (await projector.getByTestId('countdown-digits').textContent())?.trim() ?? ''
  expect(pausedAt).toMatch(/^[0-3]:[0-5]\d$/)
  await expect(chair.getByTestId('chair-speaker').getByTestId('countdown-digits')).toHaveText(pausedAt)
  await expect(secretary.getByTestId('speech-clock').locator('.clock__time')).toHaveText(pausedAt)

  // The chair commits a unit to a written answer by a chosen date.
  await chair.getByTestId('chair-mode-later').tap()
  await expect(chair.getByTestId('chair-due-default')).toContainText(/\d{2}\/\d{2}\/\d{4}/) // the office's rule, as a preview
  await chair.getByTestId('chair-pick-unit').filter({ hasText: unitInterior }).tap()
  await chair.getByTestId('chair-due-choose').tap()
  // A Sunday is said to be no working day before the chair presses, and cannot be committed.
  await chair.getByTestId('chair-due-date').fill(sunday.toISOString().slice(0, 10))
  await expect(chair.getByTestId('chair-due-problem')).toContainText('là Chủ nhật, không phải ngày làm việc')
  await expect(chair.getByTestId('chair-commit')).toBeDisabled()
  if (process.env.SCREENSHOTS) await chair.screenshot({ path: '.tmp/chair-due-sunday.png' })
  await chair.getByTestId('chair-due-date').fill(dueIso)
  await expect(chair.getByTestId('chair-due-problem')).toHaveCount(0)
  await expect(chair.getByTestId('chair-commit')).toHaveText(`Giao ${unitInterior} trả lời sau`)
  await chair.getByTestId('chair-commit').tap()
  const committed = `Giao ${unitInterior} trả lời bằng văn bản, hạn chậm nhất ${dueVi}`
  await expect(chairPetition.getByTestId('chair-petition-status')).toHaveText('Giao trả lời sau')
  await expect(chairPetition.getByTestId('chair-outcome')).toHaveText(committed)
  await expect(projector.getByTestId('projector-answerer')).toContainText(committed)
  await expect(row(2)).toHaveAttribute('data-status', 'written_answer')
  await expect(row(2).getByTestId('petition-status')).toHaveText('Giao trả lời sau')
  await expect(row(2)).toContainText(`${unitInterior} — Trả lời bằng văn bản, hạn ${dueVi}`)
  // A petition given to a unit to answer in writing is decided: it leaves "pending" for its own count.
  await expect(projector.getByTestId('projector-count-answered')).toHaveText('Trả lời tại hội nghị: 1')
  await expect(projector.getByTestId('projector-count-writtenAnswer')).toHaveText('Giao trả lời sau: 1')
  await expect(projector.getByTestId('projector-count-pending')).toHaveText('Chưa xử lý: 1')
  await expect(secretary.getByTestId('count-writtenAnswer')).toHaveText('1')

  // ── The projector, switched from the console to the petitions by field, and back to live.
  await secretary.getByTestId('projector-mode-petitions').click()
  await expect(projector.getByTestId('projector')).toHaveAttribute('data-screen', 'petitions')
  const listRows = projector.getByTestId('projector-petition-row')
  await expect(listRows).toHaveCount(3) // every petition, the one added in the room too
  await expect(listRows.filter({ hasText: roadTitle })).toContainText('Bổ sung')
  await expect(listRows.filter({ hasText: landTitle })).toContainText('Đã trả lời')
  await expect(listRows.filter({ hasText: secretPublicTitle })).toContainText('Trả lời sau')
  await expect(projector.getByTestId('projector-petitions')).toContainText('Đất đai')
  await expect(projector.getByTestId('projector-petitions')).toContainText('Tổ chức cán bộ')
  await expect(projector.getByTestId('projector-count-registered')).toHaveText('Kiến nghị đã đăng ký: 2')
  await expect(projector.getByTestId('projector-current-name')).toHaveCount(0)
  await expect(secretary.getByTestId('projector-preview')).toContainText('Danh sách kiến nghị theo lĩnh vực')
  await secretary.getByTestId('projector-mode-live').click()
  await expect(projector.getByTestId('projector')).toHaveAttribute('data-screen', 'live')
  await expect(projector.getByTestId('projector-current-name')).toHaveText('Đại biểu số 2')
  await expect(secretary.getByTestId('projector-mode-live')).toHaveAttribute('aria-pressed', 'true')
  await expect(secretary.getByTestId('projector-preview')).toContainText(`Diễn biến trực tiếp — Đại biểu số 2 phát biểu — KN 2: ${secretPublicTitle}`)

  // ── Speaker 3 from the tablet: the paused speech ends, the petition raised in the room comes up.
  await expect(chair.getByTestId('chair-call-next')).toContainText(`3. ${roadSpeaker}`)
  await chair.getByTestId('chair-call-next').tap()
  await expect(chair.getByTestId('chair-current-name')).toContainText(roadSpeaker)
  await expect(projector.getByTestId('projector-current-name')).toHaveText(roadSpeaker)
  await expect(projector.getByTestId('projector-current-unit')).toHaveText(roadVillage)
  await expect(nextItems).toHaveCount(0)
  await expect(projector.getByTestId('projector-next')).toContainText('Chưa có đại biểu đăng ký tiếp')
  await expect(projector.getByTestId('projector-petition-title')).toHaveText(roadTitle)
  await expect(projector.getByTestId('projector-petition')).toContainText('Bổ sung')
  await expect(secretary.getByTestId('queue-finished')).toContainText(secretPetitioner)
  await expect(secretary.getByTestId('queue-waiting-row')).toHaveCount(0)
  await expect(chair.getByTestId('chair-call-next')).toHaveText('Không còn ai đang chờ')
  await expect(chairPetition.getByTestId('chair-petition-title')).toHaveText(roadTitle)

  // The chair forwards it beyond the office's authority, to a body typed on the tablet.
  await chair.getByTestId('chair-mode-forward').tap()
  await chair.getByRole('button', { name: 'Cơ quan khác' }).tap()
  await chair.getByPlaceholder('VD: Thanh tra tỉnh').fill(forwardBody)
  await expect(chair.getByTestId('chair-forward')).toHaveText(`Chuyển ${forwardBody}`)
  await chair.getByTestId('chair-forward').tap()
  const forwarded = `Vượt thẩm quyền: chuyển ${forwardBody}`
  await expect(chairPetition.getByTestId('chair-outcome')).toHaveText(forwarded)
  await expect(projector.getByTestId('projector-answerer')).toContainText(forwarded)
  await expect(row(3)).toHaveAttribute('data-status', 'forwarded')
  await expect(row(3).getByTestId('petition-status')).toHaveText('Vượt thẩm quyền, chuyển cơ quan khác')
  await expect(row(3)).toContainText(forwardBody)
  await expect(projector.getByTestId('projector-count-answered')).toHaveText('Trả lời tại hội nghị: 1')
  await expect(projector.getByTestId('projector-count-writtenAnswer')).toHaveText('Giao trả lời sau: 1')
  await expect(projector.getByTestId('projector-count-forwarded')).toHaveText('Chuyển cơ quan khác: 1')
  await expect(projector.getByTestId('projector-count-pending')).toHaveText('Chưa xử lý: 0')
  await expect(projector.getByTestId('projector-count-registered')).toHaveText('Kiến nghị đã đăng ký: 2')
  await expect(projector.getByTestId('projector-count-added')).toHaveText('Kiến nghị bổ sung: 1')
  await expect(secretary.getByTestId('count-pending')).toHaveText('0')
  await expect(chairCounts).toContainText(/Chưa xử lý\s*0/)

  // The chair ends the last speech; the hall has nobody at the microphone.
  await chair.getByTestId('chair-finish').tap()
  await expect(projector.getByTestId('projector-current-name')).toHaveCount(0)
  await expect(projector.getByTestId('countdown')).toHaveCount(0)
  await expect(projector.getByTestId('projector-current')).toContainText('Chưa có đại biểu phát biểu')
  await expect(secretary.getByTestId('queue-current')).toHaveAttribute('data-status', 'none')
  await expect(secretary.getByTestId('queue-finished')).toContainText(roadSpeaker)

  // ── Nothing was reloaded, and the hall was never sent what it must not show.
  expect(await loadMark(projector)).toBe('projector')
  expect(await loadMark(chair)).toBe('chair')
  expect(await loadMark(secretary)).toBe('secretary')
  const html = await projector.content()
  expect(html).toContain(roadTitle)
  for (const secret of secrets) expect(html, `projector page shows "${secret}"`).not.toContain(secret)
  expect(received.length).toBeGreaterThan(0)
  expect(received.some((payload) => payload.includes(roadTitle))).toBe(true) // the frames were captured
  for (const payload of received) {
    for (const secret of secrets) expect(payload, `projector was sent "${secret}"`).not.toContain(secret)
    expect(payload, 'projector was sent the chair tablet’s device token').not.toContain(chairToken)
    expect(payload, 'projector was sent the chair’s pairing code').not.toContain(`"${chairCode}"`)
  }

  await chairContext.close()
  await projectorContext.close()
  await secretaryContext.close()
})

import { readFile } from 'node:fs/promises'
import JSZip from 'jszip'
import { expect, request as apiRequest, test, type Download, type Locator, type Page } from '@playwright/test'
import { signedInContext } from './support/office'

// The issue's "done means" for the pages after the conference: a short conference on the demo data
// is finished in the console, then the minutes are edited and finalised, the conclusion notice is
// finalised with a number, both finalised versions download as .docx (read here as Word reads them),
// the notice opens as a print page, and the written-answer commitment shows on the follow-up page.
// The demo's confidential petitioner (server/meetings/demo.ts) must never appear in a document.
// The secretary is signed in: the downloads go with the session cookie, like any link on the page.

const confidentialName = 'Lò Văn Sáng'
const confidentialVillage = 'Bản Hua Mường'
const secrets = [confidentialName, confidentialVillage]

// Demo petitions: KN 1 (road, speaker 1), KN 3 (confidential, speaker 3), KN 4 (social policy).
const roadTitle = 'Đường vào bản Nà Cang xuống cấp, xe máy đi lại khó khăn mùa mưa'
const boundaryTitle = 'Tố cáo việc đo đạc sai ranh giới đất sản xuất'
const allowanceTitle = 'Chậm chi trả trợ cấp hằng tháng cho người có công'
const unassessedTitle = 'Chậm cấp giấy chứng nhận quyền sử dụng đất cho các hộ bản Mòn'

const speakerSummary = 'Đề nghị xã sửa đoạn đường sạt lở vào bản Nà Cang trước mùa mưa'
const answerSummary = 'Xã đưa tuyến đường vào kế hoạch duy tu quý II, huy động Nhân dân góp ngày công'
const committedUnit = 'Phòng Kinh tế'
const forwardBody = 'Sở Nội vụ tỉnh Sơn La'
const conclusion = 'Các đơn vị được giao khẩn trương trả lời đúng thời hạn'
const setAsideReason = 'Hết thời gian; Phòng Kinh tế trả lời tại hội nghị quý sau'
const medicineTitle = 'Trạm y tế xã thiếu thuốc điều trị bệnh mạn tính'
const medicineUnit = 'Phòng Văn hóa - Xã hội'
const attendanceEdited =
  'Thành phần tham dự: đại diện các hộ gia đình bản Nà Cang, bản Mòn và bản Phứa; công chức các phòng chuyên môn xã.'

const dateVi = /\d{2}\/\d{2}\/\d{4}/

/** The text of each paragraph of word/document.xml, runs joined, entities read back. */
async function docxParagraphs(download: Download): Promise<{ xml: string; paragraphs: string[] }> {
  const zip = await JSZip.loadAsync(await readFile(await download.path()))
  const xml = await zip.file('word/document.xml')!.async('string')
  const unescape = (s: string) =>
    s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&')
  const paragraphs = [...xml.matchAll(/<w:p[ >].*?<\/w:p>/gs)].map((p) =>
    [...p[0].matchAll(/<w:t(?: [^>]*)?>(.*?)<\/w:t>/gs)].map((t) => unescape(t[1]!)).join(''),
  )
  return { xml, paragraphs }
}

/** What the draft's text blocks say, in order (textarea values are not in the DOM text). */
const blockTexts = (panel: Locator) =>
  panel
    .getByTestId('document-block')
    .locator('textarea')
    .evaluateAll((els) => els.map((el) => (el as HTMLTextAreaElement).value))

async function petitionAction(page: Page, no: number, action: string): Promise<Locator> {
  await page.getByTestId(`petition-actions-${no}`).click()
  await page.getByRole('menuitem').and(page.locator(`[data-action="${action}"]`)).click()
  const dialog = page.getByTestId('petition-action-dialog')
  await expect(dialog.locator(`form[data-action="${action}"]`)).toBeVisible()
  return dialog
}

test('a short conference is closed, its minutes and notice finalised and downloaded, and the commitment followed up', async ({
  browser,
  baseURL,
}) => {
  const context = await signedInContext(browser, 'secretary', { viewport: { width: 1366, height: 900 }, acceptDownloads: true })
  const page = await context.newPage()

  // ── The demo conference, from the home page (the big button on an empty database, else the small one).
  await page.goto('/')
  await page.getByTestId('create-demo').or(page.getByTestId('create-demo-small')).click()
  await expect(page).toHaveURL(/\/m\/[0-9a-f-]{36}\/secretary$/)
  const meetingId = /\/m\/([0-9a-f-]{36})\//.exec(page.url())![1]!
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'online')
  await expect(page.getByTestId('petition-row')).toHaveCount(5)
  const row = (no: number) => page.locator(`[data-testid="petition-row"][data-petition-no="${no}"]`)

  // ── Speaker 1 is called; KN 1 comes up. The secretary notes what was said; the chair answers KN 1.
  await page.getByTestId('call-next').click()
  await expect(page.getByTestId('queue-current')).toContainText('Cầm Văn Thanh')
  await expect(row(1)).toHaveAttribute('data-status', 'discussing')
  await page.getByTestId('speaker-summary-1').fill(speakerSummary)
  await page.getByTestId('speaker-summary-1').press('Control+Enter')
  await expect(page.getByTestId('speaker-summary-state-1')).toContainText('Đã lưu')

  const answer = await petitionAction(page, 1, 'answer')
  await answer.getByTestId('answer-summary').fill(answerSummary)
  await answer.getByTestId('action-submit').click()
  await expect(answer).toBeHidden()
  await expect(row(1)).toHaveAttribute('data-status', 'answered')
  await expect(row(1)).toContainText(answerSummary)

  // ── The confidential petitioner (speaker 3) is called out of turn; KN 3 goes to a unit in writing.
  await page.getByTestId('queue-call-3').click()
  await expect(page.getByTestId('queue-current')).toContainText(confidentialName)
  await expect(row(3)).toHaveAttribute('data-status', 'discussing')
  const commit = await petitionAction(page, 3, 'commit')
  await commit.getByTestId('commit-unit').selectOption({ label: committedUnit })
  await commit.getByTestId('action-submit').click()
  await expect(commit).toBeHidden()
  await expect(row(3)).toHaveAttribute('data-status', 'written_answer')
  // The rules' period counts from the notice's issue: until then the console shows an estimate.
  await expect(row(3)).toContainText(new RegExp(`${committedUnit} — Trả lời bằng văn bản, hạn ${dateVi.source} \\(dự kiến`))

  // ── KN 4 is beyond the office's authority.
  const forward = await petitionAction(page, 4, 'forward')
  await forward.getByTestId('forward-body').fill(forwardBody)
  await forward.getByTestId('action-submit').click()
  await expect(forward).toBeHidden()
  await expect(row(4)).toHaveAttribute('data-status', 'forwarded')
  await expect(row(4)).toContainText(forwardBody)

  // ── The conclusion part: the chair's closing conclusion, then the meeting is closed (the speech in
  // progress ends with it).
  await page.getByTestId('phase-conclusion').click()
  await expect(page.getByTestId('phase-conclusion')).toHaveAttribute('aria-current', 'step')
  const conclusionBox = page.getByTestId('meeting-conclusion')
  await conclusionBox.getByTestId('meeting-conclusion-text').fill(conclusion)
  await conclusionBox.getByTestId('meeting-conclusion-text').press('Control+Enter')
  await expect(conclusionBox.getByRole('status')).toContainText('Đã lưu')

  // Closing with two petitions still open: the console lists them and the secretary decides each,
  // KN 2 set aside with the reason, KN 5 committed to a unit by the rule's deadline.
  await page.getByTestId('phase-closed').click()
  const closing = page.getByTestId('close-meeting-dialog')
  await expect(closing.getByTestId('close-open-petitions')).toContainText('Còn 2 kiến nghị chưa xử lý')
  await expect(closing.getByTestId('close-meeting-confirm')).toBeDisabled()
  await closing.getByTestId('close-set-aside-2').click()
  const setAside = page.getByTestId('petition-action-dialog')
  await setAside.getByTestId('set-aside-reason').fill(setAsideReason)
  await setAside.getByTestId('action-submit').click()
  await expect(setAside).toBeHidden()
  await closing.getByTestId('close-commit-5').click()
  const commitLast = page.getByTestId('petition-action-dialog')
  await commitLast.getByTestId('commit-unit').selectOption({ label: medicineUnit })
  await commitLast.getByTestId('action-submit').click()
  await expect(commitLast).toBeHidden()
  await expect(closing.getByTestId('close-open-petitions')).toHaveCount(0)
  await closing.getByTestId('close-meeting-confirm').click()
  await expect(page.getByTestId('meeting-closed-banner')).toBeVisible()
  await expect(page.getByTestId('phase-closed')).toHaveAttribute('aria-current', 'step')
  await expect(page.getByTestId('queue-current')).toHaveAttribute('data-status', 'none')

  // ── The documents page, from the console's link.
  await page.getByTestId('console-after-links').getByRole('link', { name: 'Biên bản & thông báo' }).click()
  await expect(page).toHaveURL(new RegExp(`/m/${meetingId}/documents`))
  await expect(page.getByTestId('documents-page')).toBeVisible()
  const minutes = page.locator('#panel-minutes')
  const notice = page.locator('#panel-notice')
  await expect(minutes.getByTestId('document-block').first()).toBeVisible()
  await expect(minutes.getByTestId('draft-state')).toContainText('Dự thảo lập tự động')

  // The draft says who spoke (the confidential speaker by number only) and what became of each petition.
  await expect.poll(() => blockTexts(minutes)).toEqual(
    expect.arrayContaining([
      `1. Cầm Văn Thanh (Bản Nà Cang) (nêu KN 1): ${speakerSummary}.`,
      '2. Đại biểu số 3 (đề nghị giữ bí mật thông tin) (nêu KN 3).',
      expect.stringMatching(new RegExp(`^KN 1 \\(${roadTitle}\\): .* trả lời: ${answerSummary}\\.$`)),
      `KN 2 (${unassessedTitle}): Không xem xét tại hội nghị: ${setAsideReason}.`,
      `KN 3 (${boundaryTitle}): Giao ${committedUnit} trả lời bằng văn bản, hạn 15 ngày làm việc kể từ ngày ban hành thông báo kết luận.`,
      `KN 4 (${allowanceTitle}): Vượt thẩm quyền; chuyển ${forwardBody} xem xét, giải quyết.`,
      conclusion,
    ]),
  )
  const drafted = await blockTexts(minutes)
  for (const secret of secrets) expect(drafted.join('\n'), `minutes draft names "${secret}"`).not.toContain(secret)

  // Edit one block (the attendance line left for the secretary), save, and finalise version 1.
  const attendanceIndex = drafted.findIndex((text) => text.startsWith('Thành phần tham dự:'))
  expect(attendanceIndex).toBeGreaterThanOrEqual(0)
  const attendance = minutes.getByTestId('document-block').nth(attendanceIndex).locator('textarea')
  await attendance.fill(attendanceEdited)
  await expect(minutes.getByTestId('draft-state')).toContainText('Có thay đổi chưa lưu')
  await minutes.getByTestId('draft-save').click()
  await expect(minutes.getByTestId('draft-state')).toContainText(/Đã lưu lúc .* \(Thư ký\)/)
  await expect(attendance).toHaveValue(attendanceEdited)

  await expect(minutes.getByTestId('finalize')).toHaveText('Chốt phiên bản 1')
  await minutes.getByTestId('finalize').click()
  await page.getByTestId('finalize-confirm').click()
  await expect(minutes.getByTestId('document-version')).toHaveCount(1)
  await expect(minutes.getByTestId('document-version')).toContainText('Phiên bản 1')
  await expect(page.getByTestId('tab-minutes')).toContainText('v1')
  await expect(minutes.getByTestId('finalize')).toHaveText('Chốt phiên bản 2')

  // ── The notice, drafted from the finalised minutes, with its issue deadline.
  await page.getByTestId('tab-notice').click()
  await expect(page).toHaveURL(/tab=notice/)
  await expect(notice.getByTestId('document-block').first()).toBeVisible()
  await expect.poll(() => blockTexts(notice)).toEqual(
    expect.arrayContaining([
      'I. KẾT QUẢ ĐỐI THOẠI',
      'II. TỔ CHỨC THỰC HIỆN',
      `1. Giao ${committedUnit}`,
      // KN 3 is confidential: the published notice names it by number and field only. Its one
      // deadline is the rules' period counted from the day the notice is issued, and says so.
      expect.stringMatching(/^Xem xét, trả lời bằng văn bản kiến nghị số 3 \(bảo mật, lĩnh vực Đất đai\); hạn chậm nhất ngày \d{2}\/\d{2}\/\d{4} \(15 ngày làm việc kể từ ngày ban hành Thông báo này\)\.$/),
      `Kiến nghị về ${unassessedTitle.charAt(0).toLowerCase()}${unassessedTitle.slice(1)} chưa được xem xét tại hội nghị: ${setAsideReason}.`,
      conclusion,
    ]),
  )
  for (const secret of secrets) expect((await blockTexts(notice)).join('\n'), `notice draft names "${secret}"`).not.toContain(secret)
  const due = page.getByTestId('notice-due')
  await expect(due).toContainText('Hạn ban hành thông báo')
  await expect(due).toContainText(dateVi)
  await expect(due).toContainText('7 ngày làm việc sau ngày họp') // a commune
  await expect(due).toContainText('Chưa ban hành')

  // Finalising the text is not issuing it: still "Chưa ban hành" until it has a number and a date.
  await notice.getByTestId('finalize').click()
  await page.getByTestId('finalize-confirm').click()
  await expect(notice.getByTestId('document-version')).toHaveCount(1)
  await expect(page.getByTestId('tab-notice')).toContainText('v1')
  await expect(due).toContainText('Chưa ban hành')
  await notice.getByTestId('issue').click()
  const issueDialog = notice.getByTestId('issue-dialog')
  const issuedNumber = await issueDialog.getByTestId('issue-number').inputValue() // the register's next free number
  expect(Number(issuedNumber)).toBeGreaterThan(0)
  await issueDialog.getByTestId('issue-confirm').click()
  await expect(issueDialog).toBeHidden()
  await expect(notice.getByTestId('version-issued')).toContainText(`Đã ban hành: số ${issuedNumber}/TB-`)
  await expect(due).toContainText(/Đã ban hành ngày \d{2}\/\d{2}\/\d{4}/)

  // ── Both finalised versions as .docx, read as Word reads them.
  await page.getByTestId('tab-minutes').click()
  const minutesDownload = page.waitForEvent('download')
  await minutes.getByRole('link', { name: 'Tải .docx phiên bản 1' }).click()
  const minutesFile = await minutesDownload
  const minutesHref = (await minutes.getByRole('link', { name: 'Tải .docx phiên bản 1' }).getAttribute('href'))!
  expect(minutesFile.suggestedFilename()).toBe('bien-ban-v1.docx')
  const minutesDocx = await docxParagraphs(minutesFile)
  expect(minutesDocx.paragraphs).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')
  expect(minutesDocx.paragraphs).toContain('BIÊN BẢN')
  expect(minutesDocx.paragraphs.some((p) => p.includes(attendanceEdited))).toBe(true)
  expect(minutesDocx.paragraphs.some((p) => p.includes(speakerSummary))).toBe(true)

  await page.getByTestId('tab-notice').click()
  const noticeDownload = page.waitForEvent('download')
  await notice.getByRole('link', { name: 'Tải .docx bản đã ban hành, phiên bản 1' }).click()
  const noticeFile = await noticeDownload
  const noticeHref = (await notice.getByRole('link', { name: 'Tải .docx bản đã ban hành, phiên bản 1' }).getAttribute('href'))!
  expect(noticeFile.suggestedFilename()).toMatch(new RegExp(`^thong-bao-ket-luan-so-${issuedNumber}-\\d{4}\\.docx$`))
  const noticeDocx = await docxParagraphs(noticeFile)
  expect(noticeDocx.paragraphs).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')
  expect(noticeDocx.paragraphs).toContain('THÔNG BÁO')
  expect(noticeDocx.paragraphs.some((p) => p.startsWith(`Số: ${issuedNumber}/TB-`))).toBe(true)
  expect(noticeDocx.paragraphs.some((p) => p.includes(`Giao ${committedUnit}`))).toBe(true)

  for (const [name, docx] of [['minutes', minutesDocx], ['notice', noticeDocx]] as const) {
    for (const secret of secrets) expect(docx.xml, `${name} .docx names "${secret}"`).not.toContain(secret)
  }

  // Without an account: the issued notice is published, the minutes are not.
  const anonymous = await apiRequest.newContext({ baseURL })
  expect((await anonymous.get(minutesHref)).status()).toBe(401)
  const published = await anonymous.get(noticeHref)
  expect(published.status()).toBe(200)
  expect(published.headers()['content-type']).toContain('officedocument.wordprocessingml')
  await anonymous.dispose()

  // ── The notice's print page, in a new tab.
  const popup = context.waitForEvent('page')
  await notice.getByRole('link', { name: 'Xem bản đã ban hành, phiên bản 1 (mở thẻ mới)' }).click()
  const print = await popup
  await expect(print.locator('body')).toContainText('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')
  await expect(print.locator('body')).toContainText('THÔNG BÁO')
  await expect(print.locator('body')).toContainText(`Số: ${issuedNumber}/TB-`)
  await expect(print.locator('body')).toContainText(`Giao ${committedUnit}`)
  const printed = await print.content()
  for (const secret of secrets) expect(printed, `print page names "${secret}"`).not.toContain(secret)
  await print.close()

  // ── The meeting's follow-up page lists the written-answer commitment with its unit and status.
  await page.getByRole('link', { name: 'Theo dõi kết luận' }).click()
  await expect(page).toHaveURL(new RegExp(`/m/${meetingId}/follow-up$`))
  const followUps = page.getByTestId('follow-up-row')
  await expect(followUps).toHaveCount(2) // KN 3, and KN 5 committed when closing
  await expect(followUps.filter({ hasText: `5. ${medicineTitle}` })).toContainText(medicineUnit)
  await expect(followUps.first()).toContainText(`3. ${boundaryTitle}`)
  await expect(followUps.first()).toContainText(committedUnit)
  await expect(followUps.first()).toContainText('Trả lời bằng văn bản')
  // The deadline in force: the date promised in the room, or the rule's period counted from the
  // notice's issue if that ends sooner (shared/followup.ts), so only its shape is checked here.
  await expect(followUps.first().locator('td').nth(2)).toContainText(dateVi)
  await expect(followUps.first().getByTestId('follow-up-status')).toContainText('Đang thực hiện') // weeks ahead
  await expect(followUps.first().getByTestId('record')).toBeVisible() // the secretary records results

  // The oversight board follows the same commitment, read-only.
  const oversightContext = await signedInContext(browser, 'oversight')
  const oversight = await oversightContext.newPage()
  await oversight.goto(`/m/${meetingId}/follow-up`)
  await expect(oversight.getByTestId('follow-up-row')).toHaveCount(2)
  // Oversight follows every commitment, but who filed a confidential one is the secretary's and
  // the chair's to know: its subject too can point to the denouncer, so it shows by number.
  await expect(oversight.getByTestId('follow-up-row').first()).toContainText('3. Kiến nghị số 3 (bảo mật, lĩnh vực Đất đai)')
  await expect(oversight.getByTestId('follow-up-row').first()).not.toContainText(boundaryTitle)
  await expect(oversight.getByTestId('follow-up-row').first().getByTestId('record')).toHaveCount(0)
  await oversightContext.close()

  await context.close()
})

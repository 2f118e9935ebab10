import { expect, test } from '@playwright/test'
import { createMeeting, issuePairingCode, meetingCommand, newContext, pairDevice, signedInContext } from './support/office'

// The hall's Wi-Fi drops while the meeting runs. Every screen says so (the projector with a small
// mark only); the console stays cut off longest, and what the secretary types meanwhile (a speech
// summary, a speaker registered at the desk) is neither lost by a reload during the drop nor
// applied twice when the network returns.
//
// The reload happens during the drop: the service worker (public/sw.js) serves the app's shell, the
// tab's picture of the meeting and the secretary's session hint open the console on what it showed,
// the typed summary comes back from its draft and the two commands from the outbox, and they go out
// once, under their own ids, when the network returns.

const title = 'Hội nghị đối thoại với nhân dân bản Hua Nà'
const firstSpeaker = 'Lò Văn Pọm'
const summary = 'Ông Pọm đề nghị sửa cầu treo qua suối Nậm Na trước mùa mưa'
const deskSpeaker = 'Quàng Thị Xuân'

test('a network drop at the console: said at once, nothing typed lost by a reload, the queued speaker applied once', async ({ browser }) => {
  // Two screens, a pairing and three page loads: on a loaded 2-core machine this passes 60 s.
  test.setTimeout(120_000)
  const meetingId = await createMeeting(title, 'Nhà văn hóa bản Hua Nà')
  await meetingCommand('secretary', meetingId, 'speaker:register', { name: firstSpeaker, unit: 'Bản Hua Nà' })
  await meetingCommand('secretary', meetingId, 'speaker:call-next')
  const consolePath = `/m/${meetingId}/secretary`

  // The console's computer lets the app's service worker run (the suite blocks it elsewhere).
  const secretaryContext = await signedInContext(browser, 'secretary', { viewport: { width: 1600, height: 1000 }, serviceWorkers: 'allow' })
  const secretary = await secretaryContext.newPage()
  // Leaving with unsent work asks first (beforeunload): the secretary answers "leave".
  const leaveWarnings: string[] = []
  secretary.on('dialog', (dialog) => {
    leaveWarnings.push(dialog.type())
    void dialog.accept()
  })
  await secretary.goto(consolePath)
  const pill = secretary.getByTestId('connection-status')
  await expect(pill).toHaveAttribute('data-status', 'online')
  // The app's shell is kept for a reload offline (the first visit is enough).
  await expect(secretary.locator('html')).toHaveAttribute('data-offline-ready', 'true')

  const chairContext = await newContext(browser)
  const chair = await chairContext.newPage()
  await pairDevice(chair, await issuePairingCode(secretary, 'chair'), { screen: 'chair' })
  await expect(chair.getByTestId('connection-status')).toHaveAttribute('data-status', 'online')

  const projectorContext = await newContext(browser, { viewport: { width: 1920, height: 1080 } })
  const projector = await projectorContext.newPage()
  await pairDevice(projector, await issuePairingCode(secretary, 'projector'), { screen: 'projector' })
  await expect(projector.getByTestId('projector-title')).toHaveText(title)
  await expect(projector.getByTestId('projector-offline')).toHaveCount(0)

  // The hall's network drops: every screen says so, the projector with a small mark only.
  for (const context of [secretaryContext, chairContext, projectorContext]) await context.setOffline(true)
  await expect(pill).toHaveAttribute('data-status', 'offline')
  await expect(pill).toHaveText('Mất kết nối — đang kết nối lại…')
  await expect(secretary.getByTestId('offline-banner')).toBeVisible()
  await expect(chair.getByTestId('connection-status')).toHaveAttribute('data-status', 'offline')
  await expect(projector.getByTestId('projector-offline')).toHaveText('Mất kết nối')
  await expect(projector.getByTestId('projector-title')).toHaveText(title)

  // The tablet and the projector get theirs back first; the console stays cut off.
  for (const context of [chairContext, projectorContext]) await context.setOffline(false)
  await expect(chair.getByTestId('connection-status')).toHaveAttribute('data-status', 'online')
  await expect(projector.getByTestId('projector-offline')).toHaveCount(0)

  // The secretary goes on taking notes and registering speakers at the desk.
  const summaryBox = secretary.getByTestId('speaker-summary-1')
  await summaryBox.fill(summary)
  await secretary.getByTestId('speaker-name').fill(deskSpeaker)
  await secretary.getByTestId('speaker-submit').click()
  await expect(secretary.getByTestId('speaker-submit')).toHaveText(/Chờ kết nối để gửi/)
  await expect(secretary.getByTestId('offline-banner')).toContainText('2 thao tác đang chờ gửi')

  // A reload during the drop: the browser asks first, then the console opens from the kept shell,
  // still offline, with the summary typed and both commands waiting.
  const reloaded = await secretary.reload()
  expect(leaveWarnings).toContain('beforeunload')
  expect(reloaded?.fromServiceWorker()).toBe(true)
  await expect(secretary.getByTestId('meeting-title')).toHaveText(title)
  await expect(pill).toHaveAttribute('data-status', 'offline')
  await expect(secretary.getByTestId('speaker-summary-1')).toHaveValue(summary)
  await expect(secretary.getByTestId('offline-banner')).toContainText('2 thao tác đang chờ gửi')

  // The network comes back: the console reconnects by itself.
  await secretaryContext.setOffline(false)
  await expect(pill).toHaveAttribute('data-status', 'online')
  await expect(secretary.getByTestId('speaker-summary-1')).toHaveValue(summary)

  // What was queued went out once, under its own id: one new speaker, on the tablet and the console.
  const chairRows = chair.getByTestId('chair-queue-row').filter({ hasText: deskSpeaker })
  await expect(chairRows).toHaveCount(1)
  await expect(secretary.getByTestId('queue-waiting-row').filter({ hasText: deskSpeaker })).toHaveCount(1)
  // The summary reached the server too: the field says it is saved, and a fresh screen shows it.
  await expect(secretary.getByTestId('speaker-summary-state-1')).toContainText('✓')
  await expect(secretary.getByTestId('offline-banner')).toHaveCount(0)
  await secretary.reload()
  await expect(secretary.getByTestId('speaker-summary-1')).toHaveValue(summary)
  await expect(secretary.getByTestId('queue-waiting-row').filter({ hasText: deskSpeaker })).toHaveCount(1)
  await expect(chairRows).toHaveCount(1)

  await secretaryContext.close()
  await chairContext.close()
  await projectorContext.close()
})

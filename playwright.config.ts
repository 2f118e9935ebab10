import { defineConfig, devices } from '@playwright/test'
import { E2E_SETUP_TOKEN, e2eBaseURL, e2ePort } from './tests/e2e/support/office'

// End-to-end tests drive the built app in the system Chromium (no browser downloads are reachable in
// CI). The server runs on its own port with a fresh embedded database, and is stopped with SIGTERM so
// PGlite closes cleanly.
// E2E_PORT lets two runs share a machine (a developer's and CI's) without meeting on one port.
const port = e2ePort
const baseURL = e2eBaseURL

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    baseURL,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
          ],
        },
      },
    },
  ],
  webServer: {
    // One node process (no tsx wrapper), so Playwright's SIGTERM reaches the server itself and the
    // embedded database closes cleanly.
    // The client is built into the run's own folder: another run's build (dist/client is emptied on
    // every build) would otherwise delete the chunks this run's pages are still loading.
    command: `rm -rf .tmp/e2e-data-${port} && npx vite build --outDir ../.tmp/e2e-client-${port} --emptyOutDir && node --import tsx server/main.ts`,
    // The first-run link is known in advance here, as an automated install would set it.
    env: { PORT: String(port), DATA_DIR: `.tmp/e2e-data-${port}`, CLIENT_DIR: `.tmp/e2e-client-${port}`, HND_SETUP_TOKEN: E2E_SETUP_TOKEN },
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    gracefulShutdown: { signal: 'SIGTERM', timeout: 5000 },
    timeout: 120_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },
})

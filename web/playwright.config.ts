import { defineConfig, devices } from '@playwright/test';

/**
 * The journeys run in Debian's chromium (never a downloaded browser) against the real platform that
 * `./platform up` started: the web app on port 3000 passes /api/* to the gateway, the mail catcher keeps the
 * mails. Nothing is mocked. `npm run test:e2e` runs them; `.ci/run-web` starts and stops the platform around them.
 */
const baseURL = process.env.NAL_WEB_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  testDir: './e2e',
  outputDir: './test-results',
  // One platform, one artist at a time: the gateway rate-limits sign-ups per address.
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  // A journey uploads and waits for the audio analysis on a small, shared machine.
  timeout: 10 * 60_000,
  expect: { timeout: 15_000 },
  // The JSON report carries the figures the journeys note (the dashboard's JavaScript, the waveform's draw).
  reporter: [
    ['list'],
    ['html', { open: 'never', outputFolder: 'playwright-report' }],
    ['json', { outputFile: 'playwright-report/results.json' }],
  ],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    navigationTimeout: 60_000,
    actionTimeout: 30_000,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        // devices[] names Playwright's own Chrome channel; the executable above is Debian's.
        channel: undefined,
        viewport: { width: 1280, height: 900 },
      },
    },
  ],
});

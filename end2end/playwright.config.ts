import { defineConfig } from '@playwright/test';

// The release server on a fresh SQLite database (scripts/e2e-server.sh), sending its mail over
// SMTP to a test mailbox (mailbox.mjs), driven by Debian's
// Chromium. Chromium's own background connections are switched off: the network is closed.
const port = Number(process.env.E2E_PORT ?? 3100);

export default defineConfig({
  testDir: './tests',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: [
    {
      // The mailbox the server sends to over SMTP; the tests read it over HTTP.
      command: 'node mailbox.mjs',
      url: `http://127.0.0.1:${process.env.E2E_MAILBOX_PORT ?? 3126}/`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      command: 'bash ../scripts/e2e-server.sh',
      url: `http://127.0.0.1:${port}/healthz`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'pipe',
      stderr: 'pipe',
    },
  ],
});

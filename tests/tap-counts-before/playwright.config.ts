// Playwright configuration for the "before" walk of issue 11: the site as it was at
// commit b654b9e, built and served by scripts/tap-counts-before.sh (DOUDI_BASE_URL).
// Not part of the test command: it needs the old revision built.
import { defineConfig } from '@playwright/test';
import path from 'node:path';

process.env.DOUDI_BASE_URL ??= 'http://127.0.0.1:8091';

export default defineConfig({
  testDir: __dirname,
  testMatch: /before\.spec\.ts$/,
  outputDir: path.join(__dirname, 'test-results'),
  fullyParallel: false,
  retries: 0,
  workers: 1,
  timeout: 180_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: {
    baseURL: process.env.DOUDI_BASE_URL,
    browserName: 'chromium',
    headless: true,
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 1,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    serviceWorkers: 'block',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.DOUDI_CHROMIUM || '/usr/bin/chromium',
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
});

// Playwright configuration for doudi's browser tests.
//
//   npx playwright test --config tests/browser/playwright.config.ts
//
// Tests run against the built site in dist/ (bash scripts/build-web.sh builds
// it). support/global-setup.ts serves dist/ on a free port of 127.0.0.1, or
// uses DOUDI_BASE_URL when it is set (e.g. a running `bash scripts/serve.sh`).
// The browser is Debian's /usr/bin/chromium: Playwright's own browser download
// doesn't work on these machines, and is never needed.
import { defineConfig } from '@playwright/test';
import path from 'node:path';

export const CHROMIUM_ARGS = [
  '--no-sandbox', // CI runs as root
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  // Without these Chromium keeps trying to reach Google's servers, which the
  // machines' closed network refuses.
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export default defineConfig({
  testDir: __dirname,
  testMatch: /.*\.spec\.(ts|js)$/,
  outputDir: path.join(__dirname, 'test-results'),
  globalSetup: path.join(__dirname, 'support', 'global-setup.ts'),
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  // The longest tests enter a whole household through every screen, or two scenarios,
  // and take 20–29 s on a quiet 2-core machine with two workers; 30 s left no margin
  // for a busy one. A time limit here guards against a hang, not speed (speed is
  // measured by benchmarks, never by timed tests).
  timeout: 90_000,
  expect: { timeout: 10_000 },
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
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.DOUDI_CHROMIUM || '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    },
  },
});

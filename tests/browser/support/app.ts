// Shared helpers for doudi's browser tests. Import `test` and `expect` from
// here, not from '@playwright/test', so every test gets the guards:
//
//   import { test, expect, gotoApp, expectAccessible, screenshot } from './support/app';
//
//   test('…', async ({ page, guard }, testInfo) => {
//     await gotoApp(page);                       // loads /, waits for <h1> 兜底
//     …
//     await expectAccessible(page, testInfo);    // axe: no serious/critical
//     await screenshot(page, testInfo, 'name-390.png');
//     guard.expectClean();                       // also checked after each test
//   });
//
// The guard (automatic for every test) records console errors, uncaught page
// errors, failed or 4xx/5xx responses, and any request that leaves the local
// origin (such requests are also aborted). The test fails if any occurred.
import AxeBuilder from '@axe-core/playwright';
import { expect, test as base, type Page, type TestInfo } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

export { expect };

/** Screenshots and axe reports go here (gitignored). */
export const ARTIFACTS = path.resolve(__dirname, '..', 'artifacts');

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** True for URLs that stay on this machine: loopback http(s), data:, blob:, about:. */
export function isLocalUrl(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.protocol === 'data:' || u.protocol === 'blob:' || u.protocol === 'about:') return true;
  return (u.protocol === 'http:' || u.protocol === 'https:' || u.protocol === 'ws:') && LOCAL_HOSTS.has(u.hostname);
}

export interface PageGuard {
  consoleErrors: string[];
  pageErrors: string[];
  badResponses: string[];
  foreignRequests: string[];
  /** Fails the test when anything above was recorded. */
  expectClean(): void;
}

export const test = base.extend<{ guard: PageGuard }>({
  guard: [
    async ({ page, context }, use) => {
      const guard: PageGuard = {
        consoleErrors: [],
        pageErrors: [],
        badResponses: [],
        foreignRequests: [],
        expectClean() {
          expect(guard.pageErrors, 'uncaught errors in the page').toEqual([]);
          expect(guard.foreignRequests, 'requests that left 127.0.0.1').toEqual([]);
          expect(guard.consoleErrors, 'console errors').toEqual([]);
          expect(guard.badResponses, 'failed requests / error responses').toEqual([]);
        },
      };
      await context.route('**/*', async (route) => {
        const url = route.request().url();
        if (isLocalUrl(url)) return route.continue();
        guard.foreignRequests.push(url);
        return route.abort('blockedbyclient');
      });
      page.on('request', (req) => {
        if (!isLocalUrl(req.url()) && !guard.foreignRequests.includes(req.url())) guard.foreignRequests.push(req.url());
      });
      page.on('websocket', (ws) => {
        if (!isLocalUrl(ws.url())) guard.foreignRequests.push(ws.url());
      });
      page.on('console', (msg) => {
        if (msg.type() !== 'error') return;
        const loc = msg.location();
        guard.consoleErrors.push(`${msg.text()}${loc.url ? ` (${loc.url}:${loc.lineNumber})` : ''}`);
      });
      page.on('pageerror', (err) => guard.pageErrors.push(err.stack || String(err)));
      page.on('requestfailed', (req) => {
        if (isLocalUrl(req.url())) guard.badResponses.push(`${req.url()}: ${req.failure()?.errorText ?? 'failed'}`);
      });
      page.on('response', (res) => {
        if (res.status() >= 400) guard.badResponses.push(`${res.url()}: HTTP ${res.status()}`);
      });

      await use(guard);

      guard.expectClean();
    },
    { auto: true },
  ],
});

/** The address of the site under test (set by support/global-setup.ts). */
export function baseUrl(): string {
  const url = process.env.DOUDI_BASE_URL;
  if (!url) throw new Error('DOUDI_BASE_URL is not set: run through tests/browser/playwright.config.ts');
  return url;
}

/** Loads the app (optionally a path or query such as '?lang=zh') and waits until
 * the wasm app has rendered its Chinese heading. */
export async function gotoApp(page: Page, at = ''): Promise<void> {
  await page.goto(new URL(at, baseUrl()).toString());
  await waitForApp(page);
}

/** Waits until the first screen's module has taken over the page: the first screen that
 * index.html carries as built (web/src/takeover.rs) is visible at once, the handlers
 * only then. The app with the rules takes over at the first press that needs it
 * (web/src/first_screen.rs); Playwright's waiting for what a test expects next covers
 * that. */
export async function waitForApp(page: Page): Promise<void> {
  await expect(page.locator('h1', { hasText: '兜底' })).toBeVisible();
  // The module takes the built screen over at the first sign of use (web/index.html's
  // whenUsed): a mouse moving over the page is one, and answers nothing.
  // (A page opening on a link or a draft is handed to the app at once.)
  await page.waitForFunction(
    () =>
      performance.getEntriesByName('doudi-first-screen').length > 0 ||
      !document.getElementById('app')?.hasAttribute('data-prerendered'),
  );
  await page.mouse.move(2, 2);
  await page.mouse.move(3, 3);
  await page.waitForFunction(
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    () => (window as any).wasmBindings !== undefined && !document.getElementById('app')?.hasAttribute('data-prerendered'),
  );
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

/** Runs axe-core on the page (or on `include`, a CSS selector) and fails on
 * serious or critical violations. The full report is written to artifacts/. */
export async function expectAccessible(
  page: Page,
  testInfo: TestInfo,
  options: { include?: string; name?: string } = {},
): Promise<void> {
  let builder = new AxeBuilder({ page });
  if (options.include) builder = builder.include(options.include);
  const results = await builder.analyze();
  const name = options.name ?? slug(testInfo.title);
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const reportPath = path.join(ARTIFACTS, `axe-${name}.json`);
  fs.writeFileSync(reportPath, JSON.stringify(results, null, 2));
  await testInfo.attach(`axe-${name}.json`, { path: reportPath, contentType: 'application/json' });
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact}: ${v.id}: ${v.help} (${v.helpUrl})\n    at ${v.nodes.map((n) => n.target.join(' ')).join('\n    at ')}`);
  expect(serious, 'axe-core serious/critical violations').toEqual([]);
}

/** Full-page screenshot saved as artifacts/<name> and attached to the report. */
export async function screenshot(page: Page, testInfo: TestInfo, name: string): Promise<string> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, name);
  await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
  await testInfo.attach(name, { path: file, contentType: 'image/png' });
  return file;
}

function slug(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'page';
}

/** A share link's fragment (without '#') for a household and its assessment by
 * `doudi assess`, as the site makes it (doudi-share, format 2: `s2.` +
 * base64url(raw deflate(JSON) ‖ CRC-32 of the deflated bytes, little-endian)), with the
 * results of today's rules, so that the page reports nothing changed. */
export function shareFragmentOf(household: unknown, assessment: any): string {
  const shared = {
    rules: assessment.rules_version,
    household,
    total_monthly: assessment.total_monthly,
    results: assessment.programmes.map((outcome: any) => ({
      programme: outcome.programme,
      ...(outcome.member !== undefined ? { member: outcome.member } : {}),
      status: outcome.status,
      ...(outcome.status === 'eligible' && outcome.monthly !== undefined ? { monthly: outcome.monthly } : {}),
    })),
  };
  const deflated = zlib.deflateRawSync(Buffer.from(JSON.stringify(shared)), { level: 9 });
  const check = Buffer.alloc(4);
  check.writeUInt32LE(zlib.crc32(deflated));
  return `s2.${Buffer.concat([deflated, check]).toString('base64url')}`;
}

// What a resident downloads before the first screen is up, on the wire: every request
// the page starts before the first screen's module is in and answering the built screen
// (its wasm compiled: index.html's `doudi.ready` marks `doudi-first-screen` in the page's
// performance timeline; the module runs, and takes the built screen over, at the first
// sign of use), with the bytes of its body as sent (the server sends the
// build's precompressed copies, as scripts/serve.py and a static host do). The budget is
// web/budgets.json's first_load_gzip, the number scripts/size-report.py checks on the
// files. The figures are written to artifacts/first-load.json and printed.
//
// And what comes later stays off that load: the app with the rules (doudi-app) is
// fetched once the first screen is up; the caseload mode's worker only when a caseload
// is run; the rules module for scripts (doudi-api) only when a script asks for it.
import { expect, test, type Page, type Request } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { ARTIFACTS, gotoApp } from './support/app';
import { DIST } from './support/global-setup';

const BUDGETS = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', '..', 'web', 'budgets.json'), 'utf8'));

interface Fetched {
  url: string;
  /** The coding the browser got (Chromium asks 127.0.0.1 for brotli too). */
  encoding: string;
  /** The body's bytes on the wire, in that coding. */
  body: number;
  headers: number;
  /** The same file's bytes gzipped (the build's NAME.gz; the file itself if there is none):
   * the budget is in gzip, which every host and browser speaks. */
  gzip: number;
}

function gzipSize(pathname: string): number {
  const file = path.join(DIST, pathname === '/' ? 'index.html' : decodeURIComponent(pathname));
  return fs.statSync(fs.existsSync(`${file}.gz`) ? `${file}.gz` : file).size;
}

/** Opens the site; returns what it fetched before the first screen was up, and after. */
async function firstLoad(page: Page): Promise<{ first: Fetched[]; later: string[] }> {
  const started: Request[] = [];
  page.on('request', (request) => started.push(request));
  await page.goto('/');
  // The first screen's module is in and answers the built screen (index.html's
  // doudi.ready marks the moment; it runs and takes the screen over at the first sign of
  // use, which a page left alone never gives); the app's module comes after.
  await page.waitForFunction(() => performance.getEntriesByName('doudi-first-screen').length > 0);
  await expect(page.locator('h1', { hasText: '兜底' })).toBeVisible();
  await expect(page.locator('#step-title')).toBeVisible();
  await page.waitForLoadState('networkidle');
  // Nothing of ours ran on the built screen while it was left alone.
  await expect(page.locator('#app')).toHaveAttribute('data-prerendered', '');
  // The mark, in the clock of Playwright's request timings (ms since 1970).
  const up = await page.evaluate(
    () => performance.timeOrigin + performance.getEntriesByName('doudi-first-screen')[0].startTime,
  );
  const first: Fetched[] = [];
  const later: string[] = [];
  for (const request of started) {
    const url = new URL(request.url()).pathname;
    if (request.timing().startTime > up) {
      later.push(url);
      continue;
    }
    const response = await request.response();
    if (!response) continue;
    await response.finished();
    const sizes = await request.sizes();
    first.push({
      url,
      encoding: (await response.headerValue('content-encoding')) ?? 'identity',
      body: sizes.responseBodySize,
      headers: sizes.responseHeadersSize,
      gzip: gzipSize(url),
    });
  }
  return { first, later };
}

test("a resident's first load is within its budget, and carries neither the app nor a tool", async ({ page }) => {
  const { first: fetched, later } = await firstLoad(page);
  const total = (key: 'body' | 'headers' | 'gzip') => fetched.reduce((sum, f) => sum + f[key], 0);
  const [body, headers, gzip] = [total('body'), total('headers'), total('gzip')];
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  fs.writeFileSync(
    path.join(ARTIFACTS, 'first-load.json'),
    JSON.stringify({ budget_gzip: BUDGETS.first_load_gzip, gzip, wire_body: body, wire_headers: headers, fetched, later }, null, 2),
  );
  const n = (x: number) => x.toLocaleString('en-US');
  console.log(
    `first load: ${fetched.length} requests, ${n(gzip)} bytes gzip (budget ${n(BUDGETS.first_load_gzip)}); ` +
      `on the wire ${n(body)} bytes of bodies + ${n(headers)} of headers\n` +
      fetched.map((f) => `  ${n(f.gzip).padStart(9)} gzip  ${n(f.body).padStart(9)} ${f.encoding.padEnd(8)}  ${f.url}`).join('\n'),
  );

  // The big files came compressed (the browser asks http://127.0.0.1 for gzip).
  const wasm = fetched.find((f) => f.url.endsWith('_bg.wasm'));
  expect(wasm, "the first screen's wasm is part of the first load").toBeDefined();
  expect(wasm!.url).toMatch(/^\/doudi-web-/);
  expect(wasm!.encoding).toMatch(/^(gzip|br)$/);
  // Neither the app nor a tool: the app's module comes once the first screen is up (and
  // does come, without a press); the caseload worker and the rules module for scripts
  // not at all.
  expect(fetched.filter((f) => /doudi-(app|api|caseload-worker)/.test(f.url))).toEqual([]);
  expect(later).toContain('/doudi-app_bg.wasm');
  expect(later.filter((url) => /doudi-(api|caseload-worker)/.test(url))).toEqual([]);
  expect(gzip).toBeLessThanOrEqual(BUDGETS.first_load_gzip);
});

test('the caseload worker is fetched when a caseload is run, not before', async ({ page }) => {
  const worker: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('caseload-worker')) worker.push(new URL(request.url()).pathname);
  });
  await gotoApp(page, '#mode=caseload');
  await expect(page.locator('.app')).toHaveAttribute('data-mode', 'caseload');
  await page.waitForLoadState('networkidle');
  expect(worker).toEqual([]);

  await page.locator('#cl-example').click();
  await expect(page.locator('#cl-download')).toBeVisible();
  expect(worker.sort()).toEqual([
    '/doudi-caseload-worker.js',
    '/doudi-caseload-worker_bg.wasm',
    '/doudi-caseload-worker_loader.js',
  ]);
});

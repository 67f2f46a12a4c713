// What a resident downloads before the first screen is the app's, on the wire: every
// request the page starts before the app has taken over (its wasm compiled and run, the
// first question on screen), with the bytes of its body as sent (the server sends the
// build's precompressed copies, as scripts/serve.py and a static host do). The budget is
// web/budgets.json's first_load_gzip, the number scripts/size-report.py checks on the
// files. The figures are written to artifacts/first-load.json and printed.
//
// And the tools a resident does not need stay off that load: the caseload mode's worker
// is fetched only when a caseload is run, the rules module for scripts (doudi-api) only
// when a script asks for it.
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

/** Opens the site and returns what it fetched before the app had taken over. */
async function firstLoad(page: Page): Promise<Fetched[]> {
  const started: Request[] = [];
  let ready = false;
  page.on('request', (request) => {
    if (!ready) started.push(request);
  });
  await page.goto('/');
  // The app has taken over: its module ran (trunk's start-up sets wasmBindings once the
  // wasm's main has run) and replaced the screen the build rendered (web/src/takeover.rs
  // removes the mark), and the first question is on screen.
  await page.waitForFunction(
    () => (window as any).wasmBindings !== undefined && !document.getElementById('app')?.hasAttribute('data-prerendered'),
  );
  await expect(page.locator('h1', { hasText: '兜底' })).toBeVisible();
  await expect(page.locator('#step-title')).toBeVisible();
  ready = true;
  const fetched: Fetched[] = [];
  for (const request of started) {
    const response = await request.response();
    if (!response) continue;
    await response.finished();
    const sizes = await request.sizes();
    const url = new URL(request.url()).pathname;
    fetched.push({
      url,
      encoding: (await response.headerValue('content-encoding')) ?? 'identity',
      body: sizes.responseBodySize,
      headers: sizes.responseHeadersSize,
      gzip: gzipSize(url),
    });
  }
  return fetched;
}

test("a resident's first load is within its budget, and carries no tool", async ({ page }) => {
  const fetched = await firstLoad(page);
  const total = (key: 'body' | 'headers' | 'gzip') => fetched.reduce((sum, f) => sum + f[key], 0);
  const [body, headers, gzip] = [total('body'), total('headers'), total('gzip')];
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  fs.writeFileSync(
    path.join(ARTIFACTS, 'first-load.json'),
    JSON.stringify({ budget_gzip: BUDGETS.first_load_gzip, gzip, wire_body: body, wire_headers: headers, fetched }, null, 2),
  );
  const n = (x: number) => x.toLocaleString('en-US');
  console.log(
    `first load: ${fetched.length} requests, ${n(gzip)} bytes gzip (budget ${n(BUDGETS.first_load_gzip)}); ` +
      `on the wire ${n(body)} bytes of bodies + ${n(headers)} of headers\n` +
      fetched.map((f) => `  ${n(f.gzip).padStart(9)} gzip  ${n(f.body).padStart(9)} ${f.encoding.padEnd(8)}  ${f.url}`).join('\n'),
  );

  // The big files came compressed (the browser asks http://127.0.0.1 for gzip).
  const wasm = fetched.find((f) => f.url.endsWith('_bg.wasm'));
  expect(wasm, 'the app wasm is part of the first load').toBeDefined();
  expect(wasm!.encoding).toMatch(/^(gzip|br)$/);
  // No tool: neither the caseload worker nor the rules module for scripts is fetched.
  expect(fetched.filter((f) => f.url.includes('caseload-worker') || f.url.includes('doudi-api'))).toEqual([]);
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

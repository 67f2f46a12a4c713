// Offline use and home-screen install: after one visit the service worker
// (web/sw.js, written into dist/ by scripts/post-build.py) serves the whole site
// with no network; a new release replaces the old release's cache; the manifest
// and its icons are there.
//
// The service-worker tests serve dist/ themselves, each on its own port (so each
// has its own origin, registration and caches), and take that server down to
// go offline: nothing can then come from the network, whatever the browser does.
import type { Page } from '@playwright/test';
import crypto from 'node:crypto';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { expect, gotoApp, test } from './support/app';
import { DIST, startStaticServer, type StaticServerOptions } from './support/global-setup';

const TEMPLATE = path.resolve(__dirname, '..', '..', 'web', 'sw.js');

/** The `const BUILD = …` that scripts/post-build.py wrote into dist/sw.js. */
interface Build {
  cache: string;
  page: string;
  files: [string, string][];
}

function builtServiceWorker(): Build {
  const code = fs.readFileSync(path.join(DIST, 'sw.js'), 'utf8');
  const match = /^const BUILD = (.*); \/\/ filled in by scripts\/post-build\.py$/m.exec(code);
  if (!match) throw new Error('dist/sw.js has no BUILD line: was the site built with the post_build hook?');
  return JSON.parse(match[1]) as Build;
}

/** Every file of the site but sw.js and the precompressed copies (NAME.gz, NAME.br: the
 * same files, which the server sends in their place), relative to dist/, sorted. */
function siteFiles(dir = DIST, prefix = ''): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => !entry.name.startsWith('.'))
    .flatMap((entry) =>
      entry.isDirectory() ? siteFiles(path.join(dir, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`],
    )
    .filter((file) => file !== 'sw.js' && !file.endsWith('.gz') && !file.endsWith('.br'))
    .sort();
}

/** A server of dist/ for one test; close() takes it down for good. */
async function serveDist(options: StaticServerOptions = {}): Promise<{ url: string; close(): Promise<void> }> {
  const server = await startStaticServer(DIST, 0, options);
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Waits until the page's service worker has finished activating (so old caches
 * are gone) and controls the page. */
async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    const worker = registration.active!;
    if (worker.state !== 'activated') {
      await new Promise((resolve) => worker.addEventListener('statechange', () => worker.state === 'activated' && resolve(undefined)));
    }
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
  });
}

const cacheNames = (page: Page) => page.evaluate(async () => (await caches.keys()).sort());

/** A single urban resident of 汉台区 earning 300 元 a month, no supporters,
 * property within the limits. */
const HOUSEHOLD = {
  county: 'hantai',
  category: 'urban',
  date: '2026-11-29',
  members: [{ age: 40, incomes: [{ kind: 'wages', amount: '300', per: 'month' }], supporters: [] }],
  family: { property_within_limits: true },
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const assess = (page: Page) =>
  page.evaluate(async (household) => (await (window as any).doudi.load()).assess(household), HOUSEHOLD);

test.describe('offline', () => {
  // The config blocks service workers for every other test.
  test.use({ serviceWorkers: 'allow' });
  // Chromium takes a few seconds to find and activate a new worker; leave room
  // for a busy machine.
  test.describe.configure({ timeout: 60_000 });

  test('after one visit the site loads and computes with no network', async ({ page, context }) => {
    const build = builtServiceWorker();
    const server = await serveDist();
    let online: unknown;
    try {
      await gotoApp(page, server.url);
      online = await assess(page);
      await waitForServiceWorker(page);

      // One cache, named for this release, holding every file of the site.
      expect(await cacheNames(page)).toEqual([build.cache]);
      const cached = await page.evaluate(
        async (name) => (await (await caches.open(name)).keys()).map((request) => request.url).sort(),
        build.cache,
      );
      const expected = siteFiles()
        .map((file) => new URL(file === 'index.html' ? './' : file, server.url).href)
        .sort();
      expect(cached).toEqual(expected);
    } finally {
      await server.close();
    }
    await context.setOffline(true);

    const response = await page.reload();
    expect(response?.fromServiceWorker(), 'the page came from the service worker').toBe(true);
    await expect(page.locator('h1', { hasText: '兜底' })).toBeVisible();
    await expect(page).toHaveTitle('兜底 · 汉中社会救助计算器');

    // The rules are in the wasm: the same answer as online. 675 (urban dibao
    // standard from 2025-10-01) - 300 = 375 a month.
    const offline = await assess(page);
    expect(offline).toEqual(online);
    expect(offline.household_size).toBe(1);
    expect(offline.counted_income_per_person_monthly).toBe('300');
    expect(offline.total_monthly).toBe('375');
    expect(offline.programmes.find((outcome: { programme: string }) => outcome.programme === 'dibao')).toMatchObject({
      status: 'eligible',
      monthly: '375',
    });

    // Any page load (here with a query, as from a shared link) gets the app.
    await gotoApp(page, `${new URL('./', page.url()).href}?from=home-screen`);
    expect(await assess(page)).toEqual(offline);
    // …as does a fresh load in a new tab.
    const second = await context.newPage();
    await gotoApp(second, new URL('./', page.url()).href);
    await second.close();
  });

  test('after one visit as a resident, every mode opens and works with no network', async ({ page, context }) => {
    const server = await serveDist();
    try {
      // One online visit, as a resident: the first screen only. The service worker
      // fetches the rest (the tools, the caseload worker) in the background.
      await gotoApp(page, server.url);
      await waitForServiceWorker(page);
    } finally {
      await server.close();
    }
    await context.setOffline(true);
    const at = (fragment: string) => `${new URL('./', page.url()).href}?offline=${Date.now()}${fragment}`;

    // Resident: an example household through to its result.
    await gotoApp(page, at('#example=urban-family-with-grandmother'));
    await expect(page.locator('.app')).toHaveAttribute('data-mode', 'resident');
    expect((await assess(page)).total_monthly).toBe('375');

    // Caseworker: every field on one page, and the result beside it.
    await gotoApp(page, at('#mode=caseworker&example=rural-family-estimated-tier'));
    await expect(page.locator('.app')).toHaveAttribute('data-mode', 'caseworker');
    await expect(page.locator('.cw-result .total')).toBeVisible();

    // Caseload: the example caseload, computed by the worker, which was never fetched
    // online by this page but is in the cache.
    await gotoApp(page, at('#mode=caseload'));
    await page.locator('#cl-example').click();
    await expect(page.locator('#cl-download')).toBeVisible();
    await expect(page.locator('.cl-preview tbody tr').first()).toContainText('HZ-001');

    // Publicity: the examples and the QR code of the site.
    await gotoApp(page, at('#mode=publicity'));
    await expect(page.locator('.app')).toHaveClass(/publicity/);
    await expect(page.locator('.pub-qr .qr svg')).toBeVisible();
  });

  test('the cache name is a digest of the site, and a new release replaces the old cache', async ({ page }) => {
    const build = builtServiceWorker();

    // The digest scripts/post-build.py computes: sha256 over web/sw.js, then
    // "path\0sha256hex\n" for each file of the site, sorted by path.
    const digest = crypto.createHash('sha256').update(fs.readFileSync(TEMPLATE));
    for (const file of siteFiles()) {
      const sha = crypto.createHash('sha256').update(fs.readFileSync(path.join(DIST, file))).digest('hex');
      digest.update(`${file}\0${sha}\n`);
    }
    expect(build.cache).toMatch(/^doudi-[0-9a-f]{16}$/);
    expect(build.cache).toBe(`doudi-${digest.digest('hex').slice(0, 16)}`);

    // Fake an earlier release: the same files under another cache name in sw.js.
    const older = 'doudi-0123456789abcdef';
    let release: 'older' | 'current' = 'older';
    const server = await serveDist({
      transform: (pathname, body) =>
        release === 'older' && pathname === '/sw.js' ? Buffer.from(body.toString('utf8').replace(build.cache, older)) : body,
    });
    try {
      // Before any service worker: a leftover doudi cache, and another app's cache.
      await page.goto(`${server.url}manifest.webmanifest`);
      await page.evaluate(async () => {
        await caches.open('doudi-old');
        await caches.open('another-app');
      });

      await gotoApp(page, server.url);
      await waitForServiceWorker(page);
      expect(await cacheNames(page)).toEqual(['another-app', older]);

      // The current release is deployed; the browser finds the new sw.js.
      release = 'current';
      await page.evaluate(async () => {
        const registration = await navigator.serviceWorker.ready;
        await registration.update();
        const worker = registration.installing ?? registration.waiting ?? registration.active!;
        if (worker.state !== 'activated') {
          await new Promise((resolve, reject) =>
            worker.addEventListener('statechange', () => {
              if (worker.state === 'activated') resolve(undefined);
              if (worker.state === 'redundant') reject(new Error('the new service worker failed to install'));
            }),
          );
        }
      });
      expect(await cacheNames(page)).toEqual(['another-app', build.cache]);

      await page.reload();
      await expect(page.locator('h1', { hasText: '兜底' })).toBeVisible();
      expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(`${server.url}sw.js`);
    } finally {
      await server.close();
    }
  });
});

test('the manifest names the app and its icons exist', async ({ page }) => {
  await gotoApp(page);
  await expect(page.locator('meta[name="theme-color"]')).toHaveAttribute('content', '#0b57a4');
  const manifestUrl = await page.locator('link[rel="manifest"]').evaluate((link: HTMLLinkElement) => link.href);
  const manifest = await page.evaluate(async (url) => (await fetch(url)).json(), manifestUrl);
  expect(manifest).toMatchObject({
    name: '兜底 · 汉中社会救助计算器',
    short_name: '兜底',
    lang: 'zh-CN',
    start_url: './',
    display: 'standalone',
  });
  expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/);

  // Chromium's own verdict: the manifest parses cleanly and nothing stops the
  // install but the test browser's private (incognito-like) profile.
  const cdp = await page.context().newCDPSession(page);
  const parsed = await cdp.send('Page.getAppManifest');
  expect(parsed.url).toBe(manifestUrl);
  expect(parsed.errors).toEqual([]);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  expect(installabilityErrors.map((error) => error.errorId).filter((id) => id !== 'in-incognito')).toEqual([]);
  expect(manifest.background_color).toMatch(/^#[0-9a-f]{6}$/);

  const icons: { src: string; sizes: string; type: string; purpose: string }[] = manifest.icons;
  const touchIcon = await page.locator('link[rel="apple-touch-icon"]').evaluate((link: HTMLLinkElement) => link.href);
  expect(icons.map((icon) => `${icon.sizes} ${icon.purpose}`)).toEqual(
    expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable']),
  );
  for (const icon of [...icons, { src: touchIcon, sizes: '192x192', type: 'image/png' }]) {
    const url = new URL(icon.src, manifestUrl).href;
    const { type, size } = await page.evaluate(async (iconUrl) => {
      const response = await fetch(iconUrl);
      const bytes = new Uint8Array(await response.arrayBuffer());
      const view = new DataView(bytes.buffer);
      // A PNG's IHDR holds its width and height at bytes 16 and 20.
      const size = bytes[1] === 0x50 ? `${view.getUint32(16)}x${view.getUint32(20)}` : 'any';
      return { type: response.headers.get('content-type'), size };
    }, url);
    expect(type, url).toBe(icon.type);
    expect(size, url).toBe(icon.sizes);
  }
});

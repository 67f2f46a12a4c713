// The first screen is HTML: index.html carries it as the build rendered it from the app
// (web/src/bin/prerender.rs), so a resident reads and answers it before any wasm has
// arrived; the app then takes over (web/src/takeover.rs) without a flash, a move or a
// lost answer. Here the app's wasm is held back until the test lets it through, as a
// weak network would.
import fs from 'node:fs';
import type { Page, Route, TestInfo } from '@playwright/test';
import { expect, screenshot, test } from './support/app';

/** Holds back the app's wasm (and its preload) until `release()` is called. */
async function holdWasm(page: Page): Promise<() => void> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/doudi-web-[0-9a-f]+_bg\.wasm$/, async (route: Route) => {
    await released;
    await route.continue();
  });
  return release;
}

/** The first screen's module takes the built screen over at the first sign of use
 * (web/index.html's whenUsed): a mouse moving over the page is one, and answers nothing. */
const tookOver = async (page: Page) => {
  await page.mouse.move(2, 2);
  await page.mouse.move(3, 3);
  await page.waitForFunction(() => !document.getElementById('app')?.hasAttribute('data-prerendered'));
};

/** The boxes of what a resident sees first, to compare before and after. */
async function boxes(page: Page): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const selector of ['h1', '#step-title', '#county', '#category-0', '#date', '#next', 'footer p']) {
    out[selector] = await page.locator(selector).first().boundingBox();
  }
  return out;
}

/** Records the page's layout shifts from its start (CLS's entries, those after input
 * included), each with its time and what moved, in `window.layoutShifts`. */
function recordShifts(): void {
  const shifts: { at: number; value: number; moved: string }[] = [];
  (window as any).layoutShifts = shifts;
  const name = (node: Node | null) =>
    node instanceof Element ? `${node.tagName.toLowerCase()}${node.id ? '#' + node.id : ''}.${node.className}` : String(node?.nodeName);
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as any[]) {
      const moved = (entry.sources ?? []).map((s: any) => `${name(s.node)} ${JSON.stringify(s.previousRect)} → ${JSON.stringify(s.currentRect)}`);
      shifts.push({ at: entry.startTime, value: entry.value, moved: moved.join('; ') });
    }
  }).observe({ type: 'layout-shift', buffered: true });
}

/** A full-page screenshot, and the page's clock before and after it: Chromium lays the
 * page out again at its full height to take it, which may itself be reported as a shift. */
async function timedScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<{ file: string; from: number; to: number }> {
  const from = await page.evaluate(() => performance.now());
  const file = await screenshot(page, testInfo, name);
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  const to = await page.evaluate(() => performance.now());
  return { file, from, to };
}

/** The layout shifts recorded so far, but those while a screenshot was taken. */
async function shiftsBut(page: Page, screenshots: { from: number; to: number }[]): Promise<string[]> {
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 200)));
  const shifts: { at: number; value: number; moved: string }[] = await page.evaluate(() => (window as any).layoutShifts);
  return shifts
    .filter((shift) => !screenshots.some(({ from, to }) => shift.at >= from && shift.at <= to))
    .map((shift) => `${Math.round(shift.at)} ms, ${shift.value.toFixed(3)}: ${shift.moved}`);
}

/** Today on the browser's clock and in its time zone (the config's Asia/Shanghai). */
function today(page: Page): Promise<string> {
  return page.evaluate(() => {
    const now = new Date();
    const two = (n: number) => String(n).padStart(2, '0');
    return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
  });
}

test('the first screen is there before the wasm, and the app takes it over without a change', async ({ page }, testInfo) => {
  const release = await holdWasm(page);
  await page.addInitScript(recordShifts);
  await page.addInitScript(() => {
    const paints: number[] = [];
    (window as any).largestPaints = paints;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) paints.push(entry.startTime);
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  });
  await page.goto('/');
  // Before any wasm: the header, the first question, the privacy sentence; today's date.
  await expect(page.locator('#app')).toHaveAttribute('data-prerendered', '');
  await expect(page.locator('h1')).toHaveText('兜底 · 汉中社会救助计算器');
  await expect(page.locator('#step-title')).toHaveText('地点和日期');
  await expect(page.getByLabel('县（区）')).toHaveValue('hantai');
  await expect(page.getByLabel('按哪一天的标准计算')).toHaveValue(await today(page));
  await expect(page.locator('footer')).toContainText('不会发送到任何地方');
  expect(await page.evaluate(() => (window as any).wasmBindings)).toBeUndefined();
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  const before = await timedScreenshot(page, testInfo, 'first-screen-before-wasm-390.png');
  const boxesBefore = await boxes(page);

  await expect(page.locator('#app')).toHaveAttribute('data-painted', '');
  const paintedBefore = await page.evaluate(() => (window as any).largestPaints.length);
  expect(paintedBefore, 'the built screen had its largest paint').toBeGreaterThan(0);
  release();
  await tookOver(page);
  await expect(page.locator('.app')).toHaveAttribute('data-mode', 'resident');
  // The app's copy of the screen is no new largest paint: the page's stays the built one's.
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => (window as any).largestPaints.length)).toBe(paintedBefore);
  const after = await timedScreenshot(page, testInfo, 'first-screen-after-wasm-390.png');
  // The same screen: the same pixels, the same boxes, no layout shift (from the page's
  // start, but for the screenshots' own).
  expect(await boxes(page)).toEqual(boxesBefore);
  expect(await shiftsBut(page, [before, after])).toEqual([]);
  expect(fs.readFileSync(after.file).equals(fs.readFileSync(before.file)), 'the screenshots before and after are identical').toBe(true);
});

test('answers given before the app arrives are kept, and a button pressed is pressed again', async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto('/');
  await expect(page.locator('#app')).toHaveAttribute('data-prerendered', '');
  // A resident answers the first screen while the wasm is still on its way.
  await page.getByLabel('县（区）').selectOption('chenggu');
  await page.getByRole('radio', { name: '农村' }).check();
  await page.locator('summary', { hasText: '试一个例子' }).click();
  await page.getByLabel('按哪一天的标准计算').fill('2026-01-15');
  release();
  await tookOver(page);
  // The app has the answers (rural: the caseworker's tier question exists only for it).
  await expect(page.getByLabel('县（区）')).toHaveValue('chenggu');
  await expect(page.getByRole('radio', { name: '农村' })).toBeChecked();
  await expect(page.getByLabel('按哪一天的标准计算')).toHaveValue('2026-01-15');
  await expect(page.locator('#tier')).toHaveCount(1);
  await expect(page.getByLabel('按哪一天的标准计算')).toBeFocused();
  await expect(page.locator('details', { hasText: '试一个例子' })).toHaveAttribute('open', '');
  // And they are the app's: on to the next screen and back, they are still there.
  await page.locator('#next').click();
  await expect(page.locator('.app')).toHaveAttribute('data-step', '2');
  await page.getByRole('button', { name: '上一步' }).click();
  await expect(page.getByLabel('县（区）')).toHaveValue('chenggu');
  await expect(page.getByLabel('按哪一天的标准计算')).toHaveValue('2026-01-15');

  // "下一步" pressed before the app arrived takes the resident on once it has (in a new
  // tab: this one keeps its answers, and would open on them).
  const tab = await page.context().newPage();
  const release2 = await holdWasm(tab);
  await tab.goto('/');
  await expect(tab.locator('#app')).toHaveAttribute('data-prerendered', '');
  await tab.locator('#next').click();
  release2();
  await tookOver(tab);
  await expect(tab.locator('.app')).toHaveAttribute('data-step', '2');
  await expect(tab.locator('#step-title')).toHaveText('家庭成员');
});

test('the first screen is not taken over while a mouse button or a finger is down on it', async ({ page }) => {
  await page.goto('/');
  await page.waitForFunction(() => performance.getEntriesByName('doudi-first-screen').length > 0);
  await expect(page.locator('#app')).toHaveAttribute('data-prerendered', '');
  // A press begins on the built screen, and a key is the first sign of use: the module
  // would take the screen over at once (about 30 ms), replacing the pressed button, and
  // the press's release would land on the new screen and its click be lost (as a click
  // of Playwright's once was, in CI). It waits for the release.
  // (Where the mouse is when the page opens: moved there first, it would be a sign of
  // use of its own.)
  await page.mouse.down();
  await page.keyboard.press('Shift');
  // Ample for the taking over, were it not held back; well inside the two seconds after
  // which a press never let go is let be.
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => document.getElementById('app')?.hasAttribute('data-prerendered'))).toBe(true);
  await page.mouse.up();
  await page.waitForFunction(() => !document.getElementById('app')?.hasAttribute('data-prerendered'));
});

test('a link that opens another screen does not show the built first screen meanwhile', async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto('/#example=urban-family-with-grandmother');
  await expect(page.locator('#app')).toHaveAttribute('data-prerendered', '');
  // The header stays; the first screen's questions, which this link does not open, are hidden.
  await expect(page.locator('h1')).toBeVisible();
  await expect(page.locator('#app main')).toBeHidden();
  release();
  await tookOver(page);
  await expect(page.locator('#app main')).toBeVisible();
  // The example opens on its summary, not on the first screen.
  await expect(page.locator('.app')).toHaveAttribute('data-mode', 'resident');
  await expect(page.locator('.app')).not.toHaveAttribute('data-step', '1');
});

/** Holds back the app with the rules (doudi-app, fetched once the first screen is up);
 * `fail()` answers its requests with a network error instead, as offline on a first
 * visit. */
async function holdApp(page: Page): Promise<{ release: () => void; fail: () => void }> {
  let settle!: (ok: boolean) => void;
  const settled = new Promise<boolean>((resolve) => (settle = resolve));
  await page.route(/\/doudi-app(\.js|_bg\.wasm)$/, async (route: Route) => {
    if (await settled) await route.continue();
    else await route.abort('internetdisconnected');
  });
  return { release: () => settle(true), fail: () => settle(false) };
}

test('the first screen answers before the app with the rules has come, and the app takes over at the first press that needs it', async ({ page }, testInfo) => {
  const app = await holdApp(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/');
  await page.waitForFunction(() => performance.getEntriesByName('doudi-first-screen').length > 0);
  // The first screen's own module: its language, text size and answers work at once.
  await page.getByRole('button', { name: '长辈版：大字、宽行距、可朗读' }).click();
  await expect(page.locator('.app')).toHaveClass(/large/);
  await page.getByLabel('县（区）').selectOption('lueyang');
  await page.getByRole('radio', { name: '农村' }).check();
  await page.locator('summary', { hasText: '经办人选项' }).click();
  await page.locator('#tier').selectOption('C');
  await page.locator('#cpi').fill('3.5');
  // Going on needs the app: the screen says it is opening it, and keeps every answer.
  await page.locator('#next').click();
  await expect(page.locator('.handing')).toHaveText('正在打开，请稍候……');
  await expect(page.locator('.handing')).toHaveAttribute('role', 'status');
  await expect(page.locator('.app')).toHaveAttribute('data-step', '1');
  await screenshot(page, testInfo, 'first-screen-opening-the-app-390.png');
  // The language changed while the app is on its way is the one it opens in.
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  app.release();
  // The app has taken over, pressed "下一步" again, and has every answer, the language
  // and the text size.
  await expect(page.locator('.app')).toHaveAttribute('data-step', '2');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('.app')).toHaveClass(/large/);
  await page.getByRole('button', { name: 'Back', exact: true }).click();
  await expect(page.locator('#county')).toHaveValue('lueyang');
  await expect(page.locator('#category-1')).toBeChecked();
  await expect(page.locator('#tier')).toHaveValue('C');
  await expect(page.locator('#cpi')).toHaveValue('3.5');
  await expect(page.locator('.handing')).toHaveCount(0);
});

test('when the app cannot be fetched, the first screen says so, keeps the answers, and a press tries again', async ({ page, guard }) => {
  const app = await holdApp(page);
  await page.goto('/');
  await page.waitForFunction(() => performance.getEntriesByName('doudi-first-screen').length > 0);
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.locator('#county').selectOption('ningqiang');
  app.fail();
  await page.locator('#next').click();
  await expect(page.getByRole('alert')).toHaveText(
    'Could not open the next step: check the network and press again. Your answers are kept.',
  );
  await expect(page.locator('#county')).toHaveValue('ningqiang');
  // The only errors are the app's module not coming, as made to here.
  for (const errors of [guard.consoleErrors, guard.badResponses]) {
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.filter((error) => !/doudi-app|ERR_INTERNET_DISCONNECTED/.test(error))).toEqual([]);
    errors.length = 0;
  }
  // The network is back: the same press opens the app, in English, on the next screen.
  await page.unroute(/\/doudi-app(\.js|_bg\.wasm)$/);
  await page.locator('#next').click();
  await expect(page.locator('.app')).toHaveAttribute('data-step', '2');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByRole('button', { name: 'Back', exact: true }).click();
  await expect(page.locator('#county')).toHaveValue('ningqiang');
});

test('a link pasted into the address while only the first screen runs opens that link', async ({ page }) => {
  await page.goto('/');
  await page.waitForFunction(() => performance.getEntriesByName('doudi-first-screen').length > 0);
  await page.getByLabel('县（区）').selectOption('zhenba');
  await page.evaluate(() => {
    location.hash = 'example=gradual-exit';
  });
  // The page opens again on the link (index.html's script), and the app shows it.
  await expect(page.locator('.app')).toHaveAttribute('data-step', '4');
  await expect(page.getByText('南郑区').first()).toBeVisible();
});

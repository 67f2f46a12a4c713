// Smoke test: the built site loads in Chromium at phone size, renders its
// Chinese heading, logs no errors, asks nothing of any other host, has no
// serious accessibility problems, and looks like something (smoke-390.png).
import { expect, expectAccessible, gotoApp, screenshot, test } from './support/app';

test('loads, renders 兜底, stays on 127.0.0.1, passes axe', async ({ page, guard }, testInfo) => {
  await gotoApp(page);

  await expect(page).toHaveTitle('兜底 · 汉中社会救助计算器');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.locator('h1').first()).toContainText('兜底');

  await page.waitForLoadState('networkidle');
  await expectAccessible(page, testInfo, { name: 'smoke' });
  await screenshot(page, testInfo, 'smoke-390.png');

  guard.expectClean();
});

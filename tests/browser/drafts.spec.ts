// Drafts: nothing is stored on the device unless the person asks. "保存草稿" keeps the
// answers as typed in one localStorage key and says they are on this device; the next
// visit (a new tab: a reload of the same tab keeps its answers in sessionStorage, see
// forgiving.spec.ts) offers "继续上次的草稿" (it never loads the draft silently), also
// when the draft was saved under other rules, saying so; "清除全部" asks first, then
// removes the draft and empties the form.
import type { BrowserContext, Page } from '@playwright/test';
import { expect, expectAccessible, gotoApp, screenshot, test, waitForApp } from './support/app';

const KEY = 'doudi.draft';

async function onStep(page: Page, step: number): Promise<void> {
  await expect(page.locator('.app')).toHaveAttribute('data-step', String(step));
}

/** The next visit: a new tab (its sessionStorage is empty; localStorage is shared). */
async function nextVisit(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await gotoApp(page);
  return page;
}

async function stored(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => Object.fromEntries(Object.keys(localStorage).map((key) => [key, localStorage.getItem(key) ?? ''])));
}

/** Some answers on the first two screens, one of them not valid yet. */
async function fillSome(page: Page): Promise<void> {
  await gotoApp(page);
  await page.getByLabel('县（区）').selectOption({ label: '略阳县' });
  await page.locator('#next').click();
  await onStep(page, 2);
  await page.getByLabel('称呼（可不填）').fill('奶奶');
  await page.getByLabel('年龄（周岁）').fill('7x');
}

test('nothing is stored while the form is filled in', async ({ page }) => {
  await fillSome(page);
  await page.getByLabel('年龄（周岁）').fill('70');
  await page.locator('#next').click();
  await onStep(page, 3);
  await page.locator('#next').click();
  await onStep(page, 4);
  await page.locator('#next').click();
  await onStep(page, 5);
  expect(await stored(page)).toEqual({});
  // Only this tab keeps the answers (for a reload), cleared when the tab is closed.
  expect(await page.evaluate(() => Object.keys(sessionStorage))).toEqual(['doudi.session']);
  expect(await page.evaluate(() => document.cookie)).toBe('');
});

test('a saved draft is offered on the next visit, and resumes the same answers', async ({ page: first, context }, testInfo) => {
  let page = first;
  await fillSome(page);
  await page.locator('#save-draft').click();
  await expect(page.locator('.draft-status')).toContainText('草稿已保存在这台设备上');
  expect(Object.keys(await stored(page))).toEqual([KEY]);
  // A change after saving: the message says the draft is older than the answers.
  await page.getByLabel('称呼（可不填）').fill('爷爷');
  await expect(page.locator('.draft-status')).toContainText('又改了答案');
  await page.getByLabel('称呼（可不填）').fill('奶奶');
  await expect(page.locator('.draft-status')).toContainText('草稿已保存在这台设备上');

  page = await nextVisit(context);
  // Offered, not loaded.
  await onStep(page, 1);
  const offer = page.locator('[data-testid="draft-offer"]');
  await expect(offer).toBeVisible();
  await expect(offer).toContainText('保存的草稿');
  await expect(offer).not.toContainText('规则版本');
  await expect(page.getByLabel('县（区）')).toHaveValue('hantai');
  await expectAccessible(page, testInfo, { name: 'draft-offer' });
  await screenshot(page, testInfo, 'draft-offer-390.png');

  await page.locator('#resume-draft').click();
  await onStep(page, 2);
  await expect(offer).toBeHidden();
  await expect(page.getByLabel('称呼（可不填）')).toHaveValue('奶奶');
  await expect(page.getByLabel('年龄（周岁）')).toHaveValue('7x');
  await page.getByRole('button', { name: '上一步' }).click();
  await onStep(page, 1);
  await expect(page.getByLabel('县（区）')).toHaveValue('lueyang');
});

test('a whole household survives a draft: the same summary after resuming', async ({ page: first, context }) => {
  let page = first;
  await gotoApp(page, '#example=urban-family-with-grandmother');
  await onStep(page, 4);
  const summary = await page.locator('section.summary').innerText();
  await page.locator('#save-draft').click();
  await expect(page.locator('.draft-status')).toContainText('草稿已保存');
  page = await nextVisit(context);
  await expect(page.locator('[data-testid="draft-offer"]')).toBeVisible();
  await onStep(page, 1);
  await page.locator('#resume-draft').click();
  await onStep(page, 4);
  expect(await page.locator('section.summary').innerText()).toBe(summary);
  // "Not now" on the next visit leaves the answers and the draft alone.
  page = await nextVisit(context);
  await page.getByRole('button', { name: '不用了' }).click();
  await expect(page.locator('[data-testid="draft-offer"]')).toBeHidden();
  await onStep(page, 1);
  expect(Object.keys(await stored(page))).toEqual([KEY]);
});

test('a draft saved under other rules says so before it is resumed', async ({ page: first, context }) => {
  let page = first;
  await fillSome(page);
  await page.getByLabel('年龄（周岁）').fill('70');
  await page.locator('#save-draft').click();
  await expect(page.locator('.draft-status')).toContainText('草稿已保存');
  const now = (await page.locator('footer').innerText()).split('规则版本：')[1].trim();
  // The stored draft is text, one value a line; its second line is the rules version.
  await page.evaluate((key) => {
    const lines = (localStorage.getItem(key) ?? '').split('\n');
    lines[1] = '0.0.9+0badc0de';
    localStorage.setItem(key, lines.join('\n'));
  }, KEY);
  page = await nextVisit(context);
  const offer = page.locator('[data-testid="draft-offer"]');
  await expect(offer).toContainText('0.0.9+0badc0de');
  await expect(offer).toContainText(now);
  await expect(offer).toContainText('按现在的规则重新计算');
  await page.locator('#resume-draft').click();
  await onStep(page, 2);
  await expect(page.getByLabel('年龄（周岁）')).toHaveValue('70');
});

test('clear everything asks first, then removes the draft and empties the form', async ({ page }, testInfo) => {
  await fillSome(page);
  await page.locator('#save-draft').click();
  expect(Object.keys(await stored(page))).toEqual([KEY]);

  await page.locator('#clear-all').click();
  const confirm = page.locator('.drafts .confirm');
  await expect(confirm).toContainText('确定要清除吗');
  await expectAccessible(page, testInfo, { name: 'drafts-confirm' });
  await screenshot(page, testInfo, 'drafts-confirm-390.png');
  // Cancel keeps everything.
  await page.getByRole('button', { name: '取消' }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByLabel('年龄（周岁）')).toHaveValue('7x');
  expect(Object.keys(await stored(page))).toEqual([KEY]);

  await page.locator('#clear-all').click();
  await page.locator('#confirm-clear').click();
  await onStep(page, 1);
  await expect(page.locator('.draft-status')).toContainText('已全部清除');
  expect(await stored(page)).toEqual({});
  await expect(page.getByLabel('县（区）')).toHaveValue('hantai');
  await page.locator('#next').click();
  await onStep(page, 2);
  await expect(page.getByLabel('称呼（可不填）')).toHaveValue('');
  await expect(page.getByLabel('年龄（周岁）')).toHaveValue('');
  await page.reload();
  await waitForApp(page);
  await expect(page.locator('h1', { hasText: '兜底' })).toBeVisible();
  await expect(page.locator('[data-testid="draft-offer"]')).toBeHidden();
});

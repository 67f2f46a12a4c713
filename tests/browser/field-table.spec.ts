// A fact added to the rules' field table alone (issue 9: crates/rules/src/fields.rs, the
// row RIGID_SPENDING, and the rule that reads it in temporary.rs) is asked on screen 3
// with the plain question of its kind, read as people type it, named in words when
// wrong, shown on the summary, explained in the result as `doudi assess` explains it,
// and kept through a reload of the tab: nothing in the site was written for it.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, expectAccessible, gotoApp, screenshot, test, waitForApp } from './support/app';
import { doudiCli } from './support/cli';

const ROOT = path.resolve(__dirname, '..', '..');
const COUPLE = path.join(__dirname, 'fixtures', 'rigid-spending-couple.json');
const LABEL = '每月看病、上学等必需的自付支出（元，可不填）';
const FIELD = '[data-field="family.rigid_spending_monthly"]';

let cliProgram = '';

test.beforeAll(async () => {
  test.setTimeout(600_000);
  cliProgram = doudiCli();
});

async function onStep(page: Page, step: number): Promise<void> {
  await expect(page.locator('.app')).toHaveAttribute('data-step', String(step));
}

test('unavoidable spending, a fact of the field table alone, is asked, summarised, explained and kept like any other', async ({ page }, testInfo) => {
  const expected = JSON.parse(execFileSync(cliProgram, ['assess', COUPLE], { cwd: ROOT, encoding: 'utf8' }));
  await gotoApp(page);
  await page.locator('#date').fill('2026-11-29');
  await page.locator('#next').click();
  await onStep(page, 2);
  await page.locator('fieldset.member[data-member="0"]').getByLabel('年龄（周岁）').fill('40');
  await page.locator('#add-member').click();
  await page.locator('fieldset.member[data-member="1"]').getByLabel('年龄（周岁）').fill('40');
  await page.locator('#next').click();

  await onStep(page, 3);
  const first = page.locator('section.member[data-member="0"]');
  await first.getByRole('button', { name: '＋ 添加一项收入' }).click();
  await first.locator('.income[data-income="0"]').getByLabel('金额（元）').fill('1500');
  const family = page.locator('section.family');
  await family.locator('fieldset.choice', { has: page.locator('legend', { hasText: '家庭财产' }) }).getByLabel('是', { exact: true }).check();
  // Wrong, it is named at its field in words.
  await family.getByLabel(LABEL).fill('两百');
  await expect(page.locator(`${FIELD} .error`)).not.toHaveText('');
  await family.getByLabel(LABEL).fill('２００元');
  await expect(page.locator(`${FIELD} .understood`)).toHaveText('按 200 元计');
  await expect(page.locator(`${FIELD} .error`)).toHaveCount(0);
  await expectAccessible(page, testInfo, { name: 'plain-fact' });
  await page.locator(FIELD).scrollIntoViewIfNeeded();
  await screenshot(page, testInfo, 'plain-fact-rigid-spending-390.png');

  // Kept through a reload of the tab, as typed.
  await page.reload();
  await waitForApp(page);
  await onStep(page, 3);
  await expect(page.getByLabel(LABEL)).toHaveValue('２００元');
  await page.locator('#next').click();

  await onStep(page, 4);
  const summary = page.locator('section.summary');
  await expect(summary).toContainText(LABEL);
  await expect(summary).toContainText('200 元');
  await page.locator('#next').click();

  await onStep(page, 5);
  await expect(page.locator('[data-money="total_monthly"]').first()).toHaveText(String(expected.total_monthly));
  const temporary = page.locator('article[data-programme="temporary_assistance"]');
  await temporary.locator('details.why > summary').click();
  const said = expected.programmes.find((outcome: any) => outcome.programme === 'temporary_assistance').reasons[0].zh;
  expect(said).toContain('扣除后人均每月 650 元，低于低保标准 675 元');
  await expect(temporary).toContainText(said);
  await temporary.screenshot({ path: path.join(__dirname, 'artifacts', 'plain-fact-explained-390.png'), animations: 'disabled' });
});

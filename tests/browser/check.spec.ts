// 核一核 on the result screen, at phone size (390 px): a family types what a decision
// notice says beside the household's answers, and the page shows what the rules say of
// it, the same words and figures as `doudi check --json` for the same household and
// decision (examples/check/): the verdict in words (not by colour alone), the two
// amounts, the summary, the facts that would give the notice's figure, money the notice
// may leave out, and what the family can do. What was typed survives a reload (this
// tab's session store); a bad amount gets its message at the field.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, expectAccessible, gotoApp, screenshot, test, waitForApp } from './support/app';
import { doudiCli } from './support/cli';

const ROOT = path.resolve(__dirname, '..', '..');
let cliProgram = '';

// The CLI of this checkout (support/cli.ts), built once per worker.
test.beforeAll(async () => {
  test.setTimeout(600_000);
  cliProgram = doudiCli();
});

/** `doudi check --json` on a file of examples/check/. */
function cliCheck(file: string): any {
  return JSON.parse(execFileSync(cliProgram, ['check', path.join('examples', 'check', file), '--json'], { cwd: ROOT, encoding: 'utf8' }));
}

/** The decision of a file of examples/check/, and the example household it is about. */
function decisionOf(file: string): any {
  return JSON.parse(fs.readFileSync(path.join(ROOT, 'examples', 'check', file), 'utf8')).decision;
}

async function openResult(page: Page, example: string): Promise<void> {
  await gotoApp(page, `#example=${example}`);
  await expect(page.locator('.app')).toHaveAttribute('data-step', '4');
  await page.locator('#next').click();
  await expect(page.locator('.app')).toHaveAttribute('data-step', '5');
}

/** Opens the card and types the decision as a family would. */
async function enterDecision(page: Page, decision: any): Promise<void> {
  const panel = page.getByTestId('check-panel');
  await panel.locator('summary').click();
  await panel.locator('#decision-programme').selectOption(decision.programme);
  if (decision.member !== undefined) await panel.locator('#decision-member').selectOption({ index: decision.member });
  await panel.locator('#decision-monthly').fill(decision.monthly);
  if (decision.rural_tier) await panel.locator('#decision-tier').selectOption(decision.rural_tier);
  if (decision.care_tier) await panel.locator('#decision-care').selectOption(decision.care_tier);
  if (decision.reason) await panel.locator('#decision-reason').selectOption(decision.reason);
}

/** The page says what `doudi check` says, sentence for sentence. */
async function expectSameAsCli(page: Page, expected: any, lang: 'zh' | 'en'): Promise<void> {
  const answer = page.locator('.check-answer');
  await expect(answer).toHaveAttribute('data-verdict', expected.verdict);
  await expect(answer.locator('[data-check="decided"]')).toHaveText(String(expected.decision.monthly));
  if (expected.ours !== undefined) await expect(answer.locator('[data-check="ours"]')).toHaveText(String(expected.ours));
  await expect(answer.locator('[data-check="date"]')).toHaveText(expected.date);
  await expect(answer.locator('.summary')).toHaveText(expected.summary[lang]);
  const leads = answer.locator('ul.leads > li');
  await expect(leads).toHaveCount(expected.explanations.length);
  for (const [index, each] of expected.explanations.entries()) {
    await expect(leads.nth(index)).toHaveAttribute('data-lead', each.lead);
    await expect(leads.nth(index)).toHaveText(each.text[lang]);
  }
  const leftOut = answer.locator('ul.left-out > li');
  await expect(leftOut).toHaveCount(expected.left_out.length);
  for (const [index, each] of expected.left_out.entries()) await expect(leftOut.nth(index)).toHaveText(each.text[lang]);
  const next = answer.locator('ul.check-next > li');
  await expect(next).toHaveCount(expected.next_steps.length);
  for (const [index, step] of expected.next_steps.entries()) await expect(next.nth(index)).toHaveText(step[lang]);
}

test('a tekun notice at the self-caring amount shows the difference and the six items that would give it, as doudi check does', async ({ page }, testInfo) => {
  const file = 'tekun-notice-names-self-care.json';
  await openResult(page, 'tekun-partial-care');
  await enterDecision(page, decisionOf(file));
  const expected = cliCheck(file);
  expect(expected.verdict).toBe('differs');
  await expectSameAsCli(page, expected, 'zh');
  // The verdict in words, never by colour alone.
  await expect(page.locator('.check-answer .verdict')).toHaveText('不同');
  // Never "the decision is wrong": only "this does not mean the decision is wrong".
  await expect(page.locator('.check-answer')).not.toHaveText(/(?<!不等于)决定有误/);
  await page.locator('.check-answer').scrollIntoViewIfNeeded();
  await screenshot(page, testInfo, 'check-differs-390.png');
  await expectAccessible(page, testInfo, { include: '[data-testid="check-panel"]', name: 'check-panel' });
  // In English, the same check in English words.
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await expectSameAsCli(page, expected, 'en');
  await expect(page.locator('.check-answer .verdict')).toHaveText('Different');
});

test('a dibao stop that agrees names the gradual exit the notice may leave out, and survives a reload', async ({ page }, testInfo) => {
  const file = 'dibao-stopped-without-gradual-exit.json';
  await openResult(page, 'gradual-exit');
  await enterDecision(page, decisionOf(file));
  const expected = cliCheck(file);
  expect(expected.verdict).toBe('agrees');
  await expectSameAsCli(page, expected, 'zh');
  await expect(page.locator('.check-answer .verdict')).toHaveText('一致');
  await page.locator('.check-answer').scrollIntoViewIfNeeded();
  await screenshot(page, testInfo, 'check-agrees-left-out-390.png');
  // What was typed is kept in this tab: a reload shows the same check. (Without the
  // example's link, which would open the example afresh.)
  await page.evaluate(() => history.replaceState(history.state, '', location.pathname));
  await page.reload();
  await waitForApp(page);
  await expect(page.locator('.app')).toHaveAttribute('data-step', '5');
  await expect(page.locator('#decision-monthly')).toHaveValue('0');
  await expect(page.locator('#decision-reason')).toHaveValue('income_above_line');
  await expectSameAsCli(page, expected, 'zh');
});

test('a dibao notice lower than the rules lists the counted income that would give it', async ({ page }) => {
  const file = 'dibao-lower-counting-other-income.json';
  await openResult(page, 'urban-family-with-grandmother');
  await enterDecision(page, decisionOf(file));
  const expected = cliCheck(file);
  await expectSameAsCli(page, expected, 'zh');
  await expect(page.locator('.check-answer .reason')).toHaveText(expected.reason.zh);
});

test('an amount that cannot be read or is negative gets its message at the field and nothing typed is lost', async ({ page }) => {
  await openResult(page, 'urban-family-with-grandmother');
  await enterDecision(page, { programme: 'dibao', monthly: '一千二' });
  const field = page.locator('[data-field="decision.monthly"]');
  await expect(field.locator('.error')).toHaveText('请只填数字，例如 1200 或 1200.50');
  await expect(page.locator('#decision-monthly')).toHaveValue('一千二');
  await expect(page.locator('.check-answer')).toHaveCount(0);
  await page.locator('#decision-monthly').fill('-5');
  await expect(field.locator('.error')).toHaveText('金额不能为负数（-5）');
  // Typed as people type it: read as 1,606 yuan, and the same as the rules.
  await page.locator('#decision-monthly').fill('１,６０６元');
  await expect(field.locator('.error')).toHaveCount(0);
  await expect(page.locator('.check-answer')).toHaveAttribute('data-verdict', 'agrees');
  await expect(page.locator('[data-check="date"]')).toHaveText('2026-11-29');
  // A notice's date: the standards then in force (655 before 2025-10-01), so 1606 no
  // longer agrees; a date before the first modelled one is refused at the field.
  const date = page.locator('#decision-date');
  await date.fill('2025-06-01');
  await expect(page.locator('[data-check="date"]')).toHaveText('2025-06-01');
  await expect(page.locator('.check-answer')).toHaveAttribute('data-verdict', 'differs');
  await date.fill('2022-12-01');
  await expect(page.locator('[data-field="decision.date"] .error')).toHaveText('2022-12-01 早于本计算器收录的最早标准（2023-01-01 起）');
  await expect(page.locator('.check-answer')).toHaveCount(0);
});

// Printing: the result page prints as an explanation sheet for the family (A4, one or
// two pages, nothing under 9 pt): a QR code that reopens the calculation, the answers,
// each programme's outcome and amount, the next steps, the steps of what the family may
// get, every figure that is not published policy with its date, document and status, the
// rules version, the assessment date, and the caseworker's and the family's signature
// lines; no buttons, no navigation, no share panel. The PDF and its pages as PNG go to
// tests/browser/artifacts/.
import type { Page, TestInfo } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ARTIFACTS, expect, gotoApp, screenshot, shareFragmentOf, test } from './support/app';
import { pressPrint, printToPdf } from './support/print';

async function onStep(page: Page, step: number): Promise<void> {
  await expect(page.locator('.app')).toHaveAttribute('data-step', String(step));
}

async function openResult(page: Page, example: string): Promise<void> {
  await gotoApp(page, `#example=${example}`);
  await onStep(page, 4);
  await page.locator('#next').click();
  await onStep(page, 5);
}

test('the urban family prints on one or two A4 pages with every amount, the figures not published, the version, the date and the signature lines', async ({ page }, testInfo) => {
  await openResult(page, 'urban-family-with-grandmother');
  const total = (await page.locator('[data-money="total_monthly"]').first().innerText()).trim();
  const monthly: string[] = await page.$$eval('[data-money$="].monthly"]', (elements) =>
    elements.map((element) => (element.textContent ?? '').trim()),
  );
  expect(monthly.length).toBeGreaterThan(0);
  const version = (await page.locator('.result .version').innerText()).split('：')[1].trim();
  const notPublished: string[] = await page.$$eval('[data-money^="not_published["]', (elements) =>
    elements.map((element) => (element.textContent ?? '').trim()),
  );
  expect(notPublished.length).toBeGreaterThan(0);

  await pressPrint(page);
  await page.emulateMedia({ media: 'print' });
  const sheet = page.locator('[data-testid="print-sheet"]');
  await expect(sheet).toBeVisible();
  // Nothing to click on paper, no share panel, no chart, no navigation.
  for (const selector of ['[data-testid="share"]', '#print', '.nav', '.tools', '.what-if', '.drafts', 'footer', 'article.programme']) {
    await expect(page.locator(selector).first(), selector).toBeHidden();
  }
  const printed = await page.locator('body').innerText();
  expect(printed).toContain('汉中市社会救助估算说明');
  expect(await sheet.locator('[data-print-money="total_monthly"]').innerText()).toBe(total);
  expect(printed).toContain(total);
  for (const amount of monthly) expect(printed).toContain(amount);
  for (const value of notPublished) expect(printed).toContain(value);
  expect(printed).toContain(version);
  expect(printed).toContain('2026-11-29');
  expect(printed).toContain('经办人：________　日期：________');
  expect(printed).toContain('申请人（或家属）签字');
  // The answers, the steps with their clauses, the figures with their status.
  for (const text of ['李建军', '刘桂兰', '汉台区', '城市低保标准', '汉民发〔2021〕52号', '假设', '已公布']) {
    expect(printed).toContain(text);
  }
  expect(await overflowingCells(page), 'cells whose text runs out of them at 390 px').toEqual([]);
  await screenshot(page, testInfo, 'print-urban-family-390.png');

  const pages = await printToPdf(page, testInfo, 'print-urban-family');
  expect(pages).toBeGreaterThanOrEqual(1);
  expect(pages).toBeLessThanOrEqual(2);
});

test('every example prints in English as well, on at most two pages', async ({ page }, testInfo) => {
  for (const example of ['rural-family-estimated-tier', 'gradual-exit', 'tekun-partial-care']) {
    await openResult(page, example);
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await pressPrint(page);
    await page.emulateMedia({ media: 'print' });
    const printed = await page.locator('body').innerText();
    expect(printed).toContain('explanation of an estimate');
    expect(printed).toContain('Caseworker: ________');
    // Illness names in English (policies/lists.toml, items_en).
    if (example === 'rural-family-estimated-tier') {
      expect(printed).toContain('Breast cancer');
      expect(printed).not.toContain('乳腺癌');
    }
    expect(await overflowingCells(page), `${example}: cells whose text runs out of them at 390 px`).toEqual([]);
    const pages = await printToPdf(page, testInfo, `print-${example}-en`);
    expect(pages, example).toBeLessThanOrEqual(2);
    await page.emulateMedia({ media: 'screen' });
    await page.goto('about:blank');
  }
});

test('the print button opens the browser print dialog; other screens print without their controls', async ({ page }) => {
  await openResult(page, 'tekun-partial-care');
  // The sheet is the tools' module's: it is not on a resident's result before the press.
  await expect(page.locator('[data-testid="print-sheet"]')).toHaveCount(0);
  await pressPrint(page);
  // On screen the sheet is hidden.
  await expect(page.locator('[data-testid="print-sheet"]')).toBeHidden();

  await page.getByRole('button', { name: '上一步' }).click();
  await onStep(page, 4);
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('section.summary')).toBeVisible();
  await expect(page.locator('.nav')).toBeHidden();
  await expect(page.locator('button').first()).toBeHidden();
});

const ROOT = path.resolve(__dirname, '..', '..');

/** Every element of the sheet with text of its own is at least 9 pt (12 CSS px). */
async function smallestPrintedText(page: Page): Promise<{ size: number; text: string }> {
  return page.locator('[data-testid="print-sheet"]').evaluate((sheet) => {
    let smallest = { size: Infinity, text: '' };
    for (const element of [sheet, ...Array.from(sheet.querySelectorAll('*'))]) {
      const own = Array.from(element.childNodes).some((node) => node.nodeType === Node.TEXT_NODE && (node.textContent ?? '').trim() !== '');
      if (!own) continue;
      const size = parseFloat(getComputedStyle(element).fontSize);
      if (size < smallest.size) smallest = { size, text: (element.textContent ?? '').trim().slice(0, 40) };
    }
    return smallest;
  });
}

/** The sheet's table cells whose text runs out of them into the next (on a page as narrow
 * as the phone's, the dates of the figures that are not published once did). */
async function overflowingCells(page: Page): Promise<string[]> {
  return page.locator('[data-testid="print-sheet"] .sheet-table').locator('td, th').evaluateAll((cells) =>
    cells.filter((cell) => cell.scrollWidth > cell.clientWidth + 1).map((cell) => (cell.textContent ?? '').trim().slice(0, 30)));
}

test('a rural family of five prints on two A4 pages at 9 pt or more, with its next steps and a QR code that reopens it', async ({ page }, testInfo) => {
  const file = path.join(__dirname, 'fixtures', 'rural-family-of-five.json');
  const household = JSON.parse(fs.readFileSync(file, 'utf8'));
  const cli = process.env.DOUDI_CLI ?? path.join(process.env.CARGO_TARGET_DIR ?? path.join(ROOT, 'target'), 'debug', 'doudi');
  if (!process.env.DOUDI_CLI) execFileSync('cargo', ['build', '-q', '-p', 'doudi-cli'], { cwd: ROOT, stdio: 'inherit' });
  const assessment = JSON.parse(execFileSync(cli, ['assess', file], { cwd: ROOT, encoding: 'utf8' }));
  const fragment = shareFragmentOf(household, assessment);
  await gotoApp(page, `#${fragment}`);
  await onStep(page, 5);
  await pressPrint(page);
  await page.emulateMedia({ media: 'print' });
  const sheet = page.locator('[data-testid="print-sheet"]');
  await expect(sheet).toBeVisible();
  // The next steps, as the rules give them.
  for (const next of assessment.next_steps) await expect(sheet).toContainText(next.zh);
  // The QR code: the share link of this very household (the share panel's link).
  const qr = sheet.getByTestId('sheet-qr');
  await expect(qr.locator('img')).toHaveAttribute('src', /^data:image\/svg\+xml,/);
  await expect(qr).toContainText('重新打开这次计算');
  // No text under 9 pt.
  const smallest = await smallestPrintedText(page);
  expect(smallest.size, `the smallest text: "${smallest.text}"`).toBeGreaterThanOrEqual(12);
  expect(await overflowingCells(page), 'cells whose text runs out of them at 390 px').toEqual([]);
  await screenshot(page, testInfo, 'print-family-of-five-390.png');
  const pages = await printToPdf(page, testInfo, 'print-family-of-five');
  expect(pages).toBeLessThanOrEqual(2);
});

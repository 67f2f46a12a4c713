// Reform costing in caseload mode (issue 13): a reform built from the list of parameters
// in force, run over the example caseload on the device; the summary (who gains, loses,
// is newly covered; the cost by programme, county and category; the spread) is what
// `doudi reform` says for the same files, and the download is `doudi batch --reform`'s
// file byte for byte. At phone and tablet width.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, expectAccessible, gotoApp, screenshot, test } from './support/app';
import { doudiCli } from './support/cli';

const ROOT = path.resolve(__dirname, '..', '..');
const CASELOAD = path.join(ROOT, 'examples', 'caseload.csv');

/** Builds the reform of examples/reform/urban-standard-700.toml through the picker. */
async function pickReform(page: Page): Promise<void> {
  await page.locator('details.cl-reform summary').click();
  await page.locator('#cl-param').selectOption('dibao.urban.standard');
  // The parameter's value in force on the date chosen is in its option.
  await page.locator('#cl-from').fill('2026-10-01');
  await expect(page.locator('#cl-param option:checked')).toContainText('（dibao.urban.standard）：675');
  await page.locator('#cl-value').fill('700');
  await page.locator('#cl-add').click();
  const text = await page.locator('#cl-reform-text').inputValue();
  expect(text).toContain('[[change]]\nparam = "dibao.urban.standard"\nfrom = "2026-10-01"\nvalue = "700"');
}

for (const [width, name] of [[390, 'phone'], [820, 'tablet']] as const) {
  test(`a reform costed over the example caseload is doudi reform's summary and doudi batch --reform's file (${name})`, async ({ page }, testInfo) => {
    await page.setViewportSize({ width, height: 900 });
    await gotoApp(page, '#mode=caseload');
    await pickReform(page);
    const reformFile = path.join(testInfo.outputDir, 'reform.toml');
    fs.mkdirSync(testInfo.outputDir, { recursive: true });
    fs.writeFileSync(reformFile, await page.locator('#cl-reform-text').inputValue());
    await page.locator('#cl-example').click();
    const summary = page.getByTestId('reform-summary');
    await expect(summary).toBeVisible();
    // The CLI's figures for the same files.
    const cli = execFileSync(doudiCli(), ['reform', CASELOAD, reformFile]).toString();
    const change = cli.match(/变化 ([+-]?[\d.]+) 元（一年 ([+-]?[\d.]+) 元）/)!;
    await expect(summary.locator('.cl-change')).toContainText(`变化 ${change[1]} 元（一年 ${change[2]} 元）`);
    for (const [who, label] of [['newly', '新纳入（按月有钱）'], ['gaining', '增加'], ['losing', '减少'], ['unchanged', '不变']]) {
      const households = cli.match(new RegExp(`  ${label.replace(/[()（）]/g, '.')}：(\\d+) 户`))![1];
      await expect(summary.locator(`[data-who="${who}"]`)).toHaveAttribute('data-households', households);
    }
    await expect(summary).toContainText('静态测算');
    await expect(summary.locator('table.cl-counties tbody tr')).toHaveCount(11);
    await expect(summary.locator('.cl-county-chart svg rect')).toHaveCount(11);
    await expect(summary.locator('.cl-spread-chart svg rect')).toHaveCount(7);
    await expectAccessible(page, testInfo, { name: `reform-${name}` });
    await screenshot(page, testInfo, `reform-summary-${width}.png`);
    // The download: doudi batch --reform's bytes.
    const [saved] = await Promise.all([page.waitForEvent('download'), page.locator('#cl-download').click()]);
    expect(saved.suggestedFilename()).toBe('caseload-reform-results.csv');
    const bytes = fs.readFileSync(await saved.path());
    const expected = execFileSync(doudiCli(), ['batch', CASELOAD, '--reform', reformFile]);
    expect(bytes.equals(expected), 'the download is byte for byte doudi batch --reform').toBe(true);
  });
}

test('a reform that cannot be used says why, at its field, and runs nothing', async ({ page }) => {
  await gotoApp(page, '#mode=caseload');
  await page.locator('details.cl-reform summary').click();
  await page.locator('#cl-reform-text').fill('name = "x"\n[[change]]\nparam = "topup.severe_rate"\nfrom = "2026-10-01"\nvalue = "60"\n');
  await page.locator('#cl-example').click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('change[0].value');
  await expect(alert).toContainText('topup.severe_rate 的值要是 0 到 10 之间的数');
  await expect(page.locator('#cl-download')).toHaveCount(0);
  // What was typed is kept.
  await expect(page.locator('#cl-reform-text')).toHaveValue(/topup\.severe_rate/);
});

test('caseworker scenario B as the same household under new rules: the rules’ figures both ways, the change of a member seen in both', async ({ page }, testInfo) => {
  const cliAssess = (file: string, reform?: string) =>
    JSON.parse(execFileSync(doudiCli(), ['assess', file, ...(reform ? ['--reform', reform] : [])]).toString());
  const example = path.join(ROOT, 'examples', 'urban-family-with-grandmother.json');
  const reform = path.join(ROOT, 'examples', 'reform', 'urban-standard-700.toml');
  await gotoApp(page, '#mode=caseworker&example=urban-family-with-grandmother');
  await page.locator('#rules-to-b').click();
  const rules = page.getByTestId('rules-b');
  await expect(rules).toContainText('还没有新的值');
  await expect(page.locator('#copy-to-b')).toHaveCount(0);
  await rules.locator('#rules-param').selectOption('dibao.urban.standard');
  await expect(rules.locator('#rules-param option:checked')).toContainText('：675');
  await rules.locator('#rules-value').fill('700');
  await rules.locator('#rules-from').fill('2026-10-01');
  await rules.locator('#rules-add').click();
  await expect(rules.locator('li[data-param="dibao.urban.standard"]')).toContainText('2026-10-01');
  const before = cliAssess(example);
  const after = cliAssess(example, reform);
  const compare = page.locator('.compare');
  await expect(compare.locator('[data-compare="a:total_monthly"]')).toHaveText(before.total_monthly);
  await expect(compare.locator('[data-compare="b:total_monthly"]')).toHaveText(after.total_monthly);
  // B's total is marked as the reform's, never as policy.
  await expect(page.locator('.cw-result')).toContainText('改革方案');
  await expectAccessible(page, testInfo, { name: 'caseworker-rules-b' });
  await screenshot(page, testInfo, 'caseworker-rules-b-390.png');
  // A value out of range is refused at its rule, in words.
  await rules.locator('#rules-param').selectOption('topup.severe_rate');
  await rules.locator('#rules-value').fill('60');
  await rules.locator('#rules-add').click();
  await expect(rules.getByRole('alert')).toContainText('第 2 条');
  await rules.locator('li').nth(1).getByRole('button', { name: '去掉' }).click();
  await expect(rules.getByRole('alert')).toHaveCount(0);
  await expect(compare.locator('[data-compare="b:total_monthly"]')).toHaveText(after.total_monthly);
  // One household: the wife's wages changed on B's page change both scenarios.
  const wages = page.locator('.cw-member').nth(1).locator('.income').first().getByLabel('金额（元）');
  await wages.fill('1200');
  const changed = JSON.parse(fs.readFileSync(example, 'utf8'));
  changed.members[1].incomes[0].amount = '1200';
  const changedFile = path.join(testInfo.outputDir, 'changed.json');
  fs.mkdirSync(testInfo.outputDir, { recursive: true });
  fs.writeFileSync(changedFile, JSON.stringify(changed));
  await expect(compare.locator('[data-compare="a:total_monthly"]')).toHaveText(cliAssess(changedFile).total_monthly);
  await expect(compare.locator('[data-compare="b:total_monthly"]')).toHaveText(cliAssess(changedFile, reform).total_monthly);
  // Back to A: the rules as they are; the comparison stays.
  await page.locator('button.scenario-tab[data-scenario="a"]').click();
  await expect(page.getByTestId('rules-b')).toHaveCount(0);
  await expect(compare.locator('[data-compare="b:total_monthly"]')).toHaveText(cliAssess(changedFile, reform).total_monthly);
});

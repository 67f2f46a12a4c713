// The caseworker and publicity-event modes at phone size (390 px), and the caseworker's
// page on a desktop (1280 px): every amount compared with what `doudi assess` /
// `doudi what-if` print for the same household (the example's JSON, changed as the
// page changed it), an axe scan, and screenshots in tests/browser/artifacts/. The guard
// of support/app.ts fails any test in which a request leaves 127.0.0.1.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page, TestInfo } from '@playwright/test';
import { expect, expectAccessible, gotoApp, screenshot, test, waitForApp } from './support/app';
import { doudiCli } from './support/cli';

const ROOT = path.resolve(__dirname, '..', '..');
let cliProgram = '';

// The CLI of this checkout (support/cli.ts), built once per worker.
test.beforeAll(async () => {
  test.setTimeout(600_000);
  cliProgram = doudiCli();
});

function example(name: string): any {
  return JSON.parse(fs.readFileSync(path.join(ROOT, 'examples', `${name}.json`), 'utf8'));
}

/** What the CLI says of a household (a JSON value): `assess`, and `what-if` as `what_if`. */
function cli(household: unknown): any {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'doudi-modes-'));
  const file = path.join(dir, 'household.json');
  fs.writeFileSync(file, JSON.stringify(household));
  const run = (command: string) => JSON.parse(execFileSync(cliProgram, [command, file], { encoding: 'utf8', maxBuffer: 16 << 20 }));
  const out = { ...run('assess'), what_if: run('what-if') };
  fs.rmSync(dir, { recursive: true });
  return out;
}

/** The value at a path such as "programmes[2].timeline[0].amount". */
function at(root: any, pathText: string): unknown {
  return pathText
    .split(/\.|\[|\]/)
    .filter((part) => part !== '')
    .reduce((value, part) => (value == null ? undefined : value[/^\d+$/.test(part) ? Number(part) : part]), root);
}

/** Every amount of the caseworker's result equals the CLI's; returns how many. */
async function expectResultMatches(page: Page, expected: any): Promise<number> {
  // The caseworker's page is drawn by the tools' module, which takes the page over when
  // it comes: wait for its total before reading every amount at once.
  await expect(page.locator('.cw-result [data-money="total_monthly"]')).toBeVisible();
  const shown: [string, string][] = await page.$$eval('.cw-result [data-money]', (elements) =>
    elements.map((element) => [element.getAttribute('data-money') ?? '', (element.textContent ?? '').trim()]),
  );
  expect(shown.length, 'amounts in the result').toBeGreaterThan(5);
  for (const [where, text] of shown) expect(text, `amount at ${where}`).toBe(String(at(expected, where)));
  for (const [index, outcome] of expected.programmes.entries()) {
    const card = page.locator(`.cw-result article.programme[data-index="${index}"]`);
    await expect(card).toHaveAttribute('data-status', outcome.status);
    if (outcome.monthly !== undefined) await expect(card.locator(`[data-money="programmes[${index}].monthly"]`)).toHaveText(outcome.monthly);
  }
  await expect(page.locator('.cw-result [data-money="total_monthly"]')).toHaveText(expected.total_monthly);
  return shown.length;
}

async function check(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await expectAccessible(page, testInfo, { name });
  await screenshot(page, testInfo, `${name}.png`);
}

// ---- Caseworker mode ----------------------------------------------------------------

test('caseworker mode shows every field on one page; tier B gives what `doudi assess` gives', async ({ page }, testInfo) => {
  await gotoApp(page, '#mode=caseworker&example=rural-family-estimated-tier');
  await expect(page.locator('.app')).toHaveAttribute('data-mode', 'caseworker');
  await expect(page.locator('button.mode[data-mode="caseworker"]')).toHaveAttribute('aria-pressed', 'true');
  const household = example('rural-family-estimated-tier');

  // Place and date, every member with their incomes and situation, the family, the
  // caseworker's options and assumed parameters: all on the one page, no steps.
  await expect(page.locator('.progress')).toHaveCount(0);
  await expect(page.locator('#next')).toHaveCount(0);
  await expect(page.getByLabel('县（区）')).toHaveValue('lueyang');
  await expect(page.getByLabel('按哪一天的标准计算')).toHaveValue('2026-11-29');
  await expect(page.locator('.cw-member')).toHaveCount(household.members.length);
  await expect(page.locator('.cw-member fieldset.member')).toHaveCount(household.members.length);
  await expect(page.locator('.cw-member section.member .income')).toHaveCount(2);
  await expect(page.locator('.cw-member [data-field="members[1].serious_illness"] select')).toHaveValue('乳腺癌');
  await expect(page.locator('section.family')).toBeVisible();
  await expect(page.getByLabel('本月 CPI 同比涨幅（%）')).toHaveValue('0.8');
  await expect(page.locator('.cw-overrides .field.override').first()).toBeVisible();

  // Without a tier the rules estimate one; the result is there at once.
  const estimated = cli(household);
  await expectResultMatches(page, estimated);
  await expect(page.locator('.cw-result .total .range')).toBeVisible();

  // Tiers D and E exist from 2025-10-01: on 2026-11-29 all five are offered.
  const tier = page.getByLabel('已评定的农村低保档次');
  await expect(tier.locator('option')).toHaveCount(6);
  const withTier = (letter: string) => cli({ ...household, caseworker: { ...household.caseworker, rural_tier: letter } });
  const dibao = estimated.programmes.findIndex((outcome: any) => outcome.programme === 'dibao');
  const amount = page.locator(`.cw-result article [data-money="programmes[${dibao}].monthly"]`);
  await tier.selectOption('A');
  const tierA = withTier('A');
  await expect(amount).toHaveText(tierA.programmes[dibao].monthly);
  await expectResultMatches(page, tierA);
  // Choosing tier B changes the rural amount to the CLI's for tier B.
  await tier.selectOption('B');
  const tierB = withTier('B');
  expect(tierB.programmes[dibao].monthly).not.toBe(tierA.programmes[dibao].monthly);
  await expect(amount).toHaveText(tierB.programmes[dibao].monthly);
  await expect(page.locator('.cw-result article[data-programme="dibao"] .level .tag')).toHaveText('B档');
  await expect(page.locator('.cw-result .total .range')).toHaveCount(0);
  await expectResultMatches(page, tierB);
  await check(page, testInfo, 'caseworker-tier-b-390');

  // Before 2025-10-01 there were only tiers A–C.
  await page.getByLabel('按哪一天的标准计算').fill('2025-06-30');
  await expect(tier.locator('option')).toHaveCount(4);
  await expect(tier).toHaveValue('B');
  await expectResultMatches(page, cli({ ...household, date: '2025-06-30', caseworker: { ...household.caseworker, rural_tier: 'B' } }));

  await page.setViewportSize({ width: 1280, height: 900 });
  await check(page, testInfo, 'caseworker-tier-b-1280');
  // Side by side on a desktop: the result to the right of the form.
  const form = await page.locator('.cw-form').boundingBox();
  const result = await page.locator('.cw-result').boundingBox();
  expect(result!.x).toBeGreaterThan(form!.x + form!.width - 1);
});

test('an override of an assumed parameter is used and marked as the caseworker\'s', async ({ page }, testInfo) => {
  await gotoApp(page, '#mode=caseworker&example=gradual-exit');
  const household = example('gradual-exit');
  await expectResultMatches(page, cli(household));
  const months = page.locator('.field.override[data-param="gradual_exit.months"]');
  await expect(months).toContainText('渐退帮扶期');
  await expect(months).toContainText('政策值 6 个月');
  await expect(page.locator('.cw-result [data-basis="override"]')).toHaveCount(0);

  await months.locator('input').fill('12');
  const overridden = cli({ ...household, caseworker: { ...household.caseworker, overrides: { 'gradual_exit.months': '12' } } });
  const exit = overridden.programmes.findIndex((outcome: any) => outcome.programme === 'gradual_exit');
  await expect(page.locator(`.cw-result article[data-index="${exit}"] table.timeline tbody tr`)).toHaveCount(overridden.programmes[exit].timeline.length);
  // Six more months of gradual exit than the policy's six.
  expect(overridden.programmes[exit].timeline.length).toBe(cli(household).programmes[exit].timeline.length + 6);
  await expectResultMatches(page, overridden);
  // The override is marked on the result: the total's basis, the programme's amount,
  // and the list of figures that are not published policy, with the policy value.
  await expect(page.locator('.cw-result .total [data-basis="override"]')).toHaveText('经办人调整');
  await expect(page.locator(`.cw-result article[data-index="${exit}"] .amount [data-basis="override"]`)).toBeVisible();
  const listed = page.locator('.cw-result .not-published li[data-param="gradual_exit.months"]');
  await expect(listed.locator('[data-basis="override"]')).toHaveText('经办人调整');
  await expect(listed.locator('[data-money$=".policy_value"]')).toHaveText('6');
  await check(page, testInfo, 'caseworker-override-390');

  await page.getByRole('button', { name: 'Switch to English' }).click();
  await expect(page.locator('.cw-result .total [data-basis="override"]')).toHaveText('caseworker override');

  // A value the rules refuse is named at its field; empty brings the policy value back.
  await page.getByRole('button', { name: /Switch to Chinese/ }).click();
  await months.locator('input').fill('99');
  // Named in words (the parameter's name), never as the JSON path.
  await expect(page.locator('.cw-result .problems')).toContainText('经办人替换的假设值 · ');
  await expect(page.locator('.cw-result .problems')).not.toContainText('caseworker.overrides');
  await months.locator('input').fill('x');
  await expect(months.locator('.error')).toContainText('请只填数字');
  await months.locator('input').fill('');
  await expectResultMatches(page, cli(household));
});

test('scenario B: a copy of the household, changed, compared side by side', async ({ page }, testInfo) => {
  await gotoApp(page, '#mode=caseworker&example=urban-family-with-grandmother');
  const household = example('urban-family-with-grandmother');
  const before = cli(household);
  await expect(page.locator('.compare')).toHaveCount(0);
  await page.getByRole('button', { name: '复制为方案二' }).click();
  await expect(page.locator('button.scenario-tab[data-scenario="b"]')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('.cw')).toHaveAttribute('data-scenario', 'b');

  // After a job: the wife earns 2600 a month instead of 600.
  const wages = page.locator('.cw-member').nth(1).locator('.income').first().getByLabel('金额（元）');
  await expect(wages).toHaveValue('600');
  await wages.fill('2600');
  const after = structuredClone(household);
  after.members[1].incomes[0].amount = '2600';
  const computedAfter = cli(after);
  expect(computedAfter.total_monthly).not.toBe(before.total_monthly);
  await expectResultMatches(page, computedAfter);

  // The table shows both scenarios' figures, each the rules' own.
  const compare = page.locator('.compare');
  await expect(compare.locator('[data-compare="a:total_monthly"]')).toHaveText(before.total_monthly);
  await expect(compare.locator('[data-compare="b:total_monthly"]')).toHaveText(computedAfter.total_monthly);
  const cells: [string, string][] = await page.$$eval('.compare [data-compare]', (elements) =>
    elements.map((element) => [element.getAttribute('data-compare') ?? '', (element.textContent ?? '').trim()]),
  );
  expect(cells.length).toBeGreaterThanOrEqual(3);
  for (const [where, text] of cells) {
    const [scenario, pathText] = where.split(':');
    expect(text, where).toBe(String(at(scenario === 'a' ? before : computedAfter, pathText)));
  }
  await check(page, testInfo, 'caseworker-scenarios-390');

  // Scenario A is untouched, and shown again with its own result.
  await page.locator('button.scenario-tab[data-scenario="a"]').click();
  await expect(page.locator('.cw-member').nth(1).locator('.income').first().getByLabel('金额（元）')).toHaveValue('600');
  await expectResultMatches(page, before);
  await page.setViewportSize({ width: 1280, height: 900 });
  await check(page, testInfo, 'caseworker-scenarios-1280');
  await page.getByRole('button', { name: '删除方案二' }).click();
  await expect(page.locator('.compare')).toHaveCount(0);
});

// ---- Publicity mode -----------------------------------------------------------------

test('publicity mode: an example one tap away, a QR code, and a reset when idle', async ({ page }, testInfo) => {
  await gotoApp(page, '#mode=publicity&idle=2');
  await expect(page.locator('.app')).toHaveClass(/publicity/);
  const examples = page.locator('button.pub-example');
  // The kiosk is drawn by the tools' module, which takes the page over when it comes.
  await expect(examples.first()).toBeVisible();
  expect(await examples.count()).toBeGreaterThanOrEqual(4);
  // The QR code of the site itself (no fragment).
  const qr = page.locator('.pub-qr .qr svg');
  await expect(qr).toBeVisible();
  await expect(page.locator('.pub-address')).toHaveText(new URL('/', page.url()).href);
  await expect(page.locator('.pub-idle')).toContainText('2 秒');
  // A kiosk shows its visitors no mode switch; staff leave it at the foot of the page.
  await expect(page.locator('nav.modes')).toHaveCount(0);
  await expect(page.locator('details.staff')).toHaveCount(0);
  await expect(page.locator('.staff-exit button')).toHaveText('工作人员：退出宣传模式');
  await check(page, testInfo, 'publicity-start-390');

  await page.locator('button.pub-example[data-example="tekun-partial-care"]').click();
  const expected = cli(example('tekun-partial-care'));
  await expect(page.locator('.publicity [data-money="total_monthly"]')).toHaveText(expected.total_monthly);
  for (const [index, outcome] of expected.programmes.entries()) {
    const card = page.locator(`.pub-card[data-index="${index}"]`);
    await expect(card).toHaveAttribute('data-status', outcome.status);
    if (outcome.status === 'eligible' && outcome.monthly !== undefined) {
      await expect(card.locator(`[data-money="programmes[${index}].monthly"]`)).toHaveText(outcome.monthly);
    }
  }
  // What the household gets comes first.
  await expect(page.locator('.pub-card').first()).toHaveAttribute('data-status', 'eligible');
  // Large type: the total is big on a phone.
  const size = await page.locator('.publicity .total .big .money').evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
  expect(size).toBeGreaterThan(40);
  await check(page, testInfo, 'publicity-example-390');

  // Nobody touches the page for 2 s: back to the start screen.
  await expect(examples.first()).toBeVisible({ timeout: 8_000 });
  await expect(page.locator('.publicity [data-money="total_monthly"]')).toHaveCount(0);
});

test('publicity mode: a visitor\'s own answers are cleared when the kiosk is idle', async ({ page }, testInfo) => {
  await gotoApp(page, '#mode=publicity&idle=2');
  await page.getByRole('button', { name: '自己算一算' }).click();
  await expect(page.locator('.app')).toHaveAttribute('data-step', '1');
  await page.getByLabel('县（区）').selectOption({ label: '略阳县' });
  await page.locator('#next').click();
  await page.getByLabel('年龄（周岁）').fill('66');
  // A kiosk is shared: nothing offers to save a draft on it.
  await expect(page.locator('.drafts')).toBeHidden();
  await screenshot(page, testInfo, 'publicity-own-390.png');
  // Activity keeps it: typing at intervals shorter than the idle time.
  for (let round = 0; round < 3; round += 1) {
    await page.waitForTimeout(900);
    await page.getByLabel('年龄（周岁）').press('End');
  }
  await expect(page.getByLabel('年龄（周岁）')).toHaveValue('66');
  // Then idle: the start screen, and the answers are gone.
  await expect(page.locator('button.pub-example').first()).toBeVisible({ timeout: 8_000 });
  await page.getByRole('button', { name: '自己算一算' }).click();
  await expect(page.getByLabel('县（区）')).not.toHaveValue('lueyang');
  await page.locator('#next').click();
  await expect(page.getByLabel('年龄（周岁）')).toHaveValue('');
});

test('a resident sees no mode switch, the staff tools are under 工作人员, and the mode is kept in the address only', async ({ page }, testInfo) => {
  await gotoApp(page);
  await expect(page.locator('.app')).toHaveAttribute('data-mode', 'resident');
  // The resident's first screen: no switch, one small "工作人员" entry.
  await expect(page.locator('nav.modes')).toBeHidden();
  await expect(page.locator('button[data-mode="resident"]')).toHaveCount(0);
  const staff = page.locator('details.staff');
  await expect(staff.locator('summary')).toHaveText('工作人员');
  await staff.locator('summary').click();
  await expect(staff.locator('nav.modes button.mode')).toHaveText(['经办人', '宣传', '批量']);
  await screenshot(page, testInfo, 'modes-staff-entry-390.png');
  await page.locator('nav.modes button[data-mode="caseworker"]').click();
  await expect(page).toHaveURL(/#mode=caseworker$/);
  await expect(page.locator('.cw')).toBeVisible();
  await expect(page.locator('#step-title')).toBeFocused();
  await page.reload();
  await waitForApp(page);
  await expect(page.locator('.cw')).toBeVisible();
  // Staff see the whole switch.
  await expect(page.locator('nav.modes button.mode')).toHaveText(['居民', '经办人', '宣传', '批量']);
  await page.locator('nav.modes button[data-mode="resident"]').click();
  await expect(page.locator('.app')).toHaveAttribute('data-step', '1');
  expect(new URL(page.url()).hash).toBe('');
  // Nothing of the mode is stored on the device.
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }));
  expect(stored).not.toContain('caseworker');
});

test('staff leave a publicity kiosk at the foot of the page, for the resident\'s screens', async ({ page }) => {
  await gotoApp(page, '#mode=publicity');
  await page.locator('.staff-exit button').click();
  await expect(page.locator('.app')).toHaveAttribute('data-mode', 'resident');
  await expect(page.locator('.app')).toHaveAttribute('data-step', '1');
  await expect(page.locator('.staff-exit')).toHaveCount(0);
  expect(new URL(page.url()).hash).toBe('');
});

test('nothing is clipped at A+ in English: the mode buttons wrap instead; step 1 says what to have ready', async ({ page }, testInfo) => {
  await gotoApp(page);
  await expect(page.getByTestId('ready')).toContainText('开始前准备好');
  await page.locator('header button.tool, button.tool').nth(1).click();
  await page.locator('button.tool').nth(0).click();
  await expect(page.getByTestId('ready')).toContainText('Before you start');
  await page.locator('details.staff summary').click();
  await page.locator('nav.modes button[data-mode="caseworker"]').click();
  await expect(page.locator('.app')).toHaveClass(/large/);
  const clipped = await page.locator('button.mode').evaluateAll((buttons) =>
    buttons.filter((button) => button.scrollWidth > button.clientWidth + 1).map((button) => button.textContent),
  );
  expect(clipped).toEqual([]);
  await screenshot(page, testInfo, 'modes-large-english-390.png');
});

// The caseworker's page redraws a part only when what it is drawn from changes
// (web/src/components/caseworker_mode.rs: each member's questions, the household's own
// questions, the result's cards). Each change here must show in the part it concerns.
test("caseworker mode: each part of the page follows the answers it is drawn from", async ({ page }) => {
  await gotoApp(page, '#mode=caseworker&example=urban-family-with-grandmother');
  const second = page.locator('.cw-member').nth(1);
  await expect(second.getByLabel('年龄（周岁）')).toHaveValue(/\d+/);
  // A member's own answer, refused at its field, and then accepted.
  await second.getByLabel('年龄（周岁）').fill('abc');
  await expect(second.getByLabel('年龄（周岁）')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('.cw-result .problems')).toBeVisible();
  await second.getByLabel('年龄（周岁）').fill('40');
  await expect(second.getByLabel('年龄（周岁）')).not.toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('.cw-result [data-money="total_monthly"]').first()).toBeVisible();
  // The household's questions: rural brings the tier, whose list follows the date
  // (tiers D and E began on 2025-10-01).
  await page.getByRole('radio', { name: '农村' }).check();
  await expect(page.locator('#tier option[value="D"]')).toHaveCount(1);
  await page.getByLabel('按哪一天的标准计算').fill('2024-06-01');
  await expect(page.locator('#tier option[value="D"]')).toHaveCount(0);
  await page.getByLabel('按哪一天的标准计算').fill('2026-11-29');
  await expect(page.locator('#tier option[value="D"]')).toHaveCount(1);
  // The language: every part, the members' too, and the result's cards.
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await expect(second.getByLabel('Age (whole years)')).toHaveValue('40');
  await expect(page.getByLabel('Standards in force on')).toHaveValue('2026-11-29');
  await expect(page.locator('.cw-result')).not.toHaveAttribute('aria-busy', 'true');
  await expect(page.locator('.cw-result article.programme').first()).toContainText('Minimum living guarantee (dibao)');
});

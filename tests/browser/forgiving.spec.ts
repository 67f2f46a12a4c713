// Forgiving input at phone size (390 px), issue 11: numbers typed as people type them
// (full-width digits, "1200元", "¥1,200") are read and shown back ("按 1200 元计"), and
// give the same amounts as `doudi assess` of the same household; a disability type does
// not pre-select a grade; the 30-member limit is stated before it bites, and a 31st
// member (an older draft) is marked at the member list; the list of what to fix is at
// the top with a link to each field, and no JSON path is ever shown; the answers survive
// a reload in the same tab (sessionStorage), never in another tab or in localStorage.
// Screenshots go to tests/browser/artifacts/ and /tmp/shots/.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, expectAccessible, gotoApp, screenshot, test, waitForApp } from './support/app';
import { doudiCli } from './support/cli';

const ROOT = path.resolve(__dirname, '..', '..');
const COUPLE = path.join(__dirname, 'fixtures', 'forgiving-couple.json');
const FAMILY_SHOP = path.join(__dirname, 'fixtures', 'forgiving-family-shop.json');
const SHOTS = '/tmp/shots';
const SESSION_KEY = 'doudi.session';
const DRAFT_KEY = 'doudi.draft';
/** A JSON path such as members[0].incomes[0].amount, or caseworker.overrides.x. */
const JSON_PATH = /\w+\[\d+\]|caseworker\.\w+|family\.\w+_\w+/;

let cliProgram = '';

// The CLI of this checkout (support/cli.ts), built once per worker.
test.beforeAll(async () => {
  test.setTimeout(600_000);
  cliProgram = doudiCli();
});

function doudi(command: 'assess' | 'what-if', file: string): any {
  return JSON.parse(execFileSync(cliProgram, [command, file], { cwd: ROOT, encoding: 'utf8', maxBuffer: 16 << 20 }));
}

/** The value at a path such as "programmes[2].timeline[0].amount". */
function at(root: any, pathText: string): unknown {
  return pathText
    .split(/\.|\[|\]/)
    .filter((part) => part !== '')
    .reduce((value, part) => (value == null ? undefined : value[/^\d+$/.test(part) ? Number(part) : part]), root);
}

async function onStep(page: Page, step: number): Promise<void> {
  await expect(page.locator('.app')).toHaveAttribute('data-step', String(step));
}

async function next(page: Page): Promise<void> {
  await page.locator('#next').click();
}

async function answer(scope: Locator, question: string, choice: string): Promise<void> {
  await scope.locator('fieldset.choice', { has: scope.page().locator('legend', { hasText: question }) }).getByLabel(choice, { exact: true }).check();
}

async function shot(target: Page | Locator, name: string): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true });
  await target.screenshot({ path: path.join(SHOTS, name), animations: 'disabled' });
}

async function storage(page: Page): Promise<{ local: string[]; session: string[] }> {
  return page.evaluate(() => ({ local: Object.keys(localStorage), session: Object.keys(sessionStorage) }));
}

/** No JSON path in what the page shows (text, not attributes). */
async function expectNoPath(page: Page): Promise<void> {
  const text = await page.locator('body').innerText();
  expect(text, 'a JSON path shown to a person').not.toMatch(JSON_PATH);
}

test('full-width digits, "元", "¥" and commas are read, shown back, and give the CLI\'s amounts', async ({ page }, testInfo) => {
  await gotoApp(page);
  await page.locator('#date').fill('2026-11-29');
  await next(page);
  await onStep(page, 2);
  await page.locator('fieldset.member[data-member="0"]').getByLabel('年龄（周岁）').fill('４５');
  await expect(page.locator('[data-field="members[0].age"] .understood')).toHaveText('按 45 岁计');
  await page.locator('#add-member').click();
  await page.locator('fieldset.member[data-member="1"]').getByLabel('年龄（周岁）').fill('43岁');
  await expect(page.locator('[data-field="members[1].age"] .understood')).toHaveText('按 43 岁计');
  await next(page);

  await onStep(page, 3);
  const first = page.locator('section.member[data-member="0"]');
  await first.getByRole('button', { name: '＋ 添加一项收入' }).click();
  const wage = first.locator('.income[data-income="0"]');
  await wage.getByLabel('收入类型').selectOption({ label: '工资性收入（工资、务工）' });
  await wage.getByLabel('金额（元）').fill('６００');
  const understood = page.locator('[data-field="members[0].incomes[0].amount"] .understood');
  await expect(understood).toHaveText('按 600 元计');
  await expect(page.locator('[data-field="members[0].incomes[0].amount"] .error')).toHaveCount(0);
  // The hint is tied to the input for screen readers.
  const described = (await wage.getByLabel('金额（元）').getAttribute('aria-describedby')) ?? '';
  expect(described.split(' ')).toContain(await understood.getAttribute('id'));
  await shot(page.locator('[data-field="members[0].incomes[0].amount"]'), 'fullwidth-amount-field-390.png');
  await wage.scrollIntoViewIfNeeded();
  await shot(page, 'fullwidth-amount-390.png');

  const second = page.locator('section.member[data-member="1"]');
  await second.getByRole('button', { name: '＋ 添加一项收入' }).click();
  const farm = second.locator('.income[data-income="0"]');
  await farm.getByLabel('收入类型').selectOption({ label: '经营净收入（种养殖、做生意）' });
  await farm.getByLabel('金额（元）').fill('1200元');
  await expect(farm.locator('.understood')).toHaveText('按 1200 元计');
  await expect(farm.locator('.error')).toHaveCount(0);
  await farm.getByLabel('金额（元）').fill('￥１，２００元');
  await answer(farm, '按月还是按年', '每年');
  await expect(farm.locator('.understood')).toHaveText('按 1200 元计');
  // The rules' own monthly conversion of what was understood.
  await expect(farm.locator('.after')).toHaveText('= 100 元/月');
  await answer(page.locator('section.family'), '家庭财产', '是');
  await expectAccessible(page, testInfo, { name: 'forgiving-understood' });
  await screenshot(page, testInfo, 'forgiving-understood-390.png');
  await next(page);

  await onStep(page, 4);
  // The summary shows what was understood.
  const summary = page.locator('section.summary');
  await expect(summary).toContainText('600 元 每月');
  await expect(summary).toContainText('1200 元 每年');
  await expect(summary).toContainText('45 岁');
  await next(page);

  await onStep(page, 5);
  const expected = { ...doudi('assess', COUPLE), what_if: doudi('what-if', COUPLE) };
  await expect(page.locator('[data-money="total_monthly"]').first()).toHaveText(expected.total_monthly);
  const shown: [string, string][] = await page.$$eval('[data-money]', (elements) =>
    elements.map((element) => [element.getAttribute('data-money') ?? '', (element.textContent ?? '').trim()]),
  );
  expect(shown.length).toBeGreaterThan(3);
  for (const [where, text] of shown) expect(text, `amount at ${where}`).toBe(String(at(expected, where)));

  // Other ways of typing the same amount give the same result.
  for (const typed of ['600元', '¥600', ' 6 0 0 ', '６００.００']) {
    await page.locator('.edits [data-edit="3"]').click();
    await onStep(page, 3);
    await page.locator('section.member[data-member="0"] .income').first().getByLabel('金额（元）').fill(typed);
    await expect(page.locator('[data-field="members[0].incomes[0].amount"] .understood')).toContainText('按 600');
    await page.getByRole('button', { name: '返回结果' }).click();
    await onStep(page, 5);
    await expect(page.locator('[data-money="total_monthly"]').first()).toHaveText(expected.total_monthly);
  }
  // A comma that is not a thousands separator is not guessed at.
  await page.locator('.edits [data-edit="3"]').click();
  const amount = page.locator('section.member[data-member="0"] .income').first().getByLabel('金额（元）');
  await amount.fill('6,0');
  await expect(page.locator('[data-field="members[0].incomes[0].amount"] .error')).toContainText('请只填数字');
  await expect(page.locator('[data-field="members[0].incomes[0].amount"] .understood')).toHaveText('');
  await amount.fill('1,200');
  await expect(page.locator('[data-field="members[0].incomes[0].amount"] .understood')).toHaveText('按 1200 元计');
});

test('a shop the family runs together is entered once for the family, with the rule for a member\'s own income stated, and gives the CLI\'s amounts', async ({ page }, testInfo) => {
  await gotoApp(page);
  await page.locator('#date').fill('2026-11-29');
  await next(page);
  await onStep(page, 2);
  await page.locator('fieldset.member[data-member="0"]').getByLabel('年龄（周岁）').fill('45');
  await page.locator('#add-member').click();
  await page.locator('fieldset.member[data-member="1"]').getByLabel('年龄（周岁）').fill('43');
  await next(page);

  await onStep(page, 3);
  // Each member's income says it is their own; the family's says what goes there and why.
  await expect(page.locator('.step .own-income')).toContainText('每位成员名下只填本人的收入');
  const family = page.locator('section.family');
  await expect(family).toContainText('是否算特困人员、能否单独纳入低保，只看本人名下的收入');
  await family.getByRole('button', { name: '＋ 添加一项全家共同的收入' }).click();
  const shop = family.locator('.income[data-income="0"]');
  // A shared income starts as business income (a farm, a shop).
  await expect(shop.getByLabel('收入类型')).toHaveValue('1');
  await shop.getByLabel('金额（元）').fill('９６００元');
  await answer(shop, '按月还是按年', '每年');
  await expect(page.locator('[data-field="family.incomes[0].amount"] .understood')).toHaveText('按 9600 元计');
  await expect(shop.locator('.after')).toHaveText('= 800 元/月');
  await answer(family, '家庭财产', '是');
  await expectAccessible(page, testInfo, { name: 'family-shared-income' });
  await shop.scrollIntoViewIfNeeded();
  await screenshot(page, testInfo, 'family-shared-income-390.png');
  await next(page);

  await onStep(page, 4);
  await expect(page.locator('section.summary')).toContainText('全家共同的收入');
  await expect(page.locator('section.summary')).toContainText('9600 元 每年');
  await next(page);

  await onStep(page, 5);
  const expected = { ...doudi('assess', FAMILY_SHOP), what_if: doudi('what-if', FAMILY_SHOP) };
  await expect(page.locator('[data-money="total_monthly"]').first()).toHaveText(expected.total_monthly);
  const shown: [string, string][] = await page.$$eval('[data-money]', (elements) =>
    elements.map((element) => [element.getAttribute('data-money') ?? '', (element.textContent ?? '').trim()]),
  );
  expect(shown.length).toBeGreaterThan(3);
  for (const [where, text] of shown) expect(text, `amount at ${where}`).toBe(String(at(expected, where)));
  // The explanation names the family's own income as such.
  const dibao = page.locator('article[data-programme="dibao"]');
  await dibao.locator('details.why > summary').click();
  await expect(dibao).toContainText('全家共同的计入收入');

  // A bad amount is named at its field in words, never as a path.
  await page.locator('.edits [data-edit="3"]').click();
  await onStep(page, 3);
  await page.locator('section.family .income').first().getByLabel('金额（元）').fill('96,0');
  await expect(page.locator('[data-field="family.incomes[0].amount"] .error')).toContainText('请只填数字');
  await page.getByRole('button', { name: '返回结果' }).click();
  const errors = page.locator('.result .problems, section.step .problems').first();
  await expect(errors).toContainText('全家共同的收入 · 第 1 项收入的金额');
  expect((await errors.textContent()) ?? '').not.toMatch(JSON_PATH);
});

test('"500元" at the current dibao, and the answers survive a reload in this tab only', async ({ page, context }) => {
  await gotoApp(page);
  expect((await storage(page)).session, 'nothing kept before an answer').toEqual([]);
  await page.getByLabel('县（区）').selectOption({ label: '略阳县' });
  await next(page);
  await onStep(page, 2);
  await page.getByLabel('称呼（可不填）').fill('奶奶');
  await page.getByLabel('年龄（周岁）').fill('７０');
  await next(page);
  await onStep(page, 3);
  await answer(page.locator('section.family'), '目前正在享受低保', '是');
  await page.getByLabel('目前每月领取的低保金（元）').fill('500元');
  await expect(page.locator('[data-field="family.current_dibao_monthly"] .understood')).toHaveText('按 500 元计');
  await expect(page.locator('[data-field="family.current_dibao_monthly"] .error')).toHaveCount(0);
  await page.getByRole('button', { name: '＋ 添加一项收入' }).click();
  await page.getByLabel('金额（元）').fill('１２００');

  // Kept in this tab only: sessionStorage, never localStorage, no cookie.
  await expect.poll(() => storage(page)).toEqual({ local: [], session: [SESSION_KEY] });
  expect(await page.evaluate(() => document.cookie)).toBe('');
  await expect(page.locator('footer')).toContainText('只保存在这个浏览器标签页中');
  await expect(page.locator('footer')).toContainText('关闭标签页即清除');

  await page.reload();
  await waitForApp(page);
  await expect(page.locator('h1', { hasText: '兜底' })).toBeVisible();
  await onStep(page, 3);
  // As typed, with what was understood.
  await expect(page.getByLabel('金额（元）')).toHaveValue('１２００');
  await expect(page.locator('[data-field="members[0].incomes[0].amount"] .understood')).toHaveText('按 1200 元计');
  await expect(page.getByLabel('目前每月领取的低保金（元）')).toHaveValue('500元');
  await page.getByRole('button', { name: '上一步' }).click();
  await onStep(page, 2);
  await expect(page.getByLabel('称呼（可不填）')).toHaveValue('奶奶');
  await expect(page.getByLabel('年龄（周岁）')).toHaveValue('７０');
  await page.getByRole('button', { name: '上一步' }).click();
  await expect(page.getByLabel('县（区）')).toHaveValue('lueyang');
  // No draft was offered: a reload is not a new visit.
  await expect(page.locator('[data-testid="draft-offer"]')).toHaveCount(0);

  // Another tab starts empty: the answers are this tab's.
  const other = await context.newPage();
  await gotoApp(other);
  await onStep(other, 1);
  await expect(other.getByLabel('县（区）')).toHaveValue('hantai');
  expect(await storage(other)).toEqual({ local: [], session: [] });
  await other.close();

  // "Clear everything" forgets them here too.
  await page.locator('#clear-all').click();
  await page.locator('#confirm-clear').click();
  await onStep(page, 1);
  await expect.poll(() => storage(page)).toEqual({ local: [], session: [] });
  await page.reload();
  await waitForApp(page);
  await expect(page.locator('h1', { hasText: '兜底' })).toBeVisible();
  await expect(page.getByLabel('县（区）')).toHaveValue('hantai');
});

test('a disability type does not choose a grade; the list of what to fix links to the field', async ({ page }, testInfo) => {
  await gotoApp(page);
  await next(page);
  await page.getByLabel('年龄（周岁）').fill('50');
  await next(page);
  await onStep(page, 3);
  await page.getByLabel('残疾（持残疾证）').selectOption({ index: 1 });
  const grade = page.getByLabel('残疾等级');
  await expect(grade).toHaveValue('');
  await expect(grade.locator('option:checked')).toHaveText('请选择等级');
  await page.getByRole('button', { name: '＋ 添加一项收入' }).click();
  await page.getByLabel('金额（元）').fill('abc');
  await next(page);
  await onStep(page, 3);

  // At the field, and listed at the top with a link to each field, in words.
  await expect(page.locator('[data-field="members[0].disability.grade"] .error')).toContainText('请选择残疾等级');
  const summary = page.locator('[data-testid="error-summary"]');
  await expect(summary).toBeVisible();
  await expect(summary.locator('h3')).toHaveText('请先修改以下 2 处：');
  await expect(summary.locator('li')).toHaveText([/成员 1 · 残疾等级：请选择残疾等级/, /成员 1 · 第 1 项收入的金额：请只填数字/]);
  const summaryBox = await summary.boundingBox();
  const titleBox = await page.locator('#step-title').boundingBox();
  expect(summaryBox!.y).toBeLessThan(titleBox!.y + 200);
  await expectNoPath(page);
  await expectAccessible(page, testInfo, { name: 'forgiving-error-summary' });
  await screenshot(page, testInfo, 'forgiving-error-summary-390.png');
  await summary.getByRole('button', { name: /残疾等级/ }).click();
  await expect(grade).toBeFocused();
  await summary.getByRole('button', { name: /收入的金额/ }).click();
  await expect(page.getByLabel('金额（元）')).toBeFocused();

  await grade.selectOption({ label: '2 级' });
  await page.getByLabel('金额（元）').fill('100');
  await expect(summary).toBeHidden();
  await next(page);
  await onStep(page, 4);
  await expect(page.locator('section.summary')).toContainText('2 级');
});

test('no JSON path on the summary, the result or the caseworker page', async ({ page }) => {
  await gotoApp(page, '#example=urban-family-with-grandmother');
  await onStep(page, 4);
  await page.locator('[data-edit="3"]').first().click();
  await onStep(page, 3);
  await page.locator('section.member[data-member="1"] .income').first().getByLabel('金额（元）').fill('六百');
  await page.getByRole('button', { name: '返回核对' }).click();
  await onStep(page, 4);
  const problems = page.locator('section.summary .problems');
  await expect(problems).toContainText('张丽 · 第 1 项收入的金额：请只填数字');
  await expectNoPath(page);
  await next(page);
  await onStep(page, 5);
  await expect(page.locator('.problems')).toContainText('张丽 · 第 1 项收入的金额');
  await expectNoPath(page);
  // The link opens the screen with the field focused.
  await page.locator('.problems').getByRole('button', { name: /第 1 项收入的金额/ }).click();
  await onStep(page, 3);
  const amount = page.locator('section.member[data-member="1"] .income').first().getByLabel('金额（元）');
  await expect(amount).toBeFocused();
  await expect(page.locator('[data-field="members[1].incomes[0].amount"] .error')).toBeVisible();

  // A new page: only the fragment would change, and the mode is read on loading.
  await page.goto('about:blank');
  await gotoApp(page, '#mode=caseworker&example=urban-family-with-grandmother');
  await expect(page.locator('.cw')).toBeVisible();
  await page.locator('.cw-member').nth(0).locator('.income').first().getByLabel('金额（元）').fill('x');
  const cw = page.locator('.cw-result .problems');
  await expect(cw).toContainText('李建军 · 第 1 项收入的金额：请只填数字');
  await expect(cw).not.toContainText('members[');
  await expectNoPath(page);
  await cw.getByRole('button', { name: /第 1 项收入的金额/ }).click();
  await expect(page.locator('.cw-member').nth(0).locator('.income').first().getByLabel('金额（元）')).toBeFocused();
});

test('the 30-member limit is stated before it bites; a 31st member is marked at the list', async ({ page, context }, testInfo) => {
  test.setTimeout(180_000);
  await gotoApp(page);
  await next(page);
  await onStep(page, 2);
  const add = page.locator('#add-member');
  const note = page.locator('#members-note');
  for (let count = 1; count < 30; count += 1) {
    await add.click();
    await expect(page.locator('fieldset.member')).toHaveCount(count + 1);
    if (count + 1 === 24) await expect(note).toHaveCount(0);
  }
  await expect(page.locator('fieldset.member')).toHaveCount(30);
  await expect(add).toBeDisabled();
  await expect(note).toHaveText('已填 30 人，这是最多可填的人数。');
  expect(await add.getAttribute('aria-describedby')).toBe('members-note');
  await add.click({ force: true });
  await expect(page.locator('fieldset.member')).toHaveCount(30);
  await page.locator('[data-field="members"]').scrollIntoViewIfNeeded();
  await shot(page, 'members-limit-390.png');
  await expectAccessible(page, testInfo, { name: 'forgiving-members-limit' });
  // From 25 members on the note says how many at most.
  await page.locator('fieldset.member[data-member="29"]').getByRole('button', { name: '删除此成员' }).click();
  await expect(add).toBeEnabled();
  await expect(note).toHaveText('共同生活的家庭成员最多填 30 人，现在是 29 人。');
  await add.click();

  // A draft of an earlier version of the site could hold 31 members: one more member,
  // as the draft format writes an empty one (17 lines: id, name, age by birth date, age,
  // birth date, relation, no income, no disability, no grade, no illness, studies, tekun,
  // self-care, supporters known, no supporter, own property, employment costs).
  await page.locator('#save-draft').click();
  await expect(page.locator('.draft-status')).toContainText('草稿已保存');
  await page.evaluate((key) => {
    const lines = (localStorage.getItem(key) ?? '').split('\n');
    // Header (4 lines), place and date (6), no override (1), then the members' count.
    expect31(lines[11] === '30');
    lines[11] = '31';
    const nextId = Number(lines[lines.length - 2]);
    // Choices by name (draft format 4): a child, not studying.
    const member = [String(nextId), '', '', '', '', 'child', '0', '', '', '', 'none', '', '', '', '0', '', ''];
    const familyAt = 12 + 30 * 17;
    lines.splice(familyAt, 0, ...member);
    lines[lines.length - 2] = String(nextId + 1);
    localStorage.setItem(key, lines.join('\n'));
    function expect31(ok: boolean) {
      if (!ok) throw new Error('unexpected draft layout');
    }
  }, DRAFT_KEY);
  const later = await context.newPage();
  await gotoApp(later);
  await later.locator('#resume-draft').click();
  await onStep(later, 2);
  await expect(later.locator('fieldset.member')).toHaveCount(31);
  const list = later.locator('[data-field="members"]');
  await expect(list).toHaveClass(/invalid/);
  await expect(list.locator('.error')).toContainText('最多 30 人');
  await expect(list.locator('#members-note')).toHaveText('最多 30 人：请删除多出的成员。');
  await expect(later.locator('#add-member')).toBeDisabled();
  await later.locator('#next').click();
  const summary = later.locator('[data-testid="error-summary"]');
  const over = summary.locator('li', { hasText: '家庭成员人数' });
  await expect(over).toContainText('家庭成员人数：共同生活的成员最多 30 人');
  await expectNoPath(later);
  await over.getByRole('button').click();
  await expect(list).toBeFocused();
  await later.locator('[data-field="members"]').scrollIntoViewIfNeeded();
  await shot(later, 'members-over-390.png');
  await later.locator('fieldset.member[data-member="30"]').getByRole('button', { name: '删除此成员' }).click();
  await expect(list.locator('.error')).toHaveCount(0);
  await expect(later.locator('#members-note')).toHaveText('已填 30 人，这是最多可填的人数。');
  await later.close();
});

test('a date later than today says, under the date and on the result, which standards it is assessed with, in the CLI\'s words', async ({ page }, testInfo) => {
  const household = path.join(testInfo.outputDir, 'future.json');
  fs.mkdirSync(testInfo.outputDir, { recursive: true });
  fs.writeFileSync(household, JSON.stringify({ county: 'hantai', category: 'urban', date: '2027-06-30', members: [{ age: 40 }] }));
  // `doudi assess` says it on stderr, "注意 / note: date", then the Chinese and the English.
  const run = spawnSync(cliProgram, ['assess', household], { cwd: ROOT, encoding: 'utf8' });
  const [, zh] = run.stderr.split('\n').map((line) => line.trim());
  expect(zh, 'the CLI names the standards of a future date').toContain('按 2026-01-01 起执行的标准计算');

  await gotoApp(page);
  const note = page.getByTestId('future-date');
  // Today (the default) and a past date: nothing to say.
  await expect(page.locator('#date')).not.toHaveValue('');
  await expect(note).toHaveCount(0);
  await page.locator('#date').fill('2026-11-29');
  await expect(note).toHaveCount(0);
  await page.locator('#date').fill('2027-06-30');
  await expect(note).toHaveText(zh);
  await shot(page, 'future-date-390.png');
  await next(page);
  await onStep(page, 2);
  await page.locator('fieldset.member[data-member="0"]').getByLabel('年龄（周岁）').fill('40');
  for (const step of [3, 4, 5]) {
    await next(page);
    await onStep(page, step);
  }
  await expect(page.locator('section.result').getByTestId('future-date')).toHaveText(zh);
  await expectAccessible(page, testInfo);
});

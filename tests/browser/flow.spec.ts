// The resident's flow through the built site at phone size (390 px): households from
// examples/ entered screen by screen through the UI (or opened with the site's own
// "try an example" link, #example=NAME), every amount on the result compared with what
// `doudi assess` / `doudi what-if` print for the same JSON, an axe scan of every
// screen, and a screenshot of every screen in tests/browser/artifacts/.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { Locator, Page, TestInfo } from '@playwright/test';
import { expect, gotoApp, screenshot, test } from './support/app';
import { checkScreen as check, enterThroughUi, onStep } from './support/walk';
import { doudiCli } from './support/cli';

const ROOT = path.resolve(__dirname, '..', '..');

// ---- The CLI's answer for a household -------------------------------------------

const cliCache = new Map<string, unknown>();
let cliProgram = '';

// The CLI of this checkout (support/cli.ts), built once per worker.
test.beforeAll(async () => {
  test.setTimeout(600_000);
  cliProgram = doudiCli();
});

/** Runs the doudi CLI (the same rules, native) on a file of examples/. */
/** `doudi assess -` of a household given as an object. */
function doudiJson(household: object): any {
  return JSON.parse(execFileSync(cliProgram, ['assess', '-'], { cwd: ROOT, encoding: 'utf8', input: JSON.stringify(household), maxBuffer: 16 << 20 }));
}

function doudi(command: 'assess' | 'what-if', example: string): any {
  const key = `${command} ${example}`;
  if (!cliCache.has(key)) {
    const file = path.join('examples', `${example}.json`);
    const out = execFileSync(cliProgram, [command, file], { cwd: ROOT, encoding: 'utf8', maxBuffer: 16 << 20 });
    cliCache.set(key, JSON.parse(out));
  }
  return cliCache.get(key);
}

/** The value at a path such as "programmes[2].timeline[0].amount". */
function at(root: any, pathText: string): unknown {
  return pathText
    .split(/\.|\[|\]/)
    .filter((part) => part !== '')
    .reduce((value, part) => (value == null ? undefined : value[/^\d+$/.test(part) ? Number(part) : part]), root);
}

/** Every amount on the result page (each marked with its path in the assessment or in
 * `what_if`) must equal the CLI's, and every amount the CLI gives must be on the page. */
async function expectAmountsMatchCli(page: Page, example: string): Promise<number> {
  const assessment = doudi('assess', example);
  const curve = doudi('what-if', example);
  const expected = { ...assessment, what_if: curve };
  const shown: [string, string][] = await page.$$eval('[data-money]', (elements) =>
    elements.map((element) => [element.getAttribute('data-money') ?? '', (element.textContent ?? '').trim()]),
  );
  expect(shown.length, 'amounts on the page').toBeGreaterThan(0);
  for (const [where, text] of shown) {
    expect(text, `amount at ${where}`).toBe(String(at(expected, where)));
  }
  const paths = new Set(shown.map(([where]) => where));
  expect(paths.has('total_monthly')).toBe(true);
  if (assessment.total_monthly_min !== undefined) expect(paths.has('total_monthly_min')).toBe(true);
  assessment.programmes.forEach((outcome: any, index: number) => {
    for (const field of ['monthly', 'monthly_min', 'monthly_max']) {
      if (outcome[field] !== undefined) expect(paths.has(`programmes[${index}].${field}`), `programmes[${index}].${field}`).toBe(true);
    }
    (outcome.timeline ?? []).forEach((_: unknown, month: number) =>
      expect(paths.has(`programmes[${index}].timeline[${month}].amount`)).toBe(true),
    );
    outcome.steps.forEach((step: any, stepAt: number) =>
      step.params.forEach((_: unknown, paramAt: number) =>
        expect(paths.has(`programmes[${index}].steps[${stepAt}].params[${paramAt}].value`)).toBe(true),
      ),
    );
  });
  expect(paths.has('what_if.dibao_line')).toBe(true);
  // The cards show the rules' statuses, one card per outcome.
  for (const [index, outcome] of assessment.programmes.entries()) {
    const card = page.locator(`article.programme[data-index="${index}"]`);
    await expect(card).toHaveAttribute('data-status', outcome.status);
    await expect(card).toHaveAttribute('data-programme', outcome.programme);
  }
  return shown.length;
}

// ---- Screens ---------------------------------------------------------------------

async function next(page: Page): Promise<void> {
  await page.locator('#next').click();
}

/** A radio answer inside `scope`, by the question and the answer's words. */
async function answer(scope: Locator, question: string, choice: string): Promise<void> {
  await scope.locator('fieldset.choice', { has: scope.page().locator('legend', { hasText: question }) }).getByLabel(choice, { exact: true }).check();
}

// ---- The households --------------------------------------------------------------

test('urban family with top-ups, entered through every screen', async ({ page }, testInfo) => {
  await enterThroughUi(page, testInfo, 'urban-family', {
    county: '汉台区',
    rural: false,
    date: '2026-11-29',
    cpi: '0.8',
    foodCpi: '1.5',
    property: true,
    members: [
      { name: '李建军', age: '42', relation: '申请人本人', incomes: [{ kind: '工资性收入（工资、务工）', amount: '900' }] },
      { name: '张丽', age: '40', relation: '配偶', incomes: [{ kind: '工资性收入（工资、务工）', amount: '600' }] },
      {
        name: '刘桂兰',
        age: '78',
        relation: '父母',
        incomes: [{ kind: '城乡居民基础养老金', amount: '200' }],
        supporterAtHome: '李建军',
      },
      {
        name: '李小雨',
        age: '12',
        relation: '子女',
        student: '义务教育（小学、初中）',
        supporterAtHome: '李建军',
      },
    ],
  });
  // The grandmother lives with her son (42) and the child with her parents: able legal
  // supporters at home, so neither is asked a tekun question, and the amounts are those
  // of the example, whose supporters are given as able.
  const count = await expectAmountsMatchCli(page, 'urban-family-with-grandmother');
  expect(count).toBeGreaterThan(10);
  await expect(page.locator('.total .disclaimer')).toContainText('估算结果，以当地民政部门审核为准');
  await expect(page.locator('.what-if .headroom')).toContainText('每月都发的救助会从');
  // The "why" of dibao: the trace with its parameters and their basis.
  const dibao = page.locator('article[data-programme="dibao"]');
  await dibao.locator('details.why > summary').click();
  await expect(dibao.locator('.trace-step').first()).toBeVisible();
  await expect(dibao.locator('.param .badge').first()).toBeVisible();
  await check(page, testInfo, 'urban-family-5-result-390');
});

test('rural elderly couple with an assigned tier, entered through every screen', async ({ page }, testInfo) => {
  await enterThroughUi(page, testInfo, 'rural-tier', {
    county: '洋县',
    rural: true,
    date: '2026-11-29',
    tier: 'B',
    cpi: '0.8',
    foodCpi: '1.5',
    property: true,
    members: [
      {
        name: '赵德明',
        age: '71',
        relation: '申请人本人',
        incomes: [
          { kind: '经营净收入（种养殖、做生意）', amount: '3600', yearly: true },
          { kind: '城乡居民基础养老金', amount: '200' },
        ],
        supporters: [{ name: '赵强', situation: '有赡养（抚养、扶养）能力' }],
        ownProperty: true,
      },
      {
        name: '孙桂芳',
        age: '66',
        relation: '配偶',
        incomes: [{ kind: '城乡居民基础养老金', amount: '200' }],
        supporters: [{ name: '赵强', situation: '有赡养（抚养、扶养）能力' }],
        ownProperty: true,
      },
    ],
  });
  await expectAmountsMatchCli(page, 'rural-elderly-couple-tier');
  await expect(page.locator('article[data-programme="dibao"] .level .tag')).toHaveText('B档');
  await check(page, testInfo, 'rural-tier-5-result-390');
});

test('a tekun person with partial care, entered through every screen', async ({ page }, testInfo) => {
  await enterThroughUi(page, testInfo, 'tekun-partial', {
    county: '城固县',
    rural: false,
    date: '2026-11-29',
    cpi: '0.8',
    foodCpi: '1.5',
    property: true,
    members: [
      {
        name: '王秀英',
        age: '81',
        relation: '申请人本人',
        incomes: [
          { kind: '城乡居民基础养老金', amount: '200' },
          { kind: '高龄津贴', amount: '100' },
        ],
        supporters: [{ name: '刘强', situation: '在监狱服刑' }],
        ownProperty: true,
        selfCare: [true, true, true, true, false, false],
      },
    ],
  });
  await expectAmountsMatchCli(page, 'tekun-partial-care');
  await expect(page.locator('article[data-programme="tekun"] .level .tag')).toHaveText('半护理');
  await check(page, testInfo, 'tekun-partial-5-result-390');
});

// The other households open through the site's "try an example" link.
const OPENED = [
  { example: 'rural-family-estimated-tier', check: async (page: Page) => expect(page.locator('.total .range')).toBeVisible() },
  { example: 'tekun-self-care', check: async (page: Page) => expect(page.locator('article[data-programme="tekun"] .level .tag')).toHaveText('全自理') },
  { example: 'tekun-full-care', check: async (page: Page) => expect(page.locator('article[data-programme="tekun"] .level .tag')).toHaveText('全护理') },
  {
    example: 'single-person-severe-disability',
    check: async (page: Page) => expect(page.locator('article[data-programme="single_person"][data-status="eligible"]')).toBeVisible(),
  },
  {
    example: 'gradual-exit',
    check: async (page: Page) => {
      const card = page.locator('article[data-programme="gradual_exit"]');
      await expect(card).toHaveAttribute('data-status', 'eligible');
      await expect(card.locator('table.timeline tbody tr')).toHaveCount(doudi('assess', 'gradual-exit').programmes.find((p: any) => p.programme === 'gradual_exit').timeline.length);
    },
  },
  {
    example: 'marginal-family',
    check: async (page: Page) => expect(page.locator('article[data-programme="marginal_family"][data-status="eligible"]')).toBeVisible(),
  },
];

for (const { example, check: extra } of OPENED) {
  test(`example ${example}: summary and result match the CLI`, async ({ page }, testInfo) => {
    await gotoApp(page, `#example=${example}`);
    await onStep(page, 4);
    await check(page, testInfo, `${example}-4-summary-390`);
    await next(page);
    await onStep(page, 5);
    await expectAmountsMatchCli(page, example);
    await extra(page);
    await check(page, testInfo, `${example}-5-result-390`);
  });
}

// ---- Behaviour ----------------------------------------------------------------------

test('bad input is kept, named at its field in both languages, and blocks only Next', async ({ page }, testInfo) => {
  await gotoApp(page);
  await next(page);
  await onStep(page, 2);
  await next(page); // no age yet
  await onStep(page, 2);
  const age = page.getByLabel('年龄（周岁）');
  await expect(page.locator('[data-field="members[0].age"] .error')).toContainText('请填写年龄');
  await expect(age).toBeFocused();
  await age.fill('4O');
  await expect(page.locator('[data-field="members[0].age"] .error')).toContainText('整数');
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('[data-field="members[0].age"] .error')).toContainText('whole number');
  await check(page, testInfo, 'error-members-en-390');
  await page.getByRole('button', { name: /Switch to Chinese/ }).click();
  await page.getByRole('button', { name: '上一步' }).click();
  await onStep(page, 1);
  await next(page);
  await expect(page.getByLabel('年龄（周岁）')).toHaveValue('4O');
  await page.getByLabel('年龄（周岁）').fill('45');
  await next(page);
  await onStep(page, 3);
  await page.getByRole('button', { name: '＋ 添加一项收入' }).click();
  await page.getByLabel('金额（元）').fill('-5');
  await expect(page.locator('[data-field="members[0].incomes[0].amount"] .error')).toContainText('负数');
  await page.getByLabel('金额（元）').fill('6000');
  await answer(page.locator('.income'), '按月还是按年', '每年');
  // The rules' own conversion of a yearly amount.
  await expect(page.locator('.income .after')).toHaveText('= 500 元/月');
  await check(page, testInfo, 'income-yearly-390');
});

test('result in English and large text; edits return to the result; translated text nodes do not break the page', async ({ page }, testInfo) => {
  await gotoApp(page, '#example=urban-family-with-grandmother');
  await next(page);
  await onStep(page, 5);
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('.total h2')).toHaveText('Paid every month');
  await expectAmountsMatchCli(page, 'urban-family-with-grandmother');
  await check(page, testInfo, 'urban-family-5-result-en-390');
  await page.getByRole('button', { name: 'Elder mode: large text, wide spacing, read aloud' }).click();
  await expect(page.locator('.app')).toHaveClass(/large/);
  await screenshot(page, testInfo, 'urban-family-5-result-large-390.png');
  await page.getByRole('button', { name: 'Elder mode: large text, wide spacing, read aloud' }).click();
  await page.getByRole('button', { name: /Switch to Chinese/ }).click();

  // An edit from the result comes back to it, and the result follows the change.
  await page.locator('.edits [data-edit="3"]').click();
  await onStep(page, 3);
  const amount = page.locator('section.member[data-member="0"] .income').first().getByLabel('金额（元）');
  await amount.fill('1900');
  await page.getByRole('button', { name: '返回结果' }).click();
  await onStep(page, 5);
  await expect(page.locator('[data-money="total_monthly"]')).not.toHaveText(String(doudi('assess', 'urban-family-with-grandmother').total_monthly));

  // A browser's translation rewrites text nodes; the page must keep working.
  await page.evaluate(() => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) node.textContent = `[译] ${node.textContent}`;
  });
  await page.locator('.edits [data-edit="1"]').click();
  await onStep(page, 1);
  await page.locator('#next').click();
  await onStep(page, 2);
});

test("the phone's Back button goes to the previous screen and keeps the answers", async ({ page }) => {
  await gotoApp(page);
  await page.getByLabel('县（区）').selectOption({ label: '略阳县' });
  await next(page);
  await onStep(page, 2);
  await page.getByLabel('年龄（周岁）').fill('66');
  await next(page);
  await onStep(page, 3);
  await page.goBack();
  await onStep(page, 2);
  await expect(page.getByLabel('年龄（周岁）')).toHaveValue('66');
  await page.goBack();
  await onStep(page, 1);
  await expect(page.getByLabel('县（区）')).toHaveValue('lueyang');
  await page.goForward();
  await onStep(page, 2);
});

test('screens also work on a desktop width', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await gotoApp(page, '#example=gradual-exit');
  await next(page);
  await onStep(page, 5);
  await check(page, testInfo, 'gradual-exit-5-result-1280');
});

test('a child is asked no tekun question while an able parent lives at home, and is asked once the parent is severely disabled', async ({ page }, testInfo) => {
  await gotoApp(page);
  await next(page);
  await onStep(page, 2);
  await page.locator('fieldset.member[data-member="0"]').getByLabel('年龄（周岁）').fill('40');
  await page.locator('#add-member').click();
  const second = page.locator('fieldset.member[data-member="1"]');
  await second.getByLabel('年龄（周岁）').fill('8');
  await second.getByLabel('与申请人的关系').selectOption({ label: '子女' });
  await next(page);
  await onStep(page, 3);
  const parent = page.locator('section.member[data-member="0"]');
  const child = page.locator('section.member[data-member="1"]');
  await expect(child.getByTestId('tekun-at-home')).toContainText('（成员 1）同住');
  await expect(child.locator('.tekun')).toHaveCount(0);
  // Only "tekun now" stays (it also says whether this member can support others).
  await expect(child.locator('.tekun-at-home input[type="checkbox"]')).toHaveCount(1);
  await expect(child.locator('fieldset.self-care, .supporter')).toHaveCount(0);
  await check(page, testInfo, 'ask-less-child-at-home-390');
  // The parent's grade-1 disability: no longer able by what the household says, so the
  // child's supporters elsewhere, self-care and property may decide; both are asked.
  await parent.getByLabel('残疾（持残疾证）').selectOption({ index: 1 });
  await parent.getByLabel('残疾等级').selectOption({ label: '1 级' });
  await expect(child.getByTestId('tekun-at-home')).toHaveCount(0);
  await expect(child.locator('.tekun')).toBeVisible();
  await expect(parent.locator('.tekun')).toBeVisible();
  // And the CLI agrees on both sides: the child's tekun supporters criterion.
  const base = { county: 'hantai', category: 'urban', date: new Date().toISOString().slice(0, 10) };
  const able = doudiJson({ ...base, members: [{ age: 40 }, { age: 8, relation: 'child' }] });
  const disabled = doudiJson({ ...base, members: [{ age: 40, disability: { kind: 'physical', grade: 1 } }, { age: 8, relation: 'child' }] });
  const supporters = (assessment: any) =>
    assessment.programmes.find((outcome: any) => outcome.programme === 'tekun' && outcome.member === 1).criteria.find((criterion: any) => criterion.id === 'supporters').state;
  expect(supporters(able)).toBe('not_met');
  expect(supporters(disabled)).toBe('unknown');
});

// Eight households of shapes the other tests do not walk (issue 11), entered through
// every screen at 390 px as a resident would, with an axe scan and a screenshot of each
// screen: the five of the issue (an urban couple with a child; a rural widow of 74
// alone; a rural family of five with a severely disabled father and the family's farm
// income; a family on dibao whose wages rose; a 62-year-old alone who cannot bathe), a
// rural family of six, a woman of 100 alone, and an urban couple whose wife is seriously
// ill. For each, every amount on the result (the cards, the chart, its table and the
// printed sheet) equals `doudi assess` / `doudi what-if` of the same household
// (tests/browser/fixtures/walk/NAME.json), the chart's current point is the headline's,
// and the sheet prints on at most two A4 pages. The taps each walk took (every click,
// choice and field filled in) go to artifacts/tap-counts.json.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { ARTIFACTS, expect, test } from './support/app';
import { pressPrint, printToPdf } from './support/print';
import { enterThroughUi, type HouseholdEntry } from './support/walk';
import { doudiCli } from './support/cli';

const ROOT = path.resolve(__dirname, '..', '..');
const FIXTURES = path.join(__dirname, 'fixtures', 'walk');
let cliProgram = '';

// The CLI of this checkout (support/cli.ts), built once per worker.
test.beforeAll(async () => {
  test.setTimeout(600_000);
  cliProgram = doudiCli();
});

function cli(name: string): any {
  const file = path.join(FIXTURES, `${name}.json`);
  const run = (command: string) => JSON.parse(execFileSync(cliProgram, [command, file], { cwd: ROOT, encoding: 'utf8', maxBuffer: 16 << 20 }));
  return { ...run('assess'), what_if: run('what-if') };
}

/** The value at a path such as "programmes[2].timeline[0].amount". */
function at(root: any, pathText: string): unknown {
  return pathText
    .split(/\.|\[|\]/)
    .filter((part) => part !== '')
    .reduce((value, part) => (value == null ? undefined : value[/^\d+$/.test(part) ? Number(part) : part]), root);
}

const WAGES = '工资性收入（工资、务工）';
const BUSINESS = '经营净收入（种养殖、做生意）';
const BASIC_PENSION = '城乡居民基础养老金';
const SCHOOL = '义务教育（小学、初中）';
const ABLE = '有赡养（抚养、扶养）能力';
const ALL_SIX_BUT_BATHING = [true, true, true, true, true, false];

const WALKS: Record<string, HouseholdEntry> = {
  'urban-couple-with-a-child': {
    county: '汉台区',
    rural: false,
    date: '2026-11-29',
    property: true,
    members: [
      { name: '张伟', age: '35', relation: '申请人本人', incomes: [{ kind: WAGES, amount: '1500' }] },
      { name: '王芳', age: '33', relation: '配偶' },
      { name: '张小宝', age: '6', relation: '子女', supporterAtHome: '张伟' },
    ],
  },
  'rural-widow-of-74-alone': {
    county: '西乡县',
    rural: true,
    date: '2026-11-29',
    property: true,
    members: [
      {
        name: '李秀兰',
        age: '74',
        relation: '申请人本人',
        incomes: [{ kind: BASIC_PENSION, amount: '200' }],
        supporters: [{ name: '儿子', situation: ABLE }],
      },
    ],
  },
  'rural-family-of-five-disabled-father-farm': {
    county: '洋县',
    rural: true,
    date: '2026-11-29',
    property: true,
    povertyAlleviated: true,
    shared: [{ kind: BUSINESS, amount: '9600', yearly: true }],
    members: [
      { name: '父亲', age: '50', relation: '申请人本人', disability: { kind: '肢体残疾', grade: '1 级' }, supporterAtHome: '母亲' },
      { name: '母亲', age: '48', relation: '配偶' },
      { name: '大儿子', age: '20', relation: '子女', incomes: [{ kind: WAGES, amount: '1500' }] },
      { name: '女儿', age: '15', relation: '子女', student: SCHOOL },
      { name: '小儿子', age: '10', relation: '子女', student: SCHOOL },
    ],
  },
  'family-on-dibao-whose-wages-rose': {
    county: '南郑区',
    rural: false,
    date: '2026-11-29',
    property: true,
    currentDibao: '1200',
    members: [
      { name: '吴海涛', age: '38', relation: '申请人本人', incomes: [{ kind: WAGES, amount: '2400' }] },
      { name: '郑晓燕', age: '36', relation: '配偶', incomes: [{ kind: WAGES, amount: '600' }] },
      { name: '吴子涵', age: '9', relation: '子女', student: SCHOOL },
    ],
  },
  'aged-62-alone-cannot-bathe': {
    county: '城固县',
    rural: false,
    date: '2026-11-29',
    property: true,
    members: [{ name: '陈建国', age: '62', relation: '申请人本人', supporters: 'none', ownProperty: true, selfCare: ALL_SIX_BUT_BATHING }],
  },
  'rural-family-of-six': {
    county: '勉县',
    rural: true,
    date: '2026-11-29',
    property: true,
    members: [
      { name: '王建华', age: '45', relation: '申请人本人', incomes: [{ kind: WAGES, amount: '2000' }] },
      { name: '刘梅', age: '43', relation: '配偶', incomes: [{ kind: BUSINESS, amount: '3000', yearly: true }] },
      { name: '王大爷', age: '72', relation: '父母', incomes: [{ kind: BASIC_PENSION, amount: '200' }], supporterAtHome: '王建华' },
      { name: '王奶奶', age: '70', relation: '父母', incomes: [{ kind: BASIC_PENSION, amount: '200' }], supporterAtHome: '王建华' },
      { name: '王小明', age: '16', relation: '子女', student: '普通高中' },
      { name: '王小红', age: '12', relation: '子女', student: SCHOOL },
    ],
  },
  'aged-100-alone': {
    county: '留坝县',
    rural: true,
    date: '2026-11-29',
    property: true,
    members: [
      {
        name: '赵老太',
        age: '100',
        relation: '申请人本人',
        incomes: [
          { kind: BASIC_PENSION, amount: '200' },
          { kind: '高龄津贴', amount: '300' },
        ],
        supporters: 'none',
        ownProperty: true,
        selfCare: [false, false, false, false, false, false],
      },
    ],
  },
  'urban-couple-wife-seriously-ill': {
    county: '汉台区',
    rural: false,
    date: '2026-11-29',
    property: true,
    members: [
      { name: '孙强', age: '50', relation: '申请人本人', incomes: [{ kind: WAGES, amount: '2000' }] },
      { name: '周丽', age: '48', relation: '配偶', illness: '终末期肾病' },
    ],
  },
};

/** Every amount on the page (by its path) equals the CLI's; the paths seen. */
async function expectAmountsMatch(page: Page, expected: any): Promise<Set<string>> {
  const shown: [string, string][] = await page.$$eval('[data-money]', (elements) =>
    elements.map((element) => [element.getAttribute('data-money') ?? '', (element.textContent ?? '').trim()]),
  );
  expect(shown.length).toBeGreaterThan(5);
  for (const [where, text] of shown) expect(text, `amount at ${where}`).toBe(String(at(expected, where)));
  return new Set(shown.map(([where]) => where));
}

function recordTaps(name: string, taps: number): void {
  const file = path.join(ARTIFACTS, 'tap-counts.json');
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  let counts: Record<string, number> = {};
  try {
    counts = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    // The first walk of the run writes the file.
  }
  counts[name] = taps;
  fs.writeFileSync(file, `${JSON.stringify(counts, null, 2)}\n`);
  console.log(`taps, ${name}: ${taps}`);
}

for (const [name, entry] of Object.entries(WALKS)) {
  test(`walked through every screen, every amount, the chart and the sheet are the CLI's: ${name}`, async ({ page }, testInfo) => {
    test.setTimeout(120_000);
    const taps = await enterThroughUi(page, testInfo, `walk-${name}`, entry);
    recordTaps(name, taps);
    const expected = cli(name);

    // The headline, the cards, the chart, its table and the printed sheet.
    const paths = await expectAmountsMatch(page, expected);
    expect(paths.has('total_monthly')).toBe(true);
    expect(paths.has('what_if.current.money')).toBe(true);
    for (const [index, outcome] of expected.programmes.entries()) {
      const card = page.locator(`article.programme[data-index="${index}"]`);
      await expect(card).toHaveAttribute('data-status', outcome.status);
    }
    // The chart's current point is the headline.
    expect(expected.what_if.current.support).toBe(expected.total_monthly);
    await expect(page.locator('.what-if .legend [data-money="what_if.current.support"]')).toHaveText(expected.total_monthly);
    await expect(page.locator('.what-if svg [data-money="what_if.current.money"]')).toHaveText(expected.what_if.current.money);

    // The printed sheet: the same total, on at most two A4 pages.
    await pressPrint(page);
    await page.emulateMedia({ media: 'print' });
    const sheet = page.locator('.print-sheet');
    await expect(sheet).toBeVisible();
    await expect(sheet.locator('[data-print-money="total_monthly"]')).toHaveText(expected.total_monthly);
    const printed: [string, string][] = await sheet.locator('[data-print-money]').evaluateAll((elements) =>
      elements.map((element) => [element.getAttribute('data-print-money') ?? '', (element.textContent ?? '').trim()]),
    );
    // An outcome without an amount prints an empty cell; an outcome's amount within a
    // range (an estimated tier) prints the range, the total its estimate.
    for (const [where, text] of printed) {
      const min = at(expected, `${where}_min`);
      const max = at(expected, `${where}_max`);
      const wanted = [String(at(expected, where) ?? '')];
      if (min !== undefined && max !== undefined) wanted.push(`${min}–${max}`);
      expect(wanted, `printed amount at ${where}: ${text}`).toContain(text);
    }
    expect(await printToPdf(page, testInfo, `walk-${name}`)).toBeLessThanOrEqual(2);
    await page.emulateMedia({ media: 'screen' });
  });
}

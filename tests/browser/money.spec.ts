// Money that comes every month, and money that does not, at phone size (390 px): the
// result's headline is the rules' `total_monthly` (dibao, the single-person route,
// tekun: one route per person); the gradual exit (for a limited period) and the price
// subsidy (only in months when the CPI trigger is met) are shown apart from it, never
// added; an alternative route is marked as not added; notices lead to the screen where
// the answer is changed; the next steps come before the programmes. Each figure is
// compared with `doudi assess` (and `doudi what-if`) for the same JSON, on screen and on
// the printed sheet; screenshots go to tests/browser/artifacts/.
//
// Households: examples/gradual-exit.json (opened with #example=), and the fixtures in
// tests/browser/fixtures/ (opened through a share link made here as the site makes it:
// `#s1.` + base64url(raw deflate(JSON))).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page, TestInfo } from '@playwright/test';
import { ARTIFACTS, expect, expectAccessible, gotoApp, screenshot, shareFragmentOf, test } from './support/app';
import { pressPrint } from './support/print';
import { doudiCli } from './support/cli';

const ROOT = path.resolve(__dirname, '..', '..');
const FIXTURES = path.join(__dirname, 'fixtures');
let cliProgram = '';

// The CLI of this checkout (support/cli.ts), built once per worker.
test.beforeAll(async () => {
  test.setTimeout(600_000);
  cliProgram = doudiCli();
});

interface Household {
  name: string;
  file: string;
  /** How the page opens it: the site's own example link, or a share link. */
  open: 'example' | 'link';
}

const HOUSEHOLDS: Record<string, Household> = {
  gradualExit: { name: 'gradual-exit', file: path.join('examples', 'gradual-exit.json'), open: 'example' },
  gradualExitAlternative: { name: 'gradual-exit-single-person', file: path.join(FIXTURES, 'gradual-exit-single-person.json'), open: 'link' },
  priceSubsidy: { name: 'price-subsidy-trigger', file: path.join(FIXTURES, 'price-subsidy-trigger.json'), open: 'link' },
  priceMonthUnknown: { name: 'price-subsidy-month-unknown', file: path.join(FIXTURES, 'price-subsidy-month-unknown.json'), open: 'link' },
  questionsOpen: { name: 'tekun-questions-open', file: path.join(FIXTURES, 'tekun-questions-open.json'), open: 'link' },
  tekunRange: { name: 'tekun-care-not-assessed', file: path.join(FIXTURES, 'tekun-care-not-assessed.json'), open: 'link' },
};

const cache = new Map<string, any>();

/** The rules' one table of labels (crates/rules/src/labels.rs), which the CLI and the
 * site both read: `label('Payment', 'TimeLimited')`, `label('ALTERNATIVE')`. */
function label(kind: string, variant?: string): { zh: string; en: string } {
  const source = fs.readFileSync(path.join(ROOT, 'crates', 'rules', 'src', 'labels.rs'), 'utf8');
  const pattern = variant
    ? new RegExp(`${kind}::${variant}\\s*=>\\s*Label::new\\(\\s*"([^"]*)",\\s*"([^"]*)"`)
    : new RegExp(`const ${kind}: Label = Label::new\\(\\s*"([^"]*)",\\s*"([^"]*)"`);
  const found = pattern.exec(source);
  if (!found) throw new Error(`no label ${kind}${variant ? `::${variant}` : ''} in labels.rs`);
  return { zh: found[1], en: found[2] };
}

/** The variant of an id: "time_limited" → "TimeLimited". */
function variantOf(id: string): string {
  return id.replace(/(^|_)([a-z])/g, (_, __, letter: string) => letter.toUpperCase());
}

/** `doudi assess FILE`, with `doudi what-if FILE` as `what_if`. */
function cli(household: Household): any {
  if (!cache.has(household.file)) {
    const run = (command: string) =>
      JSON.parse(execFileSync(cliProgram, [command, household.file], { cwd: ROOT, encoding: 'utf8', maxBuffer: 16 << 20 }));
    cache.set(household.file, { ...run('assess'), what_if: run('what-if') });
  }
  return cache.get(household.file);
}

/** The value at a path such as "programmes[2].timeline[0].amount". */
function at(root: any, pathText: string): unknown {
  return pathText
    .split(/\.|\[|\]/)
    .filter((part) => part !== '')
    .reduce((value, part) => (value == null ? undefined : value[/^\d+$/.test(part) ? Number(part) : part]), root);
}

/** A share link's fragment for a household (support/app.ts, `shareFragmentOf`). */
function shareFragment(household: Household): string {
  return shareFragmentOf(JSON.parse(fs.readFileSync(path.resolve(ROOT, household.file), 'utf8')), cli(household));
}

async function onStep(page: Page, step: number): Promise<void> {
  await expect(page.locator('.app')).toHaveAttribute('data-step', String(step));
}

async function openResult(page: Page, household: Household): Promise<void> {
  if (household.open === 'example') {
    await gotoApp(page, `#example=${household.name}`);
    await onStep(page, 4);
    await page.locator('#next').click();
  } else {
    await gotoApp(page, `#${shareFragment(household)}`);
  }
  await onStep(page, 5);
}

/** Every amount on the page equals the CLI's (by its path in the assessment). */
async function expectAmountsMatch(page: Page, expected: any): Promise<Set<string>> {
  const shown: [string, string][] = await page.$$eval('[data-money]', (elements) =>
    elements.map((element) => [element.getAttribute('data-money') ?? '', (element.textContent ?? '').trim()]),
  );
  expect(shown.length).toBeGreaterThan(5);
  for (const [where, text] of shown) expect(text, `amount at ${where}`).toBe(String(at(expected, where)));
  return new Set(shown.map(([where]) => where));
}

/** The split on screen: the headline is total_monthly; time-limited and conditional money
 * each apart, below the headline, equal to the CLI's, never inside the headline. */
async function expectSplit(page: Page, expected: any): Promise<void> {
  const total = page.locator('[data-testid="total"]');
  await expect(total.locator('h2')).toHaveText('每月按月可得');
  const headline = total.locator('.big');
  await expect(headline.locator('[data-money="total_monthly"]')).toHaveText(expected.total_monthly);
  // The headline holds one figure: the monthly one.
  await expect(headline.locator('[data-money]')).toHaveCount(1);
  if (expected.total_monthly_min !== undefined) {
    await expect(total.locator('.range [data-money="total_monthly_min"]')).toHaveText(expected.total_monthly_min);
    await expect(total.locator('.range [data-money="total_monthly_max"]')).toHaveText(expected.total_monthly_max);
  } else {
    await expect(total.locator('.range')).toHaveCount(0);
  }
  // Range notes of the counted outcomes.
  for (const outcome of expected.programmes) {
    const counted = outcome.status === 'eligible' && outcome.alternative === undefined;
    if (counted && outcome.range_note) await expect(total.locator('.range-notes')).toContainText(outcome.range_note.zh);
  }

  const limited = total.locator('[data-testid="time-limited"]');
  if (expected.time_limited) {
    await expect(limited.locator('[data-money="time_limited.monthly"]')).toHaveText(expected.time_limited.monthly);
    await expect(limited).toHaveAttribute('data-months', String(expected.time_limited.months));
    await expect(limited).toHaveAttribute('data-last', expected.time_limited.last_month);
    await expect(limited).toContainText('限期发放（不计入每月合计）');
    await expect(limited).toContainText(expected.time_limited.text.zh);
  } else {
    await expect(limited).toHaveCount(0);
  }
  const conditional = total.locator('[data-testid="conditional"]');
  if (expected.conditional) {
    await expect(conditional.locator('[data-money="conditional.monthly"]')).toHaveText(expected.conditional.monthly);
    await expect(conditional).toContainText('有条件发放（不计入每月合计）');
    await expect(conditional).toContainText(expected.conditional.text.zh);
  } else {
    await expect(conditional).toHaveCount(0);
  }
  // Apart means below the headline, not beside it.
  if (expected.time_limited || expected.conditional) {
    const big = await headline.boundingBox();
    const apart = await total.locator('[data-testid="apart"]').boundingBox();
    expect(apart!.y).toBeGreaterThanOrEqual(big!.y + big!.height);
  }

  // The cards: how each is paid, and the alternatives marked as not added.
  for (const [index, outcome] of expected.programmes.entries()) {
    const card = page.locator(`article.programme[data-index="${index}"]`);
    await expect(card).toHaveAttribute('data-status', outcome.status);
    await expect(card).toHaveAttribute('data-payment', outcome.payment);
    if (outcome.alternative) {
      await expect(card).toHaveAttribute('data-alternative', 'true');
      await expect(card.locator('.tag.alt')).toHaveText(label('ALTERNATIVE').zh);
      await expect(card.locator('.alternative-text')).toHaveText(outcome.alternative.zh);
    } else {
      await expect(card.locator('.tag.alt')).toHaveCount(0);
    }
    if (outcome.monthly !== undefined && outcome.payment !== 'monthly') {
      await expect(card.locator('.tag.pay')).toHaveText(label('Payment', variantOf(outcome.payment)).zh);
    } else {
      await expect(card.locator('.tag.pay')).toHaveCount(0);
    }
    await expect(card.locator('.card-head .status')).toHaveText(label('Status', variantOf(outcome.status)).zh);
    if (outcome.range_note && outcome.monthly_min !== undefined) await expect(card.locator('.range-note')).toHaveText(outcome.range_note.zh);
  }

  // The next steps, as the rules give them, before the first programme.
  const next = page.locator('[data-testid="next-steps"]');
  await expect(next.locator('h2')).toHaveText('下一步怎么办');
  await expect(next.locator('li')).toHaveText(expected.next_steps.map((step: any) => step.zh));
  const nextBox = await next.boundingBox();
  const firstCard = await page.locator('article.programme').first().boundingBox();
  expect(nextBox!.y).toBeLessThan(firstCard!.y);
}

async function check(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await expectAccessible(page, testInfo, { name });
  await screenshot(page, testInfo, `${name}.png`);
}

test('a family on gradual exit: nothing every month, the gradual exit apart with its months', async ({ page }, testInfo) => {
  const household = HOUSEHOLDS.gradualExit;
  const expected = cli(household);
  expect(expected.time_limited, 'the CLI reports the gradual exit apart').toBeTruthy();
  await openResult(page, household);
  const paths = await expectAmountsMatch(page, expected);
  expect(paths.has('time_limited.monthly')).toBe(true);
  expect(paths.has('what_if.dibao_line')).toBe(true);
  await expectSplit(page, expected);
  await expect(page.locator('[data-testid="total"]')).toContainText('暂时没有每月长期发放的金额');
  await check(page, testInfo, 'money-gradual-exit-390');

  // The same split in English, in the English words.
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await expect(page.locator('.total h2')).toHaveText('Paid every month');
  await expect(page.locator('[data-testid="time-limited"]')).toContainText('For a limited period (not in the monthly figure)');
  await expect(page.locator('[data-testid="time-limited"]')).toContainText(expected.time_limited.text.en);
  await expect(page.locator('article[data-programme="gradual_exit"] .tag.pay')).toHaveText(label('Payment', 'TimeLimited').en);
  await expect(page.locator('[data-testid="next-steps"] li')).toHaveText(expected.next_steps.map((step: any) => step.en));
  await check(page, testInfo, 'money-gradual-exit-en-390');
});

test('gradual exit with a member who also qualifies alone: the alternative is marked and not added; a notice leads to its answer', async ({ page }, testInfo) => {
  const household = HOUSEHOLDS.gradualExitAlternative;
  const expected = cli(household);
  const alternatives = expected.programmes.filter((outcome: any) => outcome.alternative);
  expect(alternatives.length).toBeGreaterThan(0);
  expect(expected.notices.length).toBeGreaterThan(0);
  await openResult(page, household);
  await expectAmountsMatch(page, expected);
  await expectSplit(page, expected);
  await expect(page.locator('article.programme[data-alternative="true"]')).toHaveCount(alternatives.length);

  // The notices come first after the money, each with the way to its answer.
  const notices = page.locator('[data-testid="notices"]');
  await expect(notices.locator('h2')).toHaveText('请注意');
  await expect(notices.locator('li .notice-text')).toHaveText(expected.notices.map((notice: any) => notice.text.zh));
  const noticesBox = await notices.boundingBox();
  const nextBox = await page.locator('[data-testid="next-steps"]').boundingBox();
  expect(noticesBox!.y).toBeLessThan(nextBox!.y);
  await check(page, testInfo, 'money-gradual-exit-alternative-390');

  const field = expected.notices[0].field as string;
  await notices.locator(`li[data-field="${field}"] button[data-goto="3"]`).click();
  await onStep(page, 3);
  await expect(page.locator(`[data-field="${field}"]`)).toBeVisible();
  await page.getByRole('button', { name: '返回结果' }).click();
  await onStep(page, 5);
});

test('a household with the price-subsidy trigger met: dibao every month, the subsidy apart', async ({ page }, testInfo) => {
  const household = HOUSEHOLDS.priceSubsidy;
  const expected = cli(household);
  expect(expected.conditional, 'the CLI reports the price subsidy apart').toBeTruthy();
  await openResult(page, household);
  const paths = await expectAmountsMatch(page, expected);
  expect(paths.has('conditional.monthly')).toBe(true);
  await expectSplit(page, expected);
  await check(page, testInfo, 'money-price-subsidy-390');
});

test('without this month\'s CPI a resident is not asked for it: the price subsidy says when it is paid, apart from the total', async ({ page }, testInfo) => {
  const household = HOUSEHOLDS.priceMonthUnknown;
  const expected = cli(household);
  const price = expected.programmes.find((outcome: any) => outcome.programme === 'price_subsidy');
  expect(price.status, 'the CLI: eligible, in the months that meet the trigger').toBe('eligible');
  expect(price.missing ?? [], 'the CLI asks nothing').toEqual([]);
  await openResult(page, household);
  const paths = await expectAmountsMatch(page, expected);
  expect(paths.has('conditional.monthly')).toBe(true);
  await expectSplit(page, expected);
  const card = page.locator('article[data-programme="price_subsidy"]');
  await expect(card).toContainText('的月份发放');
  await expect(card).toContainText('家庭不用填写');
  await expect(card).toContainText('无需另行申请');
  await expect(card.getByRole('button', { name: '去填写' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '去填写' })).toHaveCount(0);
  await check(page, testInfo, 'money-price-month-unknown-390');
});

test('a programme that still needs answers shows no amount, on the card, the printed sheet and in the CLI', async ({ page }, testInfo) => {
  const household = HOUSEHOLDS.questionsOpen;
  const expected = cli(household);
  const open = expected.programmes
    .map((outcome: any, at: number) => ({ outcome, at }))
    .filter(({ outcome }: any) => outcome.status === 'needs_more_information' && outcome.monthly !== undefined);
  // The rules know what each would pay (dibao 878 without the family's property, tekun
  // without the supporters); neither is money the family can count on yet.
  expect(open.map(({ outcome }: any) => outcome.programme)).toEqual(['dibao', 'tekun']);
  await openResult(page, household);
  for (const { at } of open) {
    const card = page.locator(`article[data-index="${at}"]`);
    await expect(card).toHaveAttribute('data-status', 'needs_more_information');
    // No amount or range under the title (the figures of the steps stay under "why").
    await expect(card.locator('p.amount, p.range')).toHaveCount(0);
    await expect(card.locator(`[data-money="programmes[${at}].monthly"]`)).toHaveCount(0);
    await expect(card.locator('.missing li').first()).toBeVisible();
  }
  await expect(page.locator('[data-testid="total"] [data-money="total_monthly"]')).toHaveText('0');
  await pressPrint(page);
  for (const { at } of open) await expect(page.locator(`[data-print-money="programmes[${at}].monthly"]`)).toHaveText('');
  const explain = execFileSync(cliProgram, ['explain', household.file], { cwd: ROOT, encoding: 'utf8' });
  for (const line of explain.split('\n').filter((text) => text.includes('还需要补充信息'))) expect(line).not.toContain('每月');
  await check(page, testInfo, 'money-questions-open-390');
});

test('a tekun member whose self-care is not assessed yet: the sure amount, the range and what it depends on', async ({ page }, testInfo) => {
  const household = HOUSEHOLDS.tekunRange;
  const expected = cli(household);
  expect(expected.total_monthly_max).toBeDefined();
  await openResult(page, household);
  await expectAmountsMatch(page, expected);
  await expectSplit(page, expected);
  await expect(page.locator('[data-testid="total"] .range-notes')).toBeVisible();
  await check(page, testInfo, 'money-tekun-range-390');
});

// ---- The result's first screen ------------------------------------------------------

const FIRST_SCREEN = [
  'urban-family-with-grandmother',
  'gradual-exit',
  'rural-family-estimated-tier',
  'single-person-severe-disability',
  'tekun-partial-care',
  'marginal-family',
];

/** `doudi explain` of an example, in a language: its lines. */
function explainLines(name: string, lang: 'zh' | 'en'): string[] {
  const args = ['explain', path.join('examples', `${name}.json`), ...(lang === 'en' ? ['--lang', 'en'] : [])];
  return execFileSync(cliProgram, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 16 << 20 }).split('\n');
}

for (const name of FIRST_SCREEN) {
  test(`the result's first screen at 390 × 844 holds the total, its make-up in the CLI's words and the next steps: ${name}`, async ({ page }, testInfo) => {
    await page.setViewportSize({ width: 390, height: 844 });
    const household: Household = { name, file: path.join('examples', `${name}.json`), open: 'example' };
    const expected = cli(household);
    await openResult(page, household);
    await page.evaluate(() => window.scrollTo(0, 0));
    const inView = async (selector: string) => {
      const box = await page.locator(selector).first().boundingBox();
      expect(box, `${selector} is on the page`).not.toBeNull();
      expect(box!.y + Math.min(box!.height, 40), `${selector} starts on the first screen`).toBeLessThanOrEqual(844);
    };
    await inView('[data-testid="total"] .big');
    await inView('[data-testid="next-steps"] h2');
    // The make-up: the same line as `doudi explain` ("其中：低保 1606 元"), or none
    // when nothing is paid every month.
    const line = explainLines(name, 'zh').find((text) => text.startsWith('  其中：'));
    const makeUp = page.getByTestId('make-up');
    if (line === undefined) {
      await expect(makeUp).toHaveCount(0);
      expect(expected.total_monthly).toBe('0');
    } else {
      await inView('[data-testid="make-up"]');
      await expect(makeUp).toHaveText(line.trim());
    }
    await expectAmountsMatch(page, expected);
    await screenshot(page, testInfo, `result-first-screen-${name}-390.png`);
    // And in English.
    const english = explainLines(name, 'en').find((text) => text.startsWith('  Made up of: '));
    await page.getByRole('button', { name: 'English' }).click();
    if (english !== undefined) await expect(makeUp).toHaveText(english.trim());
  });
}

// ---- The printed sheet --------------------------------------------------------------

for (const key of ['gradualExit', 'priceSubsidy', 'gradualExitAlternative', 'tekunRange']) {
  test(`the printed sheet keeps the same split: ${HOUSEHOLDS[key].name}`, async ({ page }, testInfo) => {
    const household = HOUSEHOLDS[key];
    const expected = cli(household);
    await openResult(page, household);
    await pressPrint(page);
    await page.emulateMedia({ media: 'print' });
    const sheet = page.locator('[data-testid="print-sheet"]');
    await expect(sheet).toBeVisible();
    await expect(sheet.locator('.sheet-total')).toContainText('每月按月可得');
    await expect(sheet.locator('[data-print-money="total_monthly"]')).toHaveText(expected.total_monthly);
    // The monthly line holds no other figure of the sheet's.
    await expect(sheet.locator('.sheet-total [data-print-money]')).toHaveCount(1);
    const limited = sheet.locator('[data-print="time_limited"]');
    if (expected.time_limited) {
      await expect(limited.locator('[data-print-money="time_limited.monthly"]')).toHaveText(expected.time_limited.monthly);
      await expect(limited).toContainText('限期发放（不计入每月合计）');
      await expect(limited).toContainText(expected.time_limited.text.zh);
    } else {
      await expect(limited).toHaveCount(0);
    }
    const conditional = sheet.locator('[data-print="conditional"]');
    if (expected.conditional) {
      await expect(conditional.locator('[data-print-money="conditional.monthly"]')).toHaveText(expected.conditional.monthly);
      await expect(conditional).toContainText('有条件发放（不计入每月合计）');
      await expect(conditional).toContainText(expected.conditional.text.zh);
    } else {
      await expect(conditional).toHaveCount(0);
    }
    for (const [index, outcome] of expected.programmes.entries()) {
      const row = sheet.locator('table.sheet-outcomes tbody tr').nth(index);
      await expect(row).toHaveAttribute('data-payment', outcome.payment);
      if (outcome.alternative) {
        await expect(row).toHaveAttribute('data-alternative', 'true');
        await expect(row).toContainText(label('ALTERNATIVE').zh);
      }
      if (outcome.monthly !== undefined && outcome.monthly_min === undefined && outcome.status !== 'needs_more_information') {
        await expect(row.locator(`[data-print-money="programmes[${index}].monthly"]`)).toHaveText(outcome.monthly);
      }
    }
    await expect(sheet.locator('tr[data-alternative="true"]')).toHaveCount(expected.programmes.filter((outcome: any) => outcome.alternative).length);
    const printed = await sheet.innerText();
    for (const notice of expected.notices) expect(printed).toContain(notice.text.zh);
    expect(printed).toContain('下一步怎么办');
    for (const next of expected.next_steps) expect(printed).toContain(next.zh);
    await screenshot(page, testInfo, `print-money-${household.name}-390.png`);
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    const pdf = path.join(ARTIFACTS, `print-money-${household.name}.pdf`);
    await page.pdf({ path: pdf, format: 'A4', preferCSSPageSize: true });
    const pages = (fs.readFileSync(pdf, 'latin1').match(/\/Type\s*\/Page\b(?!s)/g) ?? []).length;
    expect(pages, 'A4 pages').toBeLessThanOrEqual(2);
  });
}

// ---- The other modes ------------------------------------------------------------------

test('the caseworker and publicity modes show the same split', async ({ page }, testInfo) => {
  const household = HOUSEHOLDS.gradualExit;
  const expected = cli(household);
  await gotoApp(page, `#mode=caseworker&example=${household.name}`);
  const result = page.locator('.cw-result');
  await expect(result.locator('.total .big [data-money="total_monthly"]')).toHaveText(expected.total_monthly);
  await expect(result.locator('[data-testid="time-limited"] [data-money="time_limited.monthly"]')).toHaveText(expected.time_limited.monthly);
  await expect(result.locator('[data-testid="next-steps"] li')).toHaveCount(expected.next_steps.length);
  await screenshot(page, testInfo, 'money-caseworker-gradual-exit-390.png');

  // A new page: only the fragment would change, and the mode is read on loading.
  await page.goto('about:blank');
  await gotoApp(page, '#mode=publicity');
  await page.locator(`button.pub-example[data-example="${household.name}"]`).click();
  const total = page.locator('.publicity .pub-total');
  await expect(total.locator('h3')).toHaveText('每月按月可得');
  await expect(total.locator('.big [data-money="total_monthly"]')).toHaveText(expected.total_monthly);
  await expect(total.locator('[data-testid="time-limited"] [data-money="time_limited.monthly"]')).toHaveText(expected.time_limited.monthly);
  const index = expected.programmes.findIndex((outcome: any) => outcome.programme === 'gradual_exit');
  await expect(page.locator(`.pub-card[data-index="${index}"] .tag.pay`)).toHaveText(label('Payment', 'TimeLimited').zh);
  await expectAccessible(page, testInfo, { name: 'money-publicity-gradual-exit-390' });
  await screenshot(page, testInfo, 'money-publicity-gradual-exit-390.png');
});

// The what-if chart tells the headline's own figures (issue 11, "one truth"): for every
// household above, its current point is the headline's monthly total and gradual exit,
// labelled with the family's money; the gradual exit's months are drawn (dashed) exactly
// where the CLI's points have them; the sentence names the CLI's next change; and the
// table holds the same points. Every amount on the page is compared with the CLI above.
for (const household of Object.values(HOUSEHOLDS)) {
  test(`the chart tells the headline's figures: ${household.name}`, async ({ page }, testInfo) => {
    const expected = cli(household);
    const curve = expected.what_if;
    await openResult(page, household);
    await expectAmountsMatch(page, expected);
    const chart = page.locator('.what-if');
    // The current point: the headline's total, labelled with the family's money.
    expect(curve.current.support).toBe(expected.total_monthly);
    expect(curve.current.exit_monthly).toBe(expected.time_limited?.monthly);
    await expect(chart.locator('svg [data-money="what_if.current.money"]')).toHaveText(curve.current.money);
    await expect(chart.locator('.legend [data-money="what_if.current.support"]')).toHaveText(
      (await page.locator('[data-testid="total"] [data-money="total_monthly"]').first().textContent()) ?? '',
    );
    await expect(chart.locator('svg circle.now')).toHaveCount(1);
    // The gradual exit's months: drawn where the CLI has them, and only there.
    const exits = curve.points.filter((point: any) => point.exit_monthly !== undefined).length;
    if (exits > 0) expect(await chart.locator('svg polyline.exit').count()).toBeGreaterThan(0);
    else await expect(chart.locator('svg polyline.exit')).toHaveCount(0);
    await expect(chart.locator('.legend .swatch.exit')).toHaveCount(exits > 0 ? 1 : 0);
    // The sentence names what changes next, as the CLI finds it.
    if (curve.next_change) {
      await expect(chart.locator('.headroom [data-money="what_if.next_change.more"]')).toHaveText(curve.next_change.more);
      await expect(chart.locator('.headroom [data-money="what_if.next_change.support"]')).toHaveText(curve.next_change.support);
    }
    // The table: the current row is marked, and every tick's income has a row.
    const table = chart.locator('details.chart-table');
    await table.locator('summary').click();
    await expect(table.locator('tr.now [data-money="what_if.current.support"]')).toHaveText(curve.current.support);
    const rows = await table.locator('tbody th').allTextContents();
    for (const tick of curve.x_ticks) {
      expect(rows.map((row) => row.replace(/现在$/, '')), `a row at ${tick}`).toContain(tick);
    }
    await chart.scrollIntoViewIfNeeded();
    await screenshot(page, testInfo, `chart-${household.name}-390.png`);
  });
}

// The words that must stay are explained once, in plain words, in both languages
// (web/src/components/glossary.rs): every programme's name on the result is in it.
test('the glossary explains the terms the result uses, in Chinese and in English', async ({ page }, testInfo) => {
  const household = HOUSEHOLDS.gradualExit;
  await openResult(page, household);
  const glossary = page.locator('[data-testid="glossary"]');
  await glossary.locator('summary').click();
  const terms = await glossary.locator('dt').allTextContents();
  expect(terms.length).toBeGreaterThanOrEqual(12);
  for (const term of ['低保', '渐退帮扶', '低保边缘家庭', '特困人员', '价格临时补贴', '临时救助', '分类施保']) {
    expect(terms.join('\n'), term).toContain(term);
  }
  // No figure: a figure depends on the date and is the rules' to give.
  expect((await glossary.locator('dd').allTextContents()).join('')).not.toMatch(/\d/);
  await glossary.scrollIntoViewIfNeeded();
  await check(page, testInfo, 'glossary-390');
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await expect(glossary.locator('dt').first()).toHaveText('Dibao (minimum living guarantee)');
  expect((await glossary.textContent()) ?? '').not.toMatch(/[\u4e00-\u9fff]{2,}(?![^()]*\))/);
});

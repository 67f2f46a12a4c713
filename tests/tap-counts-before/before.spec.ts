// The "before" tap counts: the five households of issue 11 entered on the OLD site
// (commit b654b9e, the parent of the redesign 772e38f), from opening the page to the
// result screen, as a careful resident would to get the right answer there, counting
// taps with a copy of the Taps class of tests/browser/support/walk.ts (every
// click, select-option, checkbox change and field filled is one tap; a field typed into
// counts once; a choice already at the wanted value costs nothing).
//
// Two counts are kept:
//   - `count`: the rules as written (no tap for a choice already at its value), as
//     walk.ts counts the "after" walks;
//   - `walkTs`: what walk.ts counted until 2026-12-01, when it selected a few fields
//     without first looking at them (the supporter's situation, the disability grade,
//     the student and illness selects) and so counted a tap even when the choice was
//     already right.
//
// Results (counts, what the taps were for, the headline, the statuses, the page
// heights) go to results/before-taps.json; screenshots of every screen to
// /tmp/before-shots (or $BEFORE_SHOTS).
import { expect, test, type Locator, type Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';

const SHOTS = process.env.BEFORE_SHOTS ?? '/tmp/before-shots';
const RESULTS = path.join(__dirname, 'results');
const BASE = process.env.DOUDI_BASE_URL ?? 'http://127.0.0.1:8091';
const VIEW_HEIGHT = 844;

// ---- Taps: a copy of walk.ts's class, with a note of what each tap was for ---------

class Taps {
  count = 0;
  walkTs = 0;
  spent: string[] = [];
  private tap(why: string): void {
    this.count += 1;
    this.walkTs += 1;
    this.spent.push(why);
  }
  async click(target: Locator, why: string): Promise<void> {
    this.tap(why);
    await target.click();
  }
  async fill(target: Locator, text: string, why: string): Promise<void> {
    this.tap(why);
    await target.fill(text);
  }
  /** A select: no tap when the option is selected already. `always`: walk.ts selects
   * this field without looking, so its count has a tap either way. */
  async select(target: Locator, label: string, why: string, always = false): Promise<void> {
    const current = ((await target.locator('option:checked').textContent()) ?? '').trim();
    if (current === label) {
      if (always) {
        this.walkTs += 1;
        this.spent.push(`(${why}: already "${label}"; walk.ts would count a tap)`);
      }
      return;
    }
    this.tap(why);
    await target.selectOption({ label });
  }
  async check(target: Locator, checked: boolean, why: string): Promise<void> {
    if ((await target.isChecked()) === checked) return;
    this.tap(why);
    await target.setChecked(checked);
  }
  /** A radio answer inside `scope`, by the question and the answer's words. */
  async answer(scope: Locator, question: string, choice: string, why: string): Promise<void> {
    const radio = scope
      .locator('fieldset.choice', { has: scope.page().locator('legend', { hasText: question }) })
      .getByLabel(choice, { exact: true });
    await this.check(radio, true, why);
  }
}

// ---- The households ------------------------------------------------------------------

interface IncomeEntry {
  kind: string;
  amount: string;
  yearly?: boolean;
}

interface SupporterEntry {
  name: string;
  situation: string;
}

interface MemberEntry {
  name: string;
  age: string;
  relation: string;
  incomes?: IncomeEntry[];
  disability?: { kind: string; grade: string };
  student?: string;
  /** The tekun questions (asked on the old site of anyone under 18, 60 or over, or disabled). */
  supporters?: 'none' | SupporterEntry[];
  ownProperty?: boolean;
  selfCare?: boolean[];
}

interface HouseholdEntry {
  county: string;
  rural: boolean;
  date: string;
  members: MemberEntry[];
  property: boolean;
  povertyAlleviated?: boolean;
  currentDibao?: string;
}

const WAGES = '工资性收入（工资、务工）';
const BUSINESS = '经营净收入（种养殖、做生意）';
const BASIC_PENSION = '城乡居民基础养老金';
const SCHOOL = '义务教育（小学、初中）';
const ABLE = '有赡养（抚养、扶养）能力';
const SEVERELY_DISABLED = '重度残疾且收入、财产符合规定';
const ALL_SIX_BUT_BATHING = [true, true, true, true, true, false];

/** The taps of the new walk (walk.spec.ts, as measured). */
/** The "after" counts, from the last walk of tests/browser/walk.spec.ts
 * (tests/browser/artifacts/tap-counts.json), when it has run. */
const AFTER: Record<string, number | undefined> = (() => {
  try {
    return JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'browser', 'artifacts', 'tap-counts.json'), 'utf8'));
  } catch {
    return {};
  }
})();

const WALKS: Record<string, HouseholdEntry> = {
  'urban-couple-with-a-child': {
    county: '汉台区',
    rural: false,
    date: '2026-11-29',
    property: true,
    members: [
      { name: '张伟', age: '35', relation: '申请人本人', incomes: [{ kind: WAGES, amount: '1500' }] },
      { name: '王芳', age: '33', relation: '配偶' },
      // The old site asks a child's tekun questions: its supporters are the parents at home.
      {
        name: '张小宝',
        age: '6',
        relation: '子女',
        supporters: [
          { name: '张伟', situation: ABLE },
          { name: '王芳', situation: ABLE },
        ],
      },
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
    members: [
      // Disabled, so the old site asks his tekun questions: his wife at home, able.
      {
        name: '父亲',
        age: '50',
        relation: '申请人本人',
        disability: { kind: '肢体残疾', grade: '1 级' },
        supporters: [{ name: '母亲', situation: ABLE }],
      },
      // The old site has no family income: the farm's 9600 a year goes under the mother.
      { name: '母亲', age: '48', relation: '配偶', incomes: [{ kind: BUSINESS, amount: '9600', yearly: true }] },
      { name: '大儿子', age: '20', relation: '子女', incomes: [{ kind: WAGES, amount: '1500' }] },
      // Under 18: the parents are their supporters (the father, truthfully, severely disabled).
      {
        name: '女儿',
        age: '15',
        relation: '子女',
        student: SCHOOL,
        supporters: [
          { name: '母亲', situation: ABLE },
          { name: '父亲', situation: SEVERELY_DISABLED },
        ],
      },
      {
        name: '小儿子',
        age: '10',
        relation: '子女',
        student: SCHOOL,
        supporters: [
          { name: '母亲', situation: ABLE },
          { name: '父亲', situation: SEVERELY_DISABLED },
        ],
      },
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
      {
        name: '吴子涵',
        age: '9',
        relation: '子女',
        student: SCHOOL,
        supporters: [
          { name: '吴海涛', situation: ABLE },
          { name: '郑晓燕', situation: ABLE },
        ],
      },
    ],
  },
  'aged-62-alone-cannot-bathe': {
    county: '城固县',
    rural: false,
    date: '2026-11-29',
    property: true,
    members: [{ name: '陈建国', age: '62', relation: '申请人本人', supporters: 'none', ownProperty: true, selfCare: ALL_SIX_BUT_BATHING }],
  },
};

// ---- Walking the old screens -------------------------------------------------------------

async function onStep(page: Page, step: number): Promise<void> {
  await expect(page.locator('.app')).toHaveAttribute('data-step', String(step));
}

async function screens(page: Page): Promise<number> {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  return Math.round((height / VIEW_HEIGHT) * 10) / 10;
}

async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true, animations: 'disabled' });
}

async function incomes(taps: Taps, scope: Locator, who: string, entries: IncomeEntry[]): Promise<void> {
  for (const [at, income] of entries.entries()) {
    await taps.click(scope.getByRole('button', { name: '＋ 添加一项收入' }), `${who}: add an income`);
    const row = scope.locator(`.income[data-income="${at}"]`);
    await taps.select(row.getByLabel('收入类型'), income.kind, `${who}: income kind`);
    await taps.fill(row.getByLabel('金额（元）'), income.amount, `${who}: income amount`);
    if (income.yearly) await taps.answer(row, '按月还是按年', '每年', `${who}: income per year`);
  }
}

interface Walked {
  taps: Taps;
  step3Screens: number;
}

async function enterOldSite(page: Page, name: string, household: HouseholdEntry): Promise<Walked> {
  const taps = new Taps();
  await page.goto(BASE);
  await expect(page.locator('h1', { hasText: '兜底' })).toBeVisible();
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await onStep(page, 1);
  await taps.select(page.getByLabel('县（区）'), household.county, 'screen 1: county');
  await taps.answer(page.locator('main'), '城市还是农村', household.rural ? '农村' : '城市', 'screen 1: urban/rural');
  const date = page.locator('#date');
  if ((await date.inputValue()) !== household.date) await taps.fill(date, household.date, 'screen 1: date');
  await shot(page, `${name}-1-place`);
  await taps.click(page.locator('#next'), 'next (1→2)');

  await onStep(page, 2);
  for (const [index, member] of household.members.entries()) {
    if (index > 0) await taps.click(page.locator('#add-member'), 'screen 2: add member');
    const card = page.locator(`fieldset.member[data-member="${index}"]`);
    await taps.fill(card.getByLabel('称呼（可不填）'), member.name, 'screen 2: name');
    await taps.fill(card.getByLabel('年龄（周岁）'), member.age, 'screen 2: age');
    await taps.select(card.getByLabel('与申请人的关系'), member.relation, 'screen 2: relation');
  }
  await shot(page, `${name}-2-members`);
  await taps.click(page.locator('#next'), 'next (2→3)');

  await onStep(page, 3);
  for (const [index, member] of household.members.entries()) {
    const card = page.locator(`section.member[data-member="${index}"]`);
    const who = `screen 3, ${member.name}`;
    await incomes(taps, card, who, member.incomes ?? []);
    if (member.disability) {
      await taps.select(card.getByLabel('残疾（持残疾证）'), member.disability.kind, `${who}: disability kind`, true);
      await taps.select(card.getByLabel('残疾等级'), member.disability.grade, `${who}: disability grade`, true);
    }
    if (member.student) await taps.select(card.getByLabel('在读情况'), member.student, `${who}: student`, true);
    if (member.selfCare) {
      await taps.answer(card, '生活自理能力（六项）', '逐项填写', `${who}: tekun self-care, item by item`);
      const items = card.locator('fieldset.self-care input[type="checkbox"]');
      for (const [item, can] of member.selfCare.entries()) await taps.check(items.nth(item), can, `${who}: tekun self-care item ${item + 1}`);
    }
    if (member.supporters === 'none') await taps.answer(card, '法定赡养', '没有义务人', `${who}: tekun supporters (none)`);
    else if (member.supporters) {
      await taps.answer(card, '法定赡养', '有义务人', `${who}: tekun supporters (some)`);
      for (const [supporterAt, supporter] of member.supporters.entries()) {
        if (supporterAt > 0) await taps.click(card.getByRole('button', { name: '＋ 添加义务人' }), `${who}: tekun add supporter`);
        const row = card.locator('.supporter').nth(supporterAt);
        await taps.fill(row.getByRole('textbox'), supporter.name, `${who}: tekun supporter name`);
        await taps.select(row.getByLabel('义务人情况'), supporter.situation, `${who}: tekun supporter situation`, true);
      }
    }
    if (member.ownProperty !== undefined) {
      await taps.answer(card, '本人财产符合特困人员财产规定', member.ownProperty ? '是' : '否', `${who}: tekun own property`);
    }
  }
  const family = page.locator('section.family');
  await taps.answer(family, '家庭财产', household.property ? '是' : '否', 'screen 3, family: property');
  if (household.povertyAlleviated) await taps.answer(family, '脱贫', '是', 'screen 3, family: poverty alleviated');
  if (household.currentDibao !== undefined) {
    await taps.answer(family, '目前正在享受低保', '是', 'screen 3, family: on dibao now');
    await taps.fill(family.getByLabel('目前每月领取的低保金'), household.currentDibao, 'screen 3, family: current dibao');
  }
  const step3Screens = await screens(page);
  await shot(page, `${name}-3-situation`);
  await taps.click(page.locator('#next'), 'next (3→4)');

  await onStep(page, 4);
  await shot(page, `${name}-4-summary`);
  await taps.click(page.locator('#next'), 'next (4→5)');
  await onStep(page, 5);
  return { taps, step3Screens };
}

/** "what: n" for the taps, grouped by what they were for (members' names folded). */
function summarise(spent: string[]): Record<string, number> {
  const groups: Record<string, number> = {};
  for (const why of spent) {
    if (why.startsWith('(')) continue;
    const key = why.replace(/^screen 3, (?!family)[^:]+: /, 'screen 3, member: ').replace(/ item \d$/, ' item');
    groups[key] = (groups[key] ?? 0) + 1;
  }
  return groups;
}

function record(name: string, data: unknown, fileName = 'before-taps.json'): void {
  fs.mkdirSync(RESULTS, { recursive: true });
  const file = path.join(RESULTS, fileName);
  let all: Record<string, unknown> = {};
  try {
    all = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    // The first walk writes the file.
  }
  all[name] = data;
  fs.writeFileSync(file, `${JSON.stringify(all, null, 2)}\n`);
}

for (const [name, household] of Object.entries(WALKS)) {
  test(`old site (b654b9e): ${name}`, async ({ page }) => {
    const { taps, step3Screens } = await enterOldSite(page, name, household);
    await expect(page.locator('[data-money="total_monthly"]').first()).toBeVisible();
    const total = ((await page.locator('[data-money="total_monthly"]').first().textContent()) ?? '').trim();
    const headline = ((await page.locator('.total').first().innerText()) ?? '').replace(/\s+/g, ' ').trim();
    const cards = await page.locator('article.programme').evaluateAll((articles) =>
      articles.map((article) => ({
        programme: article.getAttribute('data-programme'),
        status: article.getAttribute('data-status'),
        title: (article.querySelector('h3, h4')?.textContent ?? '').trim(),
      })),
    );
    const resultScreens = await screens(page);
    await shot(page, `${name}-5-result`);
    const data = {
      taps: taps.count,
      taps_as_walk_ts_counts: taps.walkTs,
      after: AFTER[name],
      spent: summarise(taps.spent),
      each_tap: taps.spent,
      total_monthly: total,
      headline: headline.slice(0, 300),
      cards,
      step3_screens: step3Screens,
      result_screens: resultScreens,
    };
    record(name, data);
    console.log(`before taps, ${name}: ${taps.count} (as walk.ts counts: ${taps.walkTs}; after: ${AFTER[name]}); total ${total}`);
  });
}

// ---- Why the old-only answers are needed ---------------------------------------------------
// The same households with only what the new walk enters (no tekun answers for the
// children and the disabled father, whom the new site does not ask about): what the old
// result then shows. Not counted; written to results/without-old-only-answers.json.

const NEW_WALK_SUPPORTERS = new Set(['李秀兰', '陈建国']);

for (const [name, household] of Object.entries(WALKS)) {
  test(`old site (b654b9e), without the old-only tekun answers: ${name}`, async ({ page }) => {
    const bare: HouseholdEntry = {
      ...household,
      members: household.members.map((member) => (NEW_WALK_SUPPORTERS.has(member.name) ? member : { ...member, supporters: undefined })),
    };
    const { taps } = await enterOldSite(page, `bare-${name}`, bare);
    const total = ((await page.locator('[data-money="total_monthly"]').first().textContent()) ?? '').trim();
    const cards = await page.locator('article.programme').evaluateAll((articles) =>
      articles.map((article) => `${(article.querySelector('h3, h4')?.textContent ?? '').trim()}: ${article.getAttribute('data-status')}`),
    );
    await shot(page, `bare-${name}-5-result`);
    record(name, { taps: taps.count, total_monthly: total, cards }, 'without-old-only-answers.json');
    console.log(`without old-only answers, ${name}: ${taps.count} taps; total ${total}; ${cards.filter((card) => card.includes('特困')).join('; ')}`);
  });
}

// 一分钟初步判断 (issue 14): the one-minute check from the first screen, for three
// households; "算得更准" carries every answer into the full flow (nothing typed again:
// the place, the members' rows, the family's income); the full flow's monthly total lies
// within the range the first answer gave. The ranges are the CLI's (`doudi quick`).
import { execFileSync } from 'node:child_process';
import type { Page } from '@playwright/test';
import { expect, expectAccessible, gotoApp, screenshot, test, waitForApp } from './support/app';
import { doudiCli } from './support/cli';
import { onStep, Taps } from './support/walk';

interface Household {
  name: string;
  county: string;
  rural: boolean;
  people: string;
  income: string;
  /** The boxes ticked: 70岁以上的老人, 未满18岁的孩子… */
  anyone: string[];
  /** The full flow: each member's age and relation, in the rows the check made. */
  members: { age: string; relation: string }[];
  /** What the full flow asks on screen 3 of the one living alone. */
  alone?: { supporters: 'none'; ownProperty: boolean; selfCare: boolean[] };
}

const DATE = '2026-11-01';

const HOUSEHOLDS: Household[] = [
  {
    name: 'urban-couple-no-income',
    county: '汉台区',
    rural: false,
    people: '2',
    income: '0',
    anyone: [],
    members: [{ age: '44', relation: '申请人' }, { age: '41', relation: '配偶' }],
  },
  {
    name: 'urban-three-with-grandmother',
    county: '汉台区',
    rural: false,
    people: '3',
    income: '600',
    anyone: ['70岁以上的老人'],
    members: [{ age: '45', relation: '申请人' }, { age: '43', relation: '配偶' }, { age: '81', relation: '父母' }],
  },
  {
    name: 'rural-widow-alone',
    county: '城固县',
    rural: true,
    people: '1',
    income: '0',
    anyone: ['70岁以上的老人'],
    members: [{ age: '79', relation: '申请人' }],
    alone: { supporters: 'none', ownProperty: true, selfCare: [true, true, true, true, true, true] },
  },
];

const COUNTY_IDS: Record<string, string> = { 汉台区: 'hantai', 城固县: 'chenggu' };
const ANYONE_KEYS: Record<string, string> = { '70岁以上的老人': 'aged_70_plus', 未满18岁的孩子: 'under_18' };

/** The first answer by the CLI, for the same answers. */
function cliQuick(household: Household): any {
  const answers = {
    county: COUNTY_IDS[household.county],
    category: household.rural ? 'rural' : 'urban',
    date: DATE,
    people: Number(household.people),
    monthly_income: household.income,
    anyone: Object.fromEntries(household.anyone.map((label) => [ANYONE_KEYS[label], true])),
  };
  return JSON.parse(execFileSync(doudiCli(), ['quick', '-', '--json'], { input: JSON.stringify(answers) }).toString());
}

async function quickCheck(page: Page, household: Household): Promise<void> {
  await gotoApp(page);
  await onStep(page, 1);
  await page.locator('#date').fill(DATE);
  await page.locator('#quick-start').click();
  await expect(page.locator('#step-title')).toHaveText('一分钟初步判断');
  await expect(page.locator('#step-title')).toBeFocused();
  // The place and the category are asked here (the first screen's answers, the same).
  await page.getByLabel('县（区）').selectOption({ label: household.county });
  await page.getByRole('radio', { name: household.rural ? '农村' : '城市' }).check();
  await expect(page.getByTestId('quick-date')).toContainText(`按 ${DATE} 的标准计算`);
  await page.getByLabel('家里共同生活的有几个人？').fill(household.people);
  await page.getByLabel('全家每月收入大约多少元？').fill(household.income);
  for (const label of household.anyone) await page.getByLabel(label).check();
}

for (const household of HOUSEHOLDS) {
  test(`the one-minute check gives a range that holds the full flow's total: ${household.name}`, async ({ page }, testInfo) => {
    await quickCheck(page, household);
    const cli = cliQuick(household);
    const total = page.getByTestId('quick-total');
    await expect(total).toHaveAttribute('data-low', cli.monthly.low);
    await expect(total).toHaveAttribute('data-high', cli.monthly.high);
    // Each programme's word and range are the CLI's; every badge has its words.
    for (const programme of cli.programmes) {
      const row = page.locator(`.quick-programme[data-programme="${programme.programme}"]`);
      await expect(row).toHaveAttribute('data-likely', programme.likely);
      await expect(row.locator('.badge')).toHaveText(/可能符合|需要补充|暂不符合/);
      if (programme.range) await expect(row).toHaveAttribute('data-low', programme.range.low);
    }
    await expectAccessible(page, testInfo, { name: `quick-${household.name}` });
    await screenshot(page, testInfo, `quick-${household.name}-390.png`);

    // 算得更准: the full flow with the answers carried over.
    await page.locator('#quick-more').click();
    await onStep(page, 2);
    // The place is the one answered in the check.
    await page.getByRole('button', { name: '上一步' }).click();
    await expect(page.getByLabel('县（区）')).toHaveValue(COUNTY_IDS[household.county]);
    await expect(page.getByRole('radio', { name: household.rural ? '农村' : '城市' })).toBeChecked();
    await expect(page.locator('#date')).toHaveValue(DATE);
    await page.locator('#next').click();
    await onStep(page, 2);
    const rows = page.locator('fieldset.member');
    await expect(rows).toHaveCount(household.members.length);
    if (household.anyone.length > 0) await expect(page.getByTestId('quick-said')).toContainText(household.anyone[0]);
    const taps = new Taps();
    for (const [index, member] of household.members.entries()) {
      const card = page.locator(`fieldset.member[data-member="${index}"]`);
      await taps.fill(card.getByLabel('年龄（周岁）'), member.age);
      if (index > 0) await taps.select(card.getByLabel('与申请人的关系'), { label: member.relation });
    }
    await page.locator('#next').click();
    await onStep(page, 3);
    // The family's income is there, as typed in the check.
    if (household.income !== '0') await expect(page.locator('section.family .income input').first()).toHaveValue(household.income);
    const family = page.locator('section.family');
    await taps.answer(family, '家庭财产', '是');
    if (household.alone) {
      const card = page.locator('section.member[data-member="0"]');
      await taps.answer(card, '法定赡养', '没有义务人');
      await taps.answer(card, '本人财产符合特困人员财产规定', household.alone.ownProperty ? '是' : '否');
      await taps.answer(card, '生活自理能力（六项）', '逐项填写');
      const items = card.locator('fieldset.self-care input[type="checkbox"]');
      for (const [item, can] of household.alone.selfCare.entries()) await taps.check(items.nth(item), can);
    }
    await page.locator('#next').click();
    await onStep(page, 4);
    await page.locator('#next').click();
    await onStep(page, 5);
    const monthly = Number(await page.locator('[data-testid="total"] [data-money="total_monthly"]').textContent());
    expect(monthly, `the full flow's total ${monthly} is within ${cli.monthly.low}–${cli.monthly.high}`).toBeGreaterThanOrEqual(Number(cli.monthly.low));
    expect(monthly).toBeLessThanOrEqual(Number(cli.monthly.high));
    expect(monthly).toBeGreaterThan(0);
  });
}

test('the one-minute check refuses what cannot be, at its field, and keeps its answers when left', async ({ page }) => {
  await quickCheck(page, { ...HOUSEHOLDS[0], people: '1', anyone: ['70岁以上的老人', '未满18岁的孩子'] });
  const situations = page.locator('fieldset[data-field="anyone"]');
  await expect(situations.getByRole('alert')).toContainText('一个人不能既是70岁以上又未满18岁');
  await page.getByLabel('家里共同生活的有几个人？').fill('两');
  await expect(page.locator('#quick-people-error')).toContainText('请填人数');
  // Back to the first page and in again: the answers are kept.
  await page.locator('#quick-back').click();
  await onStep(page, 1);
  await page.locator('#quick-start').click();
  await expect(page.getByLabel('家里共同生活的有几个人？')).toHaveValue('两');
  await expect(page.getByLabel('70岁以上的老人')).toBeChecked();
});

test('heavy spending on illness leads to medical and temporary assistance', async ({ page }, testInfo) => {
  await quickCheck(page, HOUSEHOLDS[1]);
  await page.getByLabel('看病花费大').check();
  const guidance = page.getByTestId('quick-guidance');
  await expect(guidance).toContainText('医疗救助');
  await expect(guidance).toContainText('临时救助');
  await expect(guidance).toContainText('52号 二(五)');
  await page.getByRole('button', { name: '长辈版：大字、宽行距、可朗读' }).click();
  await screenshot(page, testInfo, 'quick-elder-390.png');
});

test("the one-minute check's answers survive a reload in this tab, the check still open", async ({ page }) => {
  const household = HOUSEHOLDS[1];
  await quickCheck(page, household);
  await page.getByLabel('现在领低保', { exact: true }).check();
  const total = page.getByTestId('quick-total');
  const low = await total.getAttribute('data-low');
  await page.reload();
  await waitForApp(page);
  // The same check, open, every answer as given, and the same first answer.
  await expect(page.locator('#step-title')).toHaveText('一分钟初步判断');
  await expect(page.getByLabel('县（区）')).toHaveValue(COUNTY_IDS[household.county]);
  await expect(page.getByLabel('家里共同生活的有几个人？')).toHaveValue(household.people);
  await expect(page.getByLabel('全家每月收入大约多少元？')).toHaveValue(household.income);
  await expect(page.getByLabel(household.anyone[0])).toBeChecked();
  await expect(page.getByLabel('现在领低保', { exact: true })).toBeChecked();
  await expect(page.getByLabel('未满18岁的孩子')).not.toBeChecked();
  await expect(total).toHaveAttribute('data-low', low!);
  // Closed, the answers are still kept: opened again after a reload, they are there.
  await page.locator('#quick-back').click();
  await expect(page.locator('#step-title')).toHaveText('地点和日期');
  await page.reload();
  await waitForApp(page);
  await expect(page.locator('#step-title')).toHaveText('地点和日期');
  await page.locator('#quick-start').click();
  await expect(page.getByLabel('全家每月收入大约多少元？')).toHaveValue(household.income);
});

// A household entered through every screen as a resident would (flow.spec.ts,
// walk.spec.ts), with an axe scan and a screenshot of each screen, counting the taps it
// takes: every click, choice and field filled in is one tap (a field typed into counts
// once, however long the text; a choice already made costs none).
import type { Locator, Page, TestInfo } from '@playwright/test';
import { expect, expectAccessible, gotoApp, screenshot } from './app';

export interface IncomeEntry {
  kind: string;
  amount: string;
  yearly?: boolean;
}

export interface MemberEntry {
  name: string;
  age: string;
  relation: string;
  incomes?: IncomeEntry[];
  disability?: { kind: string; grade: string };
  illness?: string;
  student?: string;
  supporters?: 'none' | { name: string; situation: string }[];
  ownProperty?: boolean;
  selfCare?: boolean[];
  /** Lives with this able legal supporter: no tekun question (the note names them). */
  supporterAtHome?: string;
}

export interface HouseholdEntry {
  county: string;
  rural: boolean;
  date: string;
  tier?: string;
  cpi?: string;
  foodCpi?: string;
  members: MemberEntry[];
  property: boolean;
  povertyAlleviated?: boolean;
  /** The dibao received now, for a family on dibao. */
  currentDibao?: string;
  /** Income of the family as a whole (a farm, a shop). */
  shared?: IncomeEntry[];
}

/** Counts the taps of a walk through the screens. */
export class Taps {
  count = 0;
  async click(target: Locator): Promise<void> {
    this.count += 1;
    await target.click();
  }
  async fill(target: Locator, text: string): Promise<void> {
    this.count += 1;
    await target.fill(text);
  }
  /** Chooses an option of a select, by its label (or value); no tap when it is the
   * choice already. */
  async select(target: Locator, option: { label: string } | string): Promise<void> {
    const chosen = target.locator('option:checked');
    const already = typeof option === 'string' ? (await target.inputValue()) === option : (await chosen.textContent()) === option.label;
    if (already) return;
    this.count += 1;
    await target.selectOption(option);
  }
  async check(target: Locator, checked = true): Promise<void> {
    if ((await target.isChecked()) === checked) return;
    this.count += 1;
    await target.setChecked(checked);
  }
  /** A radio answer inside `scope`, by the question and the answer's words; no tap when
   * it is the answer already. */
  async answer(scope: Locator, question: string, choice: string): Promise<void> {
    const radio = scope
      .locator('fieldset.choice', { has: scope.page().locator('legend', { hasText: question }) })
      .getByLabel(choice, { exact: true });
    await this.check(radio);
  }
}

export async function onStep(page: Page, step: number): Promise<void> {
  await expect(page.locator('.app')).toHaveAttribute('data-step', String(step));
}

export async function checkScreen(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await expectAccessible(page, testInfo, { name });
  await screenshot(page, testInfo, `${name}.png`);
}

async function incomes(taps: Taps, scope: Locator, add: string, entries: IncomeEntry[]): Promise<void> {
  for (const [at, income] of entries.entries()) {
    await taps.click(scope.getByRole('button', { name: add }));
    const row = scope.locator(`.income[data-income="${at}"]`);
    const kind = row.getByLabel('收入类型');
    await taps.select(kind, { label: income.kind });
    await taps.fill(row.getByLabel('金额（元）'), income.amount);
    if (income.yearly) await taps.answer(row, '按月还是按年', '每年');
  }
}

/** Enters a household screen by screen, taking screenshots; returns the taps it took
 * (the page is then on the result). */
export async function enterThroughUi(page: Page, testInfo: TestInfo, prefix: string, household: HouseholdEntry): Promise<number> {
  const taps = new Taps();
  await gotoApp(page);
  await onStep(page, 1);
  const county = page.getByLabel('县（区）');
  await taps.select(county, { label: household.county });
  await taps.answer(page.locator('main'), '城市还是农村', household.rural ? '农村' : '城市');
  const date = page.locator('#date');
  if ((await date.inputValue()) !== household.date) await taps.fill(date, household.date);
  if (household.tier || household.cpi) {
    const options = page.locator('details.more', { hasText: '经办人选项' });
    if (!(await options.getAttribute('open'))) await taps.click(options.locator('summary'));
    if (household.tier) await taps.select(page.getByLabel('已评定的农村低保档次'), household.tier);
    if (household.cpi) await taps.fill(page.getByLabel('本月 CPI 同比涨幅（%）'), household.cpi);
    if (household.foodCpi) await taps.fill(page.getByLabel('本月食品 CPI 同比涨幅（%）'), household.foodCpi);
  }
  await checkScreen(page, testInfo, `${prefix}-1-place-390`);
  await taps.click(page.locator('#next'));

  await onStep(page, 2);
  for (const [index, member] of household.members.entries()) {
    if (index > 0) await taps.click(page.locator('#add-member'));
    const card = page.locator(`fieldset.member[data-member="${index}"]`);
    if (member.name) await taps.fill(card.getByLabel('称呼（可不填）'), member.name);
    await taps.fill(card.getByLabel('年龄（周岁）'), member.age);
    const relation = card.getByLabel('与申请人的关系');
    await taps.select(relation, { label: member.relation });
  }
  await checkScreen(page, testInfo, `${prefix}-2-members-390`);
  await taps.click(page.locator('#next'));

  await onStep(page, 3);
  for (const [index, member] of household.members.entries()) {
    const card = page.locator(`section.member[data-member="${index}"]`);
    await incomes(taps, card, '＋ 添加一项收入', member.incomes ?? []);
    if (member.disability) {
      await taps.select(card.getByLabel('残疾（持残疾证）'), { label: member.disability.kind });
      await taps.select(card.getByLabel('残疾等级'), { label: member.disability.grade });
    }
    if (member.illness) await taps.select(card.getByLabel('重病（国家大病专项救治病种）'), { label: member.illness });
    if (member.student) await taps.select(card.getByLabel('在读情况'), { label: member.student });
    if (member.selfCare) {
      await taps.answer(card, '生活自理能力（六项）', '逐项填写');
      const items = card.locator('fieldset.self-care input[type="checkbox"]');
      for (const [item, can] of member.selfCare.entries()) await taps.check(items.nth(item), can);
    }
    if (member.supporters === 'none') await taps.answer(card, '法定赡养', '没有义务人');
    else if (member.supporters) {
      await taps.answer(card, '法定赡养', '有义务人');
      for (const [supporterAt, supporter] of member.supporters.entries()) {
        if (supporterAt > 0) await taps.click(card.getByRole('button', { name: '＋ 添加义务人' }));
        const row = card.locator('.supporter').nth(supporterAt);
        await taps.fill(row.getByRole('textbox'), supporter.name);
        await taps.select(row.getByLabel('义务人情况'), { label: supporter.situation });
      }
    }
    if (member.ownProperty !== undefined) await taps.answer(card, '本人财产符合特困人员财产规定', member.ownProperty ? '是' : '否');
  }
  const family = page.locator('section.family');
  await incomes(taps, family, '＋ 添加一项全家共同的收入', household.shared ?? []);
  await taps.answer(family, '家庭财产', household.property ? '是' : '否');
  if (household.povertyAlleviated) await taps.answer(family, '是脱贫家庭', '是');
  if (household.currentDibao !== undefined) {
    await taps.answer(family, '目前正在享受低保', '是');
    await taps.fill(family.getByLabel('目前每月领取的低保金（元）'), household.currentDibao);
  }
  for (const [index, member] of household.members.entries()) {
    if (member.supporterAtHome === undefined) continue;
    const card = page.locator(`section.member[data-member="${index}"]`);
    await expect(card.getByTestId('tekun-at-home')).toContainText(`（${member.supporterAtHome}）同住`);
    await expect(card.locator('.tekun')).toHaveCount(0);
  }
  await checkScreen(page, testInfo, `${prefix}-3-situation-390`);
  await taps.click(page.locator('#next'));

  await onStep(page, 4);
  await checkScreen(page, testInfo, `${prefix}-4-summary-390`);
  await taps.click(page.locator('#next'));
  await onStep(page, 5);
  return taps.count;
}

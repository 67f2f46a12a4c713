// Plain answers at phone size (390 px): the questions people ask, answered in fixed text
// (doudi_rules::answers) with the clauses each rests on and how sure it is; all of them at
// the foot of the result, opened from each programme's "why" (without touching the
// address's fragment, which is a share link's), and each beside the question it
// explains on the screens. The words are the same as `doudi answers`.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { expect, expectAccessible, gotoApp, screenshot, test } from './support/app';
import { doudiCli } from './support/cli';

const ROOT = path.resolve(__dirname, '..', '..');
let cliProgram = '';

// The CLI of this checkout (support/cli.ts), built once per worker.
test.beforeAll(async () => {
  test.setTimeout(600_000);
  cliProgram = doudiCli();
});

/** `doudi answers`: (question, answer, basis line) for each. */
function cliAnswers(lang: 'zh' | 'en'): string[][] {
  const text = execFileSync(cliProgram, ['answers', '--lang', lang], { cwd: ROOT, encoding: 'utf8' });
  return text
    .trim()
    .split('\n\n')
    .map((block) => block.split('\n'));
}

test('every plain answer is at the foot of the result, in the words of doudi answers, with what it rests on', async ({ page }, testInfo) => {
  await gotoApp(page, '#example=tekun-partial-care');
  await page.locator('#next').click();
  await expect(page.locator('.app')).toHaveAttribute('data-step', '5');
  const section = page.getByTestId('answers');
  const expected = cliAnswers('zh');
  expect(expected.length).toBe(8);
  const items = section.locator('details.answer');
  await expect(items).toHaveCount(expected.length);
  for (const [index, [question, answer, basis]] of expected.entries()) {
    const item = items.nth(index);
    await item.locator('summary').click();
    await expect(item.locator('summary')).toHaveText(question);
    await expect(item.locator('p').first()).toHaveText(answer);
    // The basis line: the clauses, then how sure (a badge with words).
    const cite = (await item.locator('.cite').textContent())!.replace(/\s+/g, ' ').trim();
    expect(basis.replace(/（(已公布|推断|假设)）$/, ' $1')).toBe(cite);
  }
  await expect(page.locator('#answer-rights')).toContainText('行政复议');
  await page.locator('#answer-care_tier').scrollIntoViewIfNeeded();
  await screenshot(page, testInfo, 'answers-result-390.png');
  await expectAccessible(page, testInfo, { include: '[data-testid="answers"]', name: 'answers' });
});

test('a programme’s why opens the answers that explain it, and the address stays as it was', async ({ page }) => {
  await gotoApp(page, '#example=tekun-partial-care');
  await page.locator('#next').click();
  await expect(page.locator('.app')).toHaveAttribute('data-step', '5');
  const address = page.url();
  const card = page.locator('article.programme[data-programme="tekun"]').first();
  await card.locator('details.why > summary').click();
  await expect(card.locator('[data-open-answer]')).toHaveText(['成年子女有能力赡养，老人还能评特困吗？', '特困人员的护理等级怎么评？']);
  await card.locator('[data-open-answer="care_tier"]').click();
  const answer = page.locator('#answer-care_tier');
  await expect(answer).toHaveAttribute('open', '');
  await expect(answer.locator('summary')).toBeFocused();
  await expect(answer.locator('summary')).toBeInViewport();
  expect(page.url()).toBe(address);
  await expect(page.locator('.app')).toHaveAttribute('data-step', '5');
});

test('the answers stand beside the questions they explain', async ({ page }) => {
  await gotoApp(page, '#example=tekun-partial-care');
  await page.locator('[data-edit="2"]').first().click();
  await expect(page.locator('.app')).toHaveAttribute('data-step', '2');
  await expect(page.locator('details.answer[data-answer="family"] summary')).toHaveText('哪些人算家庭成员？');
  await page.locator('#next').click();
  await expect(page.locator('.app')).toHaveAttribute('data-step', '3');
  for (const id of ['income', 'supporters', 'care_tier', 'property']) {
    await expect(page.locator(`details.answer[data-answer="${id}"]`).first()).toBeAttached();
  }
  // In English, in English.
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await expect(page.locator('details.answer[data-answer="income"] summary')).toHaveText(cliAnswers('en')[1][0]);
});

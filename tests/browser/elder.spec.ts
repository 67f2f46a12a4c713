// 长辈版 (elder mode) at phone size (390 px), measured against the national 适老化 norms
// for websites (工信部《互联网网站适老化通用设计规范》, 2021): on every screen, the main
// text is at least 18 px, its line spacing (line-height) at least 1.3 times the font
// size, and the spacing of paragraphs at least 1.3 times the line spacing (from one
// paragraph's last line to the next one's first: line-height plus the gap between
// them); every status and basis has words, not colour alone. Read-aloud is tested with
// a stubbed speech API (what is spoken, in order, and in which language) and, with no
// voice on the device, the button says so plainly.
import type { Page } from '@playwright/test';
import { expect, expectAccessible, gotoApp, screenshot, test } from './support/app';

/** What a screen breaks of the norms: one line per element. */
async function breaches(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const shown = (element: Element) => {
      const box = (element as HTMLElement).getBoundingClientRect();
      return (element as HTMLElement).offsetParent !== null && box.width > 0 && box.height > 0 && (element.textContent ?? '').trim() !== '';
    };
    const name = (element: Element) => `${element.tagName.toLowerCase()}.${[...element.classList].join('.')} “${(element.textContent ?? '').trim().slice(0, 24)}”`;
    const text = [...document.querySelectorAll('main p, main li, main label, main legend, main dt, main dd, main td, main th, main button, main select, main input, main summary')];
    for (const element of text.filter(shown)) {
      const style = getComputedStyle(element);
      const size = parseFloat(style.fontSize);
      if (size < 18) out.push(`font ${size}px < 18px: ${name(element)}`);
      if (['button', 'select', 'input'].includes(element.tagName.toLowerCase())) continue;
      const line = parseFloat(style.lineHeight);
      if (!(line >= 1.3 * size - 0.01)) out.push(`line-height ${style.lineHeight} < 1.3 × ${size}px: ${name(element)}`);
    }
    // Paragraphs: consecutive p or li siblings stacked one under the other (not the
    // items of a row, such as the progress steps).
    for (const element of document.querySelectorAll('main p, main li')) {
      const next = element.nextElementSibling;
      if (!next || !['P', 'LI'].includes(next.tagName) || !shown(element) || !shown(next)) continue;
      const [box, nextBox] = [element.getBoundingClientRect(), next.getBoundingClientRect()];
      if (Math.abs(nextBox.left - box.left) > 1 || nextBox.top <= box.top) continue;
      const line = parseFloat(getComputedStyle(element).lineHeight);
      const gap = nextBox.top - box.bottom;
      if (line + gap < 1.3 * line - 0.5) out.push(`paragraph spacing ${(line + gap).toFixed(1)}px < 1.3 × ${line}px: ${name(element)}`);
    }
    return out;
  });
}

async function onStep(page: Page, step: number): Promise<void> {
  await expect(page.locator('.app')).toHaveAttribute('data-step', String(step));
}

/** The speech API, stubbed: what is spoken is recorded; `voices` says which languages
 * the device has voices for. */
async function stubSpeech(page: Page, voices: string[]): Promise<void> {
  await page.addInitScript((langs: string[]) => {
    const spoken: { text: string; lang: string }[] = [];
    (window as any).spoken = spoken;
    const synth = {
      speak(utterance: SpeechSynthesisUtterance) {
        spoken.push({ text: utterance.text, lang: utterance.lang });
      },
      cancel() {
        spoken.length = 0;
      },
      getVoices() {
        return langs.map((lang) => ({ lang, name: `stub ${lang}`, localService: true, default: false, voiceURI: lang }));
      },
      addEventListener() {},
      removeEventListener() {},
    };
    Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
  }, voices);
}

test('长辈版 meets the norms of text size, line and paragraph spacing on every screen', async ({ page }, testInfo) => {
  await gotoApp(page, '#example=urban-family-with-grandmother');
  await onStep(page, 4);
  await page.getByRole('button', { name: '长辈版：大字、宽行距、可朗读' }).click();
  await expect(page.locator('.app')).toHaveClass(/large/);
  await expect(page.getByRole('button', { name: '长辈版：大字、宽行距、可朗读' })).toHaveAttribute('aria-pressed', 'true');
  expect(await breaches(page), 'screen 4').toEqual([]);
  await page.locator('#next').click();
  await onStep(page, 5);
  expect(await breaches(page), 'screen 5').toEqual([]);
  await screenshot(page, testInfo, 'elder-result-390.png');
  await expectAccessible(page, testInfo, { name: 'elder-result' });
  for (const step of [1, 2]) {
    await page.locator(`[data-edit="${step}"]`).first().click();
    await onStep(page, step);
    expect(await breaches(page), `screen ${step}`).toEqual([]);
    await page.getByRole('button', { name: '返回结果' }).click();
    await onStep(page, 5);
  }
  // Screen 3 asks one part at a time in 长辈版 (fewer questions a screen): each of the
  // four members, then the family; every part meets the norms.
  await page.locator('[data-edit="3"]').first().click();
  await onStep(page, 3);
  for (const part of [1, 2, 3, 4, 5]) {
    await expect(page.getByTestId('part')).toHaveText(`第 ${part} 部分，共 5 部分`);
    await expect(page.locator('section.member')).toHaveCount(part < 5 ? 1 : 0);
    await expect(page.locator('section.family')).toHaveCount(part < 5 ? 0 : 1);
    await expect(page.locator('#step-title')).toBeFocused();
    expect(await breaches(page), `screen 3, part ${part}`).toEqual([]);
    if (part === 1) await screenshot(page, testInfo, 'elder-situations-390.png');
    await page.locator('#next').click();
  }
  await onStep(page, 4);
  await page.getByRole('button', { name: '上一步' }).click();
  await expect(page.getByTestId('part')).toHaveText('第 5 部分，共 5 部分');
});

test('read-aloud speaks the screen’s title and questions, then the result’s money and next steps, in Chinese', async ({ page }, testInfo) => {
  await stubSpeech(page, ['zh-CN', 'en-US']);
  await gotoApp(page, '#example=urban-family-with-grandmother');
  await onStep(page, 4);
  // Not in the ordinary mode.
  await expect(page.locator('#read-aloud')).toHaveCount(0);
  await page.getByRole('button', { name: '长辈版：大字、宽行距、可朗读' }).click();
  await page.locator('#next').click();
  await onStep(page, 5);
  await page.locator('[data-edit="1"]').first().click();
  await onStep(page, 1);
  await page.locator('#read-aloud').click();
  const spoken = async () => page.evaluate(() => (window as any).spoken as { text: string; lang: string }[]);
  const first = await spoken();
  expect(first[0]).toEqual({ text: '地点和日期', lang: 'zh-CN' });
  // Each question's label, in the page's order, as shown.
  const labels = await page.$$eval('main .step .field > label, main .step legend', (elements) =>
    elements.filter((element) => (element as HTMLElement).offsetParent !== null).map((element) => (element.textContent ?? '').split(/\s+/).filter(Boolean).join(' ')),
  );
  expect(first.slice(1).map((each) => each.text)).toEqual(labels.filter((label) => label !== ''));
  expect(first.every((each) => each.lang === 'zh-CN')).toBe(true);
  // The result: its title, the money as shown, then what to do next.
  await page.getByRole('button', { name: '返回结果' }).click();
  await onStep(page, 5);
  await page.locator('#read-aloud').click();
  const result = (await spoken()).map((each) => each.text);
  expect(result[0]).toBe('结果');
  expect(result[1]).toBe('每月按月可得');
  const total = (await page.locator('[data-testid="total"] .big').textContent())!.split(/\s+/).filter(Boolean).join(' ');
  expect(result[2]).toBe(total);
  expect(result[2]).toContain('1606');
  expect(result).toContain('下一步怎么办');
  await expect(page.locator('.read-aloud-status')).toHaveText('');
  await screenshot(page, testInfo, 'elder-read-aloud-390.png');
  // In English, in English.
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await page.locator('#read-aloud').click();
  const english = await spoken();
  expect(english[0]).toEqual({ text: 'Result', lang: 'en' });
});

test('with no voice for the language, the read-aloud button says so plainly', async ({ page }) => {
  await stubSpeech(page, ['en-US']);
  await gotoApp(page, '#example=urban-family-with-grandmother');
  await page.getByRole('button', { name: '长辈版：大字、宽行距、可朗读' }).click();
  await page.locator('#read-aloud').click();
  await expect(page.locator('.read-aloud-status')).toHaveText(/这台设备没有中文语音，不能朗读/);
  expect(await page.evaluate(() => (window as any).spoken.length)).toBe(0);
});

test('the one-minute check in 长辈版 meets the norms and reads its questions, then its answer, aloud', async ({ page }, testInfo) => {
  await stubSpeech(page, ['zh-CN']);
  await gotoApp(page);
  await onStep(page, 1);
  await page.getByRole('button', { name: '长辈版：大字、宽行距、可朗读' }).click();
  await page.locator('#quick-start').click();
  await expect(page.locator('#step-title')).toHaveText('一分钟初步判断');
  await page.getByLabel('家里共同生活的有几个人？').fill('3');
  await page.getByLabel('全家每月收入大约多少元？').fill('600');
  await page.getByLabel('70岁以上的老人').check();
  await page.getByLabel('看病花费大').check();
  await expect(page.getByTestId('quick-total')).toHaveAttribute('data-low', '1628');
  expect(await breaches(page), 'the one-minute check').toEqual([]);
  await screenshot(page, testInfo, 'elder-quick-390.png');
  await page.getByRole('button', { name: '朗读问题和初步判断' }).click();
  const spoken = (await page.evaluate(() => (window as any).spoken as { text: string; lang: string }[])).map((each) => each.text);
  // The title, the questions in order, then the answer: its total, each programme with
  // its word (never a colour alone), its range, and the guidance.
  expect(spoken[0]).toBe('一分钟初步判断');
  expect(spoken.slice(1, 8)).toEqual([
    '县（区）',
    '城市还是农村',
    '家里共同生活的有几个人？',
    '全家每月收入大约多少元？',
    '家里有没有这些人？（可多选）',
    '家里现在领低保吗？',
    '看病或上学花费很大吗？（可不填）',
  ]);
  expect(spoken[8]).toBe('每月合计：约 1628 元');
  expect(spoken[9]).toBe('最低生活保障（低保） 可能符合');
  expect(spoken[10]).toBe('约 1628 元 · 每月按月可得');
  expect(spoken.some((text) => text.startsWith('看病花费大：'))).toBe(true);
});

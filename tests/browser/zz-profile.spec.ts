import fs from 'node:fs';
import { expect, gotoApp, test } from './support/app';
test('profile recompute', async ({ page }) => {
  await gotoApp(page, '#mode=caseworker&example=urban-family-with-grandmother');
  const wages = page.locator('.cw-member').nth(1).locator('.income').first().getByLabel('金额（元）');
  await expect(wages).toHaveValue('600');
  await wages.evaluate((input) => input.setAttribute('data-timed', ''));
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  const times: number[] = [];
  for (let round = 0; round < 25; round += 1) {
    const amount = String(600 + 50 * (round + 1));
    times.push(await page.evaluate((amount) => new Promise<number>((resolve) => {
      const input = document.querySelector('input[data-timed]') as HTMLInputElement;
      const result = document.querySelector('.cw-result') as HTMLElement;
      const observer = new MutationObserver(() => { observer.disconnect(); const ms = performance.now() - start; setTimeout(() => resolve(ms), 300); });
      observer.observe(result, { subtree: true, childList: true, characterData: true, attributes: true });
      performance.mark('in');
      const start = performance.now();
      input.value = amount;
      input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: amount }));
    }), amount));
  }
  const { profile } = await cdp.send('Profiler.stop');
  fs.writeFileSync('/tmp/profile.json', JSON.stringify(profile));
  times.sort((a, b) => a - b);
  console.log('median', times[12]);
});

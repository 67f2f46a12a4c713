// A benchmark, not a timed test (it asserts no time): a reform costed over a large
// caseload in the site's caseload mode, on the device. Runs only when DOUDI_BENCH_CSV
// names a caseload, e.g. the generated 100,000 households of the batch benchmark:
//
//   DOUDI_BENCH_CSV=/tmp/100k.csv DOUDI_BENCH_HOUSEHOLDS=100000 cargo bench -p doudi-cli --bench batch
//   DOUDI_BENCH_CSV=/tmp/100k.csv npx playwright test --config tests/browser/playwright.config.ts reform-bench
//
// It prints the time from the press to the summary, and the worker's memory at its
// largest (its wasm memory, which only grows). docs/reform-format.md has the figures.
import path from 'node:path';
import { expect, gotoApp, test } from './support/app';

const FILE = process.env.DOUDI_BENCH_CSV;

test('a reform costed over a large caseload in the site: time and memory', async ({ page }) => {
  test.skip(!FILE, 'DOUDI_BENCH_CSV names no caseload');
  test.setTimeout(900_000);
  await gotoApp(page, '#mode=caseload');
  await page.locator('details.cl-reform summary').click();
  await page.locator('#cl-reform-text').fill(
    'name = "城市低保标准提高到每人每月 700 元"\n[[change]]\nparam = "dibao.urban.standard"\nfrom = "2026-10-01"\nvalue = "700"\n',
  );
  const started = Date.now();
  await page.locator('#cl-file').setInputFiles(path.resolve(FILE!));
  await expect(page.getByTestId('reform-summary')).toBeVisible({ timeout: 900_000 });
  const seconds = (Date.now() - started) / 1000;
  const memory = Number(await page.locator('.cl-done').getAttribute('data-worker-memory'));
  const change = await page.locator('.cl-change').getAttribute('data-change');
  console.log(`reform over ${FILE}: ${seconds.toFixed(1)} s from the press to the summary; the worker's memory at most ${(memory / 2 ** 20).toFixed(1)} MiB; monthly change ${change}`);
});

// Printing the result: its print button, and an A4 PDF (print.spec.ts, walk.spec.ts,
// money.spec.ts).
import type { Page, TestInfo } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ARTIFACTS, expect } from './app';

export function has(program: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${program}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** The number of pages of a PDF: pdfinfo's count when poppler is installed, else the
 * page objects in the file (Chromium writes them uncompressed). */
export function pageCount(file: string): number {
  if (has('pdfinfo')) {
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
  }
  return (fs.readFileSync(file, 'latin1').match(/\/Type\s*\/Page\b(?!s)/g) ?? []).length;
}

/** Prints the page to an A4 PDF in artifacts/ (and its pages as PNG, when poppler is
 * installed); returns the number of pages. */
export async function printToPdf(page: Page, testInfo: TestInfo, name: string): Promise<number> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.pdf`);
  await page.pdf({ path: file, format: 'A4', preferCSSPageSize: true });
  await testInfo.attach(`${name}.pdf`, { path: file, contentType: 'application/pdf' });
  if (has('pdftoppm')) {
    // Pages of an earlier, longer print would stay behind.
    const pagePng = new RegExp(`^${name}-\\d{1,2}\\.png$`);
    for (const old of fs.readdirSync(ARTIFACTS)) if (pagePng.test(old)) fs.rmSync(path.join(ARTIFACTS, old));
    execFileSync('pdftoppm', ['-png', '-r', '60', file, path.join(ARTIFACTS, name)]);
  }
  return pageCount(file);
}

/** Presses the result's print button, the browser's print dialog stubbed (counted in
 * `window.printed`), and waits for the dialog and the sheet. In a resident's app the
 * sheet is the tools' module's (web/src/tools.rs): the button hands the page over to
 * it, which draws the sheet and prints. */
export async function pressPrint(page: Page): Promise<void> {
  await page.evaluate(() => {
    const counted = window as unknown as { printed: number };
    counted.printed = 0;
    window.print = () => {
      counted.printed += 1;
    };
  });
  await page.locator('#print').click();
  await expect.poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  await expect(page.locator('[data-testid="print-sheet"]')).toBeAttached();
}

// Printing the result to an A4 PDF (print.spec.ts, walk.spec.ts).
import type { Page, TestInfo } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ARTIFACTS } from './app';

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

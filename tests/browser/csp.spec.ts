// The Content-Security-Policy that scripts/post-build.py puts into dist/index.html
// (and the test server also sends as a header): it names no other origin, the
// app runs under it without a single violation, and it is really enforced.
import { expect, gotoApp, test } from './support/app';

/** Every source a directive may list: keywords, hashes, and data:/blob: for images. */
const ALLOWED_SOURCE = /^('self'|'none'|'wasm-unsafe-eval'|'sha256-[A-Za-z0-9+/]{43}='|data:|blob:)$/;

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    const violations: string[] = [];
    Object.defineProperty(window, 'cspViolations', { value: violations });
    document.addEventListener('securitypolicyviolation', (event) => {
      violations.push(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'}`);
    });
  });
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const violations = (page: import('@playwright/test').Page) => page.evaluate(() => (window as any).cspViolations as string[]);

test('the policy allows no other origin and the app runs under it', async ({ page }) => {
  const response = await page.goto('/');
  await expect(page.locator('h1', { hasText: '兜底' })).toBeVisible();
  await page.waitForLoadState('networkidle');

  const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(meta, 'dist/index.html has the policy').toBeTruthy();
  // …and as a header, as scripts/serve.py and a host should, with the one directive a
  // <meta> cannot carry.
  expect(response?.headers()['content-security-policy'], 'the test server sends it too').toBe(
    `${meta}; frame-ancestors 'none'`,
  );

  const directives = new Map(
    meta!.split(';').map((directive) => {
      const [name, ...sources] = directive.trim().split(/\s+/);
      return [name, sources] as const;
    }),
  );
  for (const [name, sources] of directives) {
    for (const source of sources) expect(source, `${name} ${source}`).toMatch(ALLOWED_SOURCE);
  }
  expect(directives.get('default-src')).toEqual(["'self'"]);
  expect(directives.get('object-src')).toEqual(["'none'"]);
  expect(directives.get('base-uri')).toEqual(["'none'"]);
  expect(directives.get('script-src')).toContain("'wasm-unsafe-eval'");
  expect(directives.get('script-src')).not.toContain("'unsafe-inline'");
  expect(directives.get('script-src')).not.toContain("'unsafe-eval'");

  // The app runs under the policy (its wasm compiled, its start-up script ran), and so
  // does the rules module a script loads (a dynamic import, and its wasm).
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  expect(await page.evaluate(async () => typeof (await (window as any).doudi.load()).assess)).toBe('function');
  expect(await violations(page)).toEqual([]);
});

test('the policy is enforced: an injected inline script does not run', async ({ page, guard }) => {
  await gotoApp(page);
  const ran = await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.injectedScriptRan = true;';
    document.head.append(script);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return (window as any).injectedScriptRan === true;
  });
  expect(ran).toBe(false);
  // Reported once per policy: the <meta>, and the test server's header.
  await expect.poll(async () => new Set(await violations(page))).toEqual(new Set(['script-src-elem blocked inline']));
  // Chromium also reports the blocked script on the console: expected here, and only here.
  await expect.poll(() => guard.consoleErrors.length).toBeGreaterThan(0);
  for (const message of guard.consoleErrors) expect(message).toContain("violates the following Content Security Policy directive 'script-src");
  guard.consoleErrors.length = 0;
});

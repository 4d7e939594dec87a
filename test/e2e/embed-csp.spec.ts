/**
 * The embed under a strict Content-Security-Policy, sent as a real header by
 * test/embed/server.ts: no inline script or style, no eval. Every page loads
 * with no console errors, no CSP violations, and its styles applied (the
 * shadow roots' styles are constructed stylesheets, which `style-src 'self'`
 * allows, where Svelte's usual `<style>` elements would be refused).
 */
import { expect, test, type Page } from '@playwright/test';
import { collectProblems, labState } from '../embed/browser';
import { EMBED_ORIGIN } from '../embed/port';

/** Record CSP violations in the page, from before its first script runs. */
async function watchViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { violations: string[] };
    w.violations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
}

const violations = (page: Page) => page.evaluate(() => (window as unknown as { violations: string[] }).violations);

/** How each lab's shadow root is styled: constructed sheets adopted, no <style> elements. */
const shadowStyling = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('traffic-lab')].map((el) => ({
      adopted: el.shadowRoot?.adoptedStyleSheets.length ?? 0,
      styleElements: el.shadowRoot?.querySelectorAll('style').length ?? -1,
    })),
  );

test('the demo article loads under the strict policy with no console errors and its labs styled', async ({ page }) => {
  const problems = collectProblems(page);
  await watchViolations(page);
  const response = await page.goto(`${EMBED_ORIGIN}/embed-demo.html`);
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
  expect(response?.headers()['content-security-policy']).not.toContain('unsafe');

  await expect.poll(async () => (await labState(page.locator('#inline-lab'))).state).toBe('ready');
  await expect.poll(async () => (await labState(page.locator('#file-lab'))).state).toBe('ready');
  await page.locator('#inline-lab').scrollIntoViewIfNeeded();
  await expect.poll(async () => (await labState(page.locator('#inline-lab'))).now).toBeGreaterThan(0);

  for (const styling of await shadowStyling(page)) {
    expect(styling.adopted).toBeGreaterThan(2);
    expect(styling.styleElements).toBe(0);
  }
  // A styled lab: the diagram has its panel border, the primary button its colour (not the browser's defaults).
  const diagram = page.locator('#inline-lab figure.diagram');
  expect(await diagram.evaluate((el) => getComputedStyle(el).borderTopStyle)).toBe('solid');
  expect(await diagram.evaluate((el) => getComputedStyle(el).marginTop)).toBe('0px');
  expect(await violations(page)).toEqual([]);
  expect(problems).toEqual([]);
});

test('the iframe page loads under the strict policy (its own and the header) with no console errors', async ({ page }) => {
  const problems = collectProblems(page);
  await watchViolations(page);
  await page.goto(`${EMBED_ORIGIN}/embed.html?scenario=embed-demo/slow-server.yaml&autoplay&controls=full`);
  const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(meta).toContain("script-src 'self'");
  const lab = page.locator('traffic-lab');
  await expect.poll(async () => (await labState(lab)).now).toBeGreaterThan(0);
  await expect(lab.getByRole('list', { name: 'Event log' }).getByRole('listitem').first()).toBeVisible();
  expect((await shadowStyling(page))[0]?.styleElements).toBe(0);
  expect(await violations(page)).toEqual([]);
  expect(problems).toEqual([]);
});

test('the policy is really in force on these pages: eval and inline style are refused', async ({ page }) => {
  await watchViolations(page);
  await page.goto(`${EMBED_ORIGIN}/__fixtures__/csp-probe.html`);
  await expect(page.locator('body')).toHaveAttribute('data-eval', 'EvalError');
  await expect(page.locator('body')).toHaveAttribute('data-inline-style', 'refused');
  expect((await violations(page)).map((v) => v.split(' ')[0])).toEqual(expect.arrayContaining(['script-src', 'style-src-attr']));
});

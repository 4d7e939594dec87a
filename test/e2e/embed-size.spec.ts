/**
 * The size budget (issue 8) counted in a browser: a course page with one
 * `<traffic-lab lesson="…" step="…">` (default controls), every step of
 * every bundled lesson, and the gzip size of every script and style sheet
 * the page fetched from the embed before anyone touched it. The same
 * lessons and budget as the build-manifest count (test/embed/size.test.ts,
 * test/embed/budget.ts). Each step is then run for a while, so a world part
 * the step needs but did not load would show as an error here.
 */
import { gzipSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { collectProblems, labState } from '../embed/browser';
import { BUDGET_BYTES, LESSONS, OVER_BUDGET } from '../embed/budget';
import { EMBED_ORIGIN } from '../embed/port';

/** Open the lesson step and wait until it shows everything it shows without a click; the bytes it fetched, by file. */
async function openStep(page: Page, lesson: string, step: number): Promise<Map<string, number>> {
  const fetched = new Map<string, number>();
  const pending: Promise<void>[] = [];
  page.on('response', (response) => {
    const url = new URL(response.url());
    if (url.origin !== EMBED_ORIGIN || url.pathname.startsWith('/__fixtures__/') || !/\.(js|css)$/.test(url.pathname)) return;
    pending.push(response.body().then((body) => void fetched.set(url.pathname, gzipSync(body).length)));
  });
  await page.goto(`${EMBED_ORIGIN}/__fixtures__/lesson.html?${new URLSearchParams({ lesson, step: String(step) })}`);
  const lab = page.locator('#lab');
  await expect.poll(async () => (await labState(lab)).state).toBe('ready');
  // The step's text rendered from its tokens, and the panels under the diagram: the last things a step loads.
  await expect(lab.locator('.lesson .markdown')).toBeVisible();
  await expect(lab.getByText('Event log', { exact: false }).first()).toBeVisible();
  await page.waitForLoadState('networkidle');
  await Promise.all(pending);
  return fetched;
}

/** How many steps the lesson has, as its first step says ("step 1 of N"). */
async function stepCount(page: Page): Promise<number> {
  const place = await page.locator('#lab .lesson .place').textContent();
  const n = Number(/of (\d+)/.exec(place ?? '')?.[1]);
  expect(n, `"${place}" says how many steps`).toBeGreaterThan(0);
  return n;
}

for (const lesson of LESSONS) {
  const held = !OVER_BUDGET.includes(lesson);
  // A lesson still over the budget is counted and run, and its budget check shows as skipped in every summary.
  if (!held) test.skip(`every step of lesson ${lesson} stays within 150 kB gzip — NOT MET YET, see issue 8`, () => undefined);
  test(`every step of lesson ${lesson} runs, and what it loads before any interaction is counted${held ? ' and stays within 150 kB gzip' : ''}`, async ({ page }) => {
    test.setTimeout(60_000);
    const problems = collectProblems(page);
    // Requests still in flight: a step's run may load its goal checker; the next step's page must not abort that load.
    let inFlight = 0;
    page.on('request', () => void inFlight++);
    page.on('requestfinished', () => void inFlight--);
    page.on('requestfailed', () => void inFlight--);
    let steps = 1;
    for (let step = 1; step <= steps; step++) {
      const fetched = await openStep(page, lesson, step);
      if (step === 1) steps = await stepCount(page);
      const total = [...fetched.values()].reduce((a, b) => a + b, 0);
      console.log(`lesson ${lesson} step ${step}: ${(total / 1000).toFixed(1)} kB gzip in ${fetched.size} files`);
      expect(fetched.has('/traffic-lab.js'), 'the page loaded the embed').toBe(true);
      expect(total).toBeGreaterThan(10_000);
      if (held) expect(total, `lesson ${lesson} step ${step}: ${[...fetched].map(([f, n]) => `${f} ${n}`).join(', ')}`).toBeLessThanOrEqual(BUDGET_BYTES);
      // Run the step: every part of its world must be there.
      const lab = page.locator('#lab');
      await lab.evaluate((el) => (el as HTMLElement & { seek(ms: number): void }).seek(20_000));
      expect(await labState(lab)).toMatchObject({ state: 'ready', now: 20_000 });
      await expect.poll(() => inFlight).toBe(0);
    }
    expect(problems).toEqual([]);
  });
}

/**
 * The app's first slice in a real browser: the clock moves while playing and
 * only then, Step runs exactly one event, and a bad address gets a message.
 * Waits are on what the page shows (polling), never fixed sleeps.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';

/** The virtual clock in milliseconds, read from the element named "Virtual time" (e.g. "1.250 s"). */
async function virtualMs(clock: Locator): Promise<number> {
  const text = (await clock.textContent()) ?? '';
  const match = /([\d.]+)\s*s/.exec(text);
  if (match?.[1] === undefined) throw new Error(`"Virtual time" shows "${text}", expected a time like "1.250 s"`);
  return Math.round(Number(match[1]) * 1000);
}

/** The event numbers in the log ("#12" → 12); entries written outside an event have none. */
async function loggedEvents(page: Page): Promise<number[]> {
  const values = await page.getByRole('list', { name: 'Event log' }).getByRole('listitem').evaluateAll((items) =>
    items.map((li) => li.getAttribute('data-event') ?? ''),
  );
  return values.filter((v) => v !== '').map(Number);
}

test('plays, pauses and steps the demo scenario', async ({ page }) => {
  await page.goto('/');
  const clock = page.getByRole('timer', { name: 'Virtual time' });
  await expect(clock).toBeVisible();
  const start = await virtualMs(clock);

  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => virtualMs(clock), { message: 'virtual time advances while playing' }).toBeGreaterThan(start);

  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  const paused = await virtualMs(clock);
  // Paused means no frame moves the clock: it reads the same after several animation frames.
  await page.evaluate(() => new Promise<void>((done) => {
    let frames = 0;
    const tick = () => (++frames >= 10 ? done() : requestAnimationFrame(tick));
    requestAnimationFrame(tick);
  }));
  expect(await virtualMs(clock)).toBe(paused);

  const before = await loggedEvents(page);
  const lastBefore = Math.max(0, ...before);
  await page.getByRole('button', { name: 'Step' }).click();
  await expect.poll(async () => Math.max(0, ...(await loggedEvents(page)))).toBe(lastBefore + 1);
  const after = await loggedEvents(page);
  expect(after.filter((n) => n > lastBefore)).toEqual([lastBefore + 1]);
  expect(await virtualMs(clock)).toBeGreaterThanOrEqual(paused);
});

test('plays and steps from the keyboard', async ({ page }) => {
  await page.goto('/');
  const clock = page.getByRole('timer', { name: 'Virtual time' });
  await expect(clock).toBeVisible();
  const start = await virtualMs(clock);
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await expect.poll(() => virtualMs(clock)).toBeGreaterThan(start);
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  const lastBefore = Math.max(0, ...(await loggedEvents(page)));
  await page.keyboard.press('s');
  await expect.poll(async () => Math.max(0, ...(await loggedEvents(page)))).toBe(lastBefore + 1);
});

test('a scenario path that does not exist shows an error message, not a blank page', async ({ page }) => {
  await page.goto('/?scenario=/no-such-scenario.yaml');
  const alert = page.getByRole('alert');
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('no-such-scenario.yaml');
  await expect(alert).toContainText('Expected');
  await expect(page.getByRole('link', { name: 'Open the demo scenario instead' })).toBeVisible();
});

test('a bad seed says what was expected', async ({ page }) => {
  await page.goto('/?seed=banana');
  await expect(page.getByRole('alert')).toContainText('seed: expected a whole number');
});

test.describe('with reduced motion', () => {
  test.use({ reducedMotion: 'reduce' });

  test('highlights the link in words instead of moving packets', async ({ page }) => {
    await page.goto('/');
    const diagram = page.locator('figure.diagram');
    await expect(diagram).toBeVisible();
    // Step until something is on the wire (the demo sends within its first few events).
    for (let i = 0; i < 20 && !(await diagram.getByText(/in flight/).isVisible()); i++) {
      await page.getByRole('button', { name: 'Step' }).click();
    }
    await expect(diagram.getByText(/\d+ in flight/)).toBeVisible();
    await expect(diagram.locator('.packet')).toHaveCount(0);
  });
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 375, height: 740 } });

  test('fits the screen without sideways scrolling', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Step' })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});

test('a scenario with a mistake shows the file, line and what was expected', async ({ page }) => {
  await page.goto('/?scenario=/test/e2e/fixtures/unknown-key.yaml');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('has errors');
  await expect(alert).toContainText('unknown-key.yaml:13');
  await expect(alert).toContainText('latencyMss');
});

test('a scenario named in the address is fetched and played', async ({ page }) => {
  await page.goto('/?scenario=/lessons/scenarios/hello.yaml&seed=7&speed=1&autoplay=1');
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await expect(page.getByText('seed 7')).toBeVisible();
  await expect.poll(() => virtualMs(page.getByRole('timer', { name: 'Virtual time' }))).toBeGreaterThan(0);
});

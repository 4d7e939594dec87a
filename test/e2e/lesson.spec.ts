/**
 * A student takes a lesson in a real browser, from the course list to the
 * last goal, predictions included. Lesson 5 (passive health checks) waits on
 * nginx in the scenario world, so this takes the earliest lesson the world
 * supports today: "One server, one IP". Waits poll what the page shows.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';

async function virtualMs(clock: Locator): Promise<number> {
  const match = /([\d.]+)\s*s/.exec((await clock.textContent()) ?? '');
  return Math.round(Number(match?.[1] ?? 'NaN') * 1000);
}

async function fast(page: Page): Promise<void> {
  await page.getByLabel('Speed').selectOption('10');
}

test('takes "One server, one IP" from the course list to its last goal', async ({ page }) => {
  await page.goto('/?lessons');
  await page.getByRole('navigation', { name: 'Lessons' }).getByRole('link', { name: 'One server, one IP' }).click();
  await expect(page).toHaveURL(/lesson=one-server&step=1/);
  await expect(page.getByRole('heading', { name: 'Step 1 of 2: A request and its answer' })).toBeVisible();

  // The run waits for the prediction.
  const clock = page.getByRole('timer', { name: 'Virtual time' });
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Answer the prediction first' })).toBeVisible();
  expect(await virtualMs(clock)).toBeLessThan(200);

  await page.getByRole('radio', { name: 'app' }).check();
  await page.getByRole('button', { name: 'Lock in my prediction' }).click();
  await expect(page.getByText('You predicted app.')).toBeVisible();
  await fast(page);
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByText('Goals met: 2 of 2.')).toBeVisible({ timeout: 15_000 });
  await expect(page.getByText("The simulation's answer: app. You were right.")).toBeVisible();

  await page.getByRole('button', { name: 'Next step' }).click();
  await expect(page).toHaveURL(/lesson=one-server&step=2/);
  await expect(page.getByRole('heading', { name: 'Step 2 of 2: The server crashes' })).toBeVisible();
  await page.getByLabel('Your answer (requests)').fill('10');
  await page.getByRole('button', { name: 'Lock in my prediction' }).click();
  await page.getByRole('button', { name: 'Play' }).click();
  // The app crashes at 10 s; the student brings it back before 25 s.
  await expect.poll(() => virtualMs(clock), { timeout: 15_000 }).toBeGreaterThan(10_500);
  await page.getByRole('button', { name: 'Pause' }).click();
  expect(await virtualMs(clock)).toBeLessThan(25_000);
  await page.getByRole('button', { name: 'recover app' }).click();
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByText('Goals met: 2 of 2.')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText("The simulation's answer: 10. You were right.")).toBeVisible();

  // Progress is kept in the browser.
  await page.getByRole('link', { name: 'All lessons' }).click();
  const entry = page.getByRole('navigation', { name: 'Lessons' }).getByRole('listitem').filter({ hasText: 'One server, one IP' });
  await expect(entry.getByText('✓ done')).toBeVisible();
});

test('says why a goal is not met, from the trace', async ({ page }) => {
  await page.goto('/?lesson=one-server&step=2');
  await page.getByLabel('Your answer (requests)').fill('3');
  await page.getByRole('button', { name: 'Lock in my prediction' }).click();
  await fast(page);
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByText('0 of 2 goals met. See why below, then try again.')).toBeVisible({ timeout: 20_000 });
  const goals = page.getByRole('region', { name: 'Goals' });
  await expect(goals.getByText(/requests failed after t = 25 s/)).toBeVisible();
  await expect(goals.getByText(/connection refused/).first()).toBeVisible();
  await expect(page.getByText("The simulation's answer: 10. Not what you predicted.")).toBeVisible();
});

test('renders lesson Markdown as text: no markup from a lesson becomes HTML', async ({ page }) => {
  await page.goto('/?lesson=one-server&step=1');
  await expect(page.locator('article.lesson code').first()).toHaveText('GET /');
  expect(await page.locator('article.lesson script').count()).toBe(0);
});

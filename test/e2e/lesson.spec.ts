/**
 * A student takes lessons in a real browser: predictions before the run,
 * config edits and commands, goals met or diagnosed from the trace, progress
 * kept. Waits poll what the page shows; no fixed sleeps.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';

async function virtualMs(clock: Locator): Promise<number> {
  const match = /([\d.]+)\s*s/.exec((await clock.textContent()) ?? '');
  return Math.round(Number(match?.[1] ?? 'NaN') * 1000);
}

async function speed(page: Page, value: string): Promise<void> {
  await page.getByLabel('Speed').selectOption(value);
}

async function lockIn(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Lock in my prediction' }).click();
}

test('takes lesson 5, "When a backend crashes", from the course list to its last goal', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/?lessons');
  await page.getByRole('navigation', { name: 'Lessons' }).getByRole('link', { name: 'When a backend crashes' }).click();
  await expect(page).toHaveURL(/lesson=passive-health-checks&step=1/);
  await expect(page.getByRole('heading', { name: 'Step 1 of 3: A crash behind nginx' })).toBeVisible();

  // The run waits for the prediction.
  const clock = page.getByRole('timer', { name: 'Virtual time' });
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Answer the prediction first' })).toBeVisible();
  expect(await virtualMs(clock)).toBeLessThan(500);

  await page.getByRole('radio', { name: 'a few: nginx soon stops sending requests to app-2' }).check();
  await lockIn(page);
  await speed(page, '25');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByText('Goals met: 2 of 2.')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText("The simulation's answer: 8. You were right.")).toBeVisible();

  // Step 2: predict, then change the config so that nginx retries.
  await page.getByRole('button', { name: 'Next step' }).click();
  await expect(page).toHaveURL(/step=2/);
  await expect(page.getByRole('heading', { name: 'Step 2 of 3: Retry the next upstream' })).toBeFocused();
  await page.getByLabel('Your answer (connection attempts)').fill('8');
  await lockIn(page);
  await page.getByLabel('What nginx does when a connection to a server fails').selectOption('proxy_next_upstream error timeout;');
  await expect(page.getByRole('status').filter({ hasText: 'the step starts again from t = 0' })).toBeVisible();
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByText('Goals met: 2 of 2.')).toBeVisible({ timeout: 30_000 });

  // Step 3: tune max_fails and fail_timeout without retries.
  await page.getByRole('button', { name: 'Next step' }).click();
  await page.getByRole('radio', { name: '2', exact: true }).check();
  await lockIn(page);
  await page.getByLabel('max_fails and fail_timeout on each server line').selectOption('max_fails=1 fail_timeout=60s');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByText('Goal met: 1 of 1.')).toBeVisible({ timeout: 30_000 });

  // Progress is kept in the browser.
  await page.getByRole('link', { name: 'All lessons' }).click();
  const entry = page.getByRole('navigation', { name: 'Lessons' }).getByRole('listitem').filter({ hasText: 'When a backend crashes' });
  await expect(entry.getByText('✓ done')).toBeVisible();
});

test('says why a goal is not met, with nginx\'s own reasons from the trace', async ({ page }) => {
  await page.goto('/?lesson=passive-health-checks&step=2');
  await page.getByLabel('Your answer (connection attempts)').fill('30');
  await lockIn(page);
  await speed(page, '25');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByText('0 of 2 goals met. See why below, then try again.')).toBeVisible({ timeout: 30_000 });
  const goals = page.getByRole('region', { name: 'Goals' });
  await expect(goals.getByText('8 requests got 502 after t = 10 s')).toBeVisible();
  await expect(goals.getByText(/no retry because proxy_next_upstream \(off\) does not include error/).first()).toBeVisible();
  await expect(page.getByText("The simulation's answer: 8. Not what you predicted.")).toBeVisible();
});

test('a student\'s command at the right moment reaches the goal: recover the one server', async ({ page }) => {
  test.setTimeout(60_000);
  await page.goto('/?lesson=one-server&step=2');
  await page.getByLabel('Your answer (requests)').fill('15');
  await lockIn(page);
  await speed(page, '5');
  await page.getByRole('button', { name: 'Play' }).click();
  const clock = page.getByRole('timer', { name: 'Virtual time' });
  // The app crashes at 30 s; bring it back before 37 s (it takes 3 s to start).
  // Near the crash, slow down to real time, as a student would, so a busy machine cannot skip the window.
  await expect.poll(() => virtualMs(clock), { timeout: 20_000, intervals: [50] }).toBeGreaterThan(20_000);
  await page.getByRole('button', { name: 'Pause' }).click();
  expect(await virtualMs(clock)).toBeLessThan(30_000);
  await speed(page, '1');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => virtualMs(clock), { timeout: 20_000, intervals: [50] }).toBeGreaterThan(30_200);
  await page.getByRole('button', { name: 'Pause' }).click();
  expect(await virtualMs(clock)).toBeLessThan(36_000);
  await page.getByRole('button', { name: 'recover app' }).click();
  await speed(page, '10');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByText('Goals met: 2 of 2.')).toBeVisible({ timeout: 20_000 });
});

test('renders lesson Markdown as text: no markup from a lesson becomes HTML', async ({ page }) => {
  await page.goto('/?lesson=passive-health-checks&step=1');
  await expect(page.locator('article.lesson pre code').first()).toContainText('server 10.0.1.10:3000 max_fails=3 fail_timeout=30s;');
  expect(await page.locator('article.lesson script').count()).toBe(0);
});

test('says so when a lesson does not exist, and lists the lessons', async ({ page }) => {
  await page.goto('/?lesson=no-such-lesson');
  await expect(page.getByRole('alert')).toContainText('No lesson is called "no-such-lesson"');
  await expect(page.getByRole('navigation', { name: 'Lessons' }).getByRole('link')).not.toHaveCount(0);
});

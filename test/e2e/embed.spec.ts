/**
 * <traffic-lab> in a course page, as built (dist/traffic-lab.js) and served
 * with a strict CSP by test/embed/server.ts: independent instances, events
 * for the page, pausing off screen, style isolation both ways, and text
 * that stays text. Waits poll what the page shows; no fixed sleeps.
 */
import { expect, test, type Page } from '@playwright/test';
import { collectProblems, frames, labState } from '../embed/browser';
import { EMBED_ORIGIN } from '../embed/port';

const DEMO = `${EMBED_ORIGIN}/embed-demo.html`;

/** Append a `<traffic-lab>` with `id` and `attributes` to the demo's article, as a course page's own script would. */
async function addLab(page: Page, id: string, attributes: Record<string, string>): Promise<void> {
  await page.evaluate(
    ({ id, attributes }) => {
      const lab = document.createElement('traffic-lab');
      lab.id = id;
      for (const [name, value] of Object.entries(attributes)) lab.setAttribute(name, value);
      document.querySelector('article')?.append(lab);
    },
    { id, attributes },
  );
}

test('the demo article runs its labs independently of each other', async ({ page }) => {
  await page.goto(DEMO);
  const inline = page.locator('#inline-lab');
  const file = page.locator('#file-lab');

  // The inline lab autoplays once on screen; the file lab waits for its reader.
  await inline.scrollIntoViewIfNeeded();
  await expect.poll(async () => (await labState(inline)).now).toBeGreaterThan(0);
  await expect.poll(async () => (await labState(file)).state).toBe('ready');
  expect(await labState(file)).toMatchObject({ playing: false, now: 0 });

  // Pausing one leaves the other alone, and playing the other leaves the first paused.
  await inline.getByRole('button', { name: 'Pause' }).click();
  const pausedAt = (await labState(inline)).now;
  await file.scrollIntoViewIfNeeded();
  await file.getByRole('button', { name: 'Play' }).click();
  await expect.poll(async () => (await labState(file)).now).toBeGreaterThan(0);
  await frames(page);
  expect((await labState(inline)).now).toBe(pausedAt);

  // Stepping one runs one event there and nothing in the other.
  await file.getByRole('button', { name: 'Pause' }).click();
  const fileAt = await labState(file);
  await inline.getByRole('button', { name: 'Step' }).click();
  await expect.poll(async () => (await labState(inline)).now).toBeGreaterThan(pausedAt);
  expect(await labState(file)).toEqual(fileAt);

  // Each lab shows its own world.
  await expect(inline.getByText('One browser, one server')).toBeVisible();
  await expect(file.locator('[data-component="desktop"]')).toBeVisible();
  await expect(inline.locator('[data-component="desktop"]')).toHaveCount(0);
});

test('a lesson step shows where it is in the lesson and its text; a lesson that does not exist says so', async ({ page }) => {
  await page.goto(DEMO);
  const lesson = page.locator('#lesson-lab');
  await expect(lesson.getByText('one-server · step 2 of 2')).toBeVisible();
  await expect(lesson.getByText('The server crashes', { exact: true })).toBeVisible();
  // The step's Markdown, rendered: bold text is an element, not asterisks.
  await expect(lesson.locator('strong', { hasText: 't = 30 s' })).toBeVisible();

  await addLab(page, 'missing', { lesson: 'no-such-lesson' });
  const alert = page.locator('#missing').getByRole('alert');
  await expect(alert).toContainText('Lesson "no-such-lesson" not found');
  await expect(alert).toContainText('No lesson is called "no-such-lesson"');
});

test('a part of the simulation that fails to download is reported in the lab, not thrown away', async ({ page }) => {
  // The Kubernetes and NLB models load as one chunk before a cluster's world is built (src/embed/world-parts.ts).
  let refused = 0;
  await page.route(/\/assets\/_trafficlab-parts_cluster-[^/]*\.js$/, (route) => {
    refused++;
    return route.abort('connectionrefused');
  });
  await page.goto(DEMO);
  await addLab(page, 'offline', { lesson: 'kubernetes' });
  const alert = page.locator('#offline').getByRole('alert');
  await expect(alert).toContainText('could not be started');
  await expect(alert).toContainText('Part of the simulation could not be downloaded');
  expect(refused).toBeGreaterThan(0);
});

test('a lesson step tells the page when its goals are met', async ({ page }) => {
  await page.goto(DEMO);
  const lesson = page.locator('#lesson-lab');
  const progress = page.locator('#progress');
  await expect(progress.locator('[data-lab="lesson-lab"][data-event="trafficlab:stepchange"]')).toContainText('"lesson":"one-server","step":2');
  // The step crashes the app at 30 s; recovering it at 31 s meets both goals, checked when the run reaches 60 s.
  await lesson.evaluate((el) => {
    const lab = el as HTMLElement & { pause(): void; seek(ms: number): void; inject(f: unknown): void };
    lab.pause();
    lab.seek(31_000);
    lab.inject({ kind: 'recover', target: 'app' });
    lab.seek(60_000);
  });
  const goals = progress.locator('[data-lab="lesson-lab"][data-event="trafficlab:goal"]');
  await expect(goals).toHaveCount(2);
  await expect(goals.first()).toContainText('"lesson":"one-server","step":2');
});

test("the labs' events reach the page, and the JavaScript API drives a lab", async ({ page }) => {
  await page.goto(DEMO);
  const progress = page.locator('#progress');
  await expect(progress.locator('[data-lab="inline-lab"][data-event="trafficlab:ready"]')).toHaveCount(1);
  await expect(progress.locator('[data-lab="file-lab"][data-event="trafficlab:ready"]')).toHaveCount(1);
  await expect(progress.locator('[data-lab="lesson-lab"][data-event="trafficlab:ready"]')).toHaveCount(1);
  await expect(progress.locator('[data-lab="inline-lab"][data-event="trafficlab:ready"]')).toContainText('"seed":7');

  // pause() and seek() from a script.
  const inline = page.locator('#inline-lab');
  await inline.evaluate((el) => (el as HTMLElement & { pause(): void }).pause());
  await inline.evaluate((el) => (el as HTMLElement & { seek(ms: number): void }).seek(20_000));
  expect(await labState(inline)).toMatchObject({ now: 20_000, playing: false });

  // The page's own button calls inject(); the lab shows the crash and the page hears about it.
  await page.getByRole('button', { name: 'Crash the server' }).click();
  await expect(progress.locator('[data-lab="inline-lab"][data-event="trafficlab:fault"]')).toContainText('"kind":"crash","target":"app","atMs":20000');
  await expect(inline.locator('[data-component="app"]')).toContainText('crashed');

  // Seeking back before the crash replays the run without it.
  await inline.evaluate((el) => (el as HTMLElement & { seek(ms: number): void }).seek(500));
  expect(await labState(inline)).toMatchObject({ now: 500, playing: false });
  await expect(inline.locator('[data-component="app"]')).not.toContainText('crashed');

  // play() from a script (on screen: off screen it would wait to be scrolled to).
  await inline.scrollIntoViewIfNeeded();
  await inline.evaluate((el) => (el as HTMLElement & { play(): void }).play());
  await expect(progress.locator('[data-lab="inline-lab"][data-event="trafficlab:play"]').last()).toContainText('"atMs":500');
  const error = await inline.evaluate((el) => {
    try {
      (el as HTMLElement & { inject(f: unknown): void }).inject({ kind: 'explode', target: 'app' });
      return '';
    } catch (e) {
      return (e as Error).message;
    }
  });
  expect(error).toMatch(/inject: expected a fault such as/);
});

test('a lab starts when scrolled into view and pauses when scrolled away', async ({ page }) => {
  await page.setViewportSize({ width: 800, height: 600 });
  await page.goto(`${EMBED_ORIGIN}/__fixtures__/scroll.html`);
  const lab = page.locator('#below');
  await expect.poll(async () => (await labState(lab)).state).toBe('ready');
  await frames(page);
  expect(await labState(lab)).toMatchObject({ playing: false, now: 0 });

  await lab.scrollIntoViewIfNeeded();
  await expect.poll(async () => (await labState(lab)).playing).toBe(true);
  await expect.poll(async () => (await labState(lab)).now).toBeGreaterThan(0);

  await page.locator('#top').scrollIntoViewIfNeeded();
  await expect.poll(async () => (await labState(lab)).playing).toBe(false);
  const away = (await labState(lab)).now;
  await frames(page);
  expect((await labState(lab)).now).toBe(away);

  await lab.scrollIntoViewIfNeeded();
  await expect.poll(async () => (await labState(lab)).now).toBeGreaterThan(away);
});

test("the page's styles stay out of the lab and the lab's stay out of the page", async ({ page }) => {
  await page.goto(DEMO);
  const inline = page.locator('#inline-lab');
  const play = inline.getByRole('button', { name: /Play|Pause/ });
  await expect(play).toBeVisible();
  // The article sets Georgia, justified text and uppercase buttons; none of it applies inside.
  const inside = await play.evaluate((el) => {
    const s = getComputedStyle(el);
    const text = getComputedStyle(el.closest('.frame') ?? el);
    return { transform: s.textTransform, font: text.fontFamily, align: text.textAlign };
  });
  expect(inside.transform).toBe('none');
  expect(inside.font).not.toMatch(/Georgia/);
  expect(inside.align).not.toBe('justify');
  // The lab's button styles (a coloured primary button) do not reach the article's buttons.
  const outside = await page.getByRole('button', { name: 'Crash the server' }).evaluate((el) => getComputedStyle(el).textTransform);
  expect(outside).toBe('uppercase');
  const primary = await play.evaluate((el) => getComputedStyle(el).backgroundColor);
  const pageButton = await page.getByRole('button', { name: 'Crash the server' }).evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(primary).not.toBe(pageButton);
  // And nothing was added to the page's own stylesheets.
  expect(await page.evaluate(() => [document.styleSheets.length, document.adoptedStyleSheets.length])).toEqual([1, 0]);
});

test('markup in a scenario is shown as text, never made into elements', async ({ page }) => {
  const problems = collectProblems(page);
  await page.goto(`${EMBED_ORIGIN}/__fixtures__/hostile.html`);
  const lab = page.locator('#markup');
  await expect(lab.getByText('<img src=x id=injected-name>')).toBeVisible();
  await expect(lab.getByText('<b id=injected-description>bold?</b>')).toBeVisible();
  await expect(lab.getByText('<i id=injected-label>x</i>', { exact: true }).first()).toBeVisible();
  const broken = page.locator('#broken');
  await expect(broken.getByRole('alert')).toContainText('has errors');
  const injected = await page.evaluate(() =>
    [...document.querySelectorAll('traffic-lab')].flatMap((el) => [...(el.shadowRoot?.querySelectorAll('img, b, i, script, [id^="injected"]') ?? [])].map((n) => n.outerHTML)),
  );
  expect(injected).toEqual([]);
  expect(problems).toEqual([]);
});

test('keyboard shortcuts act on the lab that has focus and leave the page its own keys', async ({ page }) => {
  await page.goto(DEMO);
  const inline = page.locator('#inline-lab');
  const file = page.locator('#file-lab');
  await expect.poll(async () => (await labState(file)).state).toBe('ready');
  await inline.evaluate((el) => (el as HTMLElement & { pause(): void }).pause());
  const inlineAt = await labState(inline);

  // S with focus inside the file lab steps that lab only (a few steps: the first events run at t = 0).
  await file.getByRole('button', { name: 'Step' }).focus();
  for (let i = 0; i < 10 && (await labState(file)).now === 0; i++) await page.keyboard.press('s');
  expect((await labState(file)).now).toBeGreaterThan(0);
  expect((await labState(file)).playing).toBe(false);
  expect(await labState(inline)).toEqual(inlineAt);

  // With focus on the page, Space scrolls the page as usual and starts no lab.
  await page.locator('h1').click();
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.keyboard.press('Space');
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
  expect((await labState(inline)).playing).toBe(false);
  expect((await labState(file)).playing).toBe(false);
});
